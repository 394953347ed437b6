"""Page registry, the sidebar menu and the previous/next walk through the phases.

Links between pages are buttons that switch page in the script, not ``st.page_link``
anchors: a link clicked right after typing an answer is lost, because the answer's save
starts a rerun in the same moment and the browser drops the navigation (the first click on
"Next" only saved the answer). A button's click is a trigger Streamlit keeps through that
rerun, so one click saves the answer and moves on.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from lifecycle.completeness import PhaseProgress
from lifecycle.phases import PHASES, Phase

HOME = "pages/home.py"
CHECKS = "pages/checks.py"
PORTFOLIO = "pages/portfolio.py"
PRACTICE = "pages/practice.py"
SECTIONS = ("Workbook", "Review", "Hand-off", "Operate")


def phase_page(phase: Phase) -> str:
    return f"pages/{phase.key}.py"


def pages() -> dict[str, list[st.Page]]:
    """The app's pages in sidebar sections, in the order a project is worked through."""
    # url_path stays the file stem: AppTest's switch_page relies on it.
    return {
        "Workbook": [
            st.Page(HOME, title="Overview", icon=":material/dashboard:", default=True),
            *(st.Page(phase_page(p), title=f"{p.number}. {p.title}", icon=":material/edit_note:") for p in PHASES),
            st.Page("pages/timeline.py", title="Plan and timeline", icon=":material/calendar_month:"),
        ],
        "Review": [
            st.Page(CHECKS, title="Checks", icon=":material/rule:"),
            st.Page(PRACTICE, title="Practice", icon=":material/school:"),
            st.Page("pages/canvas.py", title="Canvas", icon=":material/dashboard_customize:"),
            st.Page("pages/maturity.py", title="Maturity", icon=":material/speed:"),
        ],
        "Governance": [
            st.Page("pages/annex_iv.py", title="EU AI Act: Annex IV", icon=":material/gavel:"),
            st.Page("pages/policies.py", title="Policy packs", icon=":material/policy:"),
        ],
        "Hand-off": [
            st.Page("pages/datasheet.py", title="Data Sheet", icon=":material/dataset:"),
            st.Page("pages/model_card.py", title="Model Card", icon=":material/badge:"),
        ],
        "Operate": [
            st.Page("pages/diagnosis.py", title="Diagnosis", icon=":material/troubleshoot:"),
            st.Page(PORTFOLIO, title="Portfolio", icon=":material/grid_view:"),
            st.Page("pages/history.py", title="History", icon=":material/history:"),
        ],
    }


GOTO = "nav_goto"  # (page, query params) chosen by a click, followed by the entrypoint


MENU_MOVES = "nav_menu_moves"  # how many times the sidebar menu was used (see close_sidebar_on_phone)


def _choose(target: str | st.Page, query_params: dict[str, Any] | None, from_menu: bool = False) -> None:
    st.session_state[GOTO] = (target, query_params)
    if from_menu:
        st.session_state[MENU_MOVES] = st.session_state.get(MENU_MOVES, 0) + 1


# A static script, no user text in it: closes the sidebar on a phone-sized window, as Streamlit's own page
# links do after a page is picked. Our menu is buttons (see above), which Streamlit does not close it for.
_CLOSE_ON_PHONE = """<script data-move="{move}">
if (window.matchMedia("(max-width: 767px)").matches) {
  const close = window.parent.document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (close) { close.click(); }
}
</script>"""


def close_sidebar_on_phone() -> None:
    """Called once per run at the end of the sidebar: after a page was picked from the menu, close the
    sidebar if the window is phone-sized. The element is drawn on every run, at the same place, so it never
    shifts the elements around it (a widget that moves is drawn anew and loses the focus); its text changes
    only with a pick from the menu, and the browser runs a script only when its text changes."""
    moves = st.session_state.get(MENU_MOVES, 0)
    st.html(_CLOSE_ON_PHONE.replace("{move}", str(moves)), unsafe_allow_javascript=True)


