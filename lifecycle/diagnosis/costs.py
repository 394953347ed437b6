"""What the model's wrong decisions cost, from the plan's own decision costs (format 2).

The plan prices a false positive and a false negative (``problem_framing.false_positive_cost`` /
``false_negative_cost``, in ``cost_unit``). For a credit model the positive class is the bad
outcome and a decline "predicts" it, so a false positive is a decline of an applicant who would
have repaid and a false negative is an approval that went bad. Cost per application is counted
over the rows whose outcome is known and that have a decision; months without outcomes have no
cost yet (label delay), never zero. "At stake" is the extra cost per application against the
reference sample, times the applications of the months that have outcomes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .performance import Performance


@dataclass(frozen=True)
class DecisionCosts:
    """The plan's prices of one wrong decision of each kind."""

    false_positive: float  # a decline of a good applicant
    false_negative: float  # an approval that goes bad
    unit: str  # e.g. "EUR per application"

    @property
    def currency(self) -> str:
        """'EUR per application' → 'EUR' (the unit before 'per'), for amounts that are totals."""
        return self.unit.split(" per ")[0].strip() or self.unit


@dataclass(frozen=True)
class BatchCost:
    batch: str
    per_application: float | None  # None: no outcome known yet
    applications: int  # rows of the batch
    false_approvals: int
    false_declines: int


@dataclass(frozen=True)
class CostSummary:
    costs: DecisionCosts
    reference: BatchCost
    batches: tuple[BatchCost, ...]

    @property
    def measured(self) -> list[BatchCost]:
        return [b for b in self.batches if b.per_application is not None]

    @property
    def extra_per_application(self) -> dict[str, float]:
        """Cost per application above the reference's, by month with outcomes."""
        base = self.reference.per_application or 0.0
        return {b.batch: (b.per_application or 0.0) - base for b in self.measured}

    @property
    def at_stake(self) -> float:
        """Extra cost over the months with outcomes, against what the reference's error rate would cost."""
        extra = self.extra_per_application
        return sum(extra[b.batch] * b.applications for b in self.measured)


def _cost(performance: Performance, rows: int, costs: DecisionCosts) -> BatchCost:
    per = None
    if performance.decided_labelled:
        per = (performance.false_approvals * costs.false_negative
               + performance.false_declines * costs.false_positive) / performance.decided_labelled
    return BatchCost(performance.batch, per, rows, performance.false_approvals, performance.false_declines)


def cost_summary(analysis: Analysis, costs: DecisionCosts | None) -> CostSummary | None:
    """None when the plan gives no costs or the data no decisions with outcomes."""
    if costs is None or analysis.reference_performance.decided_labelled == 0:
        return None
    return CostSummary(
        costs,
        _cost(analysis.reference_performance, analysis.reference_rows, costs),
        tuple(_cost(analysis.performance[n], analysis.rows[n], costs) for n in analysis.batches),
    )


def money(value: float, costs: DecisionCosts) -> str:
    return f"{costs.currency} {value:,.0f}"


def money_total(value: float, costs: DecisionCosts) -> str:
    """A total, rounded as far as the estimate deserves: 'EUR 1.3 million', 'EUR 318,000'."""
    if abs(value) >= 1_000_000:
        return f"{costs.currency} {value / 1_000_000:,.1f} million"
    if abs(value) >= 10_000:
        return f"{costs.currency} {round(value, -3):,.0f}"
    return money(value, costs)
