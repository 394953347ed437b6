"""The page for one lifecycle phase: its questions, its stage gate, and the walk onward."""

from __future__ import annotations

import streamlit as st

from lifecycle.completeness import phase_progress
from lifecycle.model import StageGate
from lifecycle.phases import PHASES_BY_KEY

from . import router, state
from .forms import render_section
from .nav import previous_next


def render_phase_page(key: str) -> None:
    router.require_router()
    phase = PHASES_BY_KEY[key]
    st.title(f"{phase.number}. {phase.title}")
    st.caption(phase.purpose)
    progress = phase_progress(state.project(), phase)
    st.progress(progress.ratio, text=f"{progress.answered} of {progress.required} gate answers given")
    if progress.missing:
        with st.expander(f"Still needed before the gate ({len(progress.missing)})"):
            st.markdown("\n".join(f"- {q.label}" for q in progress.missing))
    st.caption("Questions marked :red[*] must be answered to pass this phase's stage gate.")

    render_section(phase.section, (phase.key,))

    st.subheader("Stage gate", divider="gray")
    st.markdown(f"**Critical decision:** {phase.critical_decision}  \n**Deliverable:** {phase.deliverable}")
    render_section(StageGate, (phase.key, "gate"), groups=False)

    st.divider()
    previous_next(phase)
