"""Every check, once where it fires and once where it stays quiet.

Cases start from ``tests/fixtures/perfect.yaml`` (which gives no findings at all) and
change one or two answers. ``FIRES`` and ``QUIET`` must name every registered check.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lifecycle.checks import REGISTRY, Severity, field_path, field_value, run_checks
from lifecycle.model import (
    AlertAction,
    Data,
    Deployment,
    EvaluationMetric,
    Feature,
    FeatureOrigin,
    HumanEvaluation,
    LaunchCriterion,
    Modeling,
    Monitoring,
    Project,
    SignalKind,
)
from lifecycle.storage import load_project
from tests.mlflow.cases import MLFLOW_FIRES, MLFLOW_QUIET

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
_BASE = load_project(PERFECT)

Mutation = Callable[[Project], Any]


def perfect() -> Project:
    return _BASE.model_copy(deep=True)


def put(field: str, value: Any) -> Mutation:
    """Set the answer at a dotted field path (validated, like the UI does)."""

    def mutate(project: Project) -> None:
        *parents, last = field_path(field)
        target = project
        for part in parents:
            target = target[part] if isinstance(part, int) else getattr(target, part)
        if isinstance(last, int):
            target[last] = value
        else:
            setattr(target, last, value)

    mutate.__name__ = f"{field}={value!r}"[:60]
    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(project: Project) -> None:
        for mutation in mutations:
            mutation(project)

    mutate.__name__ = " & ".join(m.__name__ for m in mutations)
    return mutate


def drop_signals(*kinds: SignalKind) -> Mutation:
    def mutate(project: Project) -> None:
        project.monitoring.signals = [s for s in project.monitoring.signals if s.kind not in kinds]

    mutate.__name__ = "drop " + ",".join(kind.value for kind in kinds)
    return mutate


def origins(*values: FeatureOrigin) -> Mutation:
    def mutate(project: Project) -> None:
        for feature, origin in zip(project.data.features, values):
            feature.origin = origin

    mutate.__name__ = "origins " + ",".join(v.value for v in values)
    return mutate


EXTERNAL, OBSERVED = FeatureOrigin.EXTERNAL, FeatureOrigin.OBSERVED
OVERALL = [EvaluationMetric(name="Precision", threshold=">= 0.9", slice="overall")]
ACCURACY_95 = [EvaluationMetric(name="Accuracy", threshold=">= 0.95", slice="overall (last 8 weeks)"),
               EvaluationMetric(name="Accuracy", threshold=">= 0.95", slice="non-English tickets")]

# (check id, mutation of the perfect plan that must make the check fire)
# EU AI Act screenings (lifecycle.compliance): the perfect plan has none, so its tier is "not screened".
# Plain dicts: each assignment validates a fresh screening, so no case changes another's.
_SCREENED = dict(prohibited_practices=["none"], annex_i_product=False, transparency_cases=["none"])
HIGH_RISK = put("ai_act.screening", dict(_SCREENED, annex_iii_uses=["credit_scoring"], profiles_natural_persons=True,
                                         exemption_condition="none"))
MINIMAL = put("ai_act.screening", dict(_SCREENED, annex_iii_uses=["none"]))
EXEMPTED = put("ai_act.screening", dict(_SCREENED, annex_iii_uses=["recruitment"], profiles_natural_persons=False,
                                        exemption_condition="preparatory"))
CHATBOT = put("ai_act.screening", dict(_SCREENED, annex_iii_uses=["none"], transparency_cases=["interacts_with_people"]))
DATASHEET_2D = both(put("datasheet.collection.collection_period", "2021-01 to 2024-12"),
                    put("datasheet.collection.collected_by", "The order system, at checkout."),
                    put("datasheet.preprocessing.cleaning_steps", "Test orders and refunds removed."))

FIRES: list[tuple[str, Mutation]] = [
    ("GATE-PF-AIA", HIGH_RISK),  # provider and version not documented (Annex IV 1(a))
    ("GATE-PF-AIA", EXEMPTED),  # an Article 6(3) exemption without its written assessment
    ("GATE-DA-AIA", HIGH_RISK),  # the datasheet answers of Annex IV 2(d)
    ("GATE-MO-AIA", HIGH_RISK),
    ("GATE-DE-AIA", HIGH_RISK),
    ("GATE-DE-AIA", CHATBOT),  # Article 50: how people are told they talk to an AI system
    ("GATE-MN-AIA", HIGH_RISK),
    ("PF-901", put("ai_act.screening.prohibited_practices", ["social_scoring"])),
    ("GATE-PF", put("problem_framing.problem_statement", "")),
    ("GATE-PF", put("problem_framing.heuristics[0].disposition", None)),
    ("GATE-PF", put("problem_framing.gate.decision", None)),
    ("GATE-DA", put("data.features[1].owner", "")),
    ("GATE-DA", put("data.sources", [])),
    ("GATE-MO", put("modeling.gate.decision", None)),
    ("GATE-MO", put("modeling.offline_metrics[0].threshold", "")),
    ("GATE-DE", put("deployment.rollback_plan", "")),
    ("GATE-MN", put("monitoring.signals[0].owner", "")),
    ("GATE-MN", put("monitoring.signals", [])),
    ("PF-001", put("problem_framing.labelled_data", "none")),
    ("PF-002", put("problem_framing.non_ml_baseline", "None.")),
    ("PF-002", put("problem_framing.non_ml_baseline", "TBD")),
    ("PF-003", put("problem_framing.business_metrics[1].logging", "none")),
    ("PF-004", both(put("problem_framing.business_metrics[0].status", "agreed"),
                    put("problem_framing.business_metrics[1].status", "proposed"))),
    ("PF-005", put("problem_framing.ab_testing_available", False)),
    ("PF-006", put("problem_framing.heuristics[0].disposition", "undecided")),
    ("PF-007", put("problem_framing.label_type", "indirect")),
    ("PF-007", put("problem_framing.label_type", "latent")),
    ("PF-008", put("problem_framing.label_type", "none")),
    ("PF-009", put("problem_framing.training_objective", "Weighted sum of resolution rate and handle time")),
    ("PF-009", put("problem_framing.training_objective", "0.7*clicks + 0.3*purchases")),
    ("PF-010", put("problem_framing.business_metrics[1].status", "proposed")),
    ("DA-001", put("data.features[0].owner", "TBD")),
    ("DA-001", put("data.features[1].description", "Product area")),
    ("DA-001", put("data.sources[0].owner", "unknown")),
    ("DA-002", put("data.features[2].available_at_prediction", False)),
    ("DA-003", put("data.features[0].name", "label_queue")),
    ("DA-003", put("data.features[1].description", "Queue code derived from the label of similar tickets.")),
    ("DA-003", put("data.features[1].description", "Target-encoded product area: mean of the outcome per area.")),
    ("DA-003", put("data.features[1].source_records_outcomes", True)),
    ("DA-003", both(put("data.features[1].source", "Chargebacks ledger"),
                    put("data.features[1].description", "Product area as recorded on the case."))),
    ("DA-002", put("data.features[1].description", "Queue code, set by the agent when the ticket closes.")),
    ("DA-002", put("data.features[1].description", "Set by the agent, known only after the outcome is recorded.")),
    ("DA-002", put("data.features[1].value_fixed", "after_prediction")),
    ("DA-004", put("data.sampling", "truncated")),
    ("DA-004", put("data.sampling", "unweighted")),
    ("DA-005", put("data.joined_tables", "none")),
    ("DA-005", put("data.joined_tables", None)),
    ("DA-005", put("data.joined_tables", "no_joins")),
    ("DA-005", put("data.sources[1].versioned", False)),
    ("DA-006", put("data.serving_feature_logging", "none")),
    ("DA-007", put("data.pipeline_reused", True)),
    ("DA-008", put("data.features[0].origin", "learned")),
    ("DA-009", origins(EXTERNAL, EXTERNAL, EXTERNAL, EXTERNAL, OBSERVED, OBSERVED)),
    ("DA-010", put("data.labelled_examples", 500)),
    ("DA-011", put("data.feature_retirement", "")),
    ("DA-012", put("data.schema_validation", False)),
    ("DA-012", put("data.schema_validation", None)),
    ("DA-013", put("data.deduplicated", False)),
    ("DA-013", put("data.deduplicated", None)),
    ("DA-014", put("data.versioning", "none")),
    ("DA-015", put("data.features[4].sensitivity", "protected")),
    ("DA-016", both(put("data.features[1].name", "customer_gender"), put("data.features[1].sensitivity", "none"))),
    ("DA-016", both(put("data.features[1].name", "postcode"),
                    put("problem_framing.decision_supported", "Whether a customer's refund claim is approved or "
                                                              "sent to a fraud investigation."))),
    ("DA-017", put("data.access_and_privacy", "None")),
    ("DA-017", put("data.access_and_privacy", "No access controls yet; the extract is on the shared drive.")),
    ("MO-001", put("modeling.model_family", "neural_network")),
    ("MO-001", both(put("modeling.model_family", "ensemble"), put("modeling.ensemble_simple", True))),
    ("MO-002", put("modeling.calibration_checked", False)),
    ("MO-002", put("modeling.calibration_checked", None)),
    ("MO-003", put("modeling.evaluation_split", "random")),
    ("MO-003", put("modeling.evaluation_split", "grouped")),
    ("MO-004", put("modeling.fit_on_train_only", False)),
    ("MO-005", put("modeling.offline_metrics[0].slice", "training set")),
    ("MO-005", put("modeling.offline_metrics[1].slice", "in-sample")),
    ("MO-006", put("modeling.selection_basis", "loss_or_accuracy")),
    ("MO-007", put("modeling.human_evaluation", [HumanEvaluation.INTERNAL_TEAM])),
    ("MO-007", put("modeling.human_evaluation", [])),
    ("MO-008", put("modeling.error_analysis", "")),
    ("MO-008", put("modeling.error_analysis", "TBD")),
    ("MO-009", put("modeling.undesirable_behaviours", [])),
    ("MO-010", put("modeling.slices", "")),
    ("MO-010", put("modeling.offline_metrics", OVERALL)),
    ("MO-011", put("modeling.bias_testing", "")),
    ("MO-011", both(put("modeling.bias_testing", "none"), put("data.features[4].sensitivity", None),
                    put("data.features[4].name", "applicant_age"))),
    ("MO-012", put("modeling.reproducible_training", False)),
    ("MO-012", put("modeling.reproducible_training", None)),
    ("MO-013", both(put("modeling.feedback_loop", True), put("monitoring.long_term_holdout", False))),
    ("MO-014", put("problem_framing.ml_task", "ranking")),
    ("MO-014", both(put("problem_framing.ml_task", "recommendation"), put("modeling.position_bias", "none"))),
    ("MO-015", put("problem_framing.ml_task", "recommendation")),
    ("MO-016", put("modeling.model_family", "ensemble")),
    ("MO-016", both(put("modeling.model_family", "ensemble"), put("modeling.ensemble_simple", False))),
    ("MO-017", put("problem_framing.adversarial_content", True)),
    ("MO-018", put("problem_framing.acts_as_filter", True)),
    ("MO-018", both(put("problem_framing.acts_as_filter", True), put("modeling.filter_holdout_percent", 0))),
    ("DE-001", put("deployment.rollback_plan", "No rollback: we retrain and redeploy instead.")),
    ("DE-001", put("deployment.rollback_plan", "None: redeploy the previous container by hand")),
    ("DE-001", put("deployment.rollback_plan", "Not planned")),
    ("DE-002", put("deployment.quality_gate", "TBD")),
    ("DE-002", put("deployment.quality_gate", "No quality gate; the team eyeballs the metrics.")),
    ("DE-003", put("deployment.rollout_strategy", "all_at_once")),
    ("DE-003", both(put("deployment.rollout_strategy", "blue_green"),
                    put("deployment.rollout_plan", "Cut over the whole estate on 3 March; the old stack stays warm."))),
    ("DE-004", put("deployment.shared_feature_code", False)),
    ("DE-004", put("deployment.shared_feature_code", None)),
    ("DE-005", put("deployment.infra_tests", ["model_loads", "pipeline_integration"])),
    ("DE-005", put("deployment.infra_tests", [])),
    ("DE-006", put("deployment.model_diff_check", False)),
    ("DE-006", put("deployment.model_diff_check", None)),
    ("DE-007", put("deployment.launch_criteria", [LaunchCriterion(metric="Click-through rate", threshold="+2%")])),
    ("DE-008", put("deployment.iteration_plan", "")),
    ("DE-009", put("deployment.latency_budget_ms", None)),
    ("DE-009", both(put("deployment.serving_mode", "edge"), put("deployment.latency_budget_ms", None))),
    ("DE-010", put("deployment.consumers", "")),
    ("MN-001", drop_signals(SignalKind.DATA_DRIFT)),
    ("MN-002", drop_signals(SignalKind.PREDICTION_QUALITY)),
    ("MN-003", put("monitoring.retraining_trigger", "ad_hoc")),
    ("MN-003", put("monitoring.retraining_trigger", "none")),
    ("MN-004", put("monitoring.alert_owner", "TBD")),
    ("MN-004", put("monitoring.signals[0].owner", "nobody")),
    ("MN-005", put("monitoring.staleness_impact", "Unknown")),
    ("MN-005", put("monitoring.staleness_impact", "Probably fine for months; not yet measured.")),
    ("MN-005", both(put("monitoring.retraining_cadence", ""), put("monitoring.retraining_interval_days", None))),
    ("MN-005", both(put("monitoring.retraining_cadence", "Regularly."),
                    put("monitoring.retraining_interval_days", None))),
    ("MN-006", drop_signals(SignalKind.FEATURE_COVERAGE, SignalKind.FRESHNESS)),
    ("MN-007", put("monitoring.manual_inspection", "")),
    ("MN-007", put("monitoring.manual_inspection", "Queue leads see escalations; nobody reviews routed tickets.")),
    ("MN-008", drop_signals(SignalKind.TRAINING_SERVING_SKEW)),
    ("MN-009", put("monitoring.long_term_holdout", False)),
    ("MN-009", put("monitoring.long_term_holdout", None)),
    ("MN-009", both(put("monitoring.long_term_holdout", False), put("problem_framing.ab_testing_available", False))),
    ("MN-010", put("monitoring.objective_review", "")),
    ("MN-011", drop_signals(SignalKind.DEPENDENCY_CHANGE)),
    ("MN-012", drop_signals(SignalKind.LATENCY)),
    ("MN-013", drop_signals(SignalKind.FAIRNESS)),
    ("MN-014", put("monitoring.signals[0].action", AlertAction.DASHBOARD)),
    ("MN-014", put("monitoring.signals[1].action", AlertAction.DASHBOARD)),
    ("PF-011", put("problem_framing.labels_from_heuristic", True)),
    ("PF-011", put("problem_framing.heuristics[0].disposition", "label_source")),
    ("PF-012", put("problem_framing.threshold_rule", "Route when the score is where F1 peaks on validation.")),
    ("PF-012", put("problem_framing.threshold_rule", "Route automatically when p > 0.5.")),
    ("PF-012", put("problem_framing.threshold_rule", "")),
    ("PF-013", both(put("problem_framing.false_positive_cost", None), put("problem_framing.false_negative_cost", None))),
    ("PF-014", put("problem_framing.label_definition",
                   "The resolving queue, known when the ticket closes, typically 45 days after it is opened.")),
    ("DA-018", put("data.features[0].value_fixed", "unknown")),
    ("DA-019", both(put("data.sources[0].contains_pii", False), put("data.sources[1].contains_pii", False))),
    ("DA-019", both(put("data.sources[1].contains_pii", False), put("data.features[3].name", "customer_date_of_birth"))),
    ("DA-020", put("data.training_window_months", 0.2)),
    ("DA-020", put("data.training_window_months", 0.5)),
    ("MO-019", put("modeling.split_gap_days", 1)),
    ("MO-020", put("modeling.test_period_days", 1)),
    ("MO-021", both(put("problem_framing.ml_task", "binary_classification"),
                    put("problem_framing.positive_class_share_percent", 4),
                    put("modeling.offline_metrics", ACCURACY_95))),
    ("MO-021", both(put("problem_framing.ml_task", "binary_classification"),
                    put("problem_framing.positive_class_share_percent", 8),
                    put("modeling.offline_metrics", ACCURACY_95))),
    ("MO-022", both(put("problem_framing.baseline_metric", "Precision at the routing threshold"),
                    put("problem_framing.baseline_value", 0.95))),
    ("DE-011", put("deployment.rollback_mechanism", "retrain")),
    ("DE-011", put("deployment.rollback_rehearsed", False)),
    ("DE-011", put("deployment.rollback_plan", "Switch the registry alias back; we have not rehearsed it yet.")),
    ("DE-011", both(put("deployment.rollback_rehearsed", None))),
    ("DE-012", put("deployment.quality_gate_checks[0].comparator", "le")),
    ("DE-012", both(put("deployment.quality_gate_checks[0].metric", "AUC"),
                    put("deployment.quality_gate_checks[0].threshold", 0.5))),
    # with several classes, a class holding 70 % is what always predicting it scores
    ("MO-021", both(put("problem_framing.ml_task", "multiclass_classification"),
                    put("problem_framing.positive_class_share_percent", 70.0),
                    put("modeling.offline_metrics[0].name", "Top-1 accuracy"),
                    put("modeling.offline_metrics[0].threshold", "at least 0.65"))),
    # a gate row on the most recent complete period is the whole test data, not a segment
    ("DE-012", both(put("deployment.quality_gate_checks[0].slice", "most recent complete quarter"),
                    put("deployment.quality_gate_checks[0].threshold", 0.75))),
    # the baseline names the weeks it was measured on, the gate row does not: still the same metric
    ("DE-012", both(put("problem_framing.baseline_metric", "Precision at the routing threshold, 2025 weeks 1-8"),
                    put("deployment.quality_gate_checks[0].threshold", 0.75))),
    ("DE-013", put("deployment.decision_deadline_ms", 100)),
    # routing a ticket decides nothing about a person, but the customer's home postcode is still about one
    ("DA-016", both(put("data.features[2].name", "customer_postcode"),
                    put("data.features[2].description", "The customer's home postcode, from the account."))),
    ("DE-014", put("deployment.serving_mode", "batch")),
    ("MN-015", put("monitoring.retraining_interval_days", 1)),
]

# (check id, a near miss: a change of the perfect plan after which the check must stay quiet)
QUIET: list[tuple[str, Mutation]] = [
    # with several classes, 18 % in one class says nothing about what the largest class scores
    ("MO-021", both(put("problem_framing.ml_task", "multiclass_classification"),
                    put("problem_framing.positive_class_share_percent", 18.0),
                    put("modeling.offline_metrics[0].name", "Top-1 accuracy"),
                    put("modeling.offline_metrics[0].threshold", "at least 0.80"))),
    # within a tenth of the label delay is about one outcome cycle: the delay is an estimate
    ("MN-015", both(put("problem_framing.label_delay_typical_days", 32.0),
                    put("monitoring.retraining_interval_days", 30.0))),
    ("MO-020", both(put("problem_framing.label_delay_typical_days", 60.0), put("modeling.test_period_days", 56))),
    ("GATE-PF-AIA", MINIMAL),
    ("GATE-PF-AIA", both(EXEMPTED, put("ai_act.screening.exemption_assessment", "It only sorts CVs by date."))),
    ("GATE-DA-AIA", both(HIGH_RISK, DATASHEET_2D)),
    ("GATE-MO-AIA", MINIMAL),
    ("GATE-DE-AIA", both(CHATBOT, put("ai_act.documentation.transparency_measures", "A banner says: AI."))),
    ("GATE-MN-AIA", CHATBOT),
    ("PF-901", HIGH_RISK),
    ("GATE-PF", put("problem_framing.out_of_scope", "")),
    ("GATE-PF", put("problem_framing.heuristics", [])),
    ("GATE-DA", put("data.quality_notes", "")),
    ("GATE-DA", put("data.features[0].sensitivity", None)),
    ("GATE-MO", put("modeling.error_analysis", "")),
    ("GATE-MO", put("modeling.gate.decided_on", None)),
    ("GATE-DE", put("deployment.expected_volume", "")),
    ("GATE-MN", put("monitoring.feedback_collection", "")),
    ("PF-001", put("problem_framing.labelled_data", "partial")),
    ("PF-002", put("problem_framing.non_ml_baseline", "None of the tickets are routed automatically; agents triage.")),
    ("PF-003", put("problem_framing.business_metrics[1].logging", "to_build")),
    ("PF-004", both(put("problem_framing.business_metrics[0].status", "agreed"),
                    put("problem_framing.business_metrics[1].status", "signed_off"))),
    ("PF-004", both(put("problem_framing.business_metrics[0].status", None),
                    put("problem_framing.business_metrics[1].status", None))),
    ("PF-005", put("problem_framing.ab_testing_available", None)),
    ("PF-006", put("problem_framing.heuristics[0].disposition", "retire")),
    ("PF-007", put("problem_framing.label_type", None)),
    ("PF-008", both(put("problem_framing.label_type", "none"), put("problem_framing.ml_task", "clustering"))),
    ("PF-009", put("problem_framing.training_objective", "Cross-entropy on the combined queue label")),
    ("PF-010", both(put("problem_framing.business_metrics[1].status", "proposed"),
                    put("problem_framing.gate.decision", "revise"))),
    ("DA-001", put("data.features[1].description", "Product area chosen in the web form")),
    ("DA-001", put("data.features[1].owner", "")),  # empty is the gate's finding
    ("DA-002", put("data.features[2].available_at_prediction", None)),
    ("DA-003", put("data.features[0].name", "previous_ticket_outcome")),
    ("DA-003", put("data.features[2].available_at_prediction", False)),  # DA-002's finding, not a duplicate
    ("DA-003", put("data.features[0].name", "targeted_offer_count")),
    ("DA-004", put("data.sampling", "weighted")),
    ("DA-005", put("data.joined_tables", "serving_log")),
    ("DA-005", both(put("data.features[3].from_joined_table", False), put("data.joined_tables", "none"))),
    ("DA-006", put("data.serving_feature_logging", "sample")),
    ("DA-007", both(put("data.pipeline_reused", True),
                    put("data.inherited_filters", "Only closed tickets: kept. Spam filter: kept."))),
    ("DA-008", put("data.features[0].origin", "external")),
    ("DA-009", origins(EXTERNAL, EXTERNAL, EXTERNAL, OBSERVED, OBSERVED, OBSERVED)),
    ("DA-010", put("data.labelled_examples", 600)),
    ("DA-011", put("data", Data())),
    ("DA-012", put("data", Data())),
    ("DA-013", put("data", Data())),
    ("DA-014", put("data.versioning", "snapshot")),
    ("DA-015", put("data.features[4].sensitivity", "proxy")),
    ("DA-016", both(put("data.features[1].name", "account_age_days"), put("data.features[1].sensitivity", "none"))),
    # routing a ticket decides nothing about the customer: a postcode there is an ordinary input
    ("DA-016", put("data.features[1].name", "postcode")),
    ("DA-017", put("data.access_and_privacy", "None of the raw text leaves the helpdesk; the ML group alone reads it.")),
    ("DA-017", both(put("data.access_and_privacy", "None"), put("data.sources[0].contains_pii", False),
                    put("data.sources[1].contains_pii", False))),
    ("MO-001", put("modeling.model_family", "tree_ensemble")),
    ("MO-002", both(put("modeling.calibration_checked", None), put("problem_framing.ml_task", "regression"))),
    ("MO-002", put("modeling", Modeling())),
    ("MO-003", both(put("modeling.evaluation_split", "random"), put("data.time_ordered", False))),
    ("MO-003", put("modeling.evaluation_split", "temporal")),
    ("MO-004", put("modeling.fit_on_train_only", None)),
    ("MO-005", put("modeling.offline_metrics[0].slice", "held-out test set (trained up to March)")),
    ("MO-006", put("modeling.selection_basis", None)),
    ("MO-007", put("modeling.human_evaluation", [HumanEvaluation.CROWD_RATERS])),
    ("MO-007", put("modeling", Modeling())),
    ("MO-008", put("modeling", Modeling())),
    ("MO-009", put("modeling", Modeling())),
    ("MO-010", put("modeling", Modeling())),
    ("MO-011", both(put("modeling.bias_testing", ""), put("data.features[4].sensitivity", "none"),
                    put("data.features[4].name", "ticket_length"),
                    put("data.features[4].description", "Number of words in the ticket text."))),
    ("MO-012", put("modeling", Modeling())),
    ("MO-013", put("modeling.feedback_loop", True)),  # the long-term holdout counters it
    ("MO-013", both(put("modeling.feedback_loop", True), put("monitoring.long_term_holdout", False),
                    put("problem_framing.ml_task", "ranking"))),  # MO-015's finding
    ("MO-014", both(put("problem_framing.ml_task", "ranking"), put("modeling.position_bias", "serving_default"))),
    ("MO-014", put("modeling.position_bias", "none")),  # not a ranking task
    ("MO-015", both(put("problem_framing.ml_task", "recommendation"),
                    put("modeling.ranking_feedback_mitigation", "5% of slots explore new items."))),
    ("MO-016", both(put("modeling.model_family", "ensemble"), put("modeling.ensemble_simple", True))),
    ("MO-016", put("modeling.ensemble_simple", False)),  # not an ensemble
    ("MO-017", both(put("problem_framing.adversarial_content", True), put("modeling.policy_layer", True))),
    ("MO-018", both(put("problem_framing.acts_as_filter", True), put("modeling.filter_holdout_percent", 1.0))),
    ("MO-018", put("modeling.filter_holdout_percent", 0)),  # not a filter
    ("DE-001", put("deployment.rollback_plan", "No downtime: the registry alias switches to the previous model.")),
    ("DE-002", put("deployment.quality_gate", "Not exported unless precision on the last 8 weeks is 0.92 or more.")),
    ("DE-003", put("deployment.rollout_strategy", "shadow")),
    ("DE-003", both(put("deployment.rollout_strategy", "blue_green"),
                    put("deployment.rollout_plan", "Green gets 5% of sessions for a week, then half, then all."))),
    ("DE-004", put("deployment", Deployment())),
    ("DE-005", put("deployment", Deployment())),
    ("DE-005", put("deployment.infra_tests", ["features_populated", "same_score", "model_loads"])),
    ("DE-006", put("deployment", Deployment())),
    ("DE-007", put("deployment.launch_criteria", [LaunchCriterion(metric="CTR", threshold="+2%"),
                                                  LaunchCriterion(metric="Revenue", threshold="no drop")])),
    ("DE-007", put("deployment.launch_criteria", [])),  # empty is the gate's finding
    ("DE-008", put("deployment", Deployment())),
    ("DE-009", both(put("deployment.serving_mode", "batch"), put("deployment.latency_budget_ms", None))),
    ("DE-010", put("deployment", Deployment())),
    ("MN-001", put("monitoring.signals", [])),
    ("MN-002", put("monitoring.signals", [])),
    ("MN-002", both(drop_signals(SignalKind.PREDICTION_QUALITY),
                    put("monitoring.signals[0].kind", SignalKind.CONCEPT_DRIFT))),
    ("MN-003", put("monitoring.retraining_trigger", "performance")),
    ("MN-004", put("monitoring.alert_owner", "")),  # the gate's finding
    ("MN-005", both(put("monitoring.retraining_trigger", "drift"), put("monitoring.retraining_cadence", ""))),
    ("MN-006", drop_signals(SignalKind.FEATURE_COVERAGE)),
    ("MN-007", put("monitoring", Monitoring())),
    ("MN-008", put("monitoring.signals", [])),
    ("MN-009", both(put("monitoring.long_term_holdout", None), put("problem_framing.ab_testing_available", False))),
    ("MN-010", put("monitoring", Monitoring())),
    ("MN-011", put("monitoring.signals", [])),
    ("MN-012", put("monitoring.signals[6].kind", SignalKind.RESOURCES)),
    ("MN-013", both(drop_signals(SignalKind.FAIRNESS), put("data.features[4].sensitivity", "none"),
                    put("data.features[4].name", "ticket_length"),
                    put("data.features[4].description", "Number of words in the ticket text."))),
    ("MN-014", put("monitoring.signals[6].action", AlertAction.DASHBOARD)),  # latency on a dashboard is fine
    ("PF-011", put("problem_framing.labels_from_heuristic", False)),
    ("PF-012", put("problem_framing.threshold_rule", "Route when p > 0.8, the break-even between the two costs.")),
    ("PF-012", put("problem_framing.false_negative_cost", None)),  # not applicable without both costs
    ("PF-013", both(put("problem_framing.false_positive_cost", None), put("problem_framing.false_negative_cost", None),
                    put("problem_framing.cost_of_errors", "A misrouted ticket costs about EUR 12 of agent time."))),
    ("PF-014", put("problem_framing.label_definition", "The resolving queue, known when the ticket closes (within "
                                                        "12 days).")),
    ("DA-018", put("data.features[0].value_fixed", "before_prediction")),
    ("DA-019", put("data.sources[0].contains_pii", False)),  # the other source holds the personal data
    ("DA-020", put("data.training_window_months", 1)),
    ("MO-019", put("modeling.split_gap_days", 2)),
    ("MO-020", put("modeling.test_period_days", 2)),
    ("MO-021", both(put("problem_framing.ml_task", "binary_classification"),
                    put("problem_framing.positive_class_share_percent", 40),
                    put("modeling.offline_metrics", [EvaluationMetric(name="Accuracy", threshold=">= 0.8")]))),
    ("MO-021", put("modeling.offline_metrics", ACCURACY_95)),  # no class balance given
    ("MO-022", both(put("problem_framing.baseline_metric", "Precision at the routing threshold"),
                    put("problem_framing.baseline_value", 0.79))),
    ("DE-011", put("deployment.rollback_minutes", 30)),
    ("DE-011", put("deployment.rollback_plan", "Switch the registry alias back; rehearsed twice in staging.")),
    ("DE-012", put("deployment.quality_gate_checks[0].threshold", 0.95)),
    ("DE-013", put("deployment.decision_deadline_ms", 200)),
    ("DE-014", put("deployment.serving_mode", "streaming")),
    ("MN-015", put("monitoring.retraining_interval_days", 2)),
]
# The MLflow registry-aware checks keep their cases beside their tests (tests/mlflow/cases.py).
FIRES += MLFLOW_FIRES
QUIET += MLFLOW_QUIET


def _case_id(case: tuple[str, Mutation]) -> str:
    return f"{case[0]}:{case[1].__name__}"


def _mutated(mutation: Mutation) -> Project:
    project = perfect()
    mutation(project)
    return project


def test_every_registered_check_has_a_firing_and_a_quiet_case() -> None:
    from .test_checks_prose import FIRES as PROSE_FIRES  # prose wordings live in their own file
    from .test_checks_prose import QUIET as PROSE_QUIET

    fired = {check_id for check_id, _ in FIRES + PROSE_FIRES}
    quiet = {check_id for check_id, _ in QUIET + PROSE_QUIET}
    assert set(REGISTRY) - fired == set(), "checks without a case where they fire"
    assert set(REGISTRY) - quiet == set(), "checks without a case where they stay quiet"
    assert fired | quiet <= set(REGISTRY), "cases for checks that are not registered"


def test_perfect_fixture_gives_no_findings() -> None:
    assert run_checks(perfect()) == []


@pytest.mark.parametrize("case", FIRES, ids=_case_id)
def test_check_fires(case: tuple[str, Mutation]) -> None:
    check_id, mutation = case
    project = _mutated(mutation)
    findings = REGISTRY[check_id].run(project)
    assert findings, f"{check_id} should fire after {mutation.__name__}"
    for finding in findings:
        assert finding.check_id == check_id
        assert finding.message.strip() and finding.fix.strip()
        assert finding.phase == REGISTRY[check_id].phase
        assert isinstance(finding.severity, Severity)
        field_value(project, finding.field)  # the UI can follow the link
        assert not finding.accepted


@pytest.mark.parametrize("case", QUIET, ids=_case_id)
def test_check_stays_quiet(case: tuple[str, Mutation]) -> None:
    check_id, mutation = case
    assert REGISTRY[check_id].run(_mutated(mutation)) == []


@pytest.mark.parametrize("case", FIRES, ids=_case_id)
def test_a_firing_change_is_also_found_by_run_checks(case: tuple[str, Mutation]) -> None:
    check_id, mutation = case
    assert check_id in {finding.check_id for finding in run_checks(_mutated(mutation))}


def test_messages_name_the_thing_at_fault() -> None:
    project = _mutated(put("data.features[2].available_at_prediction", False))
    (finding,) = REGISTRY["DA-002"].run(project)
    assert "channel" in finding.message
    assert finding.subject == "channel"
    assert finding.field == "data.features[2].available_at_prediction"

    project = _mutated(put("monitoring.signals[0].action", AlertAction.DASHBOARD))
    (finding,) = REGISTRY["MN-014"].run(project)
    assert "PSI of product area and plan tier" in finding.message


def test_gate_findings_point_at_the_missing_cell() -> None:
    project = _mutated(put("data.features[1].owner", ""))
    (finding,) = REGISTRY["GATE-DA"].run(project)
    assert finding.field == "data.features[1].owner"
    assert finding.subject == "product_area"
    assert "'Owner'" in finding.message

    project = _mutated(both(put("data.features[1].owner", ""), put("data.features[1].source", "")))
    (finding,) = REGISTRY["GATE-DA"].run(project)
    assert finding.field == "data.features[1]"


def test_feature_table_growth_is_handled() -> None:
    project = perfect()
    project.data.features = [*project.data.features, Feature(name="new_feature", available_at_prediction=False)]
    ids = {f.check_id for f in run_checks(project)}
    assert {"GATE-DA", "DA-002"} <= ids
