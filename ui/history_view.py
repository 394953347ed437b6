"""The History page: the project's saved versions, who saved each and what changed, a diff of any
two versions, signed gates whose answers changed since the sign-off, and restoring an old version."""

from __future__ import annotations

from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from lifecycle.collab.history import (
    AnswerChange, GateSinceSignOff, VersionDiff, answer_changes, changed_since_sign_off, diff,
)
from lifecycle.model import Project
from lifecycle.model.practice import HIDDEN_IN_PRACTICE
from lifecycle.reader import ProjectFileError
from lifecycle.storage import project_document
from lifecycle.store import ProjectNotFound, VersionInfo

from . import practice_mode, router, state
from .text import plain

LISTED = 50  # versions listed with what changed (each needs two documents)
# In practice mode: the answers that record the checks' findings (which check, on what, and why it was accepted),
# so a diff of them would name the findings the learner is looking for.
FINDING_RECORDS = frozenset({"accepted_findings", "open_findings_at_sign_off"})
RECORDS_LEFT_OUT = ("Changes to the accepted findings and to the findings recorded at a sign-off are left out "
                    "in practice mode.")
SIGN_OFF_LOOKBACK = 200  # versions searched for the one that signed a gate
SHOWN_CHANGES = 3


@st.cache_data(max_entries=2000, show_spinner=False)
def _document(url: str, pid: str, version: int) -> dict[str, Any]:
    # A saved version never changes, so it is read once; it holds only what was saved, nothing unsaved.
    return project_document(state.store().get_version(pid, version))


def _doc(pid: str, version: int) -> dict[str, Any]:
    return _document(state.store().url, pid, version)


@st.cache_data(max_entries=500, show_spinner=False)
def _gates_changed(url: str, pid: str, version: int) -> list[GateSinceSignOff]:
    infos = [i for i in state.store().versions(pid) if i.version <= version][-SIGN_OFF_LOOKBACK:]
    return changed_since_sign_off([(i.version, _document(url, pid, i.version)) for i in infos])


def gates_changed_since_sign_off() -> list[GateSinceSignOff]:
    """Signed gates of the open project's saved version whose answers changed since the sign-off
    (computed once per saved version; empty for a project not saved yet or a store out of reach)."""
    pid = state.project_id()
    if not pid:
        return []
    try:
        return _gates_changed(state.store().url, pid, state.version())
    except (SQLAlchemyError, ProjectFileError, ProjectNotFound):
        return []


def show_gate_changes(gate: GateSinceSignOff) -> None:
    st.warning(
        f"{gate.title} gate: changed since sign-off. {plain(gate.signed_by)} signed it in version "
        f"{gate.signed_in_version}; {len(gate.changes)} of its answers changed since.",
        icon=":material/edit_notifications:",
    )
    st.dataframe(
        [{"What": c.where, "At sign-off": c.shown_before, "Now": c.shown_after} for c in gate.changes],
        hide_index=True, width="stretch",
    )


def _who(info: VersionInfo) -> str:
    return info.saved_by or "(not recorded)"


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[AnswerChange]:
    """What changed between two documents, as far as a learner in practice mode may read it."""
    return answer_changes(before, after, skip=FINDING_RECORDS if practice_mode.active() else frozenset())


def _what_changed(pid: str, info: VersionInfo) -> str:
    if info.version == 1:
        return "Created"
    changes = _changes(_doc(pid, info.version - 1), _doc(pid, info.version))
    if not changes:
        return "No answer changed"
    shown = "; ".join(f"{c.where}" + (f" ({c.kind})" if c.kind != "changed" else "") for c in changes[:SHOWN_CHANGES])
    more = len(changes) - SHOWN_CHANGES
    return shown + (f"; and {more} more" if more > 0 else "")


def render_history_page() -> None:
    router.require_router()
    st.title("History")
    st.caption("Every saved version of this project: when, who, what changed. Compare any two, or restore one.")
    pid = state.project_id()
    if not pid:
        st.info("This project is not saved yet: its history starts with your first change.", icon=":material/history:")
        return
    try:
        infos = state.store().versions(pid)
        _since_sign_off(pid, infos)
        _listing(pid, infos)
        _compare(pid, infos)
        _restore(infos)
    except (SQLAlchemyError, ProjectFileError, ProjectNotFound) as exc:
        st.warning(f"The history could not be read from the project store ({type(exc).__name__}).",
                   icon=":material/cloud_off:")


