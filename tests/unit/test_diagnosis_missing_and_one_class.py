"""Two statistics bugs found by comparing with scikit-learn and Fairlearn, worked out by hand here.

(a) A missing decision is no decline: Fairlearn's ``selection_rate`` and scikit-learn's metrics take only the
rows that have a prediction, so the approval rate is approved / decided, not approved / rows.
(b) A batch whose known outcomes are all one class cannot be judged (``roc_auc_score`` raises "Only one class
present in y_true"); it must not raise concept drift, and must not be explained as label delay.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lifecycle.diagnosis.analysis import analyse
from lifecycle.diagnosis.data import Roles, approved, read_csv


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


def _applications(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.uniform(1000, 5000, rows).round()
    score = np.clip(0.45 - income / 12_000 + rng.normal(0, 0.03, rows), 0.01, 0.99).round(3)
    return pd.DataFrame({
        "income": income,
        "region": rng.choice(["north", "south"], rows),
        "score": score,
        "decision": np.where(score < 0.2, "approve", "decline"),
        # default rate 40% in the lowest incomes down to ~2% in the highest: the bins differ a lot
        "defaulted": (rng.uniform(0, 1, rows) < np.where(income < 1800, 0.4, 0.03)).astype(int),
    })


ROLES = Roles(groups=("region",))


# ---------------------------------------------------------------- (a) missing decisions


def test_a_missing_decision_is_neither_an_approval_nor_a_decline() -> None:
    decided = approved(pd.Series(["approve", None, "decline", " Approve ", None]), "approve")
    assert decided.tolist()[0] is True and decided.tolist()[2] is False and decided.tolist()[3] is True
    assert decided.isna().tolist() == [False, True, False, False, True]
    assert float(decided.mean()) == pytest.approx(2 / 3)  # not 2 / 5


def test_missing_decisions_leave_approval_and_selection_rates_unbiased_with_a_warning() -> None:
    reference = _applications(1200, 1)
    current = _applications(800, 2)
    blank = np.zeros(len(current), dtype=bool)
    blank[[3, 10, 11, 250, 400, 401, 402, 799]] = True  # 8 rows lost their decision in the export
    exported = current.copy()
    exported.loc[blank, "decision"] = ""
    analysis = analyse(read_csv(_csv(reference), "reference.csv"), [read_csv(_csv(exported), "current.csv")], ROLES)

    # by hand: approvals over the rows that have a decision, as sklearn/Fairlearn count a prediction
    kept = current[~blank]
    expected = float((kept["decision"] == "approve").mean())
    counted_as_declines = float((exported["decision"] == "approve").mean())
    assert expected > counted_as_declines  # the old reading lowered the rate
    assert analysis.performance["current"].approval_rate == pytest.approx(expected)

    for group, rows in kept.groupby("region"):
        rate = next(g for g in analysis.fairness["region"]["current"].groups if g.group == group)
        assert rate.rows == len(rows)
        assert rate.selection_rate == pytest.approx(float((rows["decision"] == "approve").mean()))
        repaid = rows[rows["defaulted"] == 0]
        assert rate.tpr == pytest.approx(float((repaid["decision"] == "approve").mean()))

    # precision and recall of declines as predictions of default, over the decided rows only
    flagged, bad = kept["decision"] == "decline", kept["defaulted"] == 1
    assert analysis.performance["current"].precision == pytest.approx((flagged & bad).sum() / flagged.sum())
    assert analysis.performance["current"].recall == pytest.approx((flagged & bad).sum() / bad.sum())

    warning = next(str(w) for w in analysis.warnings if "no decision" in str(w))
    assert warning.startswith("current.csv, column 'decision': 8 of 800 row(s) have no decision")
    assert "line(s) 5, 12, 13, 252, 402 and 3 more" in warning  # CSV lines: header is line 1
    assert not [w for w in analysis.warnings if w.source == "reference.csv" and "no decision" in w.problem]


# ---------------------------------------------------------------- (b) one class of outcomes


def _one_class_batch(outcome: float) -> pd.DataFrame:
    current = _applications(1000, 3)
    current["defaulted"] = np.where(np.arange(len(current)) % 3 == 0, np.nan, outcome)  # a third not known yet
    return current


@pytest.mark.parametrize("outcome", [0.0, 1.0], ids=["all repaid", "all defaulted"])
def test_a_batch_whose_outcomes_are_all_one_class_raises_no_concept_drift(outcome: float) -> None:
    reference = _applications(3000, 4)
    current = _one_class_batch(outcome)
    analysis = analyse(read_csv(_csv(reference), "reference.csv"), [read_csv(_csv(current), "current.csv")], ROLES)
    assert not analysis.symptoms_of("concept_drift")
    concept = analysis.concept["current"]
    assert not concept.detected and not concept.relations
    label = "good (0)" if outcome == 0 else "bad (1)"
    assert concept.verdict.startswith(f"cannot be judged: all 666 known outcomes are {label}")
    assert "label delay" not in concept.verdict
    assert analysis.performance["current"].auc is None


def test_label_delay_is_said_only_when_no_outcome_has_arrived() -> None:
    reference = _applications(3000, 4)
    shifted = _applications(1000, 5)
    shifted["defaulted"] = (shifted["income"] > 4000).astype(int)  # the relation flipped: concept drift
    late = _applications(1000, 6)
    late["defaulted"] = np.nan
    one_class = _one_class_batch(0.0)
    files = [read_csv(_csv(f), f"{name}.csv") for name, f in (("m1", shifted), ("m2", one_class), ("m3", late))]
    analysis = analyse(read_csv(_csv(reference), "reference.csv"), files, ROLES)
    [symptom] = analysis.symptoms_of("concept_drift")
    assert symptom.batches == ("m1",)
    assert "not measurable yet in m3 (no outcomes: label delay)" in symptom.evidence
    assert "m2 cannot be judged: all 666 known outcomes are good (0)" in symptom.evidence
