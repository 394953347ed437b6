"""Plotly figures of a monitoring analysis; the UI only displays them. Every figure has a title and axis titles.

Column names, group values and batch (file) names come from the user's CSVs: each goes through
``lifecycle.charts.text.label`` before it reaches a figure, and never into a hover template.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..charts.text import label, labels
from .analysis import Analysis, numeric_values
from .concept import AUC_DROP
from .data import ColumnKind
from .drift import PSI_MAJOR, PSI_MODERATE, DriftReport
from .fairness import DI_THRESHOLD

COLOURS = {"none": "#5b8db8", "moderate": "#f0a202", "major": "#c0392b"}
REFERENCE_COLOUR = "#7f8c8d"
CURRENT_COLOUR = "#1f4e79"
GROUP_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
                 "#7f7f7f")
CATEGORIES_SHOWN = 30  # a categorical distribution shows its most common categories, the rest as one bar
LAYOUT = dict(margin=dict(l=60, r=30, t=60, b=60), height=380, legend=dict(orientation="h", y=-0.25))


def psi_figure(report: DriftReport) -> go.Figure:
    columns = sorted(report.columns, key=lambda c: -c.psi)
    figure = go.Figure(go.Bar(
        x=labels(c.column for c in columns),
        y=[round(c.psi, 4) for c in columns],
        marker_color=[COLOURS[c.level] for c in columns],
        customdata=[[label(c.verdict), c.test, c.p_value] for c in columns],
        hovertemplate="%{x}: PSI %{y:.3f}<br>%{customdata[0]}<br>%{customdata[1]} p = %{customdata[2]:.3g}"
                      "<extra></extra>",
        name="PSI",
    ))
    figure.add_hline(y=PSI_MODERATE, line_dash="dash", line_color=COLOURS["moderate"],
                     annotation_text=f"moderate ({PSI_MODERATE:g})", annotation_position="top right")
    figure.add_hline(y=PSI_MAJOR, line_dash="dash", line_color=COLOURS["major"],
                     annotation_text=f"major ({PSI_MAJOR:g})", annotation_position="top right")
    top = max([c.psi for c in columns] + [PSI_MAJOR])
    figure.update_layout(
        title=f"Population stability index per input: {label(report.batch)}",
        xaxis=dict(title="Input column", type="category"),
        yaxis_title="PSI (reference → batch)",
        yaxis_range=[0, top * 1.15],
        showlegend=False,
        **LAYOUT,
    )
    return figure


def distribution_figure(reference: pd.DataFrame, current: pd.DataFrame, column: str, kind: ColumnKind,
                        reference_name: str, current_name: str) -> go.Figure:
    """The column's distribution in the reference and in one batch, as shares of rows."""
    figure = go.Figure()
    reference_name, current_name = label(reference_name), label(current_name)
    if kind == "numeric":
        ref = numeric_values(reference, column)
        cur = numeric_values(current, column)
        both = np.concatenate([ref, cur])
        low, high = (np.quantile(both, [0.005, 0.995]) if both.size else (0.0, 1.0))
        if high <= low:
            low, high = low - 0.5, high + 0.5
        size = (high - low) / 30
        bins = dict(start=float(low), end=float(high + size), size=float(size))
        for values, name, colour in ((ref, reference_name, REFERENCE_COLOUR), (cur, current_name, CURRENT_COLOUR)):
            figure.add_trace(go.Histogram(x=values, xbins=bins, histnorm="percent", name=name, marker_color=colour,
                                          opacity=0.55))
        figure.update_layout(barmode="overlay")
    else:
        ref_share = reference[column].astype("string").value_counts(normalize=True)
        cur_share = current[column].astype("string").value_counts(normalize=True)
        categories = sorted(set(ref_share.index) | set(cur_share.index), key=str)
        rest: list[object] = []
        if len(categories) > CATEGORIES_SHOWN:  # thousands of bars say nothing and stall the browser
            common = sorted(categories, key=lambda c: -(ref_share.get(c, 0.0) + cur_share.get(c, 0.0)))
            kept = set(common[:CATEGORIES_SHOWN - 1])
            rest = [c for c in categories if c not in kept]
            categories = [c for c in categories if c in kept]
        names = labels((str(c) for c in categories), 40)
        if rest:
            names.append(f"{len(rest):,} other categories")
        for shares, name, colour in ((ref_share, reference_name, REFERENCE_COLOUR),
                                     (cur_share, current_name, CURRENT_COLOUR)):
            values = [round(100 * float(shares.get(c, 0.0)), 2) for c in categories]
            if rest:
                values.append(round(100 * float(sum(shares.get(c, 0.0) for c in rest)), 2))
            figure.add_trace(go.Bar(x=names, y=values, name=name, marker_color=colour))
        figure.update_layout(barmode="group", xaxis_type="category")
    figure.update_layout(
        title=f"Distribution of {label(column)}: {reference_name} vs {current_name}",
        xaxis_title=label(column),
        yaxis_title="Share of rows (%)",
        **LAYOUT,
    )
    return figure


