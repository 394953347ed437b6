"""Every phase page: answers typed on a page are still there after walking to another page and back."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.phases import PHASES
from lifecycle.questions import questions_of

from .conftest import answer, row_picker, shown_table, widget


def page(phase_key: str) -> str:
    return f"pages/{phase_key}.py"


@pytest.mark.parametrize("phase", PHASES, ids=[p.key for p in PHASES])
def test_page_shows_phase_decision_and_deliverable(at: AppTest, phase) -> None:
    at.switch_page(page(phase.key)).run()
    assert not at.exception
    assert at.title[0].value == f"{phase.number}. {phase.title}"
    text = " ".join(m.value for m in at.markdown)
    assert phase.critical_decision in text and phase.deliverable in text
    # every question of the phase has a widget: count the keyed ones bound to this phase
    keys = {w.key for kind in ("text_input", "text_area", "selectbox", "multiselect", "number_input",
                                 "segmented_control", "date_input") for w in getattr(at, kind) if w.key}
    expected = [q for q in questions_of(phase.section) if q.kind != "table"]
    for question in expected:
        assert any(k.endswith(f":{phase.key}.{question.name}") for k in keys), question.name
    tables = [q for q in questions_of(phase.section) if q.kind == "table"]
    assert len(at.dataframe) == len(tables)  # each table is shown, with its row editor below
    for table in tables:
        assert row_picker(at, f"{phase.key}.{table.name}")


@pytest.mark.parametrize("phase", PHASES, ids=[p.key for p in PHASES])
def test_text_answer_survives_leaving_and_returning(at: AppTest, phase) -> None:
    question = next(q for q in questions_of(phase.section) if q.kind == "long_text")
    path = f"{phase.key}.{question.name}"
    at.switch_page(page(phase.key)).run()
    widget(at, "text_area", path).input("Ünïcödé answer — “quoted”, 😀").run()
    other = PHASES[(PHASES.index(phase) + 1) % len(PHASES)]
    at.switch_page(page(other.key)).run()
    at.switch_page("pages/home.py").run()
    at.switch_page(page(phase.key)).run()
    assert not at.exception
    assert widget(at, "text_area", path).value == "Ünïcödé answer — “quoted”, 😀"
    assert answer(at, phase.key, question.name) == "Ünïcödé answer — “quoted”, 😀"


def test_choice_flag_number_multichoice_and_date_answers_are_kept(at: AppTest) -> None:
    at.switch_page(page("modeling")).run()
    widget(at, "selectbox", "modeling.evaluation_split").select("temporal").run()
    widget(at, "segmented_control", "modeling.calibration_checked").set_value("Yes").run()
    widget(at, "number_input", "modeling.filter_holdout_percent").set_value(2.5).run()
    widget(at, "multiselect", "modeling.human_evaluation").select("crowd_raters").run()
    widget(at, "date_input", "modeling.gate.decided_on").set_value(__import__("datetime").date(2026, 5, 4)).run()
    at.switch_page(page("data")).run()
    at.switch_page(page("modeling")).run()
    assert not at.exception
    assert widget(at, "selectbox", "modeling.evaluation_split").value == "temporal"
    assert widget(at, "segmented_control", "modeling.calibration_checked").value == "Yes"
    assert widget(at, "number_input", "modeling.filter_holdout_percent").value == 2.5
    assert widget(at, "multiselect", "modeling.human_evaluation").value == ["crowd_raters"]
    gate = answer(at, "modeling", "gate")
    assert gate["decided_on"] == "2026-05-04"
    assert answer(at, "modeling", "evaluation_split") == "temporal"
    assert answer(at, "modeling", "calibration_checked") is True
    assert answer(at, "modeling", "human_evaluation") == ["crowd_raters"]


def test_clearing_a_flag_returns_it_to_not_answered(at: AppTest) -> None:
    at.switch_page(page("data")).run()
    widget(at, "segmented_control", "data.time_ordered").set_value("No").run()
    assert answer(at, "data", "time_ordered") is False
    widget(at, "segmented_control", "data.time_ordered").set_value(None).run()
    assert answer(at, "data", "time_ordered") is None


def test_progress_follows_answers(at: AppTest) -> None:
    at.switch_page(page("monitoring")).run()
    before = at.main.get("progress")[0].proto.text
    widget(at, "text_input", "monitoring.alert_owner").input("ML on-call rota").run()
    after = at.main.get("progress")[0].proto.text
    assert before.startswith("0 of ") and after.startswith("1 of ")


def test_previous_and_next_links_walk_the_phases_in_order(at: AppTest) -> None:
    for index, phase in enumerate(PHASES):
        at.switch_page(page(phase.key)).run()
        links = [button.label for button in at.main.button]
        assert links.count(f"Next: {PHASES[index + 1].title}" if index + 1 < len(PHASES) else
                           "Done: back to the overview") == 2  # at the top and at the bottom
        if index > 0:
            assert f"Previous: {PHASES[index - 1].title}" in links
        if index + 1 < len(PHASES):
            assert f"Next: {PHASES[index + 1].title}" in links
        else:
            assert "Done: back to the overview" in links


def test_table_rows_are_shown_with_labels_people_read(at: AppTest) -> None:
    at.session_state["project"]["data"]["sources"] = [
        {"name": "crm.accounts", "owner": "CRM team", "kind": "internal", "refresh": "daily", "contains_pii": True,
         "versioned": None}
    ]
    at.switch_page(page("data")).run()
    shown = shown_table(at, "Source *")
    assert shown.iloc[0].tolist() == ["1", "crm.accounts", "CRM team", "Internal system", "Daily", "Yes", ""]


def test_next_saves_the_answer_and_opens_the_next_phase_in_one_click(at: AppTest) -> None:
    # AppTest does not follow a page switch made by the script; the browser journeys do. Here: one click
    # both keeps the answer typed just before it and asks for the next page.
    at.switch_page(page("problem_framing")).run()
    widget(at, "text_area", "problem_framing.problem_statement").set_value("Churn is rising.")
    with patch("streamlit.switch_page") as switch:
        next(b for b in at.main.button if b.label == "Next: Data").click().run()
    assert not at.exception
    assert switch.call_args.args == ("pages/data.py",)
    assert answer(at, "problem_framing", "problem_statement") == "Churn is rising."
