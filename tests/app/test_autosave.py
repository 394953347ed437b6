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


def test_edits_of_different_answers_by_two_sessions_are_merged_without_a_question(project_store: str) -> None:
    alice = session()
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    pid = alice.session_state["project_id"]
    bob = session(pid)
    bob.switch_page("pages/deployment.py").run()

    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(bob, "text_input", "deployment.serving_environment").input("Kubernetes, eu-west").run()  # a stale save

    assert not bob.error
    stored = ProjectStore(project_store).get(pid)
    assert stored.project.info.owner == "Alice" and stored.project.deployment.serving_environment == "Kubernetes, eu-west"
    assert answer(bob, "info", "owner") == "Alice"  # Bob's session continues from the merged version
    assert bob.session_state["project_version"] == stored.version
    widget(alice, "text_input", "info.team").input("Risk").run()  # and Alice's next save merges too
    assert not alice.error
    assert ProjectStore(project_store).get(pid).project.deployment.serving_environment == "Kubernetes, eu-west"


def _both_change_the_owner(project_store: str) -> tuple[AppTest, str]:
    alice = session()
    widget(alice, "text_input", "info.name").input("Shared plan").run()
    pid = alice.session_state["project_id"]
    bob = session(pid)
    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(bob, "text_input", "info.team").input("Bob's team").run()  # merged silently: Bob is now up to date
    widget(bob, "text_area", "info.summary").input("Scores loan applications").run()  # merged silently too
    widget(alice, "text_input", "info.owner").input("Alice Martin").run()
    widget(bob, "text_input", "info.owner").input("Bob").run()  # Bob has not seen "Alice Martin"
    return bob, pid


def test_the_same_answer_changed_by_both_is_one_conflict_and_the_rest_is_kept(project_store: str) -> None:
    bob, pid = _both_change_the_owner(project_store)
    text = " ".join(e.value for e in bob.error)
    assert "Someone else changed 1 of the answers you changed" in text
    assert [b.label for b in bob.button if b.key and b.key.startswith("conflict-")] == ["Keep mine", "Keep theirs"]
    shown = [t.value for t in bob.text]
    assert "Bob" in shown and "Alice Martin" in shown  # side by side
    assert answer(bob, "info", "owner") == "Bob"  # kept on screen
    assert ProjectStore(project_store).get(pid).project.info.owner == "Alice Martin"  # nothing saved over it

    bob.button(key="conflict-mine:info.owner").click().run()
    assert not bob.error
    stored = ProjectStore(project_store).get(pid).project
    assert stored.info.owner == "Bob" and stored.info.summary == "Scores loan applications"
    assert stored.info.team == "Bob's team"
    assert any("Your choices were saved" in t.proto.body for t in bob.get("toast"))


def test_keeping_theirs_takes_their_answer_and_saves_mine_elsewhere(project_store: str) -> None:
    bob, pid = _both_change_the_owner(project_store)
    bob.button(key="conflict-theirs:info.owner").click().run()
    assert not bob.error
    assert answer(bob, "info", "owner") == "Alice Martin"
    assert widget(bob, "text_input", "info.owner").value == "Alice Martin"
    stored = ProjectStore(project_store).get(pid).project
    assert stored.info.owner == "Alice Martin" and stored.info.summary == "Scores loan applications"
