"""The diagnosis exercise on the Diagnosis page (loan scenario): name the symptoms first, then compare.

The learner's answer lives only in ``st.session_state`` under the analysis's digest: it is theirs,
never written to the project file, and never seen by another session. The expected answer and
the scoring are domain logic (``lifecycle.diagnosis.exercise``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lifecycle.diagnosis.analysis import SYMPTOM_TITLES
from lifecycle.diagnosis.bundled import SAMPLE_KEY
from lifecycle.diagnosis.data import approved, column_kind
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.diagnosis.exercise import KINDS, WITH_SUBJECTS, Answer, Feedback, SymptomAnswer, choices, compare
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.samples import load_sample

from .text import plain

EXERCISE = "diagnosis_exercise"  # digest of the analysis → {"answer": Answer | None, "revealed": bool}
SUBJECT_LABELS = {"data_drift": "In which inputs?", "fairness": "Across which attributes?"}
OUTCOME_TITLES = {"right": ":green[:material/check_circle:] Right", "missed": ":orange[:material/help:] Missed",
                  "wrong": ":red[:material/cancel:] Wrongly named"}


def _state(result: Any) -> dict[str, Any]:
    return st.session_state.setdefault(EXERCISE, {}).setdefault(result.digest, {"answer": None, "revealed": False})


def applies(result: Any) -> bool:
    return result.origin == "bundled"


def pending(result: Any) -> bool:
    """The analysis waits for the learner's answer (bundled loan data, not yet submitted or skipped)."""
    return applies(result) and not _state(result)["revealed"]


def _key(kind: str, part: str) -> str:
    return f"diagnosis-exercise-{kind}-{part}"


def _submit(result: Any) -> None:
    symptoms = []
    for kind in KINDS:
        symptoms.append(SymptomAnswer(
            kind,  # type: ignore[arg-type]
            named=bool(st.session_state.get(_key(kind, "named"))),
            subjects=frozenset(st.session_state.get(_key(kind, "subjects")) or ()),
            phases=frozenset(st.session_state.get(_key(kind, "phases")) or ()),
        ))
    _state(result).update(answer=Answer(tuple(symptoms)), revealed=True)


def _skip(result: Any) -> None:
    _state(result).update(answer=None, revealed=True)


def _again(result: Any) -> None:
    _state(result).update(answer=None, revealed=False)


def _profile(frame: pd.DataFrame, reference: pd.DataFrame, column: str) -> str:
    if column_kind(reference[column]) == "numeric":
        values = pd.to_numeric(frame[column], errors="coerce")
        if not values.notna().any():
            return "–"
        median = float(values.median())
        return f"median {median:,.0f}" if abs(median) >= 100 else f"median {median:.3g}"
    shares = frame[column].value_counts(normalize=True).head(3)
    return ", ".join(f"{value} {share:.0%}" for value, share in shares.items())


def _data_look(result: Any) -> None:
    """The raw monitoring data, described without any verdict, so there is something to diagnose from."""
    with st.expander("Look at the monitoring data (no verdicts)", icon=":material/table_view:", expanded=True):
        names = [b.name for b in result.batches]
        chosen = st.selectbox("Month to compare with the reference", names, index=len(names) - 1,
                              key="diagnosis-exercise-batch")
        batch = next(b for b in result.batches if b.name == chosen)
        reference = result.reference.frame
        roles = result.analysis.roles
        columns = [c for c in reference.columns if c not in roles.model_output]
        st.dataframe(pd.DataFrame([{"Column": c, "Reference": _profile(reference, reference, c),
                                    chosen: _profile(batch.frame, reference, c)} for c in columns]),
                     hide_index=True, key="diagnosis-exercise-profile")
        rows = []
        for b in [result.reference, *result.batches]:
            outcome = pd.to_numeric(b.frame.get(roles.outcome), errors="coerce") if roles.outcome else None
            decisions = b.frame.get(roles.decision) if roles.decision else None
            decided = None if decisions is None else approved(decisions, roles.approve_value)  # empty: not a decline
            rows.append({
                "Batch": b.name, "Rows": len(b.frame),
                "Approved": None if decided is None or decided.isna().all() else round(float(decided.mean()), 3),
                "With outcome": None if outcome is None else int(outcome.notna().sum()),
                "Bad outcome rate": None if outcome is None or outcome.isna().all() else round(float(outcome.mean()), 3),
            })
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="diagnosis-exercise-months")
        st.caption("The scenario's own text (Problem Framing, Model Card) says what Credit Risk and the complaints "
                   "team saw. The data files are in sample_projects/loan_monitoring/.")


