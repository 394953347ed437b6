"""Who this browser session is: a display name, asked once, kept across refreshes in the address.

Why the URL (``?as=Name``) and not a cookie: Streamlit keeps nothing of a browser session over
a refresh except the address, and setting a cookie needs JavaScript in a component. The URL
already carries the project (``?pid=``), so a refresh or a bookmark keeps both. The cost: a link
copied from the address bar carries the name too, so whoever opens it is shown as that name
until they change it ("Not you?" in the sidebar, always visible). For accountable identities a
team deployment switches on the login instead (ui/login.py): then the name cannot be typed.
"""

from __future__ import annotations

import unicodedata

import streamlit as st

from . import login, state
from .text import plain

PARAM = "as"
NAME_MAX = 60
EDITING = "identity_editing"
FIELD = "identity_field"


def clean(name: object) -> str:
    """A display name as stored: printable characters only, one line, at most ``NAME_MAX``."""
    if not isinstance(name, str):
        return ""
    kept = "".join(ch for ch in name if unicodedata.category(ch)[0] not in ("C",))
    return " ".join(kept.split())[:NAME_MAX]


def name() -> str:
    return state.who()


def sync() -> None:
    """Take the name from the address on a session's first run; afterwards keep it there. With login
    on, the name is the logged-in identity and the address carries none."""
    if login.enabled():
        st.session_state[state.IDENTITY] = clean(login.identity())
        if PARAM in st.query_params:
            del st.query_params[PARAM]
        return
    if state.IDENTITY not in st.session_state:
        st.session_state[state.IDENTITY] = clean(st.query_params.get(PARAM, ""))
    current = st.session_state[state.IDENTITY]
    if current and st.query_params.get(PARAM) != current:
        st.query_params[PARAM] = current
    elif not current and PARAM in st.query_params:
        del st.query_params[PARAM]


def _save_name() -> None:
    st.session_state[state.IDENTITY] = clean(st.session_state.get(FIELD, ""))
    st.session_state[EDITING] = not st.session_state[state.IDENTITY]


def _edit() -> None:
    st.session_state[EDITING] = True
    st.session_state[FIELD] = name()


def name_field(label: str, key: str, **options: object) -> None:
    """The field naming who signs or accepts something: it starts as this session's name; with login
    on it is the logged-in identity and cannot be changed."""
    if login.enabled() or (key not in st.session_state and name()):
        st.session_state[key] = name()
    st.text_input(label, key=key, max_chars=200, disabled=login.enabled(), **options)  # type: ignore[arg-type]


def named_in(key: str) -> str:
    """Who the field ``key`` (``name_field``) names: the logged-in identity with login on, else what was typed."""
    return name() if login.enabled() else (st.session_state.get(key) or "").strip()


def render() -> None:
    """The sidebar's identity line: a name field until one is given, then "You: …" with a way to change it."""
    if login.enabled() or (name() and not st.session_state.get(EDITING)):
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.markdown(f"You: **{plain(name())}**")
        if login.enabled():
            if right.button("Log out", key="logout", type="tertiary"):
                st.logout()
        else:
            right.button("Not you?", key="identity:change", on_click=_edit, type="tertiary")
        return
    st.text_input(
        "Your display name", key=FIELD, max_chars=NAME_MAX, on_change=_save_name, placeholder="Shown with what you save",
        help="Recorded with every version you save and shown to others working on the project.",
    )
