"""Data drift: how far each input column of a batch has moved from the reference sample.

Per column, two numbers that answer different questions:

- **PSI** (population stability index), an effect size: how much the distribution moved.
  Numeric columns are cut into ``PSI_BINS`` bins at the reference's deciles (each edge is
  the smallest reference value with at least k/10 of the reference at or below it;
  duplicate edges are merged, so a column with few distinct values gets one bin per
  value; bins are right-closed: (-inf, e1], (e1, e2], …, (ek, inf)). Categorical columns use one bin per
  category seen in either file. A bin empty on one side gets the share ``PSI_EPSILON``
  instead of 0 (otherwise the logarithm is infinite); shares are not renormalised.
  PSI = Σ (current share − reference share) · ln(current share / reference share).
- **A two-sample test**, for significance: Kolmogorov–Smirnov for numeric columns (exact
  p-value up to 10,000 rows per side, the asymptotic Kolmogorov distribution above, as
  SciPy does), chi-square test of homogeneity for categorical ones (a 2 × k table of
  counts, no continuity correction).

A column **drifts** when PSI ≥ ``PSI_MODERATE`` (0.1) *and* p < ``P_VALUE`` (0.05): the
shift is large enough to matter and too large to be sampling noise. PSI ≥ ``PSI_MAJOR``
(0.25) makes it a major shift. The test alone is not enough: with tens of thousands of
rows almost any difference is "significant", so a tiny p-value with a small PSI is
reported as a note, not as drift. The reverse (a large PSI that the test cannot confirm)
happens with very small batches and is reported as "not confirmed".

The dataset as a whole drifts when at least ``DATASET_DRIFT_SHARE`` (half) of the compared
columns drift (the same rule as Evidently's default preset).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from .data import Batch, ColumnKind, DataError, DataWarning, as_categorical, as_numeric, column_kind

PSI_BINS = 10
PSI_EPSILON = 1e-4
PSI_MODERATE = 0.10
PSI_MAJOR = 0.25
P_VALUE = 0.05
DATASET_DRIFT_SHARE = 0.5
EXACT_KS_MAX_ROWS = 10_000  # SciPy's own limit for the exact two-sample KS distribution
PARALLEL_ROWS = 200_000  # compare columns in threads above this many rows (NumPy sorts release the GIL)
UNSEEN_SHOWN = 5

Level = Literal["none", "moderate", "major"]


# ---------------------------------------------------------------- statistics on plain arrays


def psi(reference_counts: Iterable[float], current_counts: Iterable[float], epsilon: float = PSI_EPSILON) -> float:
    """Population stability index of two histograms over the same bins (counts, not shares)."""
    ref = np.asarray(list(reference_counts) if not isinstance(reference_counts, np.ndarray) else reference_counts,
                     dtype="float64")
    cur = np.asarray(list(current_counts) if not isinstance(current_counts, np.ndarray) else current_counts,
                     dtype="float64")
    if ref.shape != cur.shape or ref.sum() <= 0 or cur.sum() <= 0:
        raise ValueError("PSI needs two non-empty histograms over the same bins")
    p = ref / ref.sum()
    q = cur / cur.sum()
    p = np.where(p == 0, epsilon, p)
    q = np.where(q == 0, epsilon, q)
    return float(np.sum((q - p) * np.log(q / p)))


def quantile_edges(sorted_values: np.ndarray, bins: int = PSI_BINS) -> np.ndarray:
    """Inner bin edges at the reference's quantiles 1/bins … (bins-1)/bins, duplicates merged.

    A constant column gets its single value as the one edge, so anything else lands in
    the second bin.
    """
    if sorted_values.size == 0:
        return np.empty(0)
    # np.quantile(method="inverted_cdf"), read straight off the sorted array: each edge is an observed
    # value, so a column with few distinct values gets one bin per value instead of edges between them
    positions = np.ceil(np.arange(1, bins) * sorted_values.size / bins).astype(np.int64) - 1
    return np.unique(sorted_values[np.clip(positions, 0, sorted_values.size - 1)])


def bin_counts(sorted_values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per right-closed bin (-inf, e1], (e1, e2], …, (ek, inf) of an already sorted array."""
    cuts = np.searchsorted(sorted_values, edges, side="right")
    return np.diff(np.concatenate(([0], cuts, [sorted_values.size])))