def _since_sign_off(pid: str, infos: list[VersionInfo]) -> None:
    if not infos:
        return
    for gate in _gates_changed(state.store().url, pid, infos[-1].version):
        with st.container(border=True, key=f"since-sign-off-{gate.phase}"):
            show_gate_changes(gate)


def _listing(pid: str, infos: list[VersionInfo]) -> None:
    st.subheader("Versions", divider="gray")
    newest = list(reversed(infos))[:LISTED]
    st.dataframe(
        [
            {"Version": i.version, "Saved (UTC)": i.saved_at.strftime("%Y-%m-%d %H:%M:%S"), "By": _who(i),
             "What changed": _what_changed(pid, i)}
            for i in newest
        ],
        hide_index=True, width="stretch", key="history-versions",
    )
    if len(infos) > LISTED:
        st.caption(f"The newest {LISTED} of {len(infos)} versions; compare or restore reaches all of them.")


def _label(infos: dict[int, VersionInfo], number: int) -> str:
    info = infos[number]
    return f"Version {number} · {info.saved_at.strftime('%Y-%m-%d %H:%M')} · {_who(info)}"


def _compare(pid: str, infos: list[VersionInfo]) -> None:
    st.subheader("Compare two versions", divider="gray")
    if len(infos) < 2:
        st.caption("There is one version so far.")
        return
    by_number = {i.version: i for i in infos}
    numbers = [i.version for i in reversed(infos)]
    left, right = st.columns(2)
    before = left.selectbox("From version", numbers, index=1, format_func=lambda n: _label(by_number, n),
                            key="history-from")
    after = right.selectbox("To version", numbers, index=0, format_func=lambda n: _label(by_number, n),
                            key="history-to")
    if practice_mode.active():  # a learner would see which answers opened or closed a finding: answers only
        st.info(HIDDEN_IN_PRACTICE, icon=":material/school:")
        old, new = _doc(pid, before), _doc(pid, after)
        shown = _changes(old, new)
        _show_answers(shown)
        if len(shown) != len(answer_changes(old, new)):
            st.caption(RECORDS_LEFT_OUT)
        return
    result = diff(Project.model_validate(_doc(pid, before)), Project.model_validate(_doc(pid, after)))
    _show_diff(result)


def _show_answers(changes: list[AnswerChange] | tuple[AnswerChange, ...]) -> None:
    if not changes:
        st.caption("No answer differs between these versions.")
        return
    added = sum(c.kind == "row added" for c in changes)
    removed = sum(c.kind == "row removed" for c in changes)
    st.markdown(f"**Answers changed** ({len(changes)}, of which {added} rows added and {removed} removed)")
    st.dataframe(
        [
            {"What": c.where, "Change": c.kind,
             "Before": "" if c.kind == "row added" else c.shown_before,
             "After": "" if c.kind == "row removed" else c.shown_after}
            for c in changes
        ],
        hide_index=True, width="stretch", key="history-diff",
    )


def _show_diff(result: VersionDiff) -> None:
    one, two, three = st.columns(3)
    one.metric("Readiness", f"{result.readiness_after}/100", delta=result.readiness_after - result.readiness_before,
               help=f"Before: {result.readiness_before}/100")
    two.metric("Findings opened", len(result.findings_opened))
    three.metric("Findings closed", len(result.findings_closed))
    _show_answers(result.answers)
    for title, findings in (("Findings opened", result.findings_opened), ("Findings closed", result.findings_closed)):
        if findings:
            st.markdown(f"**{title}**")
            st.dataframe(
                [{"Check": f.check_id, "Severity": f.severity.value, "Subject": f.subject, "Finding": f.message}
                 for f in findings],
                hide_index=True, width="stretch",
            )
    st.markdown("**Readiness by phase**")
    st.dataframe(
        [{"Phase": title, "Readiness before": b, "Readiness after": a} for title, b, a in result.readiness_by_phase],
        hide_index=True, width="stretch",
    )


def _restore(infos: list[VersionInfo]) -> None:
    st.subheader("Restore an old version", divider="gray")
    if len(infos) < 2:
        st.caption("There is nothing older to restore.")
        return
    by_number = {i.version: i for i in infos}
    older = [i.version for i in reversed(infos)][1:]
    chosen = st.selectbox("Version to restore", older, format_func=lambda n: _label(by_number, n),
                          key="history-restore")
    blocked = bool(state.conflict())
    st.button(
        f"Restore version {chosen} as a new version", key="history-restore-button", on_click=state.restore_version,
        args=(chosen,), disabled=blocked, icon=":material/restore:",
        help="Choose the answers of the conflict above first." if blocked else
        "Its answers become the newest version; every version stays in the history.",
    )