def auc_figure(analysis: Analysis) -> go.Figure:
    perf = [analysis.performance[n] for n in analysis.batches]
    names = labels(analysis.batches)
    figure = go.Figure(go.Scatter(
        x=names,
        y=[p.auc for p in perf],
        error_y=dict(type="data", array=[1.96 * (p.auc_se or 0) for p in perf], visible=True, thickness=1),
        mode="lines+markers",
        name="AUC of the batch (95% interval)",
        line_color=CURRENT_COLOUR,
        connectgaps=False,
        hovertemplate="%{x}: AUC %{y:.3f}<extra></extra>",
    ))
    reference = analysis.reference_performance.auc
    if reference is not None:
        figure.add_hline(y=reference, line_dash="dash", line_color=REFERENCE_COLOUR,
                         annotation_text=f"reference {reference:.2f}", annotation_position="top left")
        figure.add_hline(y=reference - AUC_DROP, line_dash="dot", line_color=COLOURS["major"],
                         annotation_text=f"alert: {AUC_DROP:g} below", annotation_position="bottom left")
    values = [p.auc for p in perf if p.auc is not None] + ([reference] if reference is not None else [])
    low = min(values, default=0.5) - 0.08
    for name, p in zip(names, perf):
        if p.auc is None:
            figure.add_annotation(x=name, y=low + 0.03, text="no outcomes yet", showarrow=False,
                                  font=dict(size=11, color=REFERENCE_COLOUR))
    figure.update_layout(
        title="AUC per batch, where outcomes are known",
        xaxis_title="Batch",
        yaxis_title="AUC",
        xaxis=dict(type="category", categoryorder="array", categoryarray=names),
        yaxis_range=[max(0.0, low), min(1.0, max(values, default=1.0) + 0.06)],
        **LAYOUT,
    )
    return figure


def selection_rate_figure(analysis: Analysis, attribute: str) -> go.Figure:
    by_batch = analysis.fairness.get(attribute, {})
    names = [n for n in [analysis.reference, *analysis.batches] if n in by_batch]
    groups = sorted({g.group for n in names for g in by_batch[n].groups if g.compared})
    figure = go.Figure()
    for index, group in enumerate(groups):
        rates = []
        for name in names:
            found = next((g for g in by_batch[name].groups if g.group == group and g.compared), None)
            rates.append(round(100 * found.selection_rate, 2) if found else None)
        figure.add_trace(go.Scatter(x=labels(names), y=rates, mode="lines+markers", name=label(group, 40),
                                    line_color=GROUP_COLOURS[index % len(GROUP_COLOURS)],
                                    hovertemplate="%{fullData.name}: %{y:.1f}% approved in %{x}<extra></extra>"))
    figure.update_layout(
        title=f"Approval rate per group of {label(attribute)}",
        xaxis_title="Batch (the first point is the reference)",
        yaxis_title="Approval rate (%)",
        xaxis=dict(type="category", categoryorder="array", categoryarray=labels(names)),
        **LAYOUT,
    )
    return figure


def disparate_impact_figure(analysis: Analysis) -> go.Figure:
    figure = go.Figure()
    names = [analysis.reference, *analysis.batches]
    for index, (attribute, by_batch) in enumerate(analysis.fairness.items()):
        shown = [n for n in names if n in by_batch]
        figure.add_trace(go.Scatter(
            x=labels(shown), y=[by_batch[n].di_ratio for n in shown], mode="lines+markers", name=label(attribute, 40),
            line_color=GROUP_COLOURS[index % len(GROUP_COLOURS)],
            hovertemplate="%{fullData.name}: ratio %{y:.2f} in %{x}<extra></extra>",
        ))
    figure.add_hline(y=DI_THRESHOLD, line_dash="dash", line_color=COLOURS["major"],
                     annotation_text=f"four-fifths heuristic ({DI_THRESHOLD:g})", annotation_position="bottom left")
    figure.update_layout(
        title="Disparate impact ratio (lowest approval rate / highest)",
        xaxis_title="Batch (the first point is the reference)",
        yaxis_title="Ratio",
        yaxis_range=[0, 1.05],
        xaxis=dict(type="category", categoryorder="array", categoryarray=labels(names)),
        **LAYOUT,
    )
    return figure
