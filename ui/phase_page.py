"""The page for one lifecycle phase: its questions, its open findings, its stage gate, and the walk onward."""

from __future__ import annotations

import streamlit as st

from lifecycle.checks import Severity, field_path, run_checks
from lifecycle.completeness import phase_progress
from lifecycle.phases import PHASES_BY_KEY, Phase
from lifecycle.questions import Question, gate_questions, questions_of

from . import mlflow_view, router, state
from .findings_view import finding_key, render_finding
from .forms import render_question, render_section
from .nav import phase_page, previous_next
from .sign_off_view import render_stage_gate
from .text import plain


def _question_at(phase: Phase, field: str) -> tuple[Question, state.Path] | None:
    """The question a finding's field points at, if it is on this phase's page."""
    path = field_path(field)
    if len(path) < 2 or path[0] != phase.key:
        return None
    if path[1] == "gate" and len(path) >= 3:
        found = [q for q in gate_questions() if q.name == path[2]]
        return (found[0], (phase.key, "gate", path[2])) if found else None
    found = [q for q in questions_of(phase.section) if q.name == path[1]]
    return (found[0], (phase.key, path[1])) if found else None


def _render_focus(phase: Phase, findings) -> None:  # type: ignore[no-untyped-def]
    field = st.query_params.get("focus")
    target = _question_at(phase, field) if field else None
    if target is None:
        return
    question, path = target
    with st.container(border=True):
        st.markdown(f":material/my_location: **Fixing: {question.label}**")
        for finding in (f for f in findings if f.field == field and not f.accepted):
            st.markdown(plain(finding.message))
            st.caption("How to fix: " + plain(finding.fix))
        if question.kind == "table":
            # A second editor of the same table would show a stale copy; point to the one below.
            st.caption(f"Edit it in the “{question.label}” table below, under {question.group or 'the questions'}.")
        else:
            render_question(question, path, key_prefix="focus")
        st.page_link(phase_page(phase), label="Done", icon=":material/close:")


def render_phase_page(key: str) -> None:
    router.require_router()
    phase = PHASES_BY_KEY[key]
    st.title(f"{phase.number}. {phase.title}")
    st.caption(phase.purpose)
    project = state.project()
    progress = phase_progress(project, phase)
    st.progress(progress.ratio, text=f"{progress.answered} of {progress.required} gate answers given")

    findings = [f for f in run_checks(project) if f.phase == phase.key]
    _render_focus(phase, findings)
    open_ = [f for f in findings if not f.accepted]
    if open_:
        blockers = sum(f.severity is Severity.BLOCKER for f in open_)
        label = f"Open findings in this phase: {len(open_)}" + (f", {blockers} blocking the gate" if blockers else "")
        with st.expander(label, expanded=False, icon=":material/rule:"):
            for finding in open_:
                render_finding(finding, "inline:" + finding_key(finding))
    st.caption("Questions marked :red[*] must be answered to pass this phase's stage gate.")

    render_section(phase.section, (phase.key,))

    st.subheader("Stage gate", divider="gray")
    st.markdown(f"**Critical decision:** {phase.critical_decision}  \n**Deliverable:** {phase.deliverable}")
    render_stage_gate(phase)  # the gate's answers and its sign-off control
    mlflow_view.render_section(phase)  # MLflow registry (Deployment) and measured values (Modeling)

    st.divider()
    previous_next(phase)
