"""The Plan page: activities and gates as editable tables with date columns, the gate summary, the Gantt chart."""

from __future__ import annotations

import datetime as dt
import json

from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample

PLAN = "pages/timeline.py"


def test_a_new_project_shows_empty_tables_and_how_to_get_a_chart(at: AppTest) -> None:
    at.switch_page(PLAN).run()
    assert not at.exception
    assert at.title[0].value == "Plan and timeline"
    assert len([d for d in at.dataframe if "#" in d.value.columns]) == 2  # activities and gates
    assert at.info and "to see the chart" in at.info[0].value
    assert not at.get("plotly_chart")


def test_a_sample_plan_shows_dates_as_dates_the_gate_deliverables_and_the_chart(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page(PLAN).run()
    assert not at.exception
    loan = load_sample("loan")
    activities, gates = (d.value for d in at.dataframe if "#" in d.value.columns)
    first = activities.iloc[0]
    assert first.iloc[1] == loan.timeline.activities[0].name
    assert "2024-11-18" in first.tolist() and loan.timeline.activities[0].end.isoformat() in first.tolist()
    assert len(gates) == len(loan.timeline.gates)
    summary = next(d.value for d in at.dataframe if "Deliverable" in d.value.columns)
    assert list(summary["Deliverable"])[1] == "Data acquisition plan"
    assert list(summary["Decision on record"])[0] == "Go: move to the next phase"
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    assert figure["layout"]["xaxis"]["title"]["text"] == "Date"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Activity"
    assert any(trace.get("marker", {}).get("symbol") == "diamond" for trace in figure["data"])
    assert not at.warning  # the sample plan is consistent: nothing starts before what it waits for
    assert any("waits for" in e.label or "Dependencies" in e.label for e in at.expander)


def test_the_plan_is_reached_from_the_canvas_and_back(at: AppTest) -> None:
    at.switch_page(PLAN).run()
    assert "See the whole plan on the canvas" in [button.label for button in at.button]
