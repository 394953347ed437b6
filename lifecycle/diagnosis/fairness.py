"""Group fairness of the decisions, per batch (definitions as in Fairlearn, implemented here).

The favourable decision is an approval. For each group of a protected attribute or proxy:

- selection rate: share of the group's applications approved;
- true positive rate (TPR): share approved among those who repaid (outcome 0), the
  applicants who deserved an approval;
- false positive rate (FPR): share approved among those who defaulted (outcome 1).

TPR and FPR need outcomes, so they exist only for labelled rows and only in batches whose
outcomes have arrived. Across groups:

- demographic parity difference = highest selection rate − lowest;
- disparate impact ratio = lowest selection rate / highest;
- equal opportunity difference = highest TPR − lowest.

Groups with fewer than ``MIN_GROUP_ROWS`` rows (or ``MIN_GROUP_LABELLED`` labelled rows of
a class, for TPR and FPR) are listed but left out of these summaries: their rates are too
noisy to compare.

A batch is flagged when the disparate impact ratio is below ``DI_THRESHOLD`` (0.8, the
"four-fifths rule") or the equal opportunity difference reaches ``EO_THRESHOLD`` (0.1),
and in either case the gap between the two groups concerned is at least ``GAP_Z`` (3)
standard errors: with eight postcode districts of 200 rows each, the lowest and highest
rate differ by several points through chance alone.
The four-fifths rule is a screening heuristic from US employment-selection guidance
(29 CFR 1607); it is not a test of compliance with credit or anti-discrimination law,
which needs legal review. The ratio is always shown, not only the verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_GROUP_ROWS = 50
MIN_GROUP_LABELLED = 20
DI_THRESHOLD = 0.8
EO_THRESHOLD = 0.10
GAP_Z = 4.0
FOUR_FIFTHS_CAVEAT = (
    "The 0.8 threshold (the four-fifths rule) is a screening heuristic from US employment-selection guidance, "
    "not a test of compliance with credit or anti-discrimination law; a ratio below it calls for investigation "
    "and legal review, and a ratio above it proves nothing by itself."
)


@dataclass(frozen=True)
class GroupRates:
    group: str
    rows: int
    selection_rate: float
    labelled: int
    tpr: float | None  # approved among repaid
    fpr: float | None  # approved among defaulted
    repaid: int = 0  # labelled rows with outcome 0
    defaulted: int = 0  # labelled rows with outcome 1

    @property
    def compared(self) -> bool:
        return self.rows >= MIN_GROUP_ROWS


def group_rates(selected: np.ndarray, outcome: np.ndarray, groups: np.ndarray,
                min_labelled: int = MIN_GROUP_LABELLED) -> list[GroupRates]:
    """Rates per group. ``selected``: True = approved; ``outcome``: 1 bad, 0 good, NaN unknown."""
    selected = np.asarray(selected, dtype=bool)
    outcome = np.asarray(outcome, dtype="float64")
    groups = np.asarray(groups, dtype=object)
    result = []
    for group in sorted({g for g in groups if g is not None and g == g}, key=str):  # g == g drops NaN
        mask = groups == group
        rows = int(mask.sum())
        good = mask & (outcome == 0)
        bad = mask & (outcome == 1)
        tpr = float(selected[good].mean()) if good.sum() >= min_labelled else None
        fpr = float(selected[bad].mean()) if bad.sum() >= min_labelled else None
        result.append(GroupRates(str(group), rows, float(selected[mask].mean()), int((good | bad).sum()), tpr, fpr,
                                 int(good.sum()), int(bad.sum())))
    return result


def demographic_parity_difference(rates: list[GroupRates]) -> float | None:
    values = [r.selection_rate for r in rates if r.compared]
    return max(values) - min(values) if len(values) >= 2 else None


def disparate_impact_ratio(rates: list[GroupRates]) -> float | None:
    values = [r.selection_rate for r in rates if r.compared]
    if len(values) < 2 or max(values) == 0:
        return None
    return min(values) / max(values)


def equal_opportunity_difference(rates: list[GroupRates]) -> float | None:
    values = [r.tpr for r in rates if r.compared and r.tpr is not None]
    return max(values) - min(values) if len(values) >= 2 else None


def gap_z(high: float, high_n: int, low: float, low_n: int) -> float:
    """The difference of two proportions in standard errors (unpooled)."""
    variance = high * (1 - high) / max(high_n, 1) + low * (1 - low) / max(low_n, 1)
    return (high - low) / math.sqrt(variance) if variance > 0 else (math.inf if high > low else 0.0)


@dataclass(frozen=True)
class Fairness:
    """Fairness of one batch's decisions over one attribute."""

    batch: str
    attribute: str
    groups: tuple[GroupRates, ...]

    @property
    def compared(self) -> list[GroupRates]:
        return [g for g in self.groups if g.compared]

    @property
    def dp_difference(self) -> float | None:
        return demographic_parity_difference(list(self.groups))

    @property
    def di_ratio(self) -> float | None:
        return disparate_impact_ratio(list(self.groups))

    @property
    def eo_difference(self) -> float | None:
        return equal_opportunity_difference(list(self.groups))

    @property
    def least_selected(self) -> GroupRates | None:
        return min(self.compared, key=lambda g: g.selection_rate, default=None)

    @property
    def most_selected(self) -> GroupRates | None:
        return max(self.compared, key=lambda g: g.selection_rate, default=None)

    @property
    def lowest_tpr(self) -> GroupRates | None:
        return min((g for g in self.compared if g.tpr is not None), key=lambda g: g.tpr or 0.0, default=None)

    @property
    def highest_tpr(self) -> GroupRates | None:
        return max((g for g in self.compared if g.tpr is not None), key=lambda g: g.tpr or 0.0, default=None)

    @property
    def di_gap_z(self) -> float | None:
        low, high = self.least_selected, self.most_selected
        if low is None or high is None or low is high:
            return None
        return gap_z(high.selection_rate, high.rows, low.selection_rate, low.rows)

    @property
    def eo_gap_z(self) -> float | None:
        low, high = self.lowest_tpr, self.highest_tpr
        if low is None or high is None or low is high:
            return None
        return gap_z(high.tpr or 0.0, high.repaid, low.tpr or 0.0, low.repaid)

    @property
    def di_flag(self) -> bool:
        return self.di_ratio is not None and self.di_ratio < DI_THRESHOLD and (self.di_gap_z or 0.0) >= GAP_Z

    @property
    def eo_flag(self) -> bool:
        return (self.eo_difference is not None and self.eo_difference >= EO_THRESHOLD
                and (self.eo_gap_z or 0.0) >= GAP_Z)

    @property
    def flagged(self) -> bool:
        return self.di_flag or self.eo_flag


def fairness(batch: str, attribute: str, groups: pd.Series, approved: pd.Series,
             outcome: pd.Series | None) -> Fairness:
    """Rates over the rows that have a decision: a missing decision (<NA> in ``approved``) is left out of the
    selection rate, TPR and FPR, as Fairlearn's ``selection_rate`` would leave out a row without a prediction."""
    decided = approved.notna().to_numpy(dtype=bool)
    y = outcome.to_numpy(dtype="float64") if outcome is not None else np.full(len(groups), np.nan)
    values = groups.astype("string").to_numpy(dtype=object, na_value=None)
    selected = approved.fillna(False).to_numpy(dtype=bool)
    return Fairness(batch, attribute, tuple(group_rates(selected[decided], y[decided], values[decided])))
