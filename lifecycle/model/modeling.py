"""Phase 3: the first model and how it is evaluated before anyone relies on it."""

from __future__ import annotations

from pydantic import Field

from .base import Row, Section, StageGate
from .choices import HumanEvaluation, ModelFamily, PositionBias, SelectionBasis, SplitStrategy
from .fields import answer, many, text


class EvaluationMetric(Row):
    name: str = text("Metric", "An offline metric, e.g. 'AUC' or 'recall@10'.", required=True)
    threshold: str = text("Threshold", "The value the model must reach.", required=True)
    slice: str = text("Slice", "'overall', or the data slice it is measured on.")


class UndesirableBehaviour(Row):
    behaviour: str = text("Behaviour", "Something users or reviewers would object to.", required=True)
    measurement: str = text("How it is measured", "Turning the complaint into a number (Rules of ML #27).", required=True)


class Modeling(Section):
    model_family: ModelFamily | None = answer(
        "First model family", "Keep the first model simple (Rules of ML #4, #14).", required=True, group="Model",
    )
    model_description: str = text(
        "Model approach", "Algorithm, key choices, and why this is the right first model.", required=True, long=True,
        group="Model",
    )
    ensemble_simple: bool | None = answer(
        "Ensemble kept simple", "If several models are combined: each is a base model or a simple, monotonic combiner "
        "over calibrated inputs, never both (Rules of ML #40).", group="Model",
    )
    position_bias: PositionBias | None = answer(
        "Position bias handling", "Ranking and recommendation only (Rules of ML #36).", group="Model",
    )
    ranking_feedback_mitigation: str = text(
        "Ranking feedback mitigation", "Ranking only: how the model copes with learning from its own rankings (Rules of ML #35).",
        long=True, group="Model",
    )
    policy_layer: bool | None = answer(
        "Abuse filtering in a separate policy layer", "Adversarial content only (Rules of ML #15).", group="Model",
    )
    filter_holdout_percent: float | None = answer(
        "Traffic held out from the filter (%)", "Filters only: share of traffic that bypasses the filter to collect "
        "unbiased labels (Rules of ML #34).", group="Model", ge=0, le=100,
    )
    evaluation_split: SplitStrategy | None = answer(
        "Evaluation split", "How test data is separated from training data (Rules of ML #33).", required=True,
        group="Evaluation",
    )
    test_period_days: float | None = answer(
        "Test period (days)", "Temporal splits: how long the test period is.", group="Evaluation", ge=0, le=36_500,
    )
    split_gap_days: float | None = answer(
        "Gap between training and test data (days)",
        "Temporal splits: days between the last training example and the first test example.",
        group="Evaluation", ge=0, le=36_500,
    )
    fit_on_train_only: bool | None = answer(
        "Preprocessing fitted on training data only", "Imputation, scaling, resampling and feature selection happen "
        "after the split.", group="Evaluation",
    )
    offline_metrics: list[EvaluationMetric] = many(
        "Offline metrics", "What the model must reach before it may ship.", required=True, group="Evaluation",
    )
    selection_basis: SelectionBasis | None = answer(
        "Models are chosen by", "Pick models on the decision they drive (Rules of ML #25).", required=True,
        group="Evaluation",
    )
    baseline_comparison: str = text(
        "Comparison with the baseline", "How the model is compared with the non-ML baseline.", required=True, long=True,
        group="Evaluation",
    )
    calibration_checked: bool | None = answer(
        "Calibration checked", "Predicted probabilities compared with observed rates (Rules of ML #14).", group="Evaluation",
    )
    human_evaluation: list[HumanEvaluation] = many(
        "Human evaluation", "Who judges the model besides metrics (Rules of ML #23).", group="Evaluation",
    )
    error_analysis: str = text(
        "Error analysis", "How wrong predictions are inspected for new features (Rules of ML #26).", long=True,
        group="Evaluation",
    )
    slices: str = text(
        "Important slices", "Segments the model must work well on (e.g. region, tenure, device).", long=True,
        group="Fairness",
    )
    bias_testing: str = text(
        "Bias testing", "Which groups, which fairness metric, which threshold. Leave empty if none is planned.", long=True,
        group="Fairness",
    )
    undesirable_behaviours: list[UndesirableBehaviour] = many(
        "Undesirable behaviours", "Known bad behaviour and how it is measured (Rules of ML #27).", group="Fairness",
    )
    reproducible_training: bool | None = answer(
        "Training is reproducible", "Same data and code give the same model.", group="Engineering",
    )
    feedback_loop: bool | None = answer(
        "Predictions influence future training data", "E.g. approved loans are the only ones with outcomes.",
        group="Engineering",
    )
    gate: StageGate = Field(default_factory=StageGate)
