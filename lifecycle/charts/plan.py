"""Plotly figures drawn from the domain; the UI only displays them."""

from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go

from ..completeness import PhaseProgress
from ..model.timeline import Timeline
from ..phases import PHASES, PHASES_BY_KEY
from .text import distinct, label

TICK_CHARS = 40  # activity names on the axis are cut here; the hover text has them in full


def completeness_figure(progress: list[PhaseProgress]) -> go.Figure:
    titles = [p.phase.title for p in progress]
    percent = [round(100 * p.ratio) for p in progress]
    figure = go.Figure(
        go.Bar(
            x=titles,
            y=percent,
            text=[f"{p.answered}/{p.required}" for p in progress],
            textposition="outside",
            marker_color=["#2e7d32" if v == 100 else "#f9a825" if v >= 50 else "#c62828" for v in percent],
            hovertemplate="%{x}: %{y}% of gate answers given<extra></extra>",
        )
    )
    figure.update_layout(
        title="Completeness per phase",
        xaxis_title="Lifecycle phase",
        yaxis_title="Gate answers given (%)",
        yaxis_range=[0, 110],
        margin=dict(l=60, r=20, t=50, b=60),
        height=360,
    )
    return figure


# --- the plan: a Gantt chart of activities with stage-gate milestones --------------------------

PHASE_COLOURS = {
    "problem_framing": "#2e7d32",
    "data": "#b06e00",
    "modeling": "#2962a3",
    "deployment": "#6a3d9a",
    "monitoring": "#ad1457",
}
GATES_ROW = "Stage gates"
_DAY_MS = 86_400_000


def timeline_figure(timeline: Timeline) -> go.Figure:
    """Activities as bars from planned start to planned end (coloured by phase), stage gates as diamonds on
    their own row, and each dependency as an arrow from the end of the activity waited for."""
    activities = timeline.dated_activities()
    gates = [g for g in timeline.gates if g.due is not None and g.phase is not None]
    # Rows are the escaped full names (unique, as activity names are); ticks show them shortened.
    row_of = dict(zip(map(id, activities), distinct(label(a.name) for a in activities)))
    rows = ([GATES_ROW] if gates else []) + [row_of[id(a)] for a in activities]
    ticks = ([GATES_ROW] if gates else []) + [label(a.name, TICK_CHARS) for a in activities]
    figure = go.Figure()
    for phase in PHASES:
        members = [a for a in activities if a.phase is not None and a.phase.value == phase.key]
        if not members:
            continue
        figure.add_trace(go.Bar(
            name=phase.title,
            orientation="h",
            y=[row_of[id(a)] for a in members],
            base=[a.start.isoformat() for a in members],
            x=[((a.end - a.start).days + 1) * _DAY_MS for a in members],
            marker_color=PHASE_COLOURS[phase.key],
            customdata=[[a.start.isoformat(), a.end.isoformat(), label(a.owner or "no owner"),
                         label(", ".join(a.dependencies) or "nothing")] for a in members],
            hovertemplate="<b>%{y}</b><br>%{customdata[0]} to %{customdata[1]}<br>Owner: %{customdata[2]}"
                          "<br>Waits for: %{customdata[3]}<extra>" + phase.title + "</extra>",
        ))
    unphased = [a for a in activities if a.phase is None]
    if unphased:
        figure.add_trace(go.Bar(
            name="No phase", orientation="h", y=[row_of[id(a)] for a in unphased],
            base=[a.start.isoformat() for a in unphased],
            x=[((a.end - a.start).days + 1) * _DAY_MS for a in unphased], marker_color="#9e9e9e",
        ))
    if gates:
        figure.add_trace(go.Scatter(
            name="Stage gate due",
            x=[g.due.isoformat() for g in gates],
            y=[GATES_ROW] * len(gates),
            mode="markers",
            marker=dict(symbol="diamond", size=14, color=[PHASE_COLOURS[g.phase.value] for g in gates],
                        line=dict(color="#212121", width=1)),
            customdata=[[PHASES_BY_KEY[g.phase.value].title, label(g.sign_off_owner or "no one named"),
                         PHASES_BY_KEY[g.phase.value].deliverable] for g in gates],
            hovertemplate="<b>%{customdata[0]} gate</b> due %{x|%Y-%m-%d}<br>Sign-off: %{customdata[1]}"
                          "<br>Deliverable: %{customdata[2]}<extra></extra>",
        ))
    by_name = {a.name.strip().casefold(): a for a in activities}
    for activity in activities:
        for dependency in activity.dependencies:
            before = by_name.get(dependency.casefold())
            if before is None:
                continue
            figure.add_annotation(
                x=activity.start.isoformat(), y=row_of[id(activity)],
                ax=(before.end + timedelta(days=1)).isoformat(), ay=row_of[id(before)],
                xref="x", yref="y", axref="x", ayref="y",
                showarrow=True, arrowhead=2, arrowsize=1, arrowwidth=1.2, arrowcolor="#616161", text="",
            )
    figure.update_layout(
        title="Plan: activities by phase, with stage gates",
        barmode="overlay",
        xaxis=dict(type="date", title="Date"),
        yaxis=dict(title="Activity", categoryorder="array", categoryarray=rows, autorange="reversed",
                   tickmode="array", tickvals=rows, ticktext=ticks),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        margin=dict(l=20, r=20, t=90, b=50),
        height=max(320, 140 + 28 * len(rows)),
    )
    return figure
