"""The review of the open project, computed once per change of the project, not once per widget.

Several parts of a page (the sidebar, the phase's findings, the Checks page) show the same
findings; they all read them from here, so each rerun runs the checks at most once and every
count on screen comes from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lifecycle.checks import Finding, Readiness, Severity, readiness, run_checks

from . import state

CACHE = "review_cache"


@dataclass(frozen=True)
class Counts:
    blocking: int  # open anti-pattern blockers (a missing gate answer is counted in ``missing``)
    warnings: int
    advice: int
    missing: int  # answers a stage gate needs that are not given
    accepted: int


def _cached(name: str, compute):  # type: ignore[no-untyped-def]
    revision = state.revision()
    cache = st.session_state.get(CACHE)
    if cache is None or cache.get("revision") != revision:
        cache = {"revision": revision}
        st.session_state[CACHE] = cache
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def findings() -> list[Finding]:
    """Every finding of the open project (accepted ones marked). Shared: do not change the list."""
    return _cached("findings", lambda: run_checks(state.project()))


def project_readiness() -> Readiness:
    return _cached("readiness", lambda: readiness(state.project(), findings()))


def counts() -> Counts:
    def compute() -> Counts:
        open_ = [f for f in findings() if f.is_open]
        return Counts(
            blocking=sum(f.severity is Severity.BLOCKER and not f.is_missing_answer for f in open_),
            warnings=sum(f.severity is Severity.WARNING for f in open_),
            advice=sum(f.severity is Severity.ADVICE for f in open_),
            missing=sum(f.is_missing_answer for f in open_),
            accepted=sum(f.accepted for f in findings()),
        )

    return _cached("counts", compute)
