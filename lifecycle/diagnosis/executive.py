"""The memo's opening for an executive: the decision asked, the money at stake, one chart.

Money comes from the plan's own prices of wrong decisions (``lifecycle.diagnosis.costs``); when
the plan has none, the summary says so (and where to add them) and the chart shows the AUC.
Every figure is the one the rest of the memo and the page state (``figures``).
"""

from __future__ import annotations

from . import figures
from .costs import CostSummary, cost_summary, money, money_total
from .diagnose import Diagnosis
from .memo_blocks import Block, ChartData


def _decision(diagnosis: Diagnosis) -> str:
    analysis = diagnosis.analysis
    if not analysis.symptoms:
        return "None needed: the monitoring data shows no symptom beyond the thresholds; keep the current monitoring."
    phases = diagnosis.plan_by_phase()
    text = (f"Approve the revised plan in section 4 ({len(diagnosis.plan)} actions in {len(phases)} phases, each "
            f"with an owner), and decide whether {diagnosis.project_name} keeps deciding on its own until a "
            "retrained model passes its gates.")
    unfair = [s.subject for s in analysis.symptoms_of("fairness")]
    if unfair:
        text += (f" The approval gap across {', '.join(unfair)} needs Model Risk and legal review now, whatever is "
                 "decided.")
    return text


def _money(diagnosis: Diagnosis, summary: CostSummary | None) -> str:
    if diagnosis.costs is None:
        return ("The plan prices no wrong decision (Problem Framing, Decision costs: the cost of a false positive "
                "and of a false negative), so the impact cannot be put in money yet.")
    costs = diagnosis.costs
    prices = (f"at the plan's prices of {money(costs.false_negative, costs)} per approval that goes bad and "
              f"{money(costs.false_positive, costs)} per good applicant declined")
    if summary is None or not summary.measured:
        return f"No month has outcomes yet, so the cost of wrong decisions {prices} cannot be counted."
    latest, reference = summary.measured[-1], summary.reference
    stake = summary.at_stake
    months = summary.measured
    span = months[0].batch if len(months) == 1 else f"{months[0].batch} to {months[-1].batch}"
    text = (f"Wrong decisions cost {money(latest.per_application or 0.0, costs)} per application in {latest.batch}, "
            f"the latest month with outcomes, against {money(reference.per_application or 0.0, costs)} on the "
            f"reference sample, {prices}.")
    if diagnosis.analysis.symptoms:
        text += (f" Over the {sum(b.applications for b in months):,} applications of {span} in the monitoring data "
                 f"that is {money_total(abs(stake), costs)} {'more' if stake >= 0 else 'less'} than the error rate of "
                 "the reference would cost.")
    else:  # without a symptom the difference is noise, and a total would read as money at risk
        text += " No symptom crossed the thresholds, so the difference is read as normal variation."
    waiting = [b.batch for b in summary.batches if b.per_application is None]
    if waiting:
        text += f" {', '.join(waiting)} have no outcomes yet (label delay), so their cost is not counted."
    return text


def _why(diagnosis: Diagnosis) -> str:
    analysis = diagnosis.analysis
    head = figures.headline(analysis)
    parts = []
    if analysis.symptoms_of("data_drift"):
        parts.append(figures.drift_headline(head))
    if analysis.symptoms_of("concept_drift"):
        parts.append(figures.auc_headline(head))
    for symptom in analysis.symptoms_of("fairness"):
        latest = analysis.fairness[symptom.subject].get(analysis.latest)
        if latest is not None and latest.di_ratio is not None:
            parts.append(f"disparate impact ratio {latest.di_ratio:.2f} across {symptom.subject} in {analysis.latest}")
    return ("; ".join(parts) + ".") if parts else "No symptom crossed the thresholds."


def _chart(diagnosis: Diagnosis, summary: CostSummary | None) -> ChartData:
    analysis = diagnosis.analysis
    if summary is not None and diagnosis.costs is not None:
        currency = diagnosis.costs.currency
        return ChartData(
            title="Cost of wrong decisions per application, by month",
            x_title="Month of application", y_title=f"Cost per application ({currency})",
            labels=tuple(b.batch for b in summary.batches), values=tuple(b.per_application for b in summary.batches),
            reference=summary.reference.per_application, reference_label="reference sample",
            missing_label="no outcomes yet", prefix=f"{currency} ")
    return ChartData(
        title="AUC by month, where outcomes are known",
        x_title="Month of application", y_title="AUC (higher ranks better)",
        labels=tuple(analysis.batches), values=tuple(analysis.performance[n].auc for n in analysis.batches),
        reference=analysis.reference_performance.auc, reference_label="reference sample",
        missing_label="no outcomes yet", digits=2)


def executive_summary(diagnosis: Diagnosis) -> list[Block]:
    summary = cost_summary(diagnosis.analysis, diagnosis.costs)
    return [
        Block("paragraph", _decision(diagnosis), lead="Decision asked."),
        Block("paragraph", _money(diagnosis, summary), lead="Money at stake."),
        Block("paragraph", _why(diagnosis), lead="Why."),
        Block("chart", chart=_chart(diagnosis, summary)),
    ]
