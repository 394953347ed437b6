"""A scenario opened with the plain "Open" button shows its brief too: folded, with the way into practice,
kept across reruns and page switches; a blank or uploaded project shows none."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.model import Project
from lifecycle.practice import load_brief
from lifecycle.storage import dump_project

FOLDED = "Scenario brief: "


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return " ".join(parts).replace("\\", "")


def _folded(at: AppTest) -> list[str]:
    return [e.label.replace("\\", "") for e in at.expander if e.label.startswith(FOLDED)]


def test_opening_a_scenario_shows_its_brief_folded_with_the_checks_still_shown(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    assert not at.exception
    brief = load_brief("loan")
    assert _folded(at) == [f"{FOLDED}{brief.title} (Intermediate · about {brief.minutes} minutes)"]
    shown = _texts(at)
    assert brief.situation[:60] in shown and brief.task[:60] in shown
    assert all(item in shown for item in brief.hand_in)
    assert at.session_state["project"]["practice"] == {**at.session_state["project"]["practice"],
                                                       "scenario": "loan", "active": False}
    assert any("blocking findings" in b.label for b in at.sidebar.button)  # practice stays off: the checks show


def test_the_brief_stays_after_a_rerun_and_a_page_switch(at: AppTest) -> None:
    at.button(key="open-sample-churn").click().run()
    at.run()
    at.switch_page("pages/data.py").run()
    at.switch_page("pages/home.py").run()
    assert not at.exception
    assert _folded(at) == [f"{FOLDED}{load_brief('churn').title} (Beginner · about 30 minutes)"]


def test_practising_from_the_folded_brief_opens_a_fresh_copy_with_the_checks_hidden(at: AppTest) -> None:
    at.button(key="open-sample-recommendation").click().run()
    at.button(key="home:practise").click().run()
    assert not at.exception
    practice = at.session_state["project"]["practice"]
    assert (practice["scenario"], practice["active"]) == ("recommendation", True)
    assert not _folded(at)  # practising: the brief is shown in full
    assert f"Your brief: {load_brief('recommendation').title}" in _texts(at)
    assert not any("blocking findings" in b.label for b in at.sidebar.button)


def test_a_new_or_uploaded_project_shows_no_brief(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.button(key="new-project").click().run()
    assert not at.exception
    assert not _folded(at) and "Your brief" not in _texts(at)
    assert at.session_state["project"]["practice"]["scenario"] == ""

    at.button(key="open-sample-loan").click().run()
    assert _folded(at)
    own = Project.model_validate({"info": {"name": "From disk", "owner": "Sam"}})
    at.file_uploader(key="project_upload").upload("mine.yaml", dump_project(own, "yaml").encode()).run()
    assert not at.exception
    assert at.session_state["project"]["info"]["name"] == "From disk"
    assert not _folded(at) and "Your brief" not in _texts(at)
