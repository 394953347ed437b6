"""Drift, performance and fairness metrics against small cases worked out by hand (and SciPy where it has one)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from lifecycle.diagnosis.data import Batch
from lifecycle.diagnosis.drift import (
    PSI_EPSILON,
    bin_counts,
    chi_square,
    drift_report,
    ks_p_value,
    ks_statistic,
    psi,
    quantile_edges,
)
from lifecycle.diagnosis.fairness import (
    Fairness,
    demographic_parity_difference,
    disparate_impact_ratio,
    equal_opportunity_difference,
    group_rates,
)
from lifecycle.diagnosis.performance import auc, auc_standard_error, performance, precision_recall


# ---------------------------------------------------------------- PSI


def test_psi_of_a_shifted_two_bin_histogram() -> None:
    # p = (.5, .5), q = (.25, .75): (-.25)·ln(.5) + (.25)·ln(1.5)
    expected = 0.25 * math.log(2) + 0.25 * math.log(1.5)
    assert psi([50, 50], [25, 75]) == pytest.approx(expected)
    assert psi([50, 50], [25, 75]) == pytest.approx(0.274653, abs=1e-6)


def test_psi_is_zero_for_identical_shares_and_uses_epsilon_for_empty_bins() -> None:
    assert psi([10, 30, 60], [1, 3, 6]) == pytest.approx(0.0)
    # reference bin 2 is empty: its share becomes 1e-4 (not renormalised)
    expected = (0.5 - 1) * math.log(0.5 / 1) + (0.5 - PSI_EPSILON) * math.log(0.5 / PSI_EPSILON)
    assert psi([10, 0], [5, 5]) == pytest.approx(expected)
    assert psi([10, 0], [5, 5]) == pytest.approx(4.604319, abs=1e-6)


def test_psi_refuses_mismatched_or_empty_histograms() -> None:
    with pytest.raises(ValueError):
        psi([1, 2], [1, 2, 3])
    with pytest.raises(ValueError):
        psi([0, 0], [1, 1])


def test_quantile_bins_are_right_closed_deciles_with_duplicates_merged() -> None:
    values = np.arange(1.0, 101.0)  # 1..100
    edges = quantile_edges(values)
    assert edges.tolist() == [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0]
    assert edges.tolist() == np.quantile(values, np.arange(1, 10) / 10, method="inverted_cdf").tolist()
    assert bin_counts(values, edges).tolist() == [10] * 10  # (-inf, 10], (10, 20], …, (90, inf)
    few = np.sort(np.array([0.0] * 70 + [1.0] * 20 + [2.0] * 10))
    assert quantile_edges(few).tolist() == [0.0, 1.0]  # nine deciles, two distinct values
    assert bin_counts(few, quantile_edges(few)).tolist() == [70, 20, 10]
    assert quantile_edges(np.array([5.0, 5.0, 5.0])).tolist() == [5.0]  # a constant column: one edge


# ---------------------------------------------------------------- KS and chi-square


def test_ks_statistic_by_hand() -> None:
    # F_a(2) = 0.5 while F_b(2) = 0: the largest gap is 0.5
    assert ks_statistic(np.array([1.0, 2, 3, 4]), np.array([3.0, 4, 5, 6])) == pytest.approx(0.5)
    # ties: at 1, F_a = 2/3 and F_b = 1/3
    assert ks_statistic(np.array([1.0, 1, 2]), np.array([1.0, 2, 2])) == pytest.approx(1 / 3)
    assert ks_statistic(np.array([1.0, 2]), np.array([1.0, 2])) == 0.0


@pytest.mark.parametrize("size", [40, 2_000, 30_000])
def test_ks_statistic_and_p_value_match_scipy(size: int) -> None:
    rng = np.random.default_rng(size)
    a = np.sort(np.round(rng.normal(0, 1, size), 2))  # rounding makes ties
    b = np.sort(np.round(rng.normal(0.1, 1, size + 7), 2))
    statistic = ks_statistic(a, b)
    method = "auto" if size <= 10_000 else "asymp"
    reference = stats.ks_2samp(a, b, method=method)
    assert statistic == pytest.approx(reference.statistic)
    assert ks_p_value(statistic, a.size, b.size, sorted_a=a, sorted_b=b) == pytest.approx(reference.pvalue, rel=1e-6)


def test_chi_square_by_hand_and_against_scipy() -> None:
    # expected 25 in every cell of [[30, 20], [20, 30]]: 4 · 5² / 25 = 4 on 1 degree of freedom
    statistic, p_value = chi_square(np.array([30, 20]), np.array([20, 30]))
    assert statistic == pytest.approx(4.0)
    assert p_value == pytest.approx(stats.chi2.sf(4.0, 1))
    table = np.array([[120, 80, 0, 40], [90, 70, 15, 60]])
    expected = stats.chi2_contingency(table[:, table.sum(axis=0) > 0], correction=False)
    assert chi_square(table[0], table[1]) == pytest.approx((expected.statistic, expected.pvalue))


def test_drift_needs_both_a_large_psi_and_a_significant_test() -> None:
    rng = np.random.default_rng(3)
    ref = pd.DataFrame({"x": rng.normal(0, 1, 20_000), "same": rng.normal(0, 1, 20_000)})
    cur = pd.DataFrame({"x": rng.normal(0.8, 1, 20_000), "same": rng.normal(0.03, 1, 20_000)})
    report = drift_report(Batch("ref", ref), Batch("cur", cur))
    x, same = report.column("x"), report.column("same")
    assert x is not None and x.drifted and x.level == "major"
    # a 0.03 SD shift is significant with 20,000 rows but far below the PSI bar: not drift
    assert same is not None and not same.drifted and same.psi < 0.1
    assert report.share_drifted == 0.5 and report.dataset_drift
    tiny = drift_report(Batch("ref", ref.head(8)), Batch("cur", cur.head(8)))
    assert all(not c.drifted for c in tiny.columns if c.psi >= 0.1 and c.p_value >= 0.05)


# ---------------------------------------------------------------- performance


def test_auc_by_hand() -> None:
    # positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ranked right
    assert auc(np.array([0.1, 0.4, 0.35, 0.8]), np.array([0, 0, 1, 1])) == pytest.approx(0.75)
    assert auc(np.array([0.5, 0.5]), np.array([1, 0])) == pytest.approx(0.5)  # a tie counts half
    assert auc(np.array([0.9, 0.1]), np.array([1, 0])) == 1.0
    with pytest.raises(ValueError):
        auc(np.array([0.1, 0.2]), np.array([1, 1]))


def test_auc_standard_error_follows_hanley_mcneil() -> None:
    a, n1, n2 = 0.8, 100, 400
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    expected = math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / (n1 * n2))
    assert auc_standard_error(a, n1, n2) == pytest.approx(expected)


def test_precision_and_recall_of_declines_as_default_predictions() -> None:
    flagged = np.array([True, True, False, False])
    assert precision_recall(flagged, np.array([1, 0, 1, 0])) == (0.5, 0.5)
    assert precision_recall(np.array([False, False]), np.array([1, 0])) == (None, 0.0)


def test_performance_waits_for_outcomes_instead_of_reporting_zero() -> None:
    rows = 200
    score = pd.Series(np.linspace(0, 1, rows))
    approved = pd.Series(score < 0.5)
    late = performance("2026-02", score, approved, pd.Series([np.nan] * rows))
    assert not late.known and late.auc is None and "label delay" in late.note
    assert late.approval_rate == pytest.approx(0.5)
    outcome = pd.Series((score > 0.6).astype(float))
    known = performance("2025-09", score, approved, outcome)
    assert known.auc == pytest.approx(1.0) and known.precision == pytest.approx(80 / 100)
    assert known.recall == pytest.approx(1.0) and known.bad_rate_approved == 0.0


# ---------------------------------------------------------------- fairness


def _fairness_case(copies: int = 20) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # group A: approved 3 of 4 (.75); group B: 1 of 4 (.25). Outcome 0 = repaid, 1 = defaulted.
    selected = np.array([1, 1, 1, 0, 1, 0, 0, 0] * copies, dtype=bool)
    outcome = np.array([0, 0, 1, 0, 0, 1, 0, 1] * copies, dtype=float)
    groups = np.array(["A"] * 4 + ["B"] * 4, dtype=object)
    return selected, outcome, np.tile(groups, copies)


def test_group_rates_by_hand() -> None:
    rates = {r.group: r for r in group_rates(*_fairness_case())}
    a, b = rates["A"], rates["B"]
    assert (a.rows, b.rows) == (80, 80)
    assert a.selection_rate == pytest.approx(0.75) and b.selection_rate == pytest.approx(0.25)
    # A repaid: rows 0, 1, 3 → approved 2 of 3; B repaid: rows 4, 6 → approved 1 of 2
    assert a.tpr == pytest.approx(2 / 3) and b.tpr == pytest.approx(1 / 2)
    # A defaulted: row 2 → approved; B defaulted: rows 5, 7 → declined
    assert a.fpr == pytest.approx(1.0) and b.fpr == pytest.approx(0.0)


def test_parity_impact_and_opportunity_by_hand() -> None:
    rates = group_rates(*_fairness_case())
    assert demographic_parity_difference(rates) == pytest.approx(0.5)
    assert disparate_impact_ratio(rates) == pytest.approx(1 / 3)
    assert equal_opportunity_difference(rates) == pytest.approx(2 / 3 - 1 / 2)
    result = Fairness("batch", "group", tuple(rates))
    assert result.di_flag and result.least_selected.group == "B" and result.most_selected.group == "A"


def test_small_groups_and_missing_outcomes_are_left_out_of_the_summaries() -> None:
    selected, outcome, groups = _fairness_case(copies=20)
    selected = np.concatenate([selected, [False] * 10])
    outcome = np.concatenate([outcome, [np.nan] * 10])
    groups = np.concatenate([groups, ["C"] * 10])  # 10 rows: too few to compare
    rates = group_rates(selected, outcome, groups)
    assert [r.group for r in rates] == ["A", "B", "C"] and not rates[2].compared
    assert disparate_impact_ratio(rates) == pytest.approx(1 / 3)  # C's zero rate does not count
    unlabelled = group_rates(selected, np.full(selected.size, np.nan), groups)
    assert all(r.tpr is None and r.fpr is None for r in unlabelled)
    assert equal_opportunity_difference(unlabelled) is None


def test_a_noisy_gap_between_small_groups_is_not_flagged() -> None:
    # 60% against 70% approved in groups of 60: the ratio is 0.86, and even a ratio under 0.8
    # would need the gap to be 4 standard errors
    selected = np.array([True] * 36 + [False] * 24 + [True] * 42 + [False] * 18)
    groups = np.array(["A"] * 60 + ["B"] * 60, dtype=object)
    result = Fairness("b", "g", tuple(group_rates(selected, np.full(120, np.nan), groups)))
    assert result.di_ratio == pytest.approx(0.6 / 0.7) and not result.flagged
    selected = np.array([True] * 30 + [False] * 30 + [True] * 42 + [False] * 18)  # 0.5 / 0.7 = 0.71, z ≈ 2.3
    result = Fairness("b", "g", tuple(group_rates(selected, np.full(120, np.nan), groups)))
    assert result.di_ratio < 0.8 and result.di_gap_z < 4 and not result.flagged