def render_exercise(result: Any) -> None:
    st.subheader("Exercise: diagnose ClearLend yourself first", divider="gray")
    st.markdown("Six months after launch, Harbourline's loan model is under fire. Before the analysis is shown, "
                "name what you see: which symptoms, in which inputs or groups, and which phase of the lifecycle "
                "plan let each one through. Then the analysis is revealed and compared with your answer.")
    _data_look(result)
    options = choices(result.analysis)
    phases = list(options.phases)
    with st.form("diagnosis-exercise-form", border=True):
        for kind in KINDS:
            title = SYMPTOM_TITLES[kind]
            st.markdown(f"**{title}**")
            st.checkbox(f"I see {title.lower()}", key=_key(kind, "named"))
            if kind in WITH_SUBJECTS:
                subjects = options.inputs if kind == "data_drift" else options.attributes
                st.multiselect(SUBJECT_LABELS[kind], list(subjects), key=_key(kind, "subjects"),
                               placeholder="Choose or type a column name")
            st.multiselect("Which phases' answers let it through?", phases, key=_key(kind, "phases"),
                           format_func=lambda key: PHASES_BY_KEY[key].title, placeholder="Choose or type a phase")
        st.form_submit_button("Reveal the analysis and compare", type="primary", on_click=_submit, args=(result,),
                              icon=":material/visibility:", key="diagnosis-exercise-submit")
    st.button("Skip the exercise, show the analysis", key="diagnosis-exercise-skip", on_click=_skip, args=(result,),
              icon=":material/skip_next:")


def _points(feedback: Feedback, kind: str) -> None:
    for outcome in ("right", "missed", "wrong"):
        found = feedback.where(outcome, kind)  # type: ignore[arg-type]
        if not found:
            continue
        st.markdown(f"**{OUTCOME_TITLES[outcome]}**")
        for point in found:
            what = {"symptom": " (the symptom)", "subject": "", "phase": " (phase)"}[point.part]
            st.markdown(f"- **{plain(point.name)}**{what}: {plain(point.why)}")


def render_feedback(result: Any) -> Diagnosis | None:
    """The comparison above the revealed analysis (None when the exercise was skipped or does not apply)."""
    if not applies(result):
        return None
    answer = _state(result)["answer"]
    if answer is None:
        return None
    diagnosis = diagnose(result.analysis, load_sample(SAMPLE_KEY))
    feedback = compare(diagnosis, answer)
    st.subheader("Your diagnosis against the analysis", divider="gray")
    st.markdown(f"**{len(feedback.right)} of {len(feedback.points)} points right ({feedback.score:.0%})**: "
                f"{len(feedback.missed)} missed, {len(feedback.wrong)} wrongly named.")
    for kind in KINDS:  # stacked, full width: the reasons are sentences, too long for three narrow columns
        with st.container(border=True):
            st.markdown(f"**{SYMPTOM_TITLES[kind]}**")
            if not feedback.where("right", kind) and not feedback.where("missed", kind) \
                    and not feedback.where("wrong", kind):
                st.caption("Not found by the analysis, and you did not name it: right.")
            _points(feedback, kind)
    st.button("Try the exercise again", key="diagnosis-exercise-again", on_click=_again, args=(result,),
              icon=":material/restart_alt:")
    return diagnosis
