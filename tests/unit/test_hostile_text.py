"""Hostile user text in every figure and export: shown as text, never live; plans at the date limits export.

Plotly renders a subset of HTML in every string (titles, ticks, legends, hover text), so each figure
is drawn with names holding ``<a href=…>``, ``<b>`` and ``%{…}`` and its JSON is searched: no user
string may reach it unescaped. The CSV download neutralises formulas; the Hugging Face card's
metadata always parses back equal.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from lifecycle.charts.maturity import maturity_figure
from lifecycle.charts.plan import completeness_figure, timeline_figure
from lifecycle.charts.portfolio import COLOUR_SCALE, portfolio_heatmap
from lifecycle.charts.readiness import readiness_figure
from lifecycle.charts.text import label, labels
from lifecycle.checks import readiness
from lifecycle.completeness import project_progress
from lifecycle.diagnosis.analysis import analyse
from lifecycle.diagnosis.charts import (
    auc_figure, disparate_impact_figure, distribution_figure, psi_figure, selection_rate_figure,
)
from lifecycle.diagnosis.data import Batch, Roles
from lifecycle.export import map_pdf
from lifecycle.handoff import hf_metadata, hf_readme, split_front_matter, validate_hf_card
from lifecycle.maturity import assess
from lifecycle.model import Project
from lifecycle.samples import load_sample
from lifecycle.store import ProjectSummary
from lifecycle.store.store import ListedProject
from lifecycle.store.table import neutralise, portfolio_csv

LINK = "<a href='https://evil.example'>click</a>"
BOLD = "<b>bold</b>"
TEMPLATE = "%{x} %{customdata[0]}"
HOSTILE = [LINK, BOLD, TEMPLATE]


def strings(figure) -> list[str]:  # type: ignore[no-untyped-def]
    """Every string in the figure's JSON (what the browser gets)."""
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(json.loads(figure.to_json()))
    return found


def assert_no_live_markup(figure) -> None:  # type: ignore[no-untyped-def]
    joined = "\n".join(strings(figure))
    assert "<a href" not in joined and "<b>bold" not in joined, "user markup reached the figure unescaped"
    assert "&lt;a href=" in joined or "&lt;b&gt;bold" in joined, "the hostile names are not shown at all"
    for trace in figure.data:  # user text travels as data; a template holding it would run its %{…}
        template = getattr(trace, "hovertemplate", None) or ""
        assert not any(bad in template for bad in ("evil", "bold", "customdata[0]} %{")), template


def test_label_escapes_markup_and_cuts_long_text() -> None:
    assert label(LINK) == "&lt;a href='https://evil.example'&gt;click&lt;/a&gt;"
    assert label("AT&T\nline\x1btwo") == "AT&amp;T line two"
    assert label("x" * 100, 10) == "x" * 9 + "…"
    assert labels(["a" * 50 + "1", "a" * 50 + "2"], 20) == ["a" * 19 + "…", "a" * 19 + "… (2)"]


def _hostile_plan() -> Project:
    return Project.model_validate({
        "info": {"name": LINK, "owner": BOLD},
        "timeline": {
            "activities": [
                {"name": LINK, "phase": "data", "start": "2025-01-01", "end": "2025-01-31", "owner": BOLD},
                {"name": BOLD + " " + "x" * 120, "phase": "modeling", "start": "2025-02-01", "end": "2025-02-28",
                 "owner": TEMPLATE, "depends_on": LINK},
                {"name": TEMPLATE, "start": "2025-03-01", "end": "2025-03-02"},
            ],
            "gates": [{"phase": "data", "due": "2025-02-01", "sign_off_owner": LINK}],
        },
    })


def test_the_timeline_shows_hostile_names_as_text() -> None:
    figure = timeline_figure(_hostile_plan().timeline)
    assert_no_live_markup(figure)
    ticks = list(figure.layout.yaxis.ticktext)
    assert "&lt;a href='https://evil.example'&gt;click&lt;/a&gt;" in ticks
    assert any(t.endswith("…") and len(t) < 80 for t in ticks)  # a long name is cut on the axis
    assert figure.layout.xaxis.title.text and figure.layout.yaxis.title.text


def _listed(name: str, owner: str, pid: str) -> ListedProject:
    summary = ProjectSummary(name=name, owner=owner, business_unit="=cmd|' /C calc'!A0",
                             completeness={"data": 0.5}, open_blockers=1, open_warnings=0, gates_passed=0)
    return ListedProject(pid, 3, False, datetime(2025, 5, 1, 12, 0, tzinfo=timezone.utc), summary)


def test_the_portfolio_heatmap_shows_names_not_ids_escaped_with_a_colour_blind_safe_scale() -> None:
    rows = [("a" * 32, _listed(LINK, BOLD, "a" * 32).summary), ("b" * 32, _listed(LINK, "x", "b" * 32).summary),
            ("c" * 32, _listed("Q" * 200, TEMPLATE, "c" * 32).summary)]
    figure = portfolio_heatmap(rows)
    assert_no_live_markup(figure)
    ticks = list(figure.layout.yaxis.ticktext)
    assert ticks[0] == label(LINK, 32) and ticks[1] == label(LINK, 32) + " (2)"  # equal names stay apart
    assert ticks[2] == "Q" * 31 + "…"
    assert not any("aaaa" in t for t in ticks)  # ids keep rows apart but are not what is shown
    assert figure.layout.xaxis.title.text == "Lifecycle phase" and figure.layout.yaxis.title.text == "Project"
    assert COLOUR_SCALE == "Cividis" and figure.data[0].colorscale[0][1] != "#c62828"


