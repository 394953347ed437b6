"""The stakeholder memo: what failed, what it costs, where the plan let it through, what changes.

The memo is built once as a list of plain-text ``Block``s; ``memo_markdown`` and
``lifecycle.diagnosis.memo_pdf.memo_pdf`` render the same blocks, so both say the same.
Text in blocks is plain (no markup); names that come from uploaded files or the project
file are escaped by the Markdown renderer, so they cannot turn into links or HTML.
"""

from __future__ import annotations

import datetime as dt
import re

from ..phases import PHASES, PHASES_BY_KEY
from . import figures
from .analysis import Analysis, summary_numbers, unmeasured_parts
from .concept import AUC_DROP
from .diagnose import Diagnosis
from .drift import P_VALUE, PSI_BINS, PSI_MAJOR, PSI_MODERATE
from .executive import executive_summary
from .fairness import DI_THRESHOLD, EO_THRESHOLD, FOUR_FIFTHS_CAVEAT, GAP_Z
from .memo_blocks import Block, Memo

__all__ = ["Block", "Memo", "build_memo", "gap_rows", "md_escape", "memo_markdown", "render_markdown"]


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def _num(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def gap_rows(diagnosis: Diagnosis) -> list[tuple[str, str, str, str, str]]:
    """(symptoms, phase, gap, Rules of ML, checks) with identical gaps of several symptoms merged."""
    merged: dict[tuple[str, str, str], dict[str, list[str]]] = {}
    details: dict[tuple[str, str, str], tuple[tuple[int, ...], tuple[str, ...]]] = {}
    for entry in diagnosis.symptoms:
        for gap in entry.gaps:
            key = (gap.phase, gap.field, gap.problem)
            kinds = merged.setdefault(key, {})
            subjects = kinds.setdefault(entry.symptom.kind_title, [])
            if entry.symptom.subject != "model" and entry.symptom.subject not in subjects:
                subjects.append(entry.symptom.subject)
            details[key] = (gap.rules, gap.checks)
    rows = []
    for (phase, _field, problem), kinds in merged.items():
        rules, checks = details[(phase, _field, problem)]
        rows.append((
            "; ".join(f"{kind} ({', '.join(subjects)})" if subjects else kind for kind, subjects in kinds.items()),
            PHASES_BY_KEY[phase].title,
            problem,
            ", ".join(f"#{r}" for r in rules) or "–",
            ", ".join(checks) or "–",
        ))
    order = {phase.title: i for i, phase in enumerate(PHASES)}
    first_kind = {}
    for entry in diagnosis.symptoms:
        first_kind.setdefault(entry.symptom.kind_title, len(first_kind))
    rows.sort(key=lambda r: (first_kind.get(r[0].split(" (")[0].split("; ")[0], 99), order.get(r[1], 9)))
    return rows


def _summary(analysis: Analysis, diagnosis: Diagnosis) -> list[str]:
    items = []
    drift = analysis.symptoms_of("data_drift")
    if drift:
        major = [s.subject for s in drift if s.severity == "major"]
        moved = ", ".join(s.subject for s in drift)
        items.append(f"Data drift: {len(drift)} input(s) moved away from the training data ({moved})"
                     + (f"; major for {', '.join(major)}." if major else "."))
    else:
        items.append("Data drift: no input moved beyond the thresholds.")
    concept = analysis.symptoms_of("concept_drift")
    if concept:
        items.append(f"Concept drift: {figures.auc_headline(figures.headline(analysis))}; the same inputs now "
                     "lead to different outcomes.")
    else:
        items.append("Concept drift: none found in the months with outcomes.")
    fairness = analysis.symptoms_of("fairness")
    if fairness:
        for symptom in fairness:
            latest = analysis.fairness[symptom.subject].get(analysis.latest)
            ratio = f"disparate impact ratio {_num(latest.di_ratio)} in {analysis.latest}" if latest else ""
            items.append(f"Fairness: approval rates diverge across {symptom.subject} ({ratio}).")
    else:
        items.append("Fairness: no group gap beyond the thresholds.")
    gaps = {(g.phase, g.field) for e in diagnosis.symptoms for g in e.gaps}
    if gaps:
        phases = [p for p in PHASES if p.key in {key for key, _ in gaps}]
        items.append(f"The plan let this through in {len(phases)} phase(s): "
                     + ", ".join(p.title for p in phases) + ".")
    return items


def build_memo(diagnosis: Diagnosis, prepared_on: dt.date | None = None) -> Memo:
    analysis = diagnosis.analysis
    numbers = summary_numbers(analysis)
    prepared_on = prepared_on or dt.date.today()
    memo = Memo(title=f"Diagnosis memo: {diagnosis.project_name}")
    add = memo.blocks.append
    add(Block("title", memo.title))
    add(Block("note", f"Prepared on {prepared_on.isoformat()} from monitoring data: reference sample "
                      f"'{analysis.reference}' ({analysis.reference_rows:,} rows) against {len(analysis.batches)} "
                      f"batch(es), {analysis.batches[0]} to {analysis.latest} "
                      f"({sum(analysis.rows.values()):,} rows)."))

    add(Block("heading", "For the executive"))
    memo.blocks.extend(executive_summary(diagnosis))

    add(Block("heading", "Summary"))
    add(Block("bullets", items=tuple(_summary(analysis, diagnosis))))

    add(Block("heading", "1. What failed technically"))
    if not analysis.symptoms:
        add(Block("paragraph", "No symptom crossed the thresholds: the batches look like the reference sample, "
                               "performance holds and no group gap stands out."))
    for kind, heading in (("data_drift", "Data drift"), ("concept_drift", "Concept drift"),
                          ("fairness", "Fairness violation")):
        found = analysis.symptoms_of(kind)  # type: ignore[arg-type]
        if not found:
            continue
        add(Block("subheading", heading))
        for symptom in found:
            lead = "" if symptom.subject == "model" else symptom.subject + ":"
            add(Block("paragraph", symptom.evidence[:1].upper() + symptom.evidence[1:] + ".", lead=lead))
    add(Block("subheading", "Month by month"))
    header = ("Batch", "Rows", "Drifted inputs", "Largest PSI", "AUC", "Approval")
    rows = []
    for name in analysis.batches:
        report = analysis.drift[name]
        perf = analysis.performance[name]
        top = max(report.columns, key=lambda c: c.psi, default=None)
        rows.append((
            name, f"{analysis.rows[name]:,}", f"{len(report.drifted)} of {len(report.columns)}",
            f"{top.column} {top.psi:.2f}" if top else "–",
            _num(perf.auc) if perf.auc is not None else "no outcomes yet", _pct(perf.approval_rate),
        ))
    ref = analysis.reference_performance
    label = analysis.reference if analysis.reference == "reference" else f"{analysis.reference} (reference)"
    rows.insert(0, (label, f"{analysis.reference_rows:,}", "–", "–",
                    _num(ref.auc), _pct(ref.approval_rate)))
    add(Block("table", header=header, rows=tuple(rows), widths=(2.2, 1, 1.4, 2.6, 1.4, 1)))
    for attribute, by_batch in analysis.fairness.items():
        names = [n for n in [analysis.reference, *analysis.batches] if n in by_batch]
        groups = sorted({g.group for n in names for g in by_batch[n].groups})
        if not groups or len(groups) > 10:
            continue
        add(Block("paragraph", f"Approval rate per group of {attribute}, and the disparate impact ratio "
                               "(lowest rate / highest rate):"))
        table = []
        for name in names:
            result = by_batch[name]
            rates = {g.group: g for g in result.groups}
            table.append((name, *(_pct(rates[g].selection_rate) if g in rates else "–" for g in groups),
                          _num(result.di_ratio), _num(result.eo_difference)))
        add(Block("table", header=("Batch", *groups, "DI ratio", "EO diff."), rows=tuple(table)))

    add(Block("heading", "2. Business impact"))
    impact = []
    if numbers["reference_approval"] is not None and numbers["latest_approval"] is not None:
        impact.append(f"Approval rate: {_pct(numbers['reference_approval'])} on the reference sample, "
                      f"{_pct(numbers['latest_approval'])} in {analysis.latest}.")
    if numbers["reference_bad_rate"] is not None and numbers["latest_bad_rate"] is not None:
        outcome = analysis.roles.outcome or "the bad outcome"
        impact.append(f"Bad outcomes ({outcome}) among approved applications: {_pct(numbers['reference_bad_rate'])} "
                      f"on the reference, {_pct(numbers['latest_bad_rate'])} in {analysis.latest_labelled}, the "
                      "latest month with outcomes.")
    if analysis.symptoms_of("concept_drift"):
        impact.append(figures.auc_trend(figures.headline(analysis)) + " A model that ranks applications less well "
                      "than at validation lets more of the approved ones go bad at the same approval rate.")
    for symptom in analysis.symptoms_of("fairness"):
        latest = analysis.fairness[symptom.subject].get(analysis.latest)
        low = latest.least_selected if latest else None
        high = latest.most_selected if latest else None
        if low and high:
            impact.append(f"In {analysis.latest}, applicants in the {symptom.subject} group '{low.group}' were "
                          f"approved {_pct(low.selection_rate)} of the time, against {_pct(high.selection_rate)} for "
                          f"'{high.group}'. Unequal treatment of a protected group, or of a proxy for one, is a legal "
                          "and reputational exposure until it is explained or fixed.")
    waiting = [n for n in analysis.batches if analysis.performance[n].labelled == 0]
    if waiting:
        impact.append(f"Outcomes for {', '.join(waiting)} are not known yet (label delay): the damage in those "
                      "months cannot be measured until they mature.")
    impact.extend(part[:1].upper() + part[1:] + "." for part in unmeasured_parts(
        analysis, [n for n in analysis.batches if analysis.performance[n].known or n in waiting]))
    add(Block("bullets", items=tuple(impact) or ("No measurable impact beyond normal variation.",)))

    add(Block("heading", "3. Where the lifecycle plan let it through"))
    if diagnosis.symptoms:
        add(Block("paragraph", "Each symptom read against the project's own answers; 'Checks' are open findings of "
                               "the workbook's Rules of ML checks for this project."
                  + (" (Hidden in practice mode: find the plan's gaps yourself first.)" if diagnosis.checks_hidden
                     else "" if diagnosis.checks_available else " (The checks engine was not available.)")))
        add(Block("table", header=("Symptom", "Phase", "Gap in the plan", "Rules of ML", "Checks"),
                  rows=tuple(gap_rows(diagnosis)), widths=(2.2, 1.4, 5.2, 1.1, 1.2)))
    else:
        add(Block("paragraph", "Nothing to map: no symptom was found."))

    add(Block("heading", "4. Revised plan"))
    if diagnosis.plan:
        for phase, actions in diagnosis.plan_by_phase().items():
            add(Block("subheading", PHASES_BY_KEY[phase].title))
            add(Block("bullets", items=tuple(f"{a.action} Owner: {a.owner}." for a in actions)))
    else:
        add(Block("paragraph", "Keep the current monitoring; no change is needed on this evidence."))

    add(Block("heading", "5. Method and caveats"))
    add(Block("bullets", items=(
        f"Data drift per input: PSI over {PSI_BINS} quantile bins of the reference (categories for text columns; "
        f"empty bins count as 0.0001) and a two-sample test (Kolmogorov-Smirnov or chi-square). An input drifts when "
        f"PSI is at least {PSI_MODERATE:g} and p is below {P_VALUE:g}; PSI {PSI_MAJOR:g} or more is a major shift. "
        "With thousands of rows the tests find tiny shifts significant, hence the PSI bar.",
        f"Concept drift: AUC at least {AUC_DROP:g} below the reference and at least 2 standard errors, or the "
        "default rate within a bin of an input changing by 8 points or more beyond the overall change.",
        f"Fairness: approval rate, TPR (approved among those who repaid) and FPR (approved among those who "
        f"defaulted) per group; flagged when the disparate impact ratio is below {DI_THRESHOLD:g} or the equal "
        f"opportunity difference reaches {EO_THRESHOLD:g}, with the gap at least {GAP_Z:g} standard errors. "
        + FOUR_FIFTHS_CAVEAT,
        "Cost of wrong decisions (the summary for the executive): approvals that went bad times the plan's cost of "
        "a false negative, plus declines of applicants who repaid times the cost of a false positive, over the "
        "applications with a decision and a known outcome. Declined applications often get no outcome, so wrong "
        "declines are counted only where one is known.",
        "Performance, concept drift and TPR/FPR use only rows whose outcome is known. Recent batches without "
        "outcomes (label delay) are reported as not yet measured, never as zero; rows that never get an outcome "
        "(often declined applications) can bias these numbers.",
    )))
    return memo


# ---------------------------------------------------------------- Markdown

_MARKDOWN_SPECIAL = re.compile(r"([\\`*{}\[\]<>|~$])")
_LONE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def md_escape(text: str, *, line_start: bool = False) -> str:
    """Plain text as literal Markdown: no links, emphasis, HTML or tables can come out of it.

    ``line_start``: the text begins a line, where '- ', '+ ', '1. ' would start a list.
    """
    text = " ".join(text.split())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _LONE_UNDERSCORE.sub(r"\\_", text)
    if line_start:
        text = re.sub(r"^([-+=#])(?=\s|$|#)", r"\\\1", text)
        text = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)
    return text


