"""The Plan page: activities and stage-gate milestones edited as tables, and the Gantt chart drawn from them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lifecycle.charts.plan import timeline_figure
from lifecycle.model import Timeline
from lifecycle.phases import PHASES_BY_KEY

from . import router, state
from .forms import render_section
from .nav import go_button
from .practice_flags import render_page_flags
from .text import plain


def _gate_table(project) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for gate in project.timeline.gates:
        phase = PHASES_BY_KEY.get(gate.phase.value) if gate.phase else None
        decision = phase.answers(project).gate.decision if phase else None
        rows.append({
            "Gate": phase.title if phase else "(no phase)",
            "Due": gate.due.isoformat() if gate.due else "",
            "Signed off by": gate.sign_off_owner,
            "Deliverable": phase.deliverable if phase else "",
            "Decision on record": decision.label if decision else "not decided yet",
        })
    if rows:
        st.markdown("**What each gate signs off**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="timeline-gates-summary")


def _schedule_notes(timeline: Timeline) -> None:
    notes = []
    for activity in timeline.activities:
        for name in activity.dependencies:
            before = timeline.activity(name)
            if before and before.end and activity.start and activity.start <= before.end:
                notes.append(f"“{activity.name}” starts on {activity.start.isoformat()}, before “{before.name}”, "
                             f"which it waits for, ends on {before.end.isoformat()}.")
    undated = [a.name or "(unnamed)" for a in timeline.activities if a.start is None or a.end is None]
    if undated:
        notes.append("Not on the chart until both dates are given: " + ", ".join(f"“{n}”" for n in undated) + ".")
    for note in notes:
        st.warning(plain(note), icon=":material/event_busy:")


def _dependencies(timeline: Timeline) -> None:
    lines = [f"- {plain(a.name)} waits for {plain(', '.join(a.dependencies))}"
             for a in timeline.activities if a.dependencies]
    if lines:
        with st.expander(f"Dependencies ({len(lines)})", icon=":material/account_tree:"):
            st.markdown("\n".join(lines))


def render_timeline_page() -> None:
    router.require_router()
    st.title("Plan and timeline")
    st.caption(
        "The work of each phase on a timeline, and when each stage gate is due. Name an activity's "
        "dependencies in “Depends on” (separated by commas); the plan is refused, with the row named, if an "
        "activity ends before it starts or waits for an activity that does not exist."
    )
    render_page_flags("timeline")  # practice mode: the milestones and activities can be flagged
    render_section(Timeline, ("timeline",), groups=False)
    project = state.project()
    _gate_table(project)

    st.subheader("Gantt chart", divider="gray")
    timeline = project.timeline
    if timeline.dated_activities() or any(g.due for g in timeline.gates):
        st.plotly_chart(timeline_figure(timeline), key="timeline-chart")
    else:
        st.info("Add activities with a planned start and end, or gates with a due date, to see the chart.",
                icon=":material/calendar_month:")
    _schedule_notes(timeline)
    _dependencies(timeline)
    go_button("pages/canvas.py", "See the whole plan on the canvas", key="timeline:canvas", icon=":material/dashboard:")