def test_the_charts_without_user_text_stay_as_they_were() -> None:
    project = _hostile_plan()
    for figure in (completeness_figure(project_progress(project)), maturity_figure(assess(project)),
                   readiness_figure(readiness(project))):
        assert "evil" not in "\n".join(strings(figure))


def _hostile_batches() -> tuple[Batch, Batch]:
    rows = 400

    def frame(shift: float) -> pd.DataFrame:
        return pd.DataFrame({
            LINK: [str(i % 50 + shift) for i in range(rows)],
            BOLD: [["<i>a</i>", TEMPLATE, "c&d"][i % 3] for i in range(rows)],
            "group": [[LINK, BOLD][i % 2] for i in range(rows)],
            "score": [str((i % 10) / 10) for i in range(rows)],
            "decision": [["approve", "decline"][(i // 2 + (i % 2) * int(shift)) % 2] for i in range(rows)],
            "defaulted": [str(i % 2) for i in range(rows)],
        }, dtype="string")

    return Batch("<b>ref</b>", frame(0)), Batch(LINK + ".csv", frame(30))


def test_every_diagnosis_chart_shows_hostile_columns_groups_and_files_as_text() -> None:
    reference, batch = _hostile_batches()
    analysis = analyse(reference, [batch], Roles(groups=("group",)))
    figures = [
        psi_figure(analysis.drift[batch.name]),
        distribution_figure(reference.frame, batch.frame, LINK, "numeric", reference.name, batch.name),
        distribution_figure(reference.frame, batch.frame, BOLD, "categorical", reference.name, batch.name),
        auc_figure(analysis),
        selection_rate_figure(analysis, "group"),
        disparate_impact_figure(analysis),
    ]
    for figure in figures:
        joined = "\n".join(strings(figure))
        assert "<a href" not in joined and "<b>" not in joined and "<i>a" not in joined
        for trace in figure.data:
            template = trace.hovertemplate or ""
            assert "evil" not in template and "<b>ref" not in template  # user text is data, not template


def test_a_categorical_distribution_with_thousands_of_values_draws_the_common_ones() -> None:
    values = pd.Series([f"v{i}" for i in range(5000)] * 2, dtype="string")
    frame = pd.DataFrame({"c": values})
    figure = distribution_figure(frame, frame, "c", "categorical", "ref", "batch")
    assert len(figure.data[0].x) == 30 and figure.data[0].x[-1] == "4,971 other categories"


# --- CSV formula injection -----------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_prefixed_with_a_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Churn model", "", "a=b", "'already", 5, -3.5, None])
def test_other_cells_are_unchanged(cell: object) -> None:
    assert neutralise(cell) == cell


def test_the_portfolio_csv_download_holds_no_live_formula() -> None:
    items = [_listed('=HYPERLINK("http://evil","click")', "@owner", "a" * 32), _listed("Plain", "-x", "b" * 32)]
    data = portfolio_csv(items)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["Project"] == "'=HYPERLINK(\"http://evil\",\"click\")" and rows[0]["Owner"] == "'@owner"
    assert rows[0]["Business unit"] == "'=cmd|' /C calc'!A0" and rows[1]["Owner"] == "'-x"
    assert rows[1]["Project"] == "Plain" and rows[1]["Version"] == "3" and rows[1]["Updated"] == "2025-05-01 12:00"
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


# --- the Hugging Face card -----------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "Loan\n---\nlicense: evil", "a: b # c", "'quoted' \"double\"", "- not a list", "yes", "1.5", "null",
    "line\u2028sep\x85next", "---", "{flow: map}", "tab\there",
])
def test_the_hugging_face_card_parses_back_equal_whatever_the_names(name: str) -> None:
    project = load_sample("loan")
    document = project.model_dump(mode="json")
    document["model_card"]["details"]["model_id"] = name
    document["info"]["name"] = name
    for row in document["model_card"]["quantitative"]["results"]:
        row["metric"], row["slice"] = name, name
    hostile = Project.model_validate(document)
    readme = hf_readme(hostile)
    metadata, body = split_front_matter(readme)
    assert metadata == hf_metadata(hostile)
    assert validate_hf_card(readme) == []
    assert body.lstrip().startswith("# Model Card for")


# --- plans at the date limits export --------------------------------------------------------------


def _edge_plan() -> Project:
    project = load_sample("loan").model_dump(mode="json")
    project["timeline"]["activities"][0].update(start="1900-01-01", end="2199-12-31")
    project["timeline"]["gates"][0]["due"] = "2199-12-31"
    project["problem_framing"]["gate"]["decided_on"] = "1900-01-01"
    return Project.model_validate(project)


def test_a_plan_spanning_the_whole_date_range_draws_and_exports(tmp_path: Path) -> None:
    project = _edge_plan()
    figure = timeline_figure(project.timeline)
    assert figure.to_json()
    data = map_pdf(project)
    assert len(PdfReader(io.BytesIO(data)).pages) > 3
    if shutil.which("pdftoppm"):
        path = tmp_path / "map.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True, timeout=120)
        assert list(tmp_path.glob("page*.png"))


def test_markdown_exports_keep_fences_strikes_tables_and_line_breaks_of_names_as_text() -> None:
    from lifecycle.handoff.markdown import md_line, md_text

    assert md_text("x\n~~~\ncode") == "x  \n\\~\\~\\~  \ncode"  # no code fence opens
    assert md_text("~~gone~~") == "\\~\\~gone\\~\\~"
    assert md_text("a | b\n--- | ---") == "a \\| b  \n--- \\| ---"  # the pipes escaped: no table
    assert md_line("Churn\n# Injected heading") == "Churn # Injected heading"  # one line: no heading starts
