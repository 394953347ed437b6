"""Severity in context: the same gap weighs more where people wait, where the model decides about people, or
where the answers deny what the prose says. Wordings written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifecycle.checks import Severity, run_checks
from lifecycle.model import Project
from lifecycle.storage import load_project

from .test_checks_cases import Mutation, both, put

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
CONSEQUENTIAL = put("problem_framing.decision_supported",
                    "Whether a customer's refund claim is paid at once or sent to a fraud investigation.")


def _severities(mutation: Mutation, check_id: str) -> set[Severity]:
    project: Project = load_project(PERFECT)
    mutation(project)
    return {f.severity for f in run_checks(project) if f.check_id == check_id}


def test_latency_over_the_deadline_is_a_blocker_only_while_someone_waits() -> None:
    over = put("deployment.latency_budget_ms", 1500)
    assert _severities(over, "DE-013") == {Severity.WARNING}
    assert _severities(both(over, put("deployment.person_waiting", True)), "DE-013") == {Severity.BLOCKER}


def test_a_gate_that_can_be_waved_through_is_a_blocker_where_the_model_decides_about_people() -> None:
    soft = put("deployment.quality_gate", "The report goes to the release manager, who decides whether to ship.")
    assert _severities(soft, "DE-002") == {Severity.WARNING}
    assert _severities(both(soft, CONSEQUENTIAL), "DE-002") == {Severity.BLOCKER}


def test_a_gate_without_rows_that_is_denied_is_a_blocker() -> None:
    none = both(put("deployment.quality_gate_checks", []),
                put("deployment.quality_gate", "Nothing automated yet; we look at the numbers."))
    assert _severities(none, "DE-002") == {Severity.BLOCKER}


def test_selected_outcomes_with_a_denied_loop_are_a_blocker() -> None:
    denied = both(put("modeling.feedback_loop", False),
                  put("data.label_source", "Outcomes are only known for the tickets agents review."))
    assert _severities(denied, "MO-013") == {Severity.BLOCKER}


def test_people_pacing_to_a_shown_prediction_is_a_warning() -> None:
    performative = both(put("modeling.feedback_loop", False),
                        put("problem_framing.decision_supported", "Agents see the predicted queue as the target "
                                                                  "they have to hit."))
    assert _severities(performative, "MO-013") == {Severity.WARNING}


def test_a_rule_output_as_label_is_a_blocker_when_the_answer_denies_it() -> None:
    label = put("problem_framing.label_definition", "The queue the keyword rules assign is taken as the label.")
    assert _severities(both(label, put("problem_framing.labels_from_heuristic", False)), "PF-011") == {
        Severity.BLOCKER}
    assert _severities(both(label, put("problem_framing.labels_from_heuristic", None)), "PF-011") == {
        Severity.WARNING}


@pytest.mark.parametrize("source", ["Claims settlement system", "Chargeback feed", "Repairs log"])
def test_a_feature_read_from_an_outcome_record_is_a_blocker(source: str) -> None:
    assert _severities(put("data.features[2].source", source), "DA-003") == {Severity.BLOCKER}


def test_a_gate_row_pointing_the_wrong_way_is_a_blocker() -> None:
    wrong = both(put("deployment.quality_gate_checks[0].metric", "Mean absolute error (minutes)"),
                 put("deployment.quality_gate_checks[0].comparator", "ge"),
                 put("deployment.quality_gate_checks[0].threshold", 12))
    assert _severities(wrong, "DE-012") == {Severity.BLOCKER}


def test_an_accuracy_target_below_the_majority_share_is_a_warning_and_a_gate_row_a_blocker() -> None:
    imbalanced = both(put("problem_framing.ml_task", "binary_classification"),
                      put("problem_framing.positive_class_share_percent", 4),
                      put("modeling.offline_metrics[0].name", "Accuracy"),
                      put("modeling.offline_metrics[0].threshold", ">= 0.9"))
    assert _severities(imbalanced, "MO-021") == {Severity.WARNING}
    gated = both(imbalanced, put("deployment.quality_gate_checks[0].metric", "Accuracy"),
                 put("deployment.quality_gate_checks[0].threshold", 0.9))
    assert _severities(gated, "DE-012") == {Severity.BLOCKER}


def test_proxies_are_judged_by_their_names_whatever_the_sensitivity_answer() -> None:
    hidden = both(CONSEQUENTIAL, put("data.features[1].name", "home_postcode"),
                  put("data.features[1].sensitivity", "none"))
    assert _severities(hidden, "DA-016") == {Severity.WARNING}
