"""Concept drift: the relation between inputs and outcome changes, so the model decays.

Data drift asks whether the inputs moved; concept drift asks whether the same inputs now
lead to different outcomes. Two signals, both needing outcomes:

- **Performance decay**: the batch's AUC is at least ``AUC_DROP`` (0.05) below the
  reference's, and the fall is at least ``AUC_DROP_Z`` (2) standard errors (Hanley &
  McNeil, both sides) so that noise in a small batch does not raise it.
- **Relation change per feature**: the outcome rate per bin of the feature (reference
  quintiles for numeric columns, categories with enough rows for categorical ones) in
  the batch against the reference. A change common to every bin (a higher default rate
  overall) is removed first, so what remains is a change in *how* the feature relates to
  the outcome. A bin counts when it has ``MIN_BIN_LABELLED`` labelled rows on both sides
  and its adjusted change is at least ``RATE_CHANGE`` (8 points) and ``RATE_Z`` (3.5)
  standard errors. (A batch of ~1,000 labelled rows puts ~200 in a bin, where chance
  alone moves the rate by 2–3 points; with ~50 bins per batch the bar has to be high.)

When performance decays while few inputs drifted, the cause is the concept, not the
population; when both happen, the verdict says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .data import ColumnKind, as_categorical
from .drift import DriftReport, numeric_bin_labels, quantile_edges
from .performance import Performance

AUC_DROP = 0.05
AUC_DROP_Z = 2.0
RELATION_BINS = 5
MIN_BIN_LABELLED = 40
RATE_CHANGE = 0.08
RATE_Z = 3.5
STABLE_INPUT_SHARE = 0.0  # "inputs stable": no input column drifted


@dataclass(frozen=True)
class BinRate:
    label: str
    reference_rate: float
    current_rate: float
    reference_labelled: int
    current_labelled: int
    adjusted_change: float  # current − reference, minus the overall change
    z: float

    @property
    def significant(self) -> bool:
        return abs(self.adjusted_change) >= RATE_CHANGE and abs(self.z) >= RATE_Z


@dataclass(frozen=True)
class RelationChange:
    column: str
    bins: tuple[BinRate, ...]

    @property
    def changed(self) -> bool:
        return any(b.significant for b in self.bins)

    @property
    def largest(self) -> BinRate | None:
        return max(self.bins, key=lambda b: abs(b.adjusted_change), default=None)


@dataclass
class ConceptDrift:
    batch: str
    reference_auc: float | None
    auc: float | None
    relations: list[RelationChange] = field(default_factory=list)
    share_inputs_drifted: float = 0.0
    note: str = ""
    decay_z: float | None = None  # AUC fall in standard errors

    @property
    def measured(self) -> bool:
        return self.auc is not None and self.reference_auc is not None

    @property
    def auc_drop(self) -> float | None:
        return None if not self.measured else self.reference_auc - self.auc  # type: ignore[operator]

    @property
    def performance_decay(self) -> bool:
        drop = self.auc_drop
        return drop is not None and drop >= AUC_DROP and (self.decay_z or 0.0) >= AUC_DROP_Z

    @property
    def changed_relations(self) -> list[RelationChange]:
        return sorted((r for r in self.relations if r.changed),
                      key=lambda r: -abs(r.largest.adjusted_change if r.largest else 0.0))

    @property
    def detected(self) -> bool:
        return self.performance_decay or bool(self.changed_relations)

    @property
    def verdict(self) -> str:
        if not self.measured and not self.relations:
            return self.note or "not measured: no outcomes yet"
        if not self.detected:
            return "no concept drift"
        stable = self.share_inputs_drifted <= STABLE_INPUT_SHARE
        if self.performance_decay and stable:
            return "concept drift: performance decays while the inputs are stable"
        if self.performance_decay:
            return "performance decays; the inputs moved as well, so part of it may be data drift"
        return "the feature–outcome relation changed; AUC has not fallen beyond the threshold yet"


def _bins(ref: pd.Series, cur: pd.Series, kind: ColumnKind) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
    if kind == "numeric":
        r = pd.to_numeric(ref, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        c = pd.to_numeric(cur, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        edges = quantile_edges(np.sort(r[~np.isnan(r)]), RELATION_BINS)
        if edges.size == 0:
            return None
        rb = np.where(np.isnan(r), -1, np.searchsorted(edges, r, side="left"))
        cb = np.where(np.isnan(c), -1, np.searchsorted(edges, c, side="left"))
        labels = numeric_bin_labels(edges)
        return rb, cb, labels
    r = as_categorical(ref).astype("string")
    c = as_categorical(cur).astype("string")
    labels = sorted(set(r.dropna().unique()))
    index = {label: i for i, label in enumerate(labels)}
    rb = r.map(index).fillna(-1).to_numpy(dtype="int64")
    cb = c.map(index).fillna(-1).to_numpy(dtype="int64")
    return rb, cb, [str(label) for label in labels]


def relation_change(column: str, kind: ColumnKind, ref_values: pd.Series, ref_outcome: pd.Series,
                    cur_values: pd.Series, cur_outcome: pd.Series) -> RelationChange | None:
    """Outcome rate per bin of one feature, batch against reference (labelled rows only)."""
    binned = _bins(ref_values, cur_values, kind)
    if binned is None:
        return None
    rb, cb, labels = binned
    ry = ref_outcome.to_numpy(dtype="float64")
    cy = cur_outcome.to_numpy(dtype="float64")
    r_known, c_known = ~np.isnan(ry), ~np.isnan(cy)
    if r_known.sum() == 0 or c_known.sum() == 0:
        return None
    overall = float(np.nanmean(cy)) - float(np.nanmean(ry))
    bins = []
    for i, label in enumerate(labels):
        rm = (rb == i) & r_known
        cm = (cb == i) & c_known
        nr, nc = int(rm.sum()), int(cm.sum())
        if nr < MIN_BIN_LABELLED or nc < MIN_BIN_LABELLED:
            continue
        pr, pc = float(ry[rm].mean()), float(cy[cm].mean())
        change = (pc - pr) - overall
        se = math.sqrt(max(pr * (1 - pr), 1e-9) / nr + max(pc * (1 - pc), 1e-9) / nc)
        bins.append(BinRate(label, pr, pc, nr, nc, change, change / se))
    return RelationChange(column, tuple(bins)) if bins else None


def concept_drift(reference: Performance, current: Performance, drift: DriftReport | None,
                  relations: list[RelationChange]) -> ConceptDrift:
    result = ConceptDrift(
        batch=current.batch,
        reference_auc=reference.auc,
        auc=current.auc,
        relations=relations,
        share_inputs_drifted=drift.share_drifted if drift else 0.0,
        note=current.note if current.auc is None else "",
    )
    if reference.auc is not None and current.auc is not None and reference.auc_se and current.auc_se:
        result.decay_z = (reference.auc - current.auc) / math.hypot(reference.auc_se, current.auc_se)
    return result
