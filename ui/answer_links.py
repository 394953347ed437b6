"""Which page edits an answer, for links that open it: phase pages, the Annex IV page, the Data Sheet and the
Model Card focus the question (``?focus=``); the other pages only open."""

from __future__ import annotations

from lifecycle.checks import field_path
from lifecycle.compliance.paths import ALL_ROWS, UnknownPath, resolve
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.questions import Question

from . import nav

ANNEX_IV_PAGE = "pages/annex_iv.py"
POLICIES_PAGE = "pages/policies.py"
DOCUMENT_PAGES = {"datasheet": "pages/datasheet.py", "model_card": "pages/model_card.py"}
_OTHER_PAGES = {
    "timeline": "pages/timeline.py",
    **DOCUMENT_PAGES,
    "maturity": "pages/maturity.py",
}
PROBLEM_FRAMING = "problem_framing"


def page_of_field(field: str) -> str:
    """The page where the answer at ``field`` (a finding's dotted path) is edited; the Overview if none is."""
    path = field_path(field) if field else ()
    head = path[0] if path else ""
    if head in PHASES_BY_KEY:
        return nav.phase_page(PHASES_BY_KEY[head])
    if head == "ai_act":
        second = path[1] if len(path) > 1 else ""
        return nav.phase_page(PHASES_BY_KEY[PROBLEM_FRAMING]) if second == "screening" else ANNEX_IV_PAGE
    return _OTHER_PAGES.get(str(head), nav.HOME)


def document_question(field: str) -> tuple[Question, tuple[str, str, str], int | None] | None:
    """The Data Sheet or Model Card question ``field`` names, where it lives (document, section, question) and,
    for a cell of one table row, that row; a cell of every row (``[*]``) names its table. None for any other
    field, and for one that names no answer (a stale link), so the page then simply opens."""
    try:
        path = resolve(field)
    except UnknownPath:
        return None
    if path.top not in DOCUMENT_PAGES or len(path.steps) < 3:
        return None
    section, asked = path.steps[1], path.steps[2]
    question = resolve(f"{path.top}.{section.name}.{asked.name}").question  # the table itself, for a cell
    row = int(asked.index) if asked.index not in (None, ALL_ROWS) else None
    return question, (path.top, section.name, asked.name), row


def focuses(field: str) -> bool:
    """Whether the page of ``field`` opens with that question in focus (``?focus=``)."""
    page = page_of_field(field)
    if page in DOCUMENT_PAGES.values():
        return document_question(field) is not None
    return page == ANNEX_IV_PAGE or page in {nav.phase_page(p) for p in PHASES_BY_KEY.values()}


def query_for(field: str) -> dict[str, str] | None:
    return {"focus": field} if focuses(field) else None
