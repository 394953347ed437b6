"""The overview page: opening samples and files, saving, the completeness chart."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.model import Project
from lifecycle.samples import samples
from lifecycle.storage import dump_project, project_document
from lifecycle.store import ProjectStore

from .conftest import APP, answer, shown_table, widget


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    return at.file_uploader(key="project_upload").upload(name, content).run()


def error_text(at: AppTest) -> str:
    """Error messages as the user reads them (markdown escapes removed)."""
    return " ".join(e.value for e in at.error).replace("\\", "")


def test_overview_offers_every_bundled_sample_in_one_click(at: AppTest) -> None:
    keys = [s.key for s in samples()]
    assert keys == ["churn", "recommendation", "loan"]
    for key in keys:
        at.button(key=f"open-sample-{key}").click().run()
        assert not at.exception
        assert answer(at, "info", "name") == samples()[keys.index(key)].load().info.name
        assert at.session_state["project_source"].startswith("the ")


def test_opened_sample_fills_the_phase_forms(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    loan = samples()[2].load()
    at.switch_page("pages/problem_framing.py").run()
    assert widget(at, "text_area", "problem_framing.problem_statement").value == loan.problem_framing.problem_statement
    at.switch_page("pages/data.py").run()
    assert shown_table(at, "Feature *")["Feature *"].tolist() == [f.name for f in loan.data.features]


def test_typed_answers_are_stored_so_opening_another_project_loses_nothing(at: AppTest, project_store) -> None:
    widget(at, "text_input", "info.name").input("My own project").run()
    pid = at.session_state["project_id"]
    assert pid and pid in str(at.query_params["pid"])  # the id is in the address bar
    at.button(key="open-sample-churn").click().run()
    assert not at.warning  # nothing to lose: no question asked
    assert answer(at, "info", "name") == samples()[0].load().info.name
    assert ProjectStore(project_store).get(pid).project.info.name == "My own project"


def test_when_saving_fails_the_answers_stay_and_replacing_asks_first(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LIFECYCLE_STORE_URL", f"sqlite:///{tmp_path}")  # a directory: the database cannot open
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    widget(at, "text_input", "info.name").input("Unsaved work").run()
    assert not at.exception
    assert "could not be saved" in " ".join(w.value for w in at.warning)
    assert answer(at, "info", "name") == "Unsaved work"
    at.button(key="open-sample-churn").click().run()
    assert answer(at, "info", "name") == "Unsaved work"
    assert "not saved" in " ".join(w.value for w in at.warning)
    at.button(key="cancel-replace").click().run()
    assert answer(at, "info", "name") == "Unsaved work"
    at.button(key="open-sample-churn").click().run()
    at.button(key="confirm-replace").click().run()
    assert answer(at, "info", "name") == samples()[0].load().info.name


def test_a_good_file_opens_and_replaces_a_clean_project(at: AppTest) -> None:
    project = Project.model_validate({"info": {"name": "From disk", "owner": "Sam"}, "data": {"labelled_examples": 42}})
    upload(at, "mine.json", dump_project(project, "json").encode())
    assert not at.exception and not at.error
    assert answer(at, "info", "name") == "From disk"
    assert answer(at, "data", "labelled_examples") == 42


BAD_FILES = {
    "truncated YAML": ("cut.yaml", b"info:\n  name: 'never closed\n  owner: x\n", "invalid YAML"),
    "wrong types": ("types.yaml", b"data:\n  labelled_examples: many\n", "data.labelled_examples"),
    "unknown keys": ("keys.yaml", b"info:\n  colour: blue\n", "info.colour: unknown field"),
    "50 MB file": ("huge.yaml", b" " * (50 * 1024 * 1024), "50.0 MB"),
    "binary garbage": ("blob.yaml", bytes(range(256)) * 64, "binary file"),
    "not UTF-8": ("latin.yaml", "info:\n  name: Café\n".encode("latin-1"), "UTF-8"),
    "a list": ("list.json", b"[1, 2, 3]", "a list"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_explained_and_the_open_project_is_kept(at: AppTest, case: str) -> None:
    name, content, expected = BAD_FILES[case]
    widget(at, "text_input", "info.name").input("Work in progress").run()
    before = json.dumps(at.session_state["project"], sort_keys=True)
    upload(at, name, content)
    assert not at.exception
    message = error_text(at)
    assert "Could not open" in message and "the open project is unchanged" in message
    assert expected in message
    assert json.dumps(at.session_state["project"], sort_keys=True) == before
    assert widget(at, "text_input", "info.name").value == "Work in progress"


def test_file_names_are_shown_as_text_not_markdown(at: AppTest) -> None:
    upload(at, "[click me](http://evil.example).yaml", b"info: [")
    message = " ".join(e.value for e in at.error)
    assert "\\[click me\\]" in message  # escaped, so it renders literally instead of as a link


def test_downloading_marks_the_project_saved(at: AppTest) -> None:
    # The file contents are checked in the browser test, which really downloads them.
    widget(at, "text_input", "info.name").input("Fraud 2027 / v2").run()
    assert [b.label for b in at.download_button] == ["Download YAML", "Download JSON"]
    at.download_button[0].click().run()
    at.button(key="open-sample-loan").click().run()  # nothing unsaved: opens without asking
    assert not at.warning and answer(at, "info", "name") == samples()[2].load().info.name


def test_completeness_chart_has_a_bar_per_phase_and_axis_titles(at: AppTest) -> None:
    at.button(key="open-sample-churn").click().run()
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    bar = figure["data"][0]
    assert bar["x"] == ["Problem Framing", "Data", "Modeling & Evaluation", "Deployment", "Monitoring"]
    assert all(0 <= y <= 100 for y in bar["y"]) and max(bar["y"]) > 0
    assert figure["layout"]["xaxis"]["title"]["text"] == "Lifecycle phase"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Gate answers given (%)"


def test_sidebar_shows_the_open_project_and_phase_progress() -> None:
    # AppTest (1.67) drops sidebar elements from its tree on reruns of an st.navigation app,
    # though the browser shows them; so the state is prepared before the first run instead.
    at = AppTest.from_file(APP, default_timeout=60)
    project = Project.model_validate({"info": {"name": "Side project"}, "monitoring": {"alert_owner": "Li"}})
    at.session_state["project"] = project_document(project)
    at.session_state["project_clean"] = 0  # saved: the revision last stored
    at.session_state["project_source"] = "side.yaml"
    at.session_state["project_epoch"] = 1
    at.session_state["field_errors"] = {}
    at.session_state["project_id"] = "0123abcd"
    at.session_state["project_version"] = 3
    at.run()
    assert not at.exception
    assert "Side project" in [t.value for t in at.sidebar.get("text")]
    bars = [bar.proto.text for bar in at.sidebar.get("progress")]
    assert len(bars) == 5 and bars[-1] == "Monitoring: 1/8"
    assert "saved automatically · version 3" in " ".join(c.value for c in at.sidebar.caption)
    label = " ".join(button.label for button in at.sidebar.button)
    assert "blocking findings" in label
    assert "answers still needed at the stage gates" in " ".join(c.value for c in at.sidebar.caption)
