"""A save from an older version is merged with what was stored meanwhile, or reports its conflicts."""

from __future__ import annotations

from lifecycle.collab.sync import Conflicted, Saved, save_merged
from lifecycle.model import Project, ProjectInfo
from lifecycle.storage import project_document
from lifecycle.store import ProjectStore


def _store(tmp_path) -> tuple[ProjectStore, str]:  # type: ignore[no-untyped-def]
    store = ProjectStore(f"sqlite:///{tmp_path / 'p.db'}")
    pid = store.create(Project(info=ProjectInfo(name="Plan")), by="Ana").id
    store.save(pid, Project(info=ProjectInfo(name="Plan", owner="Ana")), expected_version=1, by="Ana")
    return store, pid


def test_a_stale_save_of_another_answer_is_merged_and_saved_by_its_author(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store, pid = _store(tmp_path)
    mine = project_document(Project(info=ProjectInfo(name="Plan", team="Risk")))  # edited from version 1
    outcome = save_merged(store, pid, 1, mine, by="Bob")
    assert isinstance(outcome, Saved) and outcome.version == 3
    stored = store.get(pid).project
    assert (stored.info.owner, stored.info.team) == ("Ana", "Risk")
    assert store.versions(pid)[-1].saved_by == "Bob"


def test_the_same_answer_is_a_conflict_and_nothing_is_saved_until_chosen(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store, pid = _store(tmp_path)
    mine = project_document(Project(info=ProjectInfo(name="Plan", owner="Bob", team="Risk")))
    outcome = save_merged(store, pid, 1, mine, by="Bob")
    assert isinstance(outcome, Conflicted) and [c.key for c in outcome.conflicts] == ["info.owner"]
    assert store.version(pid) == 2
    chosen = save_merged(store, pid, 1, mine, by="Bob", choices={"info.owner": "mine"})
    assert isinstance(chosen, Saved)
    assert store.get(pid).project.info.owner == "Bob" and store.get(pid).project.info.team == "Risk"
