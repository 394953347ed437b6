"""A scenario's brief, as the learner reads it: the situation, the task, the level, the time, what to hand in."""

from __future__ import annotations

import streamlit as st

from lifecycle.practice import Brief

from .text import plain

LEVEL_LABELS = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}


def brief_caption(brief: Brief) -> str:
    return f"{LEVEL_LABELS[brief.level.value]} · about {brief.minutes} minutes"


def render_brief(brief: Brief, *, key: str, heading: bool = True) -> None:
    with st.container(border=heading, key=f"brief-{key}"):
        if heading:  # off where an expander already names the brief
            st.markdown(f":material/school: **Your brief: {plain(brief.title)}**")
        st.caption(brief_caption(brief))
        st.markdown("**The situation.** " + plain(brief.situation))
        st.markdown("**Your task.** " + plain(brief.task))
        st.markdown("**Hand in**\n" + "\n".join(f"- {plain(item)}" for item in brief.hand_in))
        if brief.questions:
            st.markdown("**Questions to start from**\n" + "\n".join(f"- {plain(q)}" for q in brief.questions))
