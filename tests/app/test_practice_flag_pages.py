"""In practice mode the learner flags on the Plan, the Data Sheet, the Model Card and the risk screening as on
a phase page; with practice off those pages show no flag control."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample

PAGES = {"timeline": "pages/timeline.py", "datasheet": "pages/datasheet.py", "model_card": "pages/model_card.py"}


def _texts(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def _picker(at: AppTest, area: str):
    return [s for s in at.selectbox if s.key and s.key.endswith(f":{area}:target")]


def _flag(at: AppTest, area: str, target: tuple[str, str], reason: str) -> AppTest:
    (picker,) = _picker(at, area)
    picker.set_value(target)
    next(t for t in at.text_input if t.key and t.key.endswith(f":{area}:reason")).input(reason)
    at.button(key=f"flag:{area}:add").click().run()
    assert not at.exception
    return at


def _practise(at: AppTest) -> AppTest:
    at.button(key="practise-sample-loan").click().run()
    assert not at.exception
    return at


LOAN = load_sample("loan")
CASES = {
    "timeline": (("timeline.gates", LOAN.timeline.gates[4].row_id), "Stage-gate milestones, row 5: Monitoring"),
    "datasheet": (("datasheet.composition.relationships", ""), "2. Composition: "),
    "model_card": (("model_card.evaluation_data.evaluation_dataset", ""), "5. Evaluation data: "),
}


@pytest.mark.parametrize("area", list(PAGES))
def test_in_practice_mode_a_document_page_flags_an_answer_or_row_and_lists_it(at: AppTest, area: str) -> None:
    _practise(at)
    at.switch_page(PAGES[area]).run()
    assert not at.exception
    target, label = CASES[area]
    _flag(at, area, target, "This is where the plan goes wrong")
    (flag,) = at.session_state["project"]["practice"]["flags"]
    assert (flag["field"], flag["flagged_row"], flag["reason"]) == (*target, "This is where the plan goes wrong")
    shown = _texts(at)
    assert "1 flagged on this page" in shown
    assert label in shown and "This is where the plan goes wrong" in shown

    at.switch_page("pages/practice.py").run()
    assert label in _texts(at)  # the Practice page names it as the picker did


def test_the_risk_screening_is_flagged_from_the_problem_framing_panel(at: AppTest) -> None:
    _practise(at)
    at.switch_page("pages/problem_framing.py").run()
    _flag(at, "problem_framing", ("ai_act.screening.profiles_natural_persons", ""), "Profiling is the point")
    assert [f["field"] for f in at.session_state["project"]["practice"]["flags"]] == [
        "ai_act.screening.profiles_natural_persons"]
    assert "EU AI Act screening: " in _texts(at)


def test_flags_on_the_plan_and_the_model_card_score_as_found_gaps(at: AppTest) -> None:
    _practise(at)
    at.switch_page(PAGES["timeline"]).run()
    _flag(at, "timeline", CASES["timeline"][0], "The monitoring gate signs its own dashboards")
    at.switch_page(PAGES["model_card"]).run()
    _flag(at, "model_card", CASES["model_card"][0], "A random split on loans over time")
    at.switch_page("pages/practice.py").run()
    at.button(key="practice:submit").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Found"] == "2 of 11" and metrics["False flags"] == "0"
    assert at.session_state["project"]["practice"]["attempts"][-1]["found_gaps"] == ["LN05", "LN11"]


@pytest.mark.parametrize("area", list(PAGES))
def test_with_practice_off_the_pages_have_no_flag_control(at: AppTest, area: str) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page(PAGES[area]).run()
    assert not at.exception
    assert _picker(at, area) == []
    assert "Practice mode: flag what is wrong" not in _texts(at)


@pytest.mark.parametrize("area", ["datasheet", "model_card"])
def test_a_document_page_in_practice_mode_hides_how_complete_each_section_is(at: AppTest, area: str) -> None:
    _practise(at)
    at.switch_page(PAGES[area]).run()
    captions = " ".join(c.value for c in at.caption)
    assert not at.get("progress") and " answered." not in captions  # 'Maintenance: 6 of 9' would point at a gap
    assert "how complete each section is stays hidden" in captions
    at.session_state["project"]["practice"]["active"] = False  # fixing the plan: the figures are back
    at.run()
    assert at.get("progress") and " answered." in " ".join(c.value for c in at.caption)
