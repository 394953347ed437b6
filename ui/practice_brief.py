"""A scenario's brief, as the learner reads it: the situation, the task, the level, the time, what to hand in."""

from __future__ import annotations

import streamlit as st

from lifecycle.practice import Brief, load_brief

from . import practice_mode, state
from .nav import go_button
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


def render_scenario_brief(where: str) -> None:
    """The open scenario's brief: in full while practising; folded, with the way into practice, when the
    scenario was opened to read with its checks. Nothing for a project that is not a scenario."""
    scenario = practice_mode.scenario()
    brief = load_brief(scenario) if scenario else None
    if brief is None:
        return
    project = state.project()
    if project.practice.active:
        render_brief(brief, key=where)
        go_button(practice_mode.PRACTICE_PAGE, "Go to the practice page", key=f"{where}:practice",
                  icon=":material/school:", primary=True)
        return
    with st.expander(f"Scenario brief: {plain(brief.title)} ({brief_caption(brief)})", expanded=False,
                     icon=":material/school:", key=f"brief-folded-{where}"):
        render_brief(brief, key=where, heading=False)
        if project.practice.attempts or project.practice.flags:  # an attempt under way: back to it, not a new one
            go_button(practice_mode.PRACTICE_PAGE, "Go to the practice page", key=f"{where}:practice",
                      icon=":material/school:", primary=True)
            return
        st.caption("The checks are shown for this copy. To do the exercise, open a fresh copy with the checks "
                   "hidden until you submit your own review.")
        st.button("Practise this scenario", key=f"{where}:practise", on_click=practice_mode.open_for_practice,
                  args=(scenario,), type="primary", icon=":material/school:")