def ks_statistic(sorted_a: np.ndarray, sorted_b: np.ndarray) -> float:
    """Two-sample Kolmogorov–Smirnov statistic: the largest gap between the two empirical CDFs.

    Both inputs sorted. The CDFs only jump at observed values, so the gap is evaluated at
    the last copy of each value of either sample (ties handled).
    """
    n, m = sorted_a.size, sorted_b.size
    if n == 0 or m == 0:
        raise ValueError("the KS statistic needs two non-empty samples")

    def gap_at_jumps(own: np.ndarray, own_n: int, other: np.ndarray, other_n: int) -> float:
        last = np.empty(own.size, dtype=bool)
        last[:-1] = own[1:] != own[:-1]
        last[-1] = True
        positions = np.flatnonzero(last)
        own_cdf = (positions + 1) / own_n
        other_cdf = np.searchsorted(other, own[positions], side="right") / other_n
        return float(np.abs(own_cdf - other_cdf).max())

    return max(gap_at_jumps(sorted_a, n, sorted_b, m), gap_at_jumps(sorted_b, m, sorted_a, n))


def ks_p_value(statistic: float, n: int, m: int, *, sorted_a: np.ndarray | None = None,
               sorted_b: np.ndarray | None = None) -> float:
    """Two-sided p-value: exact (SciPy) for samples up to 10,000 rows, else the asymptotic distribution."""
    if max(n, m) <= EXACT_KS_MAX_ROWS and sorted_a is not None and sorted_b is not None:
        return float(stats.ks_2samp(sorted_a, sorted_b, method="auto").pvalue)
    effective = n * m / (n + m)
    return float(np.clip(stats.kstwo.sf(statistic, np.round(effective)), 0.0, 1.0))


def chi_square(reference_counts: np.ndarray, current_counts: np.ndarray) -> tuple[float, float]:
    """Chi-square test of homogeneity on a 2 × k table of counts: (statistic, p-value)."""
    table = np.vstack([reference_counts, current_counts]).astype("float64")
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[1] < 2:
        return 0.0, 1.0
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    statistic = float(((table - expected) ** 2 / expected).sum())
    return statistic, float(stats.chi2.sf(statistic, table.shape[1] - 1))


def level_of(psi_value: float) -> Level:
    return "major" if psi_value >= PSI_MAJOR else "moderate" if psi_value >= PSI_MODERATE else "none"


# ---------------------------------------------------------------- the reference, profiled once


@dataclass(frozen=True)
class ColumnProfile:
    """What the comparison needs to know about one reference column."""

    column: str
    kind: ColumnKind
    rows: int  # non-missing values
    missing: int
    sorted_values: np.ndarray | None = None  # numeric: the values, sorted
    edges: np.ndarray | None = None  # numeric: inner PSI bin edges
    counts: np.ndarray | None = None  # numeric: rows per PSI bin
    categories: dict[str, int] | None = None  # categorical: rows per category

    @property
    def constant(self) -> bool:
        if self.kind == "numeric":
            values = self.sorted_values
            return values is None or values.size == 0 or values[0] == values[-1]
        return len(self.categories or {}) <= 1


@dataclass(frozen=True)
class ReferenceProfile:
    name: str
    rows: int
    columns: dict[str, ColumnProfile]
    warnings: tuple[DataWarning, ...] = ()


def _category_counts(values: pd.Series) -> dict[str, int]:
    counts = values.value_counts(dropna=True, sort=False)
    return {str(key): int(count) for key, count in counts.items() if count}


def _profile_column(name: str, source: str, values: pd.Series, warnings: list[DataWarning]) -> ColumnProfile | None:
    kind = column_kind(values)
    missing = int(values.isna().sum())
    if kind == "numeric":
        numbers = as_numeric(values, source, name, warnings)
        if numbers is None:
            return None
        array = numbers.to_numpy(dtype="float64", na_value=np.nan)
        array = np.sort(array[~np.isnan(array)])
        missing = len(values) - array.size
        edges = quantile_edges(array)
        return ColumnProfile(name, "numeric", array.size, missing, array, edges, bin_counts(array, edges))
    categories = _category_counts(as_categorical(values))
    return ColumnProfile(name, "categorical", sum(categories.values()), missing, categories=categories)


def profile_reference(reference: Batch, columns: Iterable[str] | None = None) -> ReferenceProfile:
    """Sort and bin every compared column of the reference once, for comparison with many batches."""
    frame = reference.frame
    names = list(frame.columns if columns is None else columns)

    def one(column: str) -> tuple[ColumnProfile | None, list[DataWarning]]:
        local: list[DataWarning] = []
        return _profile_column(column, reference.source, frame[column], local), local

    warnings: list[DataWarning] = []
    profiles = {}
    for name, (profile, local) in zip(names, _map(one, names, rows=len(frame))):
        warnings.extend(local)
        if profile is None:
            continue
        if profile.rows == 0:
            warnings.append(DataWarning(reference.source, name, "has no values in the reference; not compared"))
            continue
        profiles[name] = profile
    return ReferenceProfile(reference.source, len(frame), profiles, tuple(warnings))


