"""Page registry and the previous/next walk through the phases."""

from __future__ import annotations

import streamlit as st

from lifecycle.phases import PHASES, Phase

HOME = "pages/home.py"
CHECKS = "pages/checks.py"
PORTFOLIO = "pages/portfolio.py"


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
        ],
    }


def previous_next(phase: Phase) -> None:
    index = PHASES.index(phase)
    left, right = st.columns(2)
    with left:
        if index == 0:
            st.page_link(HOME, label="Back to the overview", icon=":material/arrow_back:")
        else:
            before = PHASES[index - 1]
            st.page_link(phase_page(before), label=f"Previous: {before.title}", icon=":material/arrow_back:")
    with right:
        if index + 1 < len(PHASES):
            after = PHASES[index + 1]
            st.page_link(phase_page(after), label=f"Next: {after.title}", icon=":material/arrow_forward:")
        else:
            st.page_link(HOME, label="Done: back to the overview", icon=":material/check:")
