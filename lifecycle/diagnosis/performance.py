"""Model performance per batch, where outcomes are known.

The score is a risk score: higher means the bad outcome (``outcome`` = 1, e.g. default)
is more likely. AUC is the probability that a random bad case scores higher than a
random good one (ties count half), computed from ranks. Precision and recall read the
*decision* as a detector of the bad outcome: a decline "predicts" a default.

precision = declined and defaulted / declined,  recall = declined and defaulted / defaulted.

Outcomes arrive late (a loan defaults months after the decision), so recent batches may
have none: their performance is reported as not yet known, never as zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import rankdata

MIN_LABELLED = 50  # fewer labelled rows than this: performance not reported
MIN_CLASS = 10  # at least this many of each outcome for an AUC


def auc(scores: np.ndarray, outcomes: np.ndarray) -> float:
    """Area under the ROC curve of ``scores`` for ``outcomes`` (1 = positive), ties counting half."""
    scores = np.asarray(scores, dtype="float64")
    outcomes = np.asarray(outcomes, dtype="float64")
    positives = int((outcomes == 1).sum())
    negatives = int((outcomes == 0).sum())
    if positives == 0 or negatives == 0 or positives + negatives != outcomes.size:
        raise ValueError("AUC needs 0/1 outcomes with at least one of each")
    ranks = rankdata(scores)  # average ranks for ties
    return float((ranks[outcomes == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def auc_standard_error(value: float, positives: int, negatives: int) -> float:
    """Hanley & McNeil (1982) standard error of an AUC."""
    q1 = value / (2 - value)
    q2 = 2 * value**2 / (1 + value)
    variance = (value * (1 - value) + (positives - 1) * (q1 - value**2) + (negatives - 1) * (q2 - value**2)) / (
        positives * negatives
    )
    return math.sqrt(max(variance, 0.0))


def precision_recall(flagged: np.ndarray, outcomes: np.ndarray) -> tuple[float | None, float | None]:
    """Precision and recall of ``flagged`` (True = predicted bad) against 0/1 ``outcomes``."""
    flagged = np.asarray(flagged, dtype=bool)
    bad = np.asarray(outcomes, dtype="float64") == 1
    hits = int((flagged & bad).sum())
    precision = hits / int(flagged.sum()) if flagged.any() else None
    recall = hits / int(bad.sum()) if bad.any() else None
    return precision, recall


@dataclass(frozen=True)
class Performance:
    batch: str
    rows: int
    labelled: int
    positives: int  # bad outcomes among the labelled rows
    auc: float | None = None
    auc_se: float | None = None
    precision: float | None = None
    recall: float | None = None
    approval_rate: float | None = None
    bad_rate_approved: float | None = None  # default rate among approved, labelled rows (the business's loss)
    note: str = ""
    decided_labelled: int = 0  # labelled rows that have a decision: the base of the error counts below
    false_approvals: int = 0  # approved and went bad (the positive class missed: a false negative)
    false_declines: int = 0  # declined and would have been good (a false positive)

    @property
    def known(self) -> bool:
        return self.auc is not None


def _decisions(approved: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(approved, decided) as plain bool arrays: a missing decision is neither an approval nor a decline."""
    decided = approved.notna().to_numpy(dtype=bool)
    return approved.fillna(False).to_numpy(dtype=bool) & decided, decided


def performance(batch: str, score: pd.Series | None, approved: pd.Series | None,
                outcome: pd.Series | None) -> Performance:
    """Performance of one batch; ``outcome`` is float 0/1 with NaN where not yet known; ``approved`` may hold
    <NA> for rows without a decision, which the approval rate, precision and recall leave out."""
    rows = len(score) if score is not None else len(outcome) if outcome is not None else 0
    approval_rate = None
    if approved is not None:
        yes, decided = _decisions(approved)
        approval_rate = float(yes[decided].mean()) if decided.any() else None
    if outcome is None:
        return Performance(batch, rows, 0, 0, approval_rate=approval_rate, note="no outcome column")
    known = outcome.notna().to_numpy()
    labelled = int(known.sum())
    y = outcome.to_numpy(dtype="float64")[known]
    positives = int((y == 1).sum())
    bad_rate = None
    errors: dict[str, int] = {}
    if approved is not None and labelled:
        booked = yes[known]
        bad_rate = float(y[booked].mean()) if booked.any() else None
        on_decided = decided[known]
        errors = dict(decided_labelled=int(on_decided.sum()), false_approvals=int((booked & (y == 1)).sum()),
                      false_declines=int((on_decided & ~booked & (y == 0)).sum()))
    base = dict(batch=batch, rows=rows, labelled=labelled, positives=positives, approval_rate=approval_rate,
                bad_rate_approved=bad_rate, **errors)
    if labelled == 0:
        return Performance(**base, note="no outcomes yet (label delay)")
    if positives == 0 or positives == labelled:
        return Performance(**base, note=one_class_note(labelled, positives))
    if labelled < MIN_LABELLED or positives < MIN_CLASS or labelled - positives < MIN_CLASS:
        return Performance(**base, note=f"too few outcomes ({labelled} labelled, {positives} bad)")
    precision = recall = None
    if approved is not None:
        on_decided = decided[known]
        precision, recall = precision_recall(~yes[known][on_decided], y[on_decided])
    value = se = None
    if score is not None:
        s = score.to_numpy(dtype="float64", na_value=np.nan)[known]
        ok = ~np.isnan(s)
        if ok.sum() >= MIN_LABELLED and 0 < y[ok].sum() < ok.sum():
            value = auc(s[ok], y[ok])
            se = auc_standard_error(value, int(y[ok].sum()), int((y[ok] == 0).sum()))
    note = "" if labelled == rows else f"outcomes known for {labelled / rows:.0%} of rows"
    return Performance(**base, auc=value, auc_se=se, precision=precision, recall=recall, note=note)


def one_class_note(labelled: int, positives: int) -> str:
    """Why a batch whose known outcomes are all one class cannot be judged (it is not label delay)."""
    which = "bad (1)" if positives else "good (0)"
    return (f"cannot be judged: all {labelled:,} known outcomes are {which}, and AUC and outcome rates per bin "
            "need both outcomes (are the outcomes that have arrived a selection, e.g. only the early ones?)")


def judgeable(performance: Performance) -> bool:
    """Whether the batch's known outcomes hold both classes, so that concept drift can be judged at all."""
    return 0 < performance.positives < performance.labelled
