"""Banners for a save that did not go through: the same answers changed by someone else, or the store failed.

Edits of different answers are merged and saved without a word (ui/state.py); what is shown
here are only the answers both sides changed differently, side by side, each decided on its own.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.collab import rows_by_id
from lifecycle.collab.describe import label, show

from . import state
from .text import plain


def render() -> None:
    conflict = state.conflict()
    if conflict and conflict.get("conflicts"):
        _per_answer(conflict)
    elif conflict:
        _whole_project(conflict)
    error = state.save_error()
    if error:
        st.warning(error + " Download the project from the Overview to keep a copy.", icon=":material/cloud_off:")


def _per_answer(conflict: dict) -> None:
    conflicts = conflict["conflicts"]
    choices = conflict["choices"]
    undecided = [c for c in conflicts if c.key not in choices]
    rows = rows_by_id(conflict.get("theirs"), state.document())
    me = state.who() or "you"
    with st.container(border=True, key="conflicts"):
        st.error(
            f"Someone else changed {len(conflicts)} of the answers you changed (the project is now at version "
            f"{conflict['current']}). Your other answers are merged with theirs. Choose which answer to keep for "
            "each one below; nothing is saved until every one is chosen, and your answers stay on screen meanwhile.",
            icon=":material/sync_problem:",
        )
        for number, item in enumerate(undecided):
            theirs_by = conflict.get("authors", {}).get(item.key) or "someone else"
            with st.container(border=True, key=f"conflict-{number}"):
                st.markdown(f"**{plain(label(item.path, rows))}**")
                mine_col, theirs_col = st.columns(2)
                with mine_col:
                    st.caption(f"Mine ({plain(me)})")
                    st.text(show(item.mine, item.path))
                    st.button("Keep mine", key=f"conflict-mine:{item.key}", on_click=state.resolve,
                              args=(item.key, "mine"), type="primary")
                with theirs_col:
                    st.caption(f"Theirs (saved by {plain(theirs_by)})")
                    st.text(show(item.theirs, item.path))
                    st.button("Keep theirs", key=f"conflict-theirs:{item.key}", on_click=state.resolve,
                              args=(item.key, "theirs"))
        if len(undecided) < len(conflicts):
            st.caption(f"{len(conflicts) - len(undecided)} of {len(conflicts)} chosen.")


def _whole_project(conflict: dict) -> None:
    # The merge could not be saved as one valid project (e.g. both sides filled a table to its limit).
    with st.container(border=True):
        st.error(
            f"Someone else saved this project while you were editing it (it is now at version "
            f"{conflict['current']}), and the two sets of answers cannot be combined: "
            f"{plain(conflict.get('invalid', ''))}. Your answers are kept on screen and have not been saved. "
            "Take the saved version, or save yours over it.",
            icon=":material/sync_problem:",
        )
        left, right = st.columns(2)
        left.button("Load the saved version (discard mine)", on_click=state.reload_stored, key="conflict-reload")
        right.button("Keep mine and overwrite", on_click=state.overwrite_stored, key="conflict-overwrite",
                     type="primary")
