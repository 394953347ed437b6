"""The "Stage gate" section of a phase page: the gate's answers and its sign-off control.

Signing is refused while a blocker finding of the phase is open (``lifecycle.gates``); the
control lists those findings instead. Once signed, it shows who signed, when and with which
findings still there, and offers to withdraw the sign-off.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lifecycle.gates import SignOffRefused, finding_id, sign_off, sign_off_state, withdraw_sign_off
from lifecycle.phases import Phase
from lifecycle.questions import gate_questions
from lifecycle.storage import project_document

from . import identity, nav, review, state
from .forms import render_question
from .history_view import gates_changed_since_sign_off, show_gate_changes
from .text import plain

# Written by the sign-off control only, so the gate form does not offer them as answers.
SIGN_OFF_FIELDS = frozenset({"signed_off_by", "signed_off_on", "open_findings_at_sign_off"})
SIGN_OFF_ERROR = "sign_off_error"
SHOWN_BLOCKERS = 8


def _name_key(phase: Phase) -> str:
    return f"signoff:{state.epoch()}:{phase.key}:by"


def _write_gate(phase_key: str, project) -> None:  # type: ignore[no-untyped-def]
    state.set_answer((phase_key, "gate"), project_document(project)[phase_key]["gate"])


def _sign(phase: Phase) -> None:
    errors = st.session_state.setdefault(SIGN_OFF_ERROR, {})
    by = identity.named_in(_name_key(phase))
    try:
        signed = sign_off(state.project(), phase.key, by, dt.date.today())
    except SignOffRefused as refused:
        errors[phase.key] = "Not signed: " + "; ".join(refused.reasons)
        return
    errors.pop(phase.key, None)
    _write_gate(phase.key, signed)


def _withdraw(phase: Phase) -> None:
    st.session_state.setdefault(SIGN_OFF_ERROR, {}).pop(phase.key, None)
    _write_gate(phase.key, withdraw_sign_off(state.project(), phase.key))


def render_stage_gate(phase: Phase) -> None:
    """The gate's questions (without the sign-off fields), then the sign-off control."""
    for question in gate_questions():
        if question.name not in SIGN_OFF_FIELDS:
            render_question(question, (phase.key, "gate", question.name))
    render_sign_off(phase)


def render_sign_off(phase: Phase) -> None:
    current = sign_off_state(state.project(), phase.key, review.findings())  # the findings of this change, once
    with st.container(border=True):
        st.markdown("**Sign-off**")
        if current.signed:
            when = f" on {current.signed_on.isoformat()}" if current.signed_on else ""
            st.success(f"Signed off by {plain(current.signed_by)}{when}.", icon=":material/verified:")
            if current.signed_for is not None:
                run = f" (run {current.signed_for.run_id})" if current.signed_for.run_id else ""
                st.caption(f":material/hub: Signed for version {plain(current.signed_for.version)} of "
                           f"'{plain(current.signed_for.model)}'{plain(run)} in MLflow, the version the plan "
                           "described then; another version needs a sign-off of its own.")
            if current.recorded:
                lines = [
                    f"- **{plain(finding_id(f))}**" + (" (accepted)" if f.accepted else " (open)")
                    for f in current.recorded
                ]
                st.markdown("Signed with these findings of the phase still there:\n" + "\n".join(lines))
            else:
                st.caption("No findings of this phase were there at sign-off.")
            for gate in gates_changed_since_sign_off():
                if gate.phase == phase.key:
                    show_gate_changes(gate)
            st.button("Withdraw sign-off", key=f"signoff:{phase.key}:withdraw", on_click=_withdraw, args=(phase,),
                      icon=":material/undo:")
        else:
            if current.blockers:
                count = len(current.blockers)
                st.warning(
                    f"{count} blocker finding{'s' if count != 1 else ''} of this phase "
                    f"{'are' if count != 1 else 'is'} open, so the gate cannot be signed off. Fix each one, or "
                    "accept it with a written reason on the Checks page.",
                    icon=":material/block:",
                )
                lines = [f"- **{plain(finding_id(f))}**: {plain(f.message)}" for f in current.blockers[:SHOWN_BLOCKERS]]
                if count > SHOWN_BLOCKERS:
                    lines.append(f"- and {count - SHOWN_BLOCKERS} more")
                st.markdown("\n".join(lines))
                nav.go_button(nav.CHECKS, "Open the Checks page", key=f"signoff:{phase.key}:checks",
                              icon=":material/rule:")
            else:
                st.caption(
                    "No blocker finding of this phase is open. Signing records your name, today's date and the "
                    "findings still there."
                )
            identity.name_field("Your name", _name_key(phase), placeholder="Who signs the gate off")
            st.button(
                "Sign off this gate", key=f"signoff:{phase.key}:sign", type="primary", disabled=not current.allowed,
                on_click=_sign, args=(phase,), icon=":material/verified:",
            )
        error = (st.session_state.get(SIGN_OFF_ERROR) or {}).get(phase.key)
        if error:
            st.error(plain(error))
