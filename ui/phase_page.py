"""The page for one lifecycle phase: its questions, its open findings, its stage gate, and the walk onward.

The elements above the questions are the same on every run (the findings panel is there even
when it is empty), so an answer that changes a count never moves the inputs below it while
someone is typing in them.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.checks import Finding, Severity, field_path
from lifecycle.completeness import phase_progress
from lifecycle.phases import PHASES_BY_KEY, Phase
from lifecycle.questions import Question, gate_questions, questions_of

from . import mlflow_view, practice_mode, review, risk_view, router, state
from .findings_view import STYLE
from .forms import render_question, render_section
from .nav import CHECKS, go_button, phase_page, render_walk
from .practice_flags import render_flag_panel
from .sign_off_view import SIGN_OFF_FIELDS, render_stage_gate
from .tables import render_table, select_row
from .text import plain


def _question_at(phase: Phase, field: str) -> tuple[Question, state.Path, int | None] | None:
    """The question a finding's field points at, if it is on this phase's page (and its row, for a table)."""
    path = field_path(field)
    if len(path) < 2 or path[0] != phase.key:
        return None
    if path[1] == "gate" and len(path) >= 3:
        found = [q for q in gate_questions() if q.name == path[2]]
        return (found[0], (phase.key, "gate", path[2]), None) if found else None
    found = [q for q in questions_of(phase.section) if q.name == path[1]]
    if not found:
        return None
    row = path[2] if len(path) >= 3 and isinstance(path[2], int) else None
    return found[0], (phase.key, path[1]), row


def _render_focus(phase: Phase, findings: list[Finding]) -> None:
    field = st.query_params.get("focus")
    target = _question_at(phase, field) if field else None
    if target is None:
        return
    question, path, row = target
    with st.container(border=True):
        st.markdown(f":material/my_location: **Fixing: {plain(question.label)}**")
        for finding in (f for f in findings if f.field == field and not f.accepted):
            st.markdown(plain(finding.message))
            st.caption("How to fix: " + plain(finding.fix))
        if question.kind == "table":
            rows = state.value_at(path)
            if row is not None and row < len(rows):
                row_id = rows[row]["row_id"]
                st.caption(f"Row {row + 1} of “{plain(question.label)}”; it is also open in the table below.")
                if st.session_state.get("focus_applied") != field:  # once, so the table's own picker stays free
                    st.session_state["focus_applied"] = field
                    select_row(path, row_id)
                render_table(question, path, key_prefix="focus", only_row=row_id)
            else:
                st.caption(f"Edit it in the “{plain(question.label)}” table below, under "
                           f"{plain(question.group or 'the questions')}.")
        else:
            render_question(question, path, key_prefix="focus")
        go_button(phase_page(phase), "Done", key="focus:done", icon=":material/close:")


def _finding_line(finding: Finding) -> str:
    colour, icon = STYLE[finding.severity]
    return (f"- :{colour}-badge[{icon} {finding.severity.value}] **{finding.check_id}** {plain(finding.message)}  \n"
            f"  How to fix: {plain(finding.fix)}")


def render_phase_page(key: str) -> None:
    router.require_router()
    phase = PHASES_BY_KEY[key]
    st.title(f"{phase.number}. {phase.title}")
    st.caption(phase.purpose)
    project = state.project()
    progress = phase_progress(project, phase)
    render_walk(phase, progress, where="top")

    practising = practice_mode.active()  # the learner finds the gaps: no finding is shown until they submit
    findings = [] if practising else [f for f in review.findings() if f.phase == phase.key]
    _render_focus(phase, findings)
    if practising:
        render_flag_panel(phase)
    else:
        _render_findings(findings)
    st.caption("Questions marked (required) must be answered to pass this phase's stage gate.")

    render_section(phase.section, (phase.key,))
    risk_view.render_phase_extras(phase)  # EU AI Act screening (Problem Framing), what the tier adds to the gate

    st.subheader("Stage gate", divider="gray")
    st.markdown(f"**Critical decision:** {phase.critical_decision}  \n**Deliverable:** {phase.deliverable}")
    if practising:  # the sign-off control lists the phase's blocker findings
        for question in gate_questions():
            if question.name not in SIGN_OFF_FIELDS:
                render_question(question, (phase.key, "gate", question.name))
        st.caption("Signing off is hidden in practice mode, because it lists the checks' findings.")
    else:
        render_stage_gate(phase)  # the gate's answers and its sign-off control
    mlflow_view.render_section(phase)  # MLflow registry (Deployment) and measured values (Modeling)

    st.divider()
    render_walk(phase, progress, where="bottom")


def _render_findings(findings: list[Finding]) -> None:
    open_ = [f for f in findings if not f.accepted]
    blockers = sum(f.severity is Severity.BLOCKER and not f.is_missing_answer for f in open_)
    missing = sum(f.is_missing_answer for f in open_)
    label = (
        f"Open findings in this phase: {len(open_)}"
        + (f" · {blockers} blocking" if blockers else "")
        + (f" · {missing} gate answers missing" if missing else "")
        if open_ else "No open findings in this phase"
    )
    with st.expander(label, expanded=False, icon=":material/rule:"):
        # Text only: accepting a finding, and each finding's details, are on the Checks page. Drawing the
        # acceptance controls of every finding here made each answer's rerun several times slower.
        if open_:
            st.markdown("\n".join(_finding_line(f) for f in open_))
            go_button(CHECKS, "Review them on the Checks page", key="phase:checks", icon=":material/rule:")
        else:
            st.caption("The checks found nothing to fix here.")
