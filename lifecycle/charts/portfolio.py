"""The portfolio heatmap: projects down, phases across, completeness as colour.

The colour scale is Cividis, made to be read alike with and without colour-vision
deficiency (a red-to-green scale is the one most people with it cannot read), and each
cell also prints its percentage. Rows are labelled with the project names (escaped,
shortened with an ellipsis, made distinct when two projects share a name); the store ids
only keep the rows apart internally.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from ..phases import PHASES
from ..store.summary import ProjectSummary
from .text import distinct, label

ROW_HEIGHT = 26
NAME_CHARS = 32  # a longer name is shortened on the axis; the hover text has it in full
COLOUR_SCALE = "Cividis"


def portfolio_heatmap(rows: Sequence[tuple[str, ProjectSummary]]) -> go.Figure:
    """``rows`` are (project id, summary) pairs, top to bottom."""
    ids = [project_id for project_id, _ in rows]
    names = [summary.name or "Untitled project" for _, summary in rows]
    ticks = distinct(label(name, NAME_CHARS) for name in names)
    z = [[summary.phase_percent(p.key) for p in PHASES] for _, summary in rows]  # None: a practice attempt
    hover = [[[label(name), label(summary.owner or "no owner")]] * len(PHASES)
             for name, (_, summary) in zip(names, rows)]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[p.title for p in PHASES],
            y=ids,
            zmin=0,
            zmax=100,
            colorscale=COLOUR_SCALE,
            colorbar=dict(title=dict(text="Answered"), ticksuffix="%", thickness=14),
            text=[["hidden" if v is None else f"{v}%" for v in row] for row in z],
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata[0]} (owner: %{customdata[1]})<br>%{x}: %{z}% of gate answers given"
                          "<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    figure.update_layout(
        title="Completeness of each project, phase by phase",
        xaxis=dict(title="Lifecycle phase", side="bottom"),
        yaxis=dict(title=dict(text="Project", standoff=8), autorange="reversed", type="category", tickmode="array",
                   tickvals=ids, ticktext=ticks, automargin=True),
        height=max(300, 170 + ROW_HEIGHT * len(ids)),  # room for the phase names when they turn on a narrow screen
        margin=dict(l=20, r=20, t=50, b=60),
    )
    return figure
