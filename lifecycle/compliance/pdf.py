"""The EU AI Act section of the lifecycle map PDF: the risk tier with its reasons, then Annex IV point by point.

Like ``lifecycle.handoff.pdf``, it draws with the map's own helpers (``heading``,
``chapter``, ``subheading``, ``para``, ``keep_room``) and the table function the map passes in; nothing
here imports fpdf. Answers the map already prints in full (phase sections, Model Card,
Data Sheet) are named with the section that has them; the technical-documentation answers
that only Annex IV asks for are printed here in full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Project
from ..phases import PHASES_BY_KEY
from .annex_iv import PARTLY, PointCoverage, coverage
from .markdown import INTRO, STATUS, status_line
from .screening import DISCLAIMER, Tier, screen
from .templates import due_phase

ACCENT = (41, 98, 163)
GREY = (105, 105, 105)
INK = (33, 33, 33)
STATUS_COLOURS = {"covered": (46, 125, 50), PARTLY: (176, 110, 0), "missing": (176, 32, 32)}
TIER_COLOURS = {Tier.PROHIBITED: (176, 32, 32), Tier.HIGH_RISK: (176, 32, 32), Tier.TRANSPARENCY: (176, 110, 0),
                Tier.MINIMAL: (46, 125, 50)}
BODY = 9.5
SMALL = 8.0

TableFunction = Callable[[Any, list[str], list[list[str]], list[float]], None]
PRINTED_HERE = "ai_act"  # answers printed in full in this section; the rest are in the map's other sections


def tier_line(project: Project) -> str:
    """'High-risk (Annex III, point 5(b); …)' for the cover; 'Not screened' when the screening is incomplete."""
    screening = screen(project)
    refs = "; ".join(screening.references)
    return f"{screening.label} ({refs})" if refs else screening.label


def _point(pdf: Any, item: PointCoverage, high_risk: bool) -> None:
    spec = item.spec
    pdf.keep_room(18)
    pdf.para(f"{spec.id}  {spec.title}", "B", BODY + 0.5, after=0.4)
    due = f" · due at the {PHASES_BY_KEY[due_phase(spec.id)].title} gate" if high_risk else ""
    pdf.para(status_line(item).capitalize() + due, "B", SMALL, STATUS_COLOURS[item.status], after=0.6)
    pdf.para(spec.summary, "I", SMALL, GREY, after=1.0)
    for answer in item.given:
        label = answer.path.question.label
        if answer.path.top == PRINTED_HERE:
            pdf.keep_room(10)
            pdf.para(label, "B", SMALL + 0.5, after=0.3, indent=3)
            pdf.para("\n\n".join(answer.lines), "", SMALL + 0.5, after=1.0, indent=3)
        else:
            pdf.para(f"{label}: answered, see {answer.path.source}", "", SMALL + 0.5, after=0.6, indent=3)
    if item.missing:
        pdf.para("Still missing: " + "; ".join(f"{a.path.question.label} ({a.path.source})" for a in item.missing),
                 "I", SMALL + 0.5, STATUS_COLOURS["missing"], after=1.0, indent=3)
    pdf.ln(1.2)


def draw_ai_act(pdf: Any, project: Project, table: TableFunction) -> None:
    """The section, as a chapter: tier and reasons, an overview table, then every point."""
    screening = screen(project)
    covered = coverage(project)
    pdf.chapter()
    pdf.heading("EU AI Act: risk tier and technical documentation (Annex IV)", 17, ACCENT, before=0)
    pdf.para(DISCLAIMER, "I", SMALL + 0.5, GREY, after=2)
    colour = TIER_COLOURS.get(screening.tier, GREY) if screening.tier else GREY
    pdf.para(f"Risk tier: {screening.label}", "B", 12, colour, after=1)
    for reason in (*screening.reasons, *screening.notes):
        pdf.para(f"• {reason.line()}", "", BODY, after=0.4, indent=3)
    extra = [o for o in screening.obligations if o not in screening.reasons]
    for reason in extra:
        pdf.para(f"• Also: {reason.line()}", "", BODY, after=0.4, indent=3)
    if screening.tier is None:
        pdf.para("The risk screening (Problem Framing page) is not complete, so the tier is not known.",
                 "I", BODY, GREY)
    high_risk = screening.tier is Tier.HIGH_RISK
    pdf.ln(2)
    pdf.para(INTRO, "", BODY, after=1.2)
    if project.practice.active:
        # which points are not (fully) documented names the answers still missing: clues to a scenario's planted
        # gaps, hidden in practice mode as on the Annex IV page
        pdf.para("Practice mode is on: the coverage of each point, which lists the answers still missing, is left "
                 "out until the learner has submitted their flags.", "I", BODY, GREY, after=2)
        return
    pdf.para(f"{covered.covered} of {covered.total} points documented; {covered.answers_given} of "
             f"{covered.answers_total} answers given."
             + ("" if high_risk else " Annex IV is required of high-risk systems; for this project it is good "
                                     "practice, not an obligation."), "B", BODY, after=2)
    rows = [[item.spec.id, item.spec.title, STATUS[item.status] if item.status != PARTLY else status_line(item),
             PHASES_BY_KEY[due_phase(item.spec.id)].title if high_risk else ""] for item in covered.points]
    table(pdf, ["Point", "What it asks for", "State", "Due at gate" if high_risk else ""], rows, [0.6, 3.2, 1.6, 1.4])
    for section in covered.sections:
        pdf.subheading(f"{section.spec.number}. {section.spec.title} ({section.covered} of "
                       f"{len(section.points)} documented)", ACCENT)
        for item in section.points:
            _point(pdf, item, high_risk)
