"""The Model Card and the Data Sheet as sections of the lifecycle map PDF.

``draw_handoff`` writes both documents with the map's own page helpers (``chapter``,
``heading``, ``subheading``, ``para``) and its table function, which the map passes in; nothing here
imports fpdf, so the map decides fonts, margins and page breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Project
from .datasheet import build_datasheet
from .document import Asked, HandoffDocument, display
from .model_card import build_model_card

ACCENT = (41, 98, 163)
GREY = (105, 105, 105)
BODY = 9.5
SMALL = 8.0

TableFunction = Callable[[Any, list[str], list[list[str]], list[float]], None]


def _asked(pdf: Any, asked: Asked, table: TableFunction) -> None:
    pdf.keep_room(10)
    pdf.para(asked.question.label, "B", BODY, after=0.6)
    if asked.question.kind == "table":
        columns = asked.question.columns
        rows = [[display(c, getattr(row, c.name)) for c in columns] for row in asked.value]
        table(pdf, [c.label for c in columns], rows, [2.2 if c.kind in ("text", "long_text") else 0.8 for c in columns])
    else:
        pdf.para(asked.shown, "", BODY, after=2.2)


def draw_document(pdf: Any, document: HandoffDocument, table: TableFunction, practising: bool = False) -> None:
    """One document as a chapter; ``practising``: leave out the sections' "Not answered yet" lists, as the map
    does for the phases in practice mode (an empty answer the gate needs is a planted gap's first clue)."""
    pdf.chapter()
    pdf.heading(f"{document.title}: {document.subject}", 17, ACCENT, before=0)
    given = "" if practising else (f" {document.answered} of {document.total} answers given "
                                   f"({round(100 * document.ratio)}%);")
    pdf.para(f"{document.intro}{given} each answer says which page it comes from.", "I", BODY, GREY, after=2)
    for section in document.sections:
        counts = "" if practising else f" ({section.answered} of {section.total})"
        pdf.subheading(f"{section.number}. {section.title}{counts}", ACCENT)
        if section.note:
            pdf.para(section.note, "I", BODY, GREY, after=1.5)
        for item in section.prefilled:
            if not item.answered:
                continue
            pdf.keep_room(10)
            pdf.para(f"{item.label} (from {item.origin_title})", "B", BODY, after=0.6)
            if item.items:
                for line in item.items:
                    pdf.para(f"• {line}", "", BODY, after=0.4, indent=3)
                pdf.ln(1.8)
            else:
                pdf.para(item.text, "", BODY, after=2.2)
        for asked in section.asked:
            if asked.answered:
                _asked(pdf, asked, table)
        if section.missing and not practising:
            pdf.para("Not answered yet: " + "; ".join(section.missing), "I", SMALL + 0.5, GREY, after=2)


def draw_handoff(pdf: Any, project: Project, table: TableFunction) -> None:
    """The Model Card, then the Data Sheet, each a chapter of its own."""
    practising = project.practice.active
    draw_document(pdf, build_model_card(project), table, practising)
    draw_document(pdf, build_datasheet(project), table, practising)
