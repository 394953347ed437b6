"""The Maturity page: levels, the radar chart, pre-answers shown as such, answers kept across pages,
and a way back from an override to the pre-answer."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from .conftest import answer, widget

PAGE = "pages/maturity.py"


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption).replace("\\", "")


def test_a_blank_project_is_at_level_zero_with_a_chart_and_twenty_statements(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "MLOps maturity"
    assert _metrics(at) == {"Google level": "0 of 2", "Microsoft level": "0 of 4", "Statements that hold": "0%"}
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    assert figure["data"][0]["type"] == "scatterpolar"
    assert "Share of maturity statements" in figure["layout"]["title"]["text"]
    assert len([w for w in at.selectbox if w.key.startswith("q:") and ":maturity." in w.key]) == 20


def test_an_answer_survives_leaving_and_returning(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    widget(at, "selectbox", "maturity.training.experiment_tracking").select("met").run()
    at.switch_page("pages/monitoring.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert widget(at, "selectbox", "maturity.training.experiment_tracking").value == "met"
    assert answer(at, "maturity", "training", "experiment_tracking") == "met"


def test_a_sample_shows_its_levels_and_pre_answers(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert _metrics(at)["Google level"] == "0 of 2" and _metrics(at)["Microsoft level"] == "1 of 4"
    headings = " ".join(m.value for m in at.markdown)
    assert "Level 0 of 2: Manual process" in headings and "Level 1 of 4: DevOps but no MLOps" in headings
    captions = _captions(at)
    assert "Pre-answered: No] from 5. Monitoring: the retraining trigger is 'Ad hoc" in captions
    assert "Your answer overrides the pre-answer (Partly)" in captions


def test_using_the_pre_answer_clears_the_override(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page(PAGE).run()
    at.button(key="maturity:clear:release.automated_quality_gate").click().run()
    assert not at.exception
    assert answer(at, "maturity", "release", "automated_quality_gate") is None
    assert widget(at, "selectbox", "maturity.release.automated_quality_gate").value is None
    assert "Pre-answered: Partly] from 4. Deployment" in _captions(at)
