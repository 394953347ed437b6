"""Which page edits an answer, for links that open it: phase pages and the Annex IV page focus the question."""

from __future__ import annotations

from lifecycle.checks import field_path
from lifecycle.phases import PHASES_BY_KEY

from . import nav

ANNEX_IV_PAGE = "pages/annex_iv.py"
POLICIES_PAGE = "pages/policies.py"
_OTHER_PAGES = {
    "timeline": "pages/timeline.py",
    "datasheet": "pages/datasheet.py",
    "model_card": "pages/model_card.py",
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


def focuses(field: str) -> bool:
    """Whether the page of ``field`` opens with that question in focus (``?focus=``)."""
    page = page_of_field(field)
    return page == ANNEX_IV_PAGE or page in {nav.phase_page(p) for p in PHASES_BY_KEY.values()}


def query_for(field: str) -> dict[str, str] | None:
    return {"focus": field} if focuses(field) else None
