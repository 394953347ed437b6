"""Lifecycle Workbook: the Streamlit entrypoint (router and sidebar)."""

import streamlit as st

from lifecycle.completeness import project_progress
from ui import nav, router, state
from ui.text import plain

st.set_page_config(page_title="Lifecycle Workbook", page_icon=":material/account_tree:", layout="wide")
state.init()
page = st.navigation(nav.pages())

with st.sidebar:
    project = state.project()
    st.markdown("**Open project**")
    st.text(project.info.name or "Untitled project")
    st.caption(f"From {plain(state.source())}" + (" · unsaved changes" if state.has_unsaved_changes() else ""))
    for item in project_progress(project):
        st.progress(item.ratio, text=f"{item.phase.title}: {item.answered}/{item.required}")

notice = state.take_notice()
if notice:
    st.toast(plain(notice), icon=":material/folder_open:")

router.mark_routed()
page.run()
