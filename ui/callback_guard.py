"""Every widget callback runs under the guard of ``ui.errors``: an unexpected error names what failed.

Callbacks run before the page script, outside ``errors.run_page``; an error escaping one ends the run
with Streamlit's own error box instead of the page. Rather than decorating each callback,
``install()`` wraps the one place where Streamlit calls them all (``SessionState``'s
``_run_callback_and_record_rerun``, for plain ``on_change``/``on_click`` callbacks and multi-event ones
alike). A callback decorated with ``@guarded("what")`` reports its own, better words first; this
guard only catches what escapes undecorated ones, and says whether a click or a change failed.
``st.rerun``/``st.stop`` are BaseExceptions and pass through to Streamlit as before.

This relies on that private method and on its first kind of callable (a ``functools.partial`` of
``call_callback`` with the widget id); tests/app/test_callback_errors.py fails if a release changes them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from streamlit.runtime.state.session_state import SessionState

from . import errors

log = logging.getLogger(__name__)
_HOOK = "_run_callback_and_record_rerun"
_INSTALLED = "_lifecycle_guarded"
CLICKED = "the button you clicked"
CHANGED = "applying your last change"
UNKNOWN = "your last action"
_CLICKS = {"trigger_value", "json_trigger_value", "string_trigger_value", "chat_input_value"}


def what_failed(session_state: SessionState, run: Callable[[], None]) -> str:
    """A click or a change, read off the widget whose callback ``run`` calls (when Streamlit says)."""
    widget_id = run.args[0] if isinstance(run, functools.partial) and run.args else None
    widgets = getattr(session_state, "_new_widget_state", None)
    metadata = getattr(widgets, "widget_metadata", {}).get(widget_id) if widget_id is not None else None
    if metadata is None:
        return UNKNOWN
    return CLICKED if metadata.value_type in _CLICKS else CHANGED


def guard(session_state: SessionState, run: Callable[[], None]) -> Callable[[], None]:
    def guarded_run() -> None:
        try:
            run()
        except Exception as error:
            what = what_failed(session_state, run)
            log.exception("widget callback failed (%s)", what)
            errors.record(what, error)

    return guarded_run


def install() -> None:
    original = getattr(SessionState, _HOOK)
    if getattr(original, _INSTALLED, False):
        return

    @functools.wraps(original)
    def run_callback(self: SessionState, votes: Any, run: Callable[[], None], *args: Any, **kwargs: Any) -> None:
        original(self, votes, guard(self, run), *args, **kwargs)

    setattr(run_callback, _INSTALLED, True)
    setattr(SessionState, _HOOK, run_callback)
