"""``python -m benchmarks.serve_timed SCRIPT [streamlit options]``: ``streamlit run`` that logs, per
session, when the browser asked for a run and when a run finished (monotonic clock, one line each,
to the file named by ``BENCH_RUN_LOG``). The browser benchmark reads it: every run is seen, even
one too quick for the page to draw it as running. Benchmark tooling only; the app never uses it.
"""

from __future__ import annotations

import os
import sys
import time

from streamlit.runtime import app_session
from streamlit.runtime.scriptrunner import ScriptRunnerEvent

_LOG = open(os.environ["BENCH_RUN_LOG"], "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - lives as long as the server
# A fragment run (st.fragment) finishes with an event of its own.
_FINISHED = {ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS, ScriptRunnerEvent.SCRIPT_STOPPED_WITH_COMPILE_ERROR,
             ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS}
_handle_backmsg = app_session.AppSession.handle_backmsg
_on_event = app_session.AppSession._on_scriptrunner_event


def _asked(self, msg):  # type: ignore[no-untyped-def]
    if msg.WhichOneof("type") == "rerun_script":
        _LOG.write(f"{time.monotonic():.6f} asked {self.id}\n")
    return _handle_backmsg(self, msg)


def _event(self, sender, event, *args, **kwargs):  # type: ignore[no-untyped-def]
    if event in _FINISHED:
        _LOG.write(f"{time.monotonic():.6f} finished {self.id}\n")
    return _on_event(self, sender, event, *args, **kwargs)


app_session.AppSession.handle_backmsg = _asked
app_session.AppSession._on_scriptrunner_event = _event

if __name__ == "__main__":
    from streamlit.web.cli import main

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    sys.exit(main())
