"""The metric naming convention: reading logged keys, and matching them to the plan's targets."""

from __future__ import annotations

import pytest

from lifecycle.integrations.mlflow.names import (
    canonical_metric,
    find_measurement,
    parse_metric_key,
    readable_slice,
    result_keys,
    slice_match,
)
from lifecycle.model.integrations import MetricKey


@pytest.mark.parametrize(("key", "metric", "slice_", "bound"), [
    ("auc", "auc", "", ""),
    ("auc/thin-file", "auc", "thin-file", ""),
    ("auc_slice_thin_file", "auc", "thin_file", ""),
    ("auc__thin_file", "auc", "thin_file", ""),
    ("auc.slice.region", "auc", "region", ""),
    ("auc/region/north", "auc", "region/north", ""),
    ("auc/overall", "auc", "", ""),
    ("auc_slice_all", "auc", "", ""),
    ("auc_ci_lower", "auc", "", "lower"),
    ("auc/thin-file/ci_upper", "auc", "thin-file", "upper"),
    ("auc_slice_thin_file_ci_lo", "auc", "thin_file", "lower"),
    ("recall@10", "recall@10", "", ""),
    ("precision_at_k", "precision_at_k", "", ""),
])
def test_a_key_reads_as_metric_slice_and_bound(key: str, metric: str, slice_: str, bound: str) -> None:
    name = parse_metric_key(key)
    assert name is not None
    assert (name.metric, name.slice, name.bound) == (metric, slice_, bound)


def test_system_metrics_and_empty_keys_are_not_results() -> None:
    assert parse_metric_key("system/cpu_utilization_percentage") is None
    assert parse_metric_key("  ") is None


def test_separators_at_the_edges_do_not_make_a_slice() -> None:
    assert parse_metric_key("auc/").slice == ""  # type: ignore[union-attr]
    assert parse_metric_key("/auc").metric == "/auc"  # type: ignore[union-attr]


@pytest.mark.parametrize(("one", "other"), [
    ("AUC", "roc_auc"), ("ROC AUC", "auc"), ("KS statistic", "ks"), ("F1", "f1_score"), ("Precision", "precision_score"),
    ("Recall@10", "recall_at_10"), ("test_auc", "AUC"), ("Log loss", "logloss"), ("R2", "r2_score"),
])
def test_the_same_metric_spelt_differently_has_one_name(one: str, other: str) -> None:
    assert canonical_metric(one) == canonical_metric(other)


def test_different_metrics_stay_apart() -> None:
    assert canonical_metric("AUC") != canonical_metric("AUC on early default")
    assert canonical_metric("precision") != canonical_metric("recall")


def test_slices_match_by_words_with_the_explanation_dropped() -> None:
    assert slice_match("thin-file applicants (fewer than 2 bureau accounts)", "thin-file") > 0
    assert slice_match("thin-file applicants (fewer than 2 bureau accounts)", "thin_file_applicants") == 1.0
    assert slice_match("overall", "") == 1.0 and slice_match("", "all") == 1.0
    assert slice_match("overall", "thin-file") == 0.0
    assert slice_match("new customers", "thin-file") == 0.0
    assert slice_match("Region: north", "region/north") == 1.0


METRICS = {
    "auc": 0.81, "auc_ci_lower": 0.80, "auc_ci_upper": 0.82, "auc/thin-file": 0.73, "auc/thin-file-young": 0.61,
    "training_roc_auc": 0.95, "val_ks": 0.41, "test_ks": 0.47, "default_rate_64pct": 0.029,
}


def test_a_target_finds_its_value_and_confidence_bounds() -> None:
    found = find_measurement(METRICS, "AUC", "overall")
    assert found is not None and (found.key, found.value, found.lower, found.upper) == ("auc", 0.81, 0.80, 0.82)


def test_the_closest_slice_wins() -> None:
    found = find_measurement(METRICS, "AUC", "thin-file applicants (fewer than 2 bureau accounts)")
    assert found is not None and found.key == "auc/thin-file"


def test_training_metrics_never_stand_for_a_target_and_test_beats_validation() -> None:
    assert find_measurement({"training_roc_auc": 0.95}, "AUC", "overall") is None
    found = find_measurement(METRICS, "KS statistic", "")
    assert found is not None and found.key == "test_ks"


def test_a_pairing_names_the_key_for_a_target_written_as_a_sentence() -> None:
    target = "12-month default rate of approved loans at a 64% approval rate"
    assert find_measurement(METRICS, target, "overall") is None
    pairing = [MetricKey(metric=target, slice="Overall", key="default_rate_64pct")]
    found = find_measurement(METRICS, target, "overall", pairing)
    assert found is not None and found.value == 0.029 and found.paired
    assert find_measurement(METRICS, target, "overall", [MetricKey(metric=target, key="gone")]) is None


def test_a_metric_with_no_match_is_none() -> None:
    assert find_measurement(METRICS, "Recall", "overall") is None
    assert find_measurement(METRICS, "AUC", "new customers") is None
    assert find_measurement(METRICS, "", "overall") is None


def test_results_of_plan_metrics_are_listed_without_bounds_or_training() -> None:
    keys = [n.key for n in result_keys(METRICS, ["AUC"])]
    assert keys == ["auc", "auc/thin-file", "auc/thin-file-young"]
    assert readable_slice("thin_file") == "thin file" and readable_slice("region/north") == "region / north"


def test_the_reference_page_is_up_to_date() -> None:
    from pathlib import Path

    from lifecycle.integrations.mlflow.doc import render

    page = Path(__file__).resolve().parents[2] / "docs" / "mlflow.md"
    assert page.read_text(encoding="utf-8") == render(), (
        "docs/mlflow.md is stale: run `python -m lifecycle.integrations.mlflow.doc > docs/mlflow.md`"
    )
    assert "auc/thin-file" in render() and "lifecycle.gate.<phase>.signed_by" in render()
