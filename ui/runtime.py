"""Process-wide set-up done once per server, on the first run (no user data lives here)."""

from __future__ import annotations

import gc

from . import callback_guard, uninterrupted, widget_state

_started = False


def start_once() -> None:
    """Make widget callbacks run to their end, and move the objects that live as long as the server
    (modules, the question catalogue, the check registry, imported libraries) out of the garbage
    collector's way: collections then only scan what a run creates."""
    global _started
    if _started:
        return
    _started = True
    uninterrupted.install()  # every widget callback runs to its end (see ui/uninterrupted.py)
    callback_guard.install()  # an error in any callback names what failed (see ui/callback_guard.py)
    widget_state.install()  # a widget looks up its own key, not a copy of the whole state
    gc.collect()
    gc.freeze()
