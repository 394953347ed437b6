"""The store reads its documents through the bounded reader: copies never outgrow the name limit, old copies
that did still open, garbage ids and broken documents end in clear errors (never a traceback)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from lifecycle.model import SHORT_TEXT_MAX, Project
from lifecycle.reader import ProjectFileError
from lifecycle.samples import load_sample
from lifecycle.store import ProjectNotFound, ProjectStore
from lifecycle.store.store import copy_name, projects


@pytest.fixture
def store(tmp_path) -> ProjectStore:  # type: ignore[no-untyped-def]
    made = ProjectStore(f"sqlite:///{tmp_path / 'projects.db'}")
    yield made
    made.dispose()


def _overwrite_document(store: ProjectStore, pid: str, document: dict | str) -> None:
    text = document if isinstance(document, str) else json.dumps(document)
    with store.engine.begin() as conn:
        conn.execute(update(projects).where(projects.c.id == pid).values(document=text))


def test_copy_names_fit_the_name_limit() -> None:
    assert copy_name("Churn") == "Churn (copy)"
    assert copy_name("") == "Untitled project (copy)"
    long = copy_name("x" * SHORT_TEXT_MAX)
    assert len(long) == SHORT_TEXT_MAX and long.endswith("… (copy)")


def test_copies_of_copies_never_grow_past_the_limit(store: ProjectStore) -> None:
    current = store.create(Project.model_validate({"info": {"name": "N" * (SHORT_TEXT_MAX - 3)}}))
    for _ in range(5):
        current = store.duplicate(current.id)
        reopened = store.get(current.id).project
        assert len(reopened.info.name) <= SHORT_TEXT_MAX and reopened.info.name.endswith("(copy)")


def test_a_stored_copy_whose_name_grew_too_long_still_opens(store: ProjectStore) -> None:
    stored = store.create(load_sample("churn"))
    document = stored.project.model_dump(mode="json")
    document["info"]["name"] = "C" * 320 + " (copy)"  # what older duplicates stored
    _overwrite_document(store, stored.id, document)
    reopened = store.get(stored.id).project
    assert len(reopened.info.name) == SHORT_TEXT_MAX and reopened.info.name.endswith("…")
    assert reopened.data == stored.project.data  # nothing else touched


def test_a_stored_document_that_breaks_other_rules_is_a_clear_error(store: ProjectStore) -> None:
    stored = store.create(Project())
    document = stored.project.model_dump(mode="json")
    document["problem_framing"]["gate"]["decided_on"] = "9999-12-31"
    _overwrite_document(store, stored.id, document)
    with pytest.raises(ProjectFileError) as caught:
        store.get(stored.id)
    assert caught.value.problems == ["problem_framing.gate.decided_on: 9999-12-31 is outside the dates a plan can "
                                     "hold (1900-01-01 to 2199-12-31)"]
    _overwrite_document(store, stored.id, '{"info": ' + "[" * 5000 + "]" * 5000 + "}")
    with pytest.raises(ProjectFileError, match="levels deep"):
        store.get(stored.id)


@pytest.mark.parametrize("pid", ["", "x" * 100_000, "../../etc/passwd", "a'; DROP TABLE projects; --", "\x00",
                                 "%00", "é" * 10])
def test_garbage_ids_are_simply_not_found(store: ProjectStore, pid: str) -> None:
    with pytest.raises(ProjectNotFound) as caught:
        store.get(pid)
    assert len(str(caught.value)) < 100
    with pytest.raises(ProjectNotFound):
        store.version(pid)


def test_duplicating_or_archiving_a_deleted_project_says_not_found(store: ProjectStore) -> None:
    stored = store.create(Project())
    store.delete(stored.id)
    with pytest.raises(ProjectNotFound):
        store.duplicate(stored.id)
    with pytest.raises(ProjectNotFound):
        store.set_archived(stored.id, True)
