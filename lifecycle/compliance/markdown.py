"""The Annex IV technical documentation as Markdown, for ``lifecycle export --annex-iv FILE.md``.

Sections and points in the Annex's order; under each point the answers that document it
(with the page they come from) and what is still missing. User text is escaped as in the
hand-off documents, so it reads as written wherever the file is rendered.
"""

from __future__ import annotations

from ..handoff.markdown import md_line, md_text
from ..model import Project
from ..phases import PHASES_BY_KEY
from .annex_iv import COVERED, PARTLY, Coverage, PointCoverage, coverage
from .paths import where
from .screening import DISCLAIMER, screen
from .templates import due_phase

STATUS = {COVERED: "documented", PARTLY: "partly documented", "missing": "not documented"}
INTRO = (
    "Annex IV of the EU AI Act (Regulation (EU) 2024/1689) lists what the technical documentation of a high-risk "
    "AI system must contain (Article 11(1)). This file gathers the project's answers point by point, in the "
    "Annex's order; the point titles and summaries are the workbook's own wording."
)


def status_line(item: PointCoverage) -> str:
    total = len(item.answers)
    if item.status == PARTLY:
        return f"{STATUS[PARTLY]}: {len(item.given)} of {total} answers"
    return STATUS[item.status]


def _point(item: PointCoverage, high_risk: bool, heading: str) -> list[str]:
    spec = item.spec
    lines = [f"{heading} ({status_line(item)})", "", f"_{md_text(spec.summary)}_", ""]
    if high_risk:
        lines += [f"Due at the {PHASES_BY_KEY[due_phase(spec.id)].title} gate.", ""]
    for answer in item.given:
        lines.append(f"**{md_text(answer.path.question.label)}** _({md_text(answer.path.source)})_")
        lines.append("")
        if len(answer.lines) > 1 or answer.path.question.kind == "table":
            lines += [f"- {md_text(line)}" for line in answer.lines]
        else:
            lines.append(md_text(answer.lines[0]))
        lines.append("")
    if item.missing:
        lines.append("**Still missing:**")
        lines.append("")
        lines += [f"- {md_text(a.path.question.label)}: answer it on {where(a.path)}" for a in item.missing]
        lines.append("")
    return lines


def to_markdown(project: Project, covered: Coverage | None = None) -> str:
    covered = covered or coverage(project)
    screening = screen(project)
    name = project.info.name.strip() or "Untitled project"
    lines = [f"# Technical documentation (EU AI Act Annex IV): {md_line(name)}", "", f"> {DISCLAIMER}", "",
             INTRO, "", f"**Risk tier:** {md_text(screening.summary)}", ""]
    for reason in (*screening.reasons, *screening.notes):
        lines.append(f"- {md_text(reason.line())}")
    if screening.reasons or screening.notes:
        lines.append("")
    if screening.tier is None:
        lines += ["The risk screening is not complete, so the tier is not known; Annex IV applies to high-risk "
                  "systems.", ""]
    lines += [f"**Coverage:** {covered.covered} of {covered.total} points documented; {covered.answers_given} of "
              f"{covered.answers_total} answers given.", ""]
    high_risk = screening.key == "high_risk"
    for section in covered.sections:
        heading = f"## {section.spec.number}. {md_text(section.spec.title)}"
        if not section.spec.points:  # a section that is a single point
            lines += _point(section.points[0], high_risk, heading)
            continue
        lines += [heading, "", f"{section.covered} of {len(section.points)} points documented.", ""]
        for item in section.points:
            lines += _point(item, high_risk, f"### {item.spec.id} {md_text(item.spec.title)}")
    return "\n".join(lines).rstrip() + "\n"
