"""Make every page go through the entrypoint (app.py).

Because the project keeps its pages in ``pages/``, Streamlit starts each server in its
legacy multipage mode until some session calls ``st.navigation``. The first request after
a start that lands on a page URL (a refresh, a shared link) would then run the page script
alone, without the entrypoint's state set-up and sidebar. A page that finds it was not
routed declares the navigation itself, which switches the server to ``st.navigation``
mode for good, and reruns, so the entrypoint handles this and every later run.
"""

from __future__ import annotations

import streamlit as st

from . import nav

ROUTED = "_routed_by_entrypoint"


def mark_routed() -> None:
    st.session_state[ROUTED] = True


def require_router() -> None:
    if not st.session_state.pop(ROUTED, False):
        st.navigation(nav.pages(), position="hidden")
        st.rerun()
