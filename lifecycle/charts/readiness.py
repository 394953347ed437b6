"""The readiness chart: one bar per phase, the overall score bounded by the weakest phase."""

from __future__ import annotations

import plotly.graph_objects as go

from ..checks import Readiness

BAND_COLOURS = {"Ready": "#2e7d32", "Nearly ready": "#7cb342", "Taking shape": "#f9a825"}
NOT_READY = "#c62828"


def readiness_figure(readiness: Readiness) -> go.Figure:
    phases = readiness.phases
    figure = go.Figure(
        go.Bar(
            x=[p.title for p in phases],
            y=[p.score for p in phases],
            text=[f"{p.score} · {p.band.label}" for p in phases],
            textposition="outside",
            marker_color=[BAND_COLOURS.get(p.band.label, NOT_READY) for p in phases],
            customdata=[[p.blockers, p.warnings, p.advice, p.accepted] for p in phases],
            hovertemplate=(
                "%{x}: %{y}/100<br>open blockers %{customdata[0]}, warnings %{customdata[1]}, "
                "advice %{customdata[2]}<br>accepted %{customdata[3]}<extra></extra>"
            ),
        )
    )
    figure.add_hline(y=readiness.score, line_dash="dash", line_color="#424242")
    figure.update_layout(
        # Short enough for a 1024 px window (plotly does not wrap titles); the band and the weakest phase
        # are in the subtitle.
        title=dict(
            text=f"Readiness per phase · overall {readiness.score}/100",
            subtitle=dict(text=f"{readiness.band.label}; bounded by the weakest phase, {readiness.weakest.title}"),
        ),
        xaxis_title="Lifecycle phase",
        yaxis_title="Readiness score (0–100)",
        yaxis_range=[0, 115],
        margin=dict(l=60, r=20, t=70, b=60),
        height=380,
    )
    return figure