def _map(function, items: list, rows: int) -> list:  # type: ignore[no-untyped-def]
    if rows < PARALLEL_ROWS or len(items) < 2:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(len(items), os.cpu_count() or 1, 8)) as pool:
        return list(pool.map(function, items))


# ---------------------------------------------------------------- one batch against the reference


@dataclass(frozen=True)
class BinShare:
    label: str
    reference: float  # share of the reference's non-missing rows
    current: float


@dataclass(frozen=True)
class ColumnDrift:
    column: str
    kind: ColumnKind
    psi: float
    test: str  # "KS" or "chi-square"
    statistic: float
    p_value: float
    reference_rows: int
    current_rows: int
    bins: tuple[BinShare, ...] = ()
    note: str = ""

    @property
    def drifted(self) -> bool:
        return self.psi >= PSI_MODERATE and self.p_value < P_VALUE

    @property
    def level(self) -> Level:
        return level_of(self.psi) if self.drifted else "none"

    @property
    def verdict(self) -> str:
        if self.drifted:
            return f"{self.level} drift"
        if self.psi >= PSI_MODERATE:
            return "not confirmed (too few rows)"
        if self.p_value < P_VALUE:
            return "stable (significant but small)"
        return "stable"


@dataclass
class DriftReport:
    """Every compared column of one batch, and the share that drifted."""

    batch: str
    rows: int
    columns: list[ColumnDrift]
    warnings: list[DataWarning] = field(default_factory=list)

    @property
    def drifted(self) -> list[ColumnDrift]:
        return sorted((c for c in self.columns if c.drifted), key=lambda c: -c.psi)

    @property
    def share_drifted(self) -> float:
        return len(self.drifted) / len(self.columns) if self.columns else 0.0

    @property
    def dataset_drift(self) -> bool:
        return bool(self.columns) and self.share_drifted >= DATASET_DRIFT_SHARE

    def column(self, name: str) -> ColumnDrift | None:
        return next((c for c in self.columns if c.column == name), None)


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10 or value == int(value):
        return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return f"{value:.3g}"


def numeric_bin_labels(edges: np.ndarray) -> list[str]:
    if edges.size == 0:
        return ["all"]
    labels = [f"≤ {_number(edges[0])}"]
    labels += [f"{_number(lo)} – {_number(hi)}" for lo, hi in zip(edges[:-1], edges[1:])]
    labels.append(f"> {_number(edges[-1])}")
    return labels


def _compare_numeric(profile: ColumnProfile, values: pd.Series, source: str,
                     warnings: list[DataWarning]) -> ColumnDrift | None:
    numbers = as_numeric(values, source, profile.column, warnings)
    if numbers is None:
        return None
    array = numbers.to_numpy(dtype="float64", na_value=np.nan)
    array = np.sort(array[~np.isnan(array)])
    if array.size == 0:
        warnings.append(DataWarning(source, profile.column, "has no values; not compared"))
        return None
    ref = profile.sorted_values
    assert ref is not None and profile.edges is not None and profile.counts is not None
    note = ""
    if profile.constant and array[0] == array[-1] and array[0] == ref[0]:
        warnings.append(DataWarning(source, profile.column, f"is constant ({_number(ref[0])}) in both files; "
                                                            "nothing to compare"))
        return None
    if profile.constant:
        note = f"constant ({_number(ref[0])}) in the reference: any other value counts as a shift"
        warnings.append(DataWarning(source, profile.column, note))
    counts = bin_counts(array, profile.edges)
    statistic = ks_statistic(ref, array)
    p_value = ks_p_value(statistic, ref.size, array.size, sorted_a=ref, sorted_b=array)
    ref_share = profile.counts / profile.counts.sum()
    cur_share = counts / counts.sum()
    bins = tuple(BinShare(label, float(r), float(c))
                 for label, r, c in zip(numeric_bin_labels(profile.edges), ref_share, cur_share))
    return ColumnDrift(profile.column, "numeric", psi(profile.counts, counts), "KS", statistic, p_value,
                       profile.rows, array.size, bins, note)


