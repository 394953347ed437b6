"""Lifecycle Workbook: the Streamlit entrypoint (router and sidebar)."""

from pathlib import Path

import streamlit as st

from lifecycle.checks import Severity
from lifecycle.completeness import project_progress
from ui import conflict_view, errors, identity, live, login, nav, practice_mode, review, router, runtime, state
from ui.forms import reconcile
from ui.text import plain

st.set_page_config(page_title="Lifecycle Workbook", page_icon=":material/account_tree:", layout="wide")
st.html(Path(__file__).parent / "ui" / "style.css")  # our own static CSS, no user text
runtime.start_once()
state.init()
state.begin_run()
with errors.shielded("saving your last answers"):
    reconcile()  # answers whose save Streamlit skipped in a burst of interactions (see ui/forms.py)
state.sync_url()
sections = nav.pages()
# The menu is drawn below with buttons (see ui/nav.py for why links are not used).
page = st.navigation(sections, position="hidden")
login.require()  # with login on (secrets.toml [auth]) nothing is drawn before it; after st.navigation,
# which keeps Streamlit from listing the pages/ folder itself
nav.follow()

with st.sidebar:
    nav.render_menu(sections, page)
    st.divider()
with st.sidebar, errors.shielded("the sidebar"):  # the menu above stays usable whatever fails below
    identity.render()
    live.render(page.title)
    project = state.project()
    st.markdown("**Open project**")
    st.text(project.info.name or "Untitled project")
    if state.project_id():
        saved = "unsaved changes" if state.has_unsaved_changes() else f"saved automatically · version {state.version()}"
    else:
        saved = "saved on your first change"
    st.caption(f"From {plain(state.source())} · {saved}")
    if practice_mode.active():  # a learner finds the gaps: the counts, and the gates' answers still missing, are hidden
        practice_mode.render_sidebar()
    else:
        for item in project_progress(project):
            st.progress(item.ratio, text=f"{item.phase.title}: {item.answered}/{item.required}")
        counts = review.counts()
        nav.go_button(
            nav.CHECKS,
            f"{counts.blocking} blocking findings · {counts.warnings} warnings",
            key="sidebar:checks",
            icon=":material/block:" if counts.blocking else ":material/rule:",
            width="stretch",
        )
        if counts.missing:
            st.caption(f"{counts.missing} answers still needed at the stage gates")
    nav.close_sidebar_on_phone()  # last in the sidebar, drawn on every run

conflict_view.render()

notice = state.take_notice()
if notice:
    st.toast(plain(notice), icon=":material/folder_open:")

router.mark_routed()
errors.run_page(page)  # an unexpected error names the page that failed, never a traceback
