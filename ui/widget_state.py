"""Widgets look up their own key in the session state without copying the whole state first.

Every keyed input widget (text, selectbox, radio, number, date…) asks Streamlit's
``SafeSessionState.filtered_state`` whether its key holds ``None``. That property builds a fresh
dict of every user key and keyed widget in the session, so a page with n keyed widgets does n²
lookups per run: a phase page holds about 85 keys, and the copies took a fifth of the server's
time per answer. ``install()`` makes the property return a read-only view that answers
``key in …`` and ``…[key]`` for one key, and builds the full dict only when it is iterated,
counted or printed (``st.session_state``'s own ``iter``, ``len``, ``str`` and ``to_dict`` still
see exactly what they saw before).

This relies on two attributes of ``SafeSessionState`` (``_lock`` and ``_state``) and on
``SessionState.filtered_state``; tests/unit/test_widget_state.py compares the view with Streamlit's
own dict and fails if a release renames them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from streamlit.runtime.state.common import is_element_id
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX
from streamlit.runtime.state.session_state_proxy import SessionStateProxy, get_session_state

_INSTALLED = "_lifecycle_keyed_view"


class FilteredStateView(Mapping[str, Any]):
    """What ``filtered_state`` holds, read one key at a time."""

    def __init__(self, safe_state: SafeSessionState) -> None:
        self._safe = safe_state

    def __getitem__(self, key: str) -> Any:
        # filtered_state leaves out generated widget ids and Streamlit's internal keys; every other
        # key it holds is one that the state itself resolves (a user key, or a keyed widget's key).
        if not isinstance(key, str) or is_element_id(key) or key.startswith(STREAMLIT_INTERNAL_KEY_PREFIX):
            raise KeyError(key)
        with self._safe._lock:
            return self._safe._state[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def full(self) -> dict[str, Any]:
        with self._safe._lock:
            return self._safe._state.filtered_state

    def __iter__(self) -> Iterator[str]:
        return iter(self.full())

    def __len__(self) -> int:
        return len(self.full())

    def __repr__(self) -> str:
        return repr(self.full())


def install() -> None:
    if getattr(SafeSessionState.filtered_state.fget, _INSTALLED, False):
        return

    def filtered_state(self: SafeSessionState) -> FilteredStateView:
        return FilteredStateView(self)

    setattr(filtered_state, _INSTALLED, True)
    SafeSessionState.filtered_state = property(filtered_state)  # type: ignore[assignment,method-assign]

    def to_dict(self: SessionStateProxy) -> dict[str, Any]:
        return dict(get_session_state().filtered_state)  # st.session_state.to_dict() promises a dict

    SessionStateProxy.to_dict = to_dict  # type: ignore[method-assign]
