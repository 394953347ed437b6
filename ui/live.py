"""Live updates and presence: what others save appears here within seconds, and who else is here.

A fragment re-runs every ``POLL_SECONDS`` on its own (not the page): it asks the store for the
project's version number only (one indexed SELECT), and only when that moved does it load the
new version and re-run the app, whose widgets then show the changed answers; widgets of answers
that did not change are left alone, so a field being typed in keeps what is typed (ui/forms.py).

Presence is kept in this server process only (a shared dict with a time-out): with several app
replicas each shows the sessions it serves.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

import streamlit as st

from . import state
from .text import plain

# Seconds between polls; LIFECYCLE_LIVE_SECONDS=0 turns the timer off (the poll then runs with each run only).
POLL_SECONDS = float(os.environ.get("LIFECYCLE_LIVE_SECONDS", "3") or 0) or None
PRESENCE_TTL = 12.0  # seconds without a poll after which a session is gone (a closed tab)
SESSION = "presence_session"


@st.cache_resource(show_spinner=False)
def _presence() -> tuple[threading.Lock, dict[str, dict[str, tuple[str, str, float]]]]:
    # Shared by all sessions on purpose: names and page titles of open sessions, nothing of their answers.
    return threading.Lock(), {}


def _here(pid: str, page: str) -> list[tuple[str, str]]:
    """Record this session on ``pid`` and return the others there (name, page)."""
    me = st.session_state.setdefault(SESSION, uuid.uuid4().hex)
    lock, projects = _presence()
    now = time.monotonic()
    with lock:
        for other_pid in list(projects):
            sessions = projects[other_pid]
            sessions.pop(me, None)  # this session is on one project at a time
            for sid in [s for s, (_, _, seen) in sessions.items() if now - seen > PRESENCE_TTL]:
                del sessions[sid]
            if not sessions:
                del projects[other_pid]
        sessions = projects.setdefault(pid, {})
        others = [(name, where) for sid, (name, where, _) in sessions.items()]
        sessions[me] = (state.who(), page, now)
    return others


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
