"""Banners for a save that did not go through: another session saved first, or the store failed."""

from __future__ import annotations

import streamlit as st

from . import state


def render() -> None:
    conflict = state.conflict()
    if conflict:
        with st.container(border=True):
            st.error(
                f"Someone else saved this project while you were editing it (it is now at version "
                f"{conflict['current']}). Your answers are kept on screen and have not been saved. "
                "Take the saved version, or save yours over it.",
                icon=":material/sync_problem:",
            )
            left, right = st.columns(2)
            left.button("Load the saved version (discard mine)", on_click=state.reload_stored, key="conflict-reload")
            right.button("Keep mine and overwrite", on_click=state.overwrite_stored, key="conflict-overwrite",
                         type="primary")
    error = state.save_error()
    if error:
        st.warning(error + " Download the project from the Overview to keep a copy.", icon=":material/cloud_off:")
