"""An interaction that arrives while an answer is being saved never cuts the save short.

Streamlit takes a waiting rerun request at any ``st.session_state`` access by raising there; these
tests make a request arrive at a chosen moment of a save, as a click during a busy server does."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.runtime.scriptrunner import RerunData, RerunException
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

from lifecycle.store import ProjectStore

from .conftest import answer, widget


class NextInteraction:
    """Once armed, the runner's next look for requests finds one (as if the person clicked)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.armed = False
        self.taken = 0
        original = ScriptRunner._maybe_handle_execution_control_request

        def look(runner: ScriptRunner) -> None:
            if self.armed:
                self.armed, self.taken = False, self.taken + 1
                raise RerunException(RerunData())
            original(runner)

        monkeypatch.setattr(ScriptRunner, "_maybe_handle_execution_control_request", look)


def test_a_click_right_after_the_first_answer_stores_the_project_once(at, project_store, monkeypatch) -> None:
    interaction = NextInteraction(monkeypatch)
    create = ProjectStore.create

    def create_then_click(self: ProjectStore, *args: Any, **kwargs: Any):
        stored = create(self, *args, **kwargs)
        interaction.armed = True  # the click arrives just after the project was stored
        return stored

    monkeypatch.setattr(ProjectStore, "create", create_then_click)
    at.switch_page("pages/problem_framing.py").run()
    widget(at, "text_area", "problem_framing.problem_statement").input("Churn rose after the price change").run()

    assert interaction.taken == 1  # the interaction was taken, after the save
    listed = ProjectStore(project_store).list()
    assert [p.id for p in listed] == [at.session_state["project_id"]]  # one project, the one this session knows
    stored = ProjectStore(project_store).get(listed[0].id).project
    assert stored.problem_framing.problem_statement == "Churn rose after the price change"


def test_an_answer_changed_but_not_stored_by_an_earlier_run_is_stored_by_the_next(at, project_store) -> None:
    at.switch_page("pages/problem_framing.py").run()
    widget(at, "text_area", "problem_framing.problem_statement").input("Churn rose").run()
    pid = at.session_state["project_id"]
    # What a run stopped between changing the document and storing it leaves behind.
    document = dict(at.session_state["project"])
    document["info"] = {**document["info"], "owner": "Dana"}
    at.session_state["project"] = document
    at.session_state["project_revision"] = at.session_state["project_revision"] + 1

    at.run()

    assert ProjectStore(project_store).get(pid).project.info.owner == "Dana"
    assert answer(at, "info", "owner") == "Dana"
    assert at.session_state["project_clean"] == at.session_state["project_revision"]  # nothing left unsaved
