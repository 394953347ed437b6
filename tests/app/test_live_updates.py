"""Live updates: what another session saved reaches an open session without a reload; who else is here."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import APP, answer, widget


def session(pid: str | None = None, name: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if pid:
        at.query_params["pid"] = pid
    if name:
        at.query_params["as"] = name
    at.run()
    assert not at.exception
    return at


def test_an_open_session_takes_what_another_saved_without_disturbing_other_answers(project_store: str) -> None:
    alice = session(name="Alice")
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    bob = session(alice.session_state["project_id"], name="Bob")
    bob.switch_page("pages/data.py").run()
    bob_version = bob.session_state["project_version"]

    alice.switch_page("pages/data.py").run()
    widget(alice, "text_area", "data.label_source").input("Chargebacks").run()
    bob.run()  # what the poll does every few seconds: nothing typed, nothing clicked
    assert answer(bob, "data", "label_source") == "Chargebacks"
    assert widget(bob, "text_area", "data.label_source").value == "Chargebacks"
    assert bob.session_state["project_version"] == bob_version + 1
    assert not bob.error


def test_an_unsaved_session_is_not_overwritten_by_the_poll(project_store: str) -> None:
    alice = session(name="Alice")
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    pid = alice.session_state["project_id"]
    bob = session(pid, name="Bob")
    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(alice, "text_input", "info.team").input("Risk").run()
    widget(bob, "text_input", "info.owner").input("Bob").run()  # a conflict: Bob's answer waits for his choice
    bob.run()
    assert answer(bob, "info", "owner") == "Bob"  # the poll leaves a pending conflict alone
    assert answer(bob, "info", "team") == ""


def test_others_on_the_project_are_listed_with_their_page(project_store: str) -> None:
    alice = session(name="Alice")
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    alice.switch_page("pages/data.py").run()
    bob = session(alice.session_state["project_id"], name="Bob")
    assert "Also here: Alice (2\\. Data)" in [c.value for c in bob.sidebar.caption]  # escaped markdown