def _compare_categorical(profile: ColumnProfile, values: pd.Series, source: str,
                         warnings: list[DataWarning]) -> ColumnDrift | None:
    current = _category_counts(as_categorical(values))
    if not current:
        warnings.append(DataWarning(source, profile.column, "has no values; not compared"))
        return None
    reference = profile.categories or {}
    if len(reference) <= 1 and set(current) == set(reference):
        only = next(iter(reference), "")
        warnings.append(DataWarning(source, profile.column, f"is constant ('{only[:40]}') in both files; "
                                                            "nothing to compare"))
        return None
    note = ""
    unseen = [key for key in current if key not in reference]
    if unseen:
        rows = sum(current[key] for key in unseen)
        shown = ", ".join(f"'{key[:40]}'" for key in sorted(unseen, key=lambda k: -current[k])[:UNSEEN_SHOWN])
        more = f" and {len(unseen) - UNSEEN_SHOWN} more" if len(unseen) > UNSEEN_SHOWN else ""
        note = (f"{len(unseen)} value(s) not seen in the reference: {shown}{more} "
                f"({rows:,} rows, {rows / sum(current.values()):.1%})")
        warnings.append(DataWarning(source, profile.column, note))
    keys = list(reference) + unseen
    ref_counts = np.array([reference.get(key, 0) for key in keys], dtype="float64")
    cur_counts = np.array([current.get(key, 0) for key in keys], dtype="float64")
    statistic, p_value = chi_square(ref_counts, cur_counts)
    bins = tuple(BinShare(key, float(r), float(c))
                 for key, r, c in zip(keys, ref_counts / ref_counts.sum(), cur_counts / cur_counts.sum()))
    return ColumnDrift(profile.column, "categorical", psi(ref_counts, cur_counts), "chi-square", statistic, p_value,
                       profile.rows, int(cur_counts.sum()), bins, note)


def _missing_warning(profile: ColumnProfile, values: pd.Series, source: str, reference: str) -> DataWarning | None:
    missing = int(values.isna().sum())
    if not missing:
        return None
    ref_share = profile.missing / max(1, profile.rows + profile.missing)
    share = missing / len(values)
    return DataWarning(source, profile.column, f"{missing:,} missing value(s) ({share:.1%}; {ref_share:.1%} in "
                                               f"{reference}); left out of the comparison")


def compare(reference: ReferenceProfile, batch: Batch, columns: Iterable[str] | None = None) -> DriftReport:
    """Drift of every column the reference profile and the batch share (or of ``columns``)."""
    frame = batch.frame
    names = [c for c in (reference.columns if columns is None else columns) if c in reference.columns]
    missing_here = [c for c in names if c not in frame.columns]
    names = [c for c in names if c in frame.columns]
    if not names:
        raise DataError(batch.source, "has none of the reference's columns ("
                        + ", ".join(list(reference.columns)[:8]) + ")")
    warnings: list[DataWarning] = [
        DataWarning(batch.source, column, f"is in {reference.name} but not in this file; not compared")
        for column in missing_here
    ]

    def one(column: str) -> tuple[ColumnDrift | None, list[DataWarning]]:
        local: list[DataWarning] = []
        profile = reference.columns[column]
        values = frame[column]
        if profile.kind == "numeric":
            result = _compare_numeric(profile, values, batch.source, local)
        else:
            result = _compare_categorical(profile, values, batch.source, local)
        missing = _missing_warning(profile, values, batch.source, reference.name)
        if missing:
            local.insert(0, missing)
        return result, local

    results = _map(one, names, rows=len(frame))
    drifts = []
    for result, local in results:
        warnings.extend(local)
        if result is not None:
            drifts.append(result)
    return DriftReport(batch.name, len(frame), drifts, warnings)


def feature_columns(reference: Batch, batch: Batch, exclude: Iterable[str] = ()) -> tuple[list[str], list[DataWarning]]:
    """Columns both files have (minus ``exclude``), and a warning for each column only one side has."""
    excluded = set(exclude)
    ref_cols = [c for c in reference.frame.columns if c not in excluded]
    cur_cols = [c for c in batch.frame.columns if c not in excluded]
    shared = [c for c in ref_cols if c in cur_cols]
    warnings = [DataWarning(batch.source, c, f"is not in {reference.source}; not compared")
                for c in cur_cols if c not in ref_cols]
    if not shared:
        raise DataError(batch.source, f"has no column in common with {reference.source} (it has "
                        + ", ".join(cur_cols[:8]) + "; the reference has " + ", ".join(ref_cols[:8]) + ")")
    return shared, warnings


def drift_report(reference: Batch, batch: Batch, exclude: Iterable[str] = ()) -> DriftReport:
    """One-off comparison of two batches (profiles the reference on the way)."""
    columns, warnings = feature_columns(reference, batch, exclude)
    profile = profile_reference(reference, columns)
    report = compare(profile, batch, columns)
    report.warnings[:0] = list(profile.warnings) + warnings
    return report
