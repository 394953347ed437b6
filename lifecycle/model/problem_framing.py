"""Phase 1: what problem, for whom, judged by which signed-off metric."""

from __future__ import annotations

from pydantic import Field

from .base import Row, Section, StageGate
from .choices import BaselineKind, DataAvailability, HeuristicDisposition, LabelType, MetricLogging, MetricStatus, MLTask
from .fields import answer, many, text


class BusinessMetric(Row):
    name: str = text("Metric", "The business or product measure, e.g. 'monthly churn rate'.", required=True)
    owner: str = text("Owner", "Who answers for this metric on the business side.", required=True)
    baseline: str = text("Baseline", "Today's value, if known.")
    target: str = text("Target", "The value that counts as success.", required=True)
    logging: MetricLogging | None = answer("Logging", "Is the metric measured today?", required=True)
    status: MetricStatus | None = answer("Status", "How far the metric is agreed.", required=True)


class Heuristic(Row):
    name: str = text("Heuristic", "An existing rule or manual process.", required=True)
    description: str = text("What it does", "", required=True)
    disposition: HeuristicDisposition | None = answer(
        "What happens to it", "How the rule feeds the ML system (Rules of ML #7).", required=True
    )


class ProblemFraming(Section):
    problem_statement: str = text(
        "Problem statement",
        "The business problem in plain words: who has it, what it costs, and why now.",
        required=True,
        long=True,
        group="Problem",
    )
    users: str = text(
        "Users and stakeholders", "Who uses the predictions and who is affected by them.", required=True, long=True, group="Problem"
    )
    decision_supported: str = text(
        "Decision the predictions drive",
        "How a prediction turns into an action for the user or the business.",
        required=True,
        long=True,
        group="Problem",
    )
    out_of_scope: str = text("Out of scope", "What this project will deliberately not do.", long=True, group="Problem")
    cost_of_errors: str = text(
        "Cost of wrong predictions",
        "What a false positive and a false negative cost, and who bears it.",
        required=True,
        long=True,
        group="Problem",
    )
    ml_task: MLTask | None = answer("ML task", "The kind of prediction.", required=True, group="Prediction task")
    prediction_target: str = text(
        "What is predicted", "The output, for which entity, at which moment.", required=True, group="Prediction task"
    )
    label_type: LabelType | None = answer(
        "Label type", "What the model learns from (Rules of ML #13).", required=True, group="Prediction task"
    )
    label_definition: str = text(
        "Label definition", "Exactly how an example gets its label, and how long until the outcome is known.",
        required=True, long=True, group="Prediction task",
    )
    label_delay_typical_days: float | None = answer(
        "Label delay, typical (days)",
        "How long, typically, until the outcome of a prediction is known (0.5 = 12 hours).",
        required=True, group="Prediction task", ge=0, le=36_500,
    )
    label_delay_worst_days: float | None = answer(
        "Label delay, worst case (days)", "The longest wait for an outcome that still counts (e.g. the 95th percentile).",
        group="Prediction task", ge=0, le=36_500,
    )
    positive_class_share_percent: float | None = answer(
        "Positive class share (%)",
        "Classification: the share of examples in the positive class, or the target's base rate. A trivial model "
        "that always predicts the majority class scores this well on accuracy.",
        group="Prediction task", ge=0, le=100,
    )
    labels_from_heuristic: bool | None = answer(
        "Labels produced by a rule or another model?",
        "Is any label the output of a heuristic, a rule or another model rather than an observed outcome?",
        group="Prediction task",
    )
    training_objective: str = text(
        "Training objective", "The single thing the first model optimises (Rules of ML #12).", required=True,
        group="Prediction task",
    )
    labelled_data: DataAvailability | None = answer(
        "Labelled data available?", "Is there history to learn from (Rules of ML #1)?", required=True, group="Baseline"
    )
    non_ml_baseline: str = text(
        "Non-ML baseline",
        "The heuristic or manual process in place today, and how well it does (Rules of ML #1, #3).",
        required=True,
        long=True,
        group="Baseline",
    )
    baseline_kind: BaselineKind | None = answer(
        "Baseline the model must beat", "What the first model is compared with (Rules of ML #1, #3).", required=True,
        group="Baseline",
    )
    baseline_metric: str = text(
        "Baseline measured with", "The metric the baseline is measured with, as in the offline metrics.", group="Baseline",
    )
    baseline_value: float | None = answer(
        "Baseline value", "The baseline's measured value on the evaluation data.", group="Baseline",
    )
    heuristics: list[Heuristic] = many(
        "Existing heuristics", "Rules in use today and what happens to each (Rules of ML #7).", group="Baseline"
    )
    false_positive_cost: float | None = answer(
        "Cost of a false positive", "What acting on a wrong positive prediction costs, in the unit below.",
        group="Decision costs", ge=0,
    )
    false_negative_cost: float | None = answer(
        "Cost of a false negative", "What missing a true positive costs, in the unit below.", group="Decision costs", ge=0,
    )
    cost_unit: str = text("Cost unit", "e.g. 'EUR per applicant', 'minutes of analyst time'.", group="Decision costs")
    threshold_rule: str = text(
        "How the decision threshold follows from the costs",
        "e.g. 'act when p > FP / (FP + FN) = 0.17, re-checked on the validation month'.",
        long=True, group="Decision costs",
    )
    business_metrics: list[BusinessMetric] = many(
        "Business metrics", "How success is measured, with an owner and sign-off (Rules of ML #2).", required=True,
        group="Success metrics",
    )
    ab_testing_available: bool | None = answer(
        "Can outcomes be A/B tested?", "Is experiment bucketing available to compare against today's system?",
        group="Success metrics",
    )
    adversarial_content: bool | None = answer(
        "Can inputs be adversarial or abusive?",
        "Spam, fraud or gaming of the system (Rules of ML #15).",
        group="Risks",
    )
    acts_as_filter: bool | None = answer(
        "Does the model filter or block items?",
        "A filter hides what it rejects, which biases future labels (Rules of ML #34).",
        group="Risks",
    )
    gate: StageGate = Field(default_factory=StageGate)
