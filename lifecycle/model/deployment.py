"""Phase 4: how the model is served, released and rolled back."""

from __future__ import annotations

from pydantic import Field

from .base import Row, Section, StageGate
from .choices import Comparator, InfraTest, RollbackMechanism, RolloutStrategy, ServingMode
from .fields import answer, many, text


class LaunchCriterion(Row):
    metric: str = text("Metric", "A product or guardrail metric watched at launch.", required=True)
    threshold: str = text("Must", "e.g. 'no drop over 1%', 'up at least 2%'.", required=True)


class QualityGateCheck(Row):
    metric: str = text("Metric", "An offline metric the candidate model is measured on, e.g. 'AUC'.", required=True)
    comparator: Comparator | None = answer("Must be", "How the value compares with the threshold.", required=True)
    threshold: float | None = answer("Threshold", "The number the metric is compared with.", required=True)
    slice: str = text("Slice", "'overall', or the data slice it is measured on.")


class Deployment(Section):
    serving_mode: ServingMode | None = answer("Serving mode", "", required=True, group="Serving spec")
    serving_environment: str = text(
        "Serving environment", "Where the model runs and in which format it is delivered.", required=True,
        group="Serving spec",
    )
    end_to_end_path: str = text(
        "End-to-end path", "How examples reach training and how predictions reach the product (Rules of ML #4).",
        required=True, long=True, group="Serving spec",
    )
    latency_budget_ms: int | None = answer("Latency budget (ms)", "Online serving only.", group="Serving spec", ge=0)
    decision_deadline_ms: int | None = answer(
        "Decision deadline (ms)", "How long the decision can wait for a prediction.", group="Serving spec", ge=0,
    )
    person_waiting: bool | None = answer(
        "Is a person waiting for the prediction?", "A customer at checkout, an agent on a call.", group="Serving spec",
    )
    expected_volume: str = text("Expected volume", "Predictions per hour or per batch.", group="Serving spec")
    fallback: str = text(
        "Fallback when the model fails", "What the product does if the model is down or returns nonsense.",
        required=True, long=True, group="Serving spec",
    )
    consumers: str = text(
        "Consumers of the predictions", "Every system that reads the output; undeclared consumers make change risky.",
        long=True, group="Serving spec",
    )
    shared_feature_code: bool | None = answer(
        "Same feature code for training and serving", "(Rules of ML #32)", group="Serving spec",
    )
    quality_gate_checks: list[QualityGateCheck] = many(
        "Pre-release quality gate", "The checks a candidate model must pass before export, one per row; a failing "
        "model is blocked (Rules of ML #9).", required=True, group="Release",
    )
    quality_gate: str = text(
        "Notes on the quality gate", "Who runs it, where, and what happens to a model that fails.", long=True,
        group="Release",
    )
    infra_tests: list[InfraTest] = many(
        "Infrastructure tests", "Tests of the pipeline independent of the model (Rules of ML #5).", group="Release",
    )
    model_diff_check: bool | None = answer(
        "New-vs-production output diff before release", "Including a self-diff sanity check (Rules of ML #24).",
        group="Release",
    )
    rollout_strategy: RolloutStrategy | None = answer("Rollout strategy", "", required=True, group="Release")
    rollout_plan: str = text(
        "Canary / rollout plan", "Traffic steps, bake time, who watches and what stops the rollout.", required=True,
        long=True, group="Release",
    )
    rollback_mechanism: RollbackMechanism | None = answer(
        "Rollback mechanism", "How the previous model is brought back.", required=True, group="Release",
    )
    rollback_minutes: float | None = answer(
        "Time to roll back (minutes)", "From the decision to roll back to the previous model serving.", group="Release",
        ge=0,
    )
    rollback_rehearsed: bool | None = answer("Rollback rehearsed?", "Has the team practised it?", group="Release")
    rollback_plan: str = text(
        "Rollback plan", "How to return to the previous model, how fast, and who can trigger it.", required=True,
        long=True, group="Release",
    )
    launch_criteria: list[LaunchCriterion] = many(
        "Launch criteria", "Metrics that must hold for a launch (Rules of ML #39).", required=True, group="Release",
    )
    iteration_plan: str = text(
        "Iteration plan", "Planned follow-up versions and relaunch cadence (Rules of ML #16).", long=True,
        group="Release",
    )
    gate: StageGate = Field(default_factory=StageGate)
