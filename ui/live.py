"""Live updates and presence: what others save appears here within seconds, and who else is here.

A fragment re-runs every ``POLL_SECONDS`` on its own (not the page): it asks the store for the
project's version number only (one indexed SELECT), and only when that moved does it load the
new version and re-run the app, whose widgets then show the changed answers; widgets of answers
that did not change are left alone, so a field being typed in keeps what is typed (ui/forms.py).

Presence is kept in the project store's database (lifecycle/store/presence.py), so with several
app replicas on one PostgreSQL store everyone sees everyone. A session writes its heartbeat only
when its page or name changed or every ``HEARTBEAT_S`` seconds, not on every poll, and reads the
others on every poll.
"""

from __future__ import annotations

import os
import time
import uuid

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from lifecycle.store.presence import HEARTBEAT_S, PresenceBoard

from . import state
from .text import plain

# Seconds between polls; LIFECYCLE_LIVE_SECONDS=0 turns the timer off (the poll then runs with each run only).
POLL_SECONDS = float(os.environ.get("LIFECYCLE_LIVE_SECONDS", "3") or 0) or None
SESSION = "presence_session"
LAST_BEAT = "presence_last_beat"  # (project id, name, page, when) of this session's last heartbeat


@st.cache_resource(show_spinner=False)
def _board(url: str) -> PresenceBoard:
    # Shared by all sessions on purpose: it holds the store's connection pool, no user data.
    return PresenceBoard(state.store().engine)


def _here(pid: str, page: str) -> list[tuple[str, str]]:
    """Record this session on ``pid`` and return the others there (name, page); nobody when the store
    cannot be reached (saving then says what is wrong)."""
    me = st.session_state.setdefault(SESSION, uuid.uuid4().hex)
    board = _board(state.store().url)
    now = time.time()
    beat = (pid, state.who(), page)
    last = st.session_state.get(LAST_BEAT)
    try:
        if last is None or last[:3] != beat or now - last[3] >= HEARTBEAT_S:
            board.beat(me, pid, state.who(), page, now=now)
            st.session_state[LAST_BEAT] = (*beat, now)
        return board.others(me, pid, now=now)
    except SQLAlchemyError:
        return []


def render(page: str) -> None:
    """Called once per run in the sidebar, with the open page's title."""
    _poll(page)


@st.fragment(run_every=POLL_SECONDS)
def _poll(page: str) -> None:
    pid = state.project_id()
    if not pid:
        return
    if state.pull_stored():
        st.rerun(scope="app")  # quietly: with a team typing, a message every few seconds would be noise
    others = _here(pid, page)
    if others:
        listed = ", ".join(f"{plain(name or 'someone without a name')} ({plain(where)})" for name, where in others)
        st.caption(f"Also here: {listed}")
