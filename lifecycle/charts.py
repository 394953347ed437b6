"""Plotly figures drawn from the domain; the UI only displays them."""

from __future__ import annotations

import plotly.graph_objects as go

from .completeness import PhaseProgress


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
