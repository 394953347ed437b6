"""Autosave: a project reopens from its link, and two sessions never silently overwrite each other."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.store import ProjectStore

from .conftest import APP, answer, widget


def session(pid: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if pid:
        at.query_params["pid"] = pid
    at.run()
    assert not at.exception
    return at


def test_a_new_session_with_the_link_reopens_the_project(project_store: str) -> None:
    first = session()
    widget(first, "text_input", "info.name").input("Fraud triage").run()
    first.switch_page("pages/data.py").run()
    widget(first, "text_area", "data.label_source").input("Chargebacks from the card ledger").run()
    pid = first.session_state["project_id"]

    reopened = session(pid)  # a refresh is a new session with the same URL
    assert answer(reopened, "info", "name") == "Fraud triage"
    reopened.switch_page("pages/data.py").run()
    assert widget(reopened, "text_area", "data.label_source").value == "Chargebacks from the card ledger"
    assert reopened.session_state["project_version"] == ProjectStore(project_store).version(pid)


def test_a_link_to_a_deleted_project_starts_fresh_with_a_message(project_store: str) -> None:
    at = session("doesnotexist")
    assert answer(at, "info", "name") == ""
    assert any("no longer exists" in t.proto.body for t in at.get("toast"))


def test_the_second_writer_is_told_and_keeps_their_input(project_store: str) -> None:
    alice = session()
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    pid = alice.session_state["project_id"]
    bob = session(pid)

    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(bob, "text_input", "info.owner").input("Bob").run()

    assert "Someone else saved this project" in " ".join(e.value for e in bob.error)
    assert answer(bob, "info", "owner") == "Bob"  # kept on screen
    assert widget(bob, "text_input", "info.owner").value == "Bob"
    assert ProjectStore(project_store).get(pid).project.info.owner == "Alice"  # not overwritten

    bob.button(key="conflict-overwrite").click().run()
    assert not bob.error
    assert ProjectStore(project_store).get(pid).project.info.owner == "Bob"


def test_the_second_writer_can_take_the_saved_version_instead(project_store: str) -> None:
    alice = session()
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    bob = session(alice.session_state["project_id"])
    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(bob, "text_input", "info.team").input("Bob's team").run()
    bob.button(key="conflict-reload").click().run()
    assert not bob.error
    assert answer(bob, "info", "owner") == "Alice" and answer(bob, "info", "team") == ""
    widget(bob, "text_input", "info.team").input("Both teams").run()  # saving works again
    assert ProjectStore(project_store).get(bob.session_state["project_id"]).project.info.team == "Both teams"
