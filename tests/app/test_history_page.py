"""The History page: versions with who and what, a diff of two versions, restore, changed since sign-off."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from lifecycle.collab.history import diff
from lifecycle.gates import sign_off
from lifecycle.model import Project, ProjectInfo
from lifecycle.store import ProjectStore

from .conftest import APP, answer, widget


def table(at: AppTest, first_column: str):  # type: ignore[no-untyped-def]
    """The first table shown whose columns start with ``first_column`` and ``second``."""
    matches = [d.value for d in at.dataframe if first_column in list(d.value.columns)]
    assert matches, f"no table with a column {first_column!r}"
    return matches[0]


def open_history(pid: str | None = None, name: str = "Alice") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as"] = name
    if pid:
        at.query_params["pid"] = pid
    at.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    return at


def test_an_unsaved_project_has_no_history_yet(project_store: str) -> None:
    at = open_history()
    assert "not saved yet" in at.info[0].value


def test_versions_are_listed_with_who_saved_them_and_what_changed(project_store: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as"] = "Alice"
    at.run()
    widget(at, "text_input", "info.name").input("Fraud plan").run()
    widget(at, "text_input", "info.owner").input("Alice").run()
    pid = at.session_state["project_id"]

    history = open_history(pid, name="Bob")
    versions = table(history, "By")
    assert list(versions["Version"]) == [2, 1]
    assert list(versions["By"]) == ["Alice", "Alice"]
    assert list(versions["What changed"]) == ["Overview › Project owner", "Created"]
    changes = table(history, "Change")  # newest against the one before, by default
    assert list(changes["What"]) == ["Overview › Project owner"]
    assert list(changes["After"]) == ["Alice"]
    assert [m.label for m in history.metric][:3] == ["Readiness", "Findings opened", "Findings closed"]
    store = ProjectStore(project_store)
    expected = diff(store.get_version(pid, 1), store.get_version(pid, 2))  # the page agrees with the review
    assert history.metric[0].value == f"{expected.readiness_after}/100"
    assert [history.metric[1].value, history.metric[2].value] == [
        str(len(expected.findings_opened)), str(len(expected.findings_closed))
    ]


def test_restoring_an_old_version_saves_it_as_the_newest(project_store: str) -> None:
    store = ProjectStore(project_store)
    pid = store.create(Project(info=ProjectInfo(name="Plan", owner="Ana")), by="Ana").id
    store.save(pid, Project(info=ProjectInfo(name="Plan", owner="Someone else")), expected_version=1, by="Bob")

    at = open_history(pid, name="Carol")
    at.selectbox(key="history-restore").set_value(1).run()
    at.button(key="history-restore-button").click().run()
    assert not at.exception
    assert answer(at, "info", "owner") == "Ana"
    assert [(v.version, v.saved_by) for v in store.versions(pid)] == [(1, "Ana"), (2, "Bob"), (3, "Carol")]
    assert store.get(pid).project.info.owner == "Ana"
    assert any("Version 1 was restored as version 3" in t.proto.body for t in at.get("toast"))


def test_a_gate_whose_answers_changed_since_sign_off_is_flagged(project_store: str) -> None:
    store = ProjectStore(project_store)
    plan = Project(info=ProjectInfo(name="Plan", owner="Ana"))
    plan.problem_framing.problem_statement = "Fraud costs too much."
    pid = store.create(plan, by="Ana").id
    signed = sign_off(plan, "problem_framing", "Ana", date(2026, 3, 1), findings=[])
    store.save(pid, signed, expected_version=1, by="Ana")
    at = open_history(pid)
    assert not [w for w in at.warning if "changed since sign-off" in w.value]

    edited = signed.model_copy(deep=True)
    edited.problem_framing.problem_statement = "Fraud costs €2M a year."
    store.save(pid, edited, expected_version=2, by="Bob")
    at = open_history(pid)
    (warning,) = [w.value for w in at.warning if "changed since sign-off" in w.value]
    assert "Problem Framing gate: changed since sign-off. Ana signed it in version 2" in warning


def test_the_phase_page_says_its_signed_gate_changed_since_sign_off(project_store: str) -> None:
    store = ProjectStore(project_store)
    plan = Project(info=ProjectInfo(name="Plan", owner="Ana"))
    plan.problem_framing.problem_statement = "Fraud costs too much."
    pid = store.create(plan, by="Ana").id
    store.save(pid, sign_off(plan, "problem_framing", "Ana", date(2026, 3, 1), findings=[]), expected_version=1, by="Ana")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"pid": pid, "as": "Bob"})
    at.run()
    at.switch_page("pages/problem_framing.py").run()
    assert not [w for w in at.warning if "changed since sign-off" in w.value]
    widget(at, "text_area", "problem_framing.problem_statement").input("Fraud costs €2M a year.").run()
    (warning,) = [w.value for w in at.warning if "changed since sign-off" in w.value]
    assert "Ana signed it in version 2; 1 of its answers changed since" in warning


def test_the_sign_off_name_starts_as_the_sessions_display_name(project_store: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as"] = "Dana"
    at.run()
    at.switch_page("pages/problem_framing.py").run()
    (field,) = [w for w in at.text_input if w.key and w.key.startswith("signoff:") and w.key.endswith(":by")]
    assert field.value == "Dana"
