"""ui/uninterrupted.py relies on how Streamlit's SafeSessionState looks for rerun requests; these
tests fail if a Streamlit release changes that."""

from __future__ import annotations

import pytest
from streamlit.runtime.scriptrunner import RerunData, RerunException
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import SessionState

from ui.uninterrupted import shielded


def _request_waiting() -> None:
    raise RerunException(RerunData())


def test_state_access_is_where_streamlit_takes_a_waiting_request() -> None:
    state = SafeSessionState(SessionState(), _request_waiting)
    with pytest.raises(RerunException):
        state["answer"] = "lost"


def test_inside_the_shield_state_access_goes_on_and_afterwards_the_request_is_taken() -> None:
    state = SafeSessionState(SessionState(), _request_waiting)
    with shielded(state):
        state["answer"] = "kept"
        assert state["answer"] == "kept" and "answer" in state
    with pytest.raises(RerunException):
        state["answer"]
