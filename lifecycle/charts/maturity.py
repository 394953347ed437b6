"""The maturity radar: one spoke per questionnaire dimension, the share of its statements that hold."""

from __future__ import annotations

import plotly.graph_objects as go

from ..maturity import MaturityAssessment
from ..model.maturity import Agreement

FILL = "rgba(46, 125, 50, 0.25)"
LINE = "#2e7d32"


def maturity_figure(assessment: MaturityAssessment) -> go.Figure:
    dimensions = assessment.dimensions
    titles = [d.dimension.title for d in dimensions]
    values = [d.percent for d in dimensions]
    details = [
        f"{d.count(Agreement.MET)} yes, {d.count(Agreement.PARTLY)} partly, "
        f"{len(d.results) - d.count(Agreement.MET) - d.count(Agreement.PARTLY)} no or not answered"
        for d in dimensions
    ]
    figure = go.Figure(
        go.Scatterpolar(
            r=[*values, values[0]],  # close the shape
            theta=[*titles, titles[0]],
            customdata=[*details, details[0]],
            fill="toself",
            fillcolor=FILL,
            line_color=LINE,
            mode="lines+markers+text",
            text=[f"<b>{v}%</b>" for v in values] + [""],
            textposition="middle left",
            name="This project",
            hovertemplate="%{theta}: %{r}% of statements hold<br>%{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        title=(
            f"Share of maturity statements that hold, per dimension (partly counts half) · overall "
            f"{assessment.overall}%"
        ),
        polar=dict(
            # The radial axis runs between the first two spokes so its ticks do not cover a label.
            radialaxis=dict(range=[0, 100], ticksuffix="%", tickvals=[25, 50, 75, 100], angle=54,
                            tickfont=dict(size=10, color="#616161")),
            angularaxis=dict(direction="clockwise", rotation=90),
        ),
        showlegend=False,
        margin=dict(l=90, r=90, t=70, b=50),
        height=500,
    )
    return figure

