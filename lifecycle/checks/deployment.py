"""Deployment checks: rollback, pre-export quality gate, gradual rollout, skew-safe serving, launch criteria."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import InfraTest, Project, RolloutStrategy, ServingMode
from .facts import placeholder, says_none, started
from .finding import Severity
from .registry import Hit, check

PHASE = "deployment"


def _blank(text: str) -> bool:
    return not text.strip() or placeholder(text)


@check("DE-001", "No rollback plan", phase=PHASE, severity=Severity.BLOCKER, refs=("ML Test Score Infra 7",))
def no_rollback(project: Project) -> Iterator[Hit]:
    """The rollback plan says there is none ('none', 'no rollback', 'TBD').

    A model that misbehaves in production must be replaceable by the previous version
    quickly and by a named person; without that, every release is a one-way door
    (ML Test Score Infra 7). An empty answer is reported by the gate check instead.
    """
    plan = project.deployment.rollback_plan
    if says_none(plan, r"roll\s*-?\s*back|revert|plan|way back"):
        yield Hit(
            message=f"The rollback plan is '{plan.strip()}': a bad model could not be taken back quickly.",
            fix="Keep the previous model deployable, say how to switch back (e.g. a registry alias), how fast, and "
                "who may trigger it; rehearse it once.",
            field="deployment.rollback_plan",
        )


@check("DE-002", "No pre-export quality gate", phase=PHASE, severity=Severity.BLOCKER, rules=(9,),
       refs=("ML Test Score Infra 4",))
def no_quality_gate(project: Project) -> Iterator[Hit]:
    """The pre-release quality gate says there is none.

    Sanity checks on held-out quality at export time stop a broken model before users see
    it (Rule 9, ML Test Score Infra 4). An empty answer is reported by the gate check.
    """
    gate = project.deployment.quality_gate
    if says_none(gate, r"gate|check|validation|threshold|test"):
        yield Hit(
            message=f"The pre-release quality gate is '{gate.strip()}': a broken model would be exported "
                    "unchecked.",
            fix="Block export unless held-out metrics (e.g. AUC, precision at threshold) meet a fixed threshold "
                "and do not drop against the current model.",
            field="deployment.quality_gate",
        )


@check("DE-003", "Released to everyone at once", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Infra 6",))
def all_at_once(project: Project) -> Iterator[Hit]:
    """The rollout is all at once: no canary, shadow or staged release.

    Releasing to a small share of traffic (or in shadow) first catches serving problems
    while they affect few users (ML Test Score Infra 6).
    """
    if project.deployment.rollout_strategy is RolloutStrategy.ALL_AT_ONCE:
        yield Hit(
            message="The model is released to all traffic at once: a serving bug or bad model hits every user.",
            fix="Run in shadow or on a small canary share first, with a bake time and stop criteria, then ramp up.",
            field="deployment.rollout_strategy",
        )


@check("DE-004", "Feature code not shared by training and serving", phase=PHASE, severity=Severity.WARNING,
       rules=(32,), refs=("ML Test Score Monitor 3",))
def feature_code_not_shared(project: Project) -> Iterator[Hit]:
    """Training and serving compute features with different code (answered 'no', or not stated).

    Two implementations of the same feature drift apart and cause training/serving skew
    (Rule 32).
    """
    deployment = project.deployment
    shared = deployment.shared_feature_code
    if shared is False or (shared is None and started(deployment)):
        stated = (
            "different code computes" if shared is False else "the plan does not say whether the same code computes"
        )
        yield Hit(
            message=f"For training and serving, {stated} the features.",
            fix="Use one feature library (or a feature store) for both training and serving, in the same language.",
            field="deployment.shared_feature_code",
        )


_RULE5_TESTS = (InfraTest.FEATURES_POPULATED, InfraTest.SAME_SCORE, InfraTest.MODEL_LOADS)


@check("DE-005", "Infrastructure not tested apart from the model", phase=PHASE, severity=Severity.WARNING,
       rules=(5,), refs=("ML Test Score Infra 2", "ML Test Score Infra 3"))
def infra_tests_missing(project: Project) -> Iterator[Hit]:
    """The plan lacks a basic infrastructure test: features populated, same score in training and serving, model loads.

    Testing the data-in and model-out paths on their own separates pipeline bugs from
    model quality (Rule 5). Only reported once the Deployment phase is started.
    """
    deployment = project.deployment
    if not started(deployment):
        return
    missing = [test for test in _RULE5_TESTS if test not in deployment.infra_tests]
    if missing:
        names = "; ".join(test.label.lower() for test in missing)
        yield Hit(
            message=f"Infrastructure tests not planned: {names}.",
            fix="Add tests that feature columns are populated, that training and serving give the same score for "
                "the same example, and that a fixed model loads and serves.",
            field="deployment.infra_tests",
        )


@check("DE-006", "New model not diffed against production", phase=PHASE, severity=Severity.ADVICE, rules=(24,))
def no_model_diff(project: Project) -> Iterator[Hit]:
    """No comparison of the new model's outputs with production's before release (answered 'no', or not stated).

    Measuring how much the outputs change (after checking a model against itself gives
    about zero) tells the team how big a change users will see (Rule 24).
    """
    deployment = project.deployment
    diff = deployment.model_diff_check
    if diff is False or (diff is None and started(deployment)):
        yield Hit(
            message="The new model's outputs are not compared with the production model's before release.",
            fix="Before release, measure the share of changed predictions (or ranking overlap) between the new "
                "and current model, after a self-diff sanity check.",
            field="deployment.model_diff_check",
        )


@check("DE-007", "Launch rests on a single metric", phase=PHASE, severity=Severity.WARNING, rules=(39,))
def single_launch_metric(project: Project) -> Iterator[Hit]:
    """Only one launch criterion is listed.

    Launch decisions stand in for long-term product health and weigh several metrics and
    guardrails; a single number invites a launch that wins it and loses elsewhere (Rule 39).
    """
    criteria = project.deployment.launch_criteria
    if len(criteria) == 1:
        only = criteria[0].metric.strip() or "the only criterion"
        yield Hit(
            message=f"The launch depends on one metric ('{only}') with no guardrails.",
            fix="Add guardrail metrics that must not drop (e.g. revenue, complaints, latency) next to the target "
                "metric.",
            field="deployment.launch_criteria",
            subject=only,
        )


@check("DE-008", "Single launch, no iteration planned", phase=PHASE, severity=Severity.ADVICE, rules=(16,))
def no_iteration_plan(project: Project) -> Iterator[Hit]:
    """No follow-up versions or relaunch cadence are planned.

    A model is a stream of launches; planning for iteration keeps features easy to add and
    remove and the pipeline easy to rerun (Rule 16). Only reported once the Deployment
    phase is started.
    """
    deployment = project.deployment
    if started(deployment) and _blank(deployment.iteration_plan):
        yield Hit(
            message="The plan stops at the first launch: no follow-up versions or relaunch cadence.",
            fix="Sketch the next two iterations (features, data, model) and how often a new model is launched.",
            field="deployment.iteration_plan",
        )


@check("DE-009", "Online serving with no latency budget", phase=PHASE, severity=Severity.ADVICE,
       refs=("ML Test Score Monitor 6",), when="online, streaming and edge serving")
def no_latency_budget(project: Project) -> Iterator[Hit]:
    """The model serves requests online (or on events/devices) but no latency budget is set.

    Without a budget, a slower model or feature lookup degrades the product unnoticed
    (ML Test Score Monitor 6).
    """
    deployment = project.deployment
    if deployment.serving_mode in (ServingMode.ONLINE, ServingMode.STREAMING, ServingMode.EDGE) \
            and deployment.latency_budget_ms is None:
        yield Hit(
            message=f"Serving is '{deployment.serving_mode.label.split(':')[0]}' and no latency budget is set.",
            fix="Set the latency budget (e.g. p99 in ms) the model and its feature lookups must meet.",
            field="deployment.latency_budget_ms",
        )


@check("DE-010", "Consumers of the predictions not declared", phase=PHASE, severity=Severity.ADVICE,
       refs=("Technical debt: undeclared consumers",))
def undeclared_consumers(project: Project) -> Iterator[Hit]:
    """The systems that read the model's output are not listed.

    Undeclared consumers couple silently to the model; changing it then breaks systems
    nobody knew about (hidden technical debt). Only reported once the Deployment phase is
    started.
    """
    deployment = project.deployment
    if started(deployment) and _blank(deployment.consumers):
        yield Hit(
            message="The consumers of the predictions are not declared.",
            fix="List every system or team that reads the predictions, and restrict access to them.",
            field="deployment.consumers",
        )