def follow() -> None:
    """Called by the entrypoint after ``st.navigation``: open the page a button asked for.

    The click is handled in the button's callback, which Streamlit runs before the script with
    the answers typed just before the click already saved; switching here, before the old page
    is drawn again, makes the move immediate.
    """
    chosen = st.session_state.pop(GOTO, None)
    if chosen is not None:
        target, query_params = chosen
        st.switch_page(target, query_params=query_params) if query_params else st.switch_page(target)


def go_button(
    target: str | st.Page,
    label: str,
    *,
    key: str,
    icon: str | None = None,
    query_params: dict[str, Any] | None = None,
    primary: bool = False,
    kind: str | None = None,
    width: str = "content",
    help: str | None = None,
    disabled: bool = False,
    from_menu: bool = False,
) -> None:
    """A button that opens page ``target`` (a file under pages/, or a page) on the first click."""
    st.button(
        label, key=key, icon=icon, type=kind or ("primary" if primary else "secondary"), width=width, help=help,
        disabled=disabled, on_click=_choose, args=(target, query_params, from_menu),
    )


def go_link(
    target: str | st.Page,
    label: str,
    *,
    icon: str | None = None,
    query_params: dict[str, Any] | None = None,
    key: str | None = None,
    help: str | None = None,
) -> None:
    """A link-looking button to another page. Links (``st.page_link``) lost their first click when it came
    right after typing in a field; a button's callback runs with that answer saved, then moves."""
    go_button(target, label, key=link_key(target, query_params, key or label), icon=icon,
              query_params=query_params, kind="tertiary", help=help)


def link_key(target: str | st.Page, query_params: dict[str, Any] | None, suffix: str) -> str:
    """``go:<page>?<query>#<suffix>``: unique per link on a page, and it says where the link goes (tests read it)."""
    page = target.url_path if isinstance(target, st.Page) else target.rsplit("/", 1)[-1].removesuffix(".py")
    query = "&".join(f"{k}={v}" for k, v in (query_params or {}).items())
    return f"go:{page or 'home'}?{query}#{suffix}"


def render_menu(sections: dict[str, list[st.Page]], current: st.Page) -> None:
    """The sidebar's page menu: one button per page, the open page marked and not clickable."""
    for section, entries in sections.items():
        st.caption(section)
        for entry in entries:
            is_current = entry.url_path == current.url_path
            go_button(
                entry, entry.title, key=f"menu:{entry.url_path or 'home'}", icon=entry.icon, kind="tertiary",
                disabled=is_current, width="stretch", help="The page you are on" if is_current else None,
                from_menu=True,
            )


def render_walk(phase: Phase, progress: PhaseProgress, *, where: str) -> None:
    """Previous / Next buttons around the phase's progress; shown at the top and the bottom of a phase page."""
    index = PHASES.index(phase)
    # The progress on a line of its own and the two buttons sharing the next, so "Next: Modeling & Evaluation"
    # is never cut, even at 1024 px with the sidebar open.
    st.progress(progress.ratio, text=f"{progress.answered} of {progress.required} gate answers given")
    left, right = st.columns(2, vertical_alignment="center")
    with left:
        if index == 0:
            go_button(HOME, "Overview", key=f"walk:{where}:back", icon=":material/arrow_back:")
        else:
            before = PHASES[index - 1]
            go_button(phase_page(before), f"Previous: {before.title}", key=f"walk:{where}:back",
                      icon=":material/arrow_back:")
    with right, st.container(horizontal_alignment="right"):
        if index + 1 < len(PHASES):
            after = PHASES[index + 1]
            go_button(phase_page(after), f"Next: {after.title}", key=f"walk:{where}:next",
                      icon=":material/arrow_forward:", primary=True)
        else:
            go_button(HOME, "Done: back to the overview", key=f"walk:{where}:next", icon=":material/check:",
                      primary=True)
