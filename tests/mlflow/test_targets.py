"""Thresholds written as text, read robustly, and the plan's targets compared with measured values."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifecycle.integrations.mlflow.targets import (
    Outcome,
    Threshold,
    Unreadable,
    compare_targets,
    parse_threshold,
    shown_value,
)
from lifecycle.model import Comparator, EvaluationMetric, QualityGateCheck
from lifecycle.storage import load_project
from lifecycle.model.integrations import MlflowLink
from tests.mlflow.cases import MODEL, URL, snapshot

GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT
PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


@pytest.mark.parametrize(("text", "metric", "comparator", "value", "percent"), [
    ("at least 0.78", "AUC", GE, 0.78, False),
    ("At least 0.78 on the 2023 test loans", "AUC", GE, 0.78, False),
    (">= 0.92 with coverage >= 70%", "Precision", GE, 0.92, False),
    ("≥0.45", "", GE, 0.45, False),
    ("=> .7", "", GE, 0.7, False),
    ("no less than 0.7", "", GE, 0.7, False),
    ("not below 0.70", "", GE, 0.70, False),
    ("minimum of 0.6", "", GE, 0.6, False),
    ("0.78 or higher", "", GE, 0.78, False),
    ("0.78+", "", GE, 0.78, False),
    ("above 0.5", "", GT, 0.5, False),
    ("more than 1,000", "", GT, 1000.0, False),
    ("at most 3.4%", "default rate", LE, 3.4, True),
    ("≤ 3.4 %", "", LE, 3.4, True),
    ("no more than 5 percent", "", LE, 5.0, True),
    ("not more than 0.05", "", LE, 0.05, False),
    ("0.03 or lower", "", LE, 0.03, False),
    ("up to 200", "latency", LE, 200.0, False),
    ("below 0.05", "FPR", LT, 0.05, False),
    ("< 120 ms", "latency", LT, 120.0, False),
    ("Must reach 0,78", "AUC", GE, 0.78, False),  # a bare number: AUC is better high
    ("0.25", "log loss", LE, 0.25, False),  # a bare number: a loss is better low
    ("78%", "accuracy", GE, 78.0, True),
])
def test_thresholds_read_as_a_comparator_and_a_number(text, metric, comparator, value, percent) -> None:  # type: ignore[no-untyped-def]
    threshold = parse_threshold(text, metric)
    assert (threshold.comparator, threshold.value, threshold.percent) == (comparator, pytest.approx(value), percent)


def test_a_range_reads_as_both_bounds() -> None:
    threshold = parse_threshold("between 0.6 and 0.4", "calibration slope")
    assert (threshold.comparator, threshold.value, threshold.high) == (None, 0.4, 0.6)
    assert threshold.holds(0.5) and not threshold.holds(0.7)
    assert threshold.describe() == "between 0.4 and 0.6"


@pytest.mark.parametrize(("text", "metric", "reason"), [
    ("", "AUC", "no threshold"),
    ("TBD", "AUC", "no number"),
    ("no drop over 1% against the current model", "CTR", "relative"),
    ("up at least 2%", "conversion", "relative"),
    ("within 2% of the baseline", "AUC", "relative"),
    ("better than the scorecard", "AUC", "relative"),
    ("0.5", "widget score", "no usual direction"),
    ("0.7 to 0.9 after 12 months", "AUC", "several numbers"),
])
def test_thresholds_that_are_not_absolute_numbers_are_refused_with_the_reason(text, metric, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Unreadable, match=reason):
        parse_threshold(text, metric)


def test_comparisons_and_percentages() -> None:
    at_most = parse_threshold("at most 3.4%")
    assert at_most.holds(0.029) and at_most.holds(2.9) and not at_most.holds(0.035) and not at_most.holds(3.5)
    assert at_most.holds(0.034)  # the boundary is met
    assert not Threshold(GT, 0.78).holds(0.78) and Threshold(GE, 0.78).holds(0.78)
    assert Threshold(LT, 5).holds(4.99) and not Threshold(LT, 5).holds(5)


def _linked(project, metrics):  # type: ignore[no-untyped-def]
    project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL, snapshot=snapshot(metrics))
    return project


def test_plan_targets_beside_the_measured_values() -> None:
    project = _linked(load_project(PERFECT), {"precision_at_the_routing_threshold": 0.931,
                                              "precision_at_the_routing_threshold/non-english": 0.861})
    project.modeling.offline_metrics.append(EvaluationMetric(name="Recall", threshold="at least 0.6", slice="overall"))
    project.modeling.offline_metrics.append(EvaluationMetric(name="Precision at the routing threshold",
                                                             threshold="no worse than the rules", slice="overall"))
    project.deployment.quality_gate_checks.append(QualityGateCheck(metric="Precision at the routing threshold",
                                                                   comparator=None, threshold=None))
    results = compare_targets(project)
    outcomes = [(r.field, r.outcome, r.measured.key if r.measured else None) for r in results]
    assert outcomes == [
        ("modeling.offline_metrics[0]", Outcome.MET, "precision_at_the_routing_threshold"),
        ("modeling.offline_metrics[1]", Outcome.MISSED, "precision_at_the_routing_threshold/non-english"),
        ("modeling.offline_metrics[2]", Outcome.NOT_LOGGED, None),
        ("modeling.offline_metrics[3]", Outcome.NOT_COMPARABLE, "precision_at_the_routing_threshold"),
        ("deployment.quality_gate_checks[0]", Outcome.MET, "precision_at_the_routing_threshold"),
        ("deployment.quality_gate_checks[1]", Outcome.NOT_COMPARABLE, "precision_at_the_routing_threshold"),
    ]
    assert "relative" in results[3].note and "not filled in" in results[5].note
    assert results[1].name == "Precision at the routing threshold on non-English tickets"
    assert shown_value(results[1]) == "0.861"


def test_a_percentage_target_shows_the_fraction_as_a_percentage() -> None:
    project = _linked(load_project(PERFECT), {"default_rate": 0.029})
    project.modeling.offline_metrics = [EvaluationMetric(name="Default rate", threshold="at most 3.4%")]
    (result,) = [r for r in compare_targets(project) if r.kind == "offline metric"]
    assert result.outcome is Outcome.MET and shown_value(result) == "2.9% (logged 0.029)"


def test_no_comparison_without_a_current_import() -> None:
    project = load_project(PERFECT)
    assert compare_targets(project) == []
    project = _linked(project, {"precision_at_the_routing_threshold": 0.5})
    project.integrations.mlflow.registered_model = "another-model"  # the snapshot belongs to the old link
    assert compare_targets(project) == []
