"""The headline figures of an analysis, computed once and worded once.

Every place that states a headline fact (the page's symptom cards, the memo's summaries, the
memo PDF, the scenario's own text, checked by a test) takes it from ``headline(analysis)`` and
the phrases below, so one fact never reads as two numbers: the model's AUC "now" is the AUC of
the latest month with outcomes, and the months before it are a trend, each figure named with
its month. Words for direction ("fell", "every month") are derived from the series, never
written in advance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # analysis words its concept-drift evidence with these phrases, so no import at run time
    from .analysis import Analysis


@dataclass(frozen=True)
class Headline:
    reference: str
    reference_auc: float | None
    auc_by_batch: tuple[tuple[str, float], ...]  # months with a measured AUC, in time order
    latest: str
    inputs: int  # input columns compared in the latest batch
    drifted_inputs: tuple[str, ...]  # drifted in the latest batch, worst PSI first
    reference_approval: float | None
    latest_approval: float | None

    @property
    def latest_auc(self) -> tuple[str, float] | None:
        return self.auc_by_batch[-1] if self.auc_by_batch else None

    @property
    def lowest_auc(self) -> tuple[str, float] | None:
        return min(self.auc_by_batch, key=lambda kv: kv[1]) if self.auc_by_batch else None


def headline(analysis: "Analysis") -> Headline:
    latest = analysis.latest
    report = analysis.drift[latest]
    drifted = tuple(c.column for c in sorted(report.drifted, key=lambda c: -c.psi))
    return Headline(
        reference=analysis.reference,
        reference_auc=analysis.reference_performance.auc,
        auc_by_batch=tuple((n, p.auc) for n in analysis.batches if (p := analysis.performance[n]).auc is not None),
        latest=latest,
        inputs=len(report.columns),
        drifted_inputs=drifted,
        reference_approval=analysis.reference_performance.approval_rate,
        latest_approval=analysis.performance[latest].approval_rate,
    )


def auc_text(value: float | None) -> str:
    """The one rounding of an AUC used in text (the tables show three decimals)."""
    return "n/a" if value is None else f"{value:.2f}"


def auc_headline(figures: Headline) -> str:
    """'AUC 0.81 on the reference, 0.73 in 2025-12, the latest month with outcomes'."""
    latest = figures.latest_auc
    if figures.reference_auc is None:
        return "AUC not measured on the reference"
    if latest is None:
        return f"AUC {auc_text(figures.reference_auc)} on the reference; no month has outcomes yet"
    return (f"AUC {auc_text(figures.reference_auc)} on the reference, {auc_text(latest[1])} in {latest[0]}, "
            "the latest month with outcomes")


def auc_trend(figures: Headline) -> str:
    """How the AUC moved, month by month, in words that follow the numbers."""
    series = figures.auc_by_batch
    if not series:
        return "No month has outcomes yet, so the model's ranking cannot be measured."
    months = ", ".join(f"{auc_text(v)} in {n}" for n, v in series)
    rounded = [round(v, 2) for _, v in series]
    below = figures.reference_auc is None or all(v < round(figures.reference_auc, 2) for v in rounded)
    low = figures.lowest_auc
    assert low is not None
    if len(rounded) >= 2 and all(b < a for a, b in zip(rounded, rounded[1:])):
        shape = "it fell every month"
    elif len(rounded) >= 2 and rounded[-1] > min(rounded):
        shape = f"it was lowest in {low[0]} and has risen since" + (", but stays below the reference" if below else "")
    else:
        shape = "it stays below the reference" if below else "it has not fallen below the reference"
    return f"AUC by month with outcomes: {months}, against {auc_text(figures.reference_auc)} on the reference; {shape}."


def drift_headline(figures: Headline) -> str:
    """'3 of 11 inputs drifted in 2026-02 (declared_net_income, age_band, postcode_district)'."""
    count = len(figures.drifted_inputs)
    names = f" ({', '.join(figures.drifted_inputs)})" if count else ""
    return f"{count} of {figures.inputs} inputs drifted in {figures.latest}{names}"