def render_markdown(memo: Memo) -> str:
    lines: list[str] = []
    for block in memo.blocks:
        if block.kind == "title":
            lines += [f"# {md_escape(block.text)}", ""]
        elif block.kind == "heading":
            lines += [f"## {md_escape(block.text)}", ""]
        elif block.kind == "subheading":
            lines += [f"### {md_escape(block.text)}", ""]
        elif block.kind == "note":
            lines += [f"_{md_escape(block.text)}_", ""]
        elif block.kind == "paragraph":
            lead = f"**{md_escape(block.lead)}** " if block.lead else ""
            lines += [(lead + md_escape(block.text)) if lead else md_escape(block.text, line_start=True), ""]
        elif block.kind == "bullets":
            lines += [f"- {md_escape(item)}" for item in block.items] + [""]
        elif block.kind == "chart" and block.chart is not None:
            chart = block.chart
            lines += [f"**{md_escape(chart.title)}**", "",
                      f"| {md_escape(chart.x_title)} | {md_escape(chart.y_title)} |", "|---|---|"]
            lines += [f"| {md_escape(label)} | {md_escape(chart.value_text(value))} |"
                      for label, value in zip(chart.labels, chart.values)]
            if chart.reference is not None:
                lines.append(f"| {md_escape(chart.reference_label)} | {md_escape(chart.value_text(chart.reference))} |")
            lines.append("")
        elif block.kind == "table":
            lines.append("| " + " | ".join(md_escape(h) for h in block.header) + " |")
            lines.append("|" + "|".join("---" for _ in block.header) + "|")
            lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def memo_markdown(diagnosis: Diagnosis, prepared_on: dt.date | None = None) -> str:
    return render_markdown(build_memo(diagnosis, prepared_on))
