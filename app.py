"""Lifecycle Workbook: the Streamlit entrypoint (router and sidebar)."""

import streamlit as st

from lifecycle.checks import Severity, run_checks
from lifecycle.completeness import project_progress
from ui import conflict_view, errors, nav, router, state
from ui.text import plain

st.set_page_config(page_title="Lifecycle Workbook", page_icon=":material/account_tree:", layout="wide")
state.init()
state.sync_url()
page = st.navigation(nav.pages(), expanded=True)  # every page visible, not behind "View more"

with st.sidebar:
    project = state.project()
    st.markdown("**Open project**")
    st.text(project.info.name or "Untitled project")
    if state.project_id():
        saved = "unsaved changes" if state.has_unsaved_changes() else f"saved automatically · version {state.version()}"
    else:
        saved = "saved on your first change"
    st.caption(f"From {plain(state.source())} · {saved}")
    for item in project_progress(project):
        st.progress(item.ratio, text=f"{item.phase.title}: {item.answered}/{item.required}")
    findings = [f for f in run_checks(project) if f.is_open]
    missing = sum(f.is_missing_answer for f in findings)
    blocking = sum(f.severity is Severity.BLOCKER and not f.is_missing_answer for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    st.page_link(
        nav.CHECKS,
        label=f"{blocking} blocking findings · {warnings} warnings",
        icon=":material/block:" if blocking else ":material/rule:",
    )
    if missing:
        st.caption(f"{missing} answers still needed at the stage gates")

conflict_view.render()

notice = state.take_notice()
if notice:
    st.toast(plain(notice), icon=":material/folder_open:")

router.mark_routed()
errors.run_page(page)  # an unexpected error names the page that failed, never a traceback
