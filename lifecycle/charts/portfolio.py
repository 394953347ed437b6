"""The portfolio heatmap: projects down, phases across, completeness as colour."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from ..phases import PHASES
from ..store.summary import ProjectSummary

ROW_HEIGHT = 22


def portfolio_heatmap(rows: Sequence[tuple[str, ProjectSummary]]) -> go.Figure:
    """``rows`` are (label, summary) pairs, top to bottom."""
    labels = [label for label, _ in rows]
    z = [[round(100 * summary.completeness.get(p.key, 0)) for p in PHASES] for _, summary in rows]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[p.title for p in PHASES],
            y=labels,
            zmin=0,
            zmax=100,
            colorscale=[[0, "#c62828"], [0.5, "#f9a825"], [1, "#2e7d32"]],
            colorbar=dict(title="Answered (%)"),
            text=[[f"{v}%" for v in row] for row in z],
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: %{z}% of gate answers given<extra></extra>",
        )
    )
    figure.update_layout(
        title="Completeness of each project, phase by phase",
        xaxis_title="Lifecycle phase",
        yaxis_title="Project",
        yaxis_autorange="reversed",
        height=max(260, 120 + ROW_HEIGHT * len(labels)),
        margin=dict(l=20, r=20, t=50, b=60),
    )
    return figure
