"""A display name per browser session: asked once in the sidebar, kept across a refresh, recorded on saves."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.store import ProjectStore

from .conftest import APP, widget


def name_field(at: AppTest):  # type: ignore[no-untyped-def]
    return at.sidebar.text_input(key="identity_field")


def test_the_name_is_asked_once_and_recorded_with_every_save(project_store: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    name_field(at).input("Alice Martin").run()
    assert "You: **Alice Martin**" in [m.value for m in at.sidebar.markdown]
    assert not [w for w in at.sidebar.text_input if w.key == "identity_field"]  # not asked again
    assert at.query_params["as"] in ("Alice Martin", ["Alice Martin"])
    widget(at, "text_input", "info.name").input("Plan").run()
    widget(at, "text_input", "info.owner").input("Alice").run()
    pid = at.session_state["project_id"]
    assert [v.saved_by for v in ProjectStore(project_store).versions(pid)] == ["Alice Martin", "Alice Martin"]

    refreshed = AppTest.from_file(APP, default_timeout=60)  # a refresh: a new session, the same address
    refreshed.query_params.update({"pid": pid, "as": "Alice Martin"})
    refreshed.run()
    assert "You: **Alice Martin**" in [m.value for m in refreshed.sidebar.markdown]


def test_not_you_changes_the_name_and_control_characters_are_dropped(project_store: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as"] = "Alice\u202e\n"
    at.run()
    assert at.session_state["display_name"] == "Alice"
    at.sidebar.button(key="identity:change").click().run()
    name_field(at).input("Bob").run()
    assert at.session_state["display_name"] == "Bob"
    assert at.query_params["as"] in ("Bob", ["Bob"])


def test_a_conflict_names_who_saved_the_other_answer(project_store: str) -> None:
    alice = AppTest.from_file(APP, default_timeout=60)
    alice.query_params["as"] = "Alice"
    alice.run()
    widget(alice, "text_input", "info.name").input("Shared").run()
    bob = AppTest.from_file(APP, default_timeout=60)
    bob.query_params.update({"pid": alice.session_state["project_id"], "as": "Bob"})
    bob.run()
    widget(alice, "text_input", "info.owner").input("Alice").run()
    widget(bob, "text_input", "info.owner").input("Bob").run()
    captions = [c.value for c in bob.caption]
    assert "Mine (Bob)" in captions and "Theirs (saved by Alice)" in captions


def test_accepting_a_finding_records_the_sessions_name(project_store: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as"] = "Omar Haddad"
    at.run()
    at.button(key="open-sample-loan").click().run()
    at.switch_page("pages/checks.py").run()
    key = next(b.key for b in at.button if b.key and b.key.startswith("finding:PF-005") and b.key.endswith(":accept"))
    prefix = key.removesuffix(":accept")
    assert at.text_input(key=f"{prefix}:by").value == "Omar Haddad"
    at.text_area(key=f"{prefix}:reason").input("A holdout region is used instead.").run()
    at.button(key=key).click().run()
    [entry] = at.session_state["project"]["accepted_findings"]
    assert entry["accepted_by"] == "Omar Haddad"
