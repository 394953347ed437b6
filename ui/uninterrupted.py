"""Code that saves an answer runs to its end, even when the next interaction arrives meanwhile.

Streamlit looks for a newer rerun request at every ``st.session_state`` access, not only at
elements, and abandons the running code right there by raising. In a widget callback that
meant an answer half saved: the document replaced but never written to the store, or a project
created in the store whose id the session never learnt (stored twice on the next answer). It
happens whenever a person types and clicks at once on a busy server.

Inside ``uninterrupted()`` state accesses are not such points; the request waiting is taken at
the next element, a moment later, so nothing is skipped. ``install()`` makes every widget callback
run this way. This relies on one attribute of Streamlit's ``SafeSessionState`` (its yield
callback); tests/unit/test_uninterrupted.py fails if a Streamlit release renames it. It is safe
only with ``runner.fastReruns = false`` (.streamlit/config.toml): then one script thread serves a
session, so nothing else touches the state while the block runs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
from streamlit.runtime.state.safe_session_state import SafeSessionState

_YIELD = "_yield_callback"
_INSTALLED = "_lifecycle_uninterrupted"


def _no_yield() -> None:
    return None


@contextmanager
def shielded(session_state: SafeSessionState) -> Iterator[None]:
    original = getattr(session_state, _YIELD)
    object.__setattr__(session_state, _YIELD, _no_yield)
    try:
        yield
    finally:
        object.__setattr__(session_state, _YIELD, original)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """The block is not abandoned at an ``st.session_state`` access (outside a script run, e.g. in
    a plain unit test, there is nothing to shield)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        yield
        return
    with shielded(ctx.session_state):
        yield


def install() -> None:
    """Run every widget callback uninterrupted. A request already waiting is still taken before the
    callbacks start (they would work on outdated values), and the one that arrives during them right
    after them: Streamlit checks for it there."""
    original = SafeSessionState.on_script_will_rerun
    if getattr(original, _INSTALLED, False):
        return

    @functools.wraps(original)
    def on_script_will_rerun(self: SafeSessionState, *args: Any, **kwargs: Any) -> None:
        getattr(self, _YIELD)()
        with shielded(self):
            original(self, *args, **kwargs)

    setattr(on_script_will_rerun, _INSTALLED, True)
    SafeSessionState.on_script_will_rerun = on_script_will_rerun  # type: ignore[method-assign]
