"""The interview drill: per phase the learner writes the critical decision and the deliverable, then sees a
model answer and a checklist, and marks their own answer. Saved with the project like the flags."""

from __future__ import annotations

from typing import Any

import streamlit as st

from lifecycle.model import LONG_TEXT_MAX
from lifecycle.practice.drill import DrillPhase, load_drill, self_mark

from . import state
from .text import plain


def _answers() -> list[dict[str, Any]]:
    return list(state.value_at(("practice", "drill")))


def _answer_for(phase: str) -> dict[str, Any]:
    return next((a for a in _answers() if a["phase"] == phase), {"phase": phase, "decision": "", "deliverable": "",
                                                                  "revealed": False, "ticked": []})


def _write(phase: str, **changes: Any) -> None:
    answers = [a for a in _answers() if a["phase"] != phase]
    answers.append({**_answer_for(phase), **changes})
    state.set_answer(("practice", "drill"), answers)


def _key(phase: str, part: str) -> str:
    return f"drill:{state.epoch()}:{phase}:{part}"


def _on_text(phase: str, part: str) -> None:
    _write(phase, **{part: st.session_state.get(_key(phase, part)) or ""})


def _on_tick(phase: str, total: int) -> None:
    ticked = [i for i in range(total) if st.session_state.get(_key(phase, f"tick{i}"))]
    _write(phase, ticked=ticked)


def _render_phase(item: DrillPhase) -> None:
    phase = item.lifecycle_phase
    answer = _answer_for(item.phase)
    with st.container(border=True, key=f"drill-{item.phase}"):
        st.markdown(f"**{phase.number}. {phase.title}**")
        for part, label in (("decision", "The critical decision"), ("deliverable", "The deliverable")):
            key = _key(item.phase, part)
            if key not in st.session_state:
                st.session_state[key] = answer[part]
            st.text_area(label, key=key, max_chars=LONG_TEXT_MAX, height=90, on_change=_on_text,
                         args=(item.phase, part))
        if not answer["revealed"]:
            st.button("Show the model answer", key=f"drill:{item.phase}:reveal", on_click=_write,
                      args=(item.phase,), kwargs={"revealed": True}, icon=":material/visibility:",
                      disabled=not (answer["decision"].strip() or answer["deliverable"].strip()),
                      help="Write your answer first.")
            return
        st.markdown(f"**Critical decision:** {plain(phase.critical_decision)}  \n"
                    f"**Deliverable:** {plain(phase.deliverable)}")
        st.markdown("**Model answer.** " + plain(item.model_answer))
        st.caption("Tick what your answer named:")
        for index, entry in enumerate(item.checklist):
            key = _key(item.phase, f"tick{index}")
            if key not in st.session_state:
                st.session_state[key] = index in answer["ticked"]
            st.checkbox(plain(entry), key=key, on_change=_on_tick, args=(item.phase, len(item.checklist)))
        ticked = len(answer["ticked"])
        st.markdown(f"**Your mark: {ticked} of {len(item.checklist)}, {self_mark(ticked, len(item.checklist))}**")


def render_drill() -> None:
    st.caption("The interview question: walk through the lifecycle, and at each phase name the critical decision "
               "and what you hand over. Write yours, then compare it with a model answer and mark yourself.")
    for item in load_drill().phases:
        _render_phase(item)
