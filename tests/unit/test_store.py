"""The project store on SQLite and on a real PostgreSQL server: round trip, versions, conflicts, crashes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Iterator

import pytest

from lifecycle.model import Project
from lifecycle.samples import load_sample
from lifecycle.store import ProjectNotFound, ProjectStore, VersionConflict
from lifecycle.store.store import metadata
from tests.postgres import postgres_server


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'projects.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    store = ProjectStore(url)
    metadata.drop_all(store.engine)  # each test starts from empty tables
    store.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[ProjectStore]:
    store = ProjectStore(store_url)
    yield store
    store.dispose()


def test_round_trip_keeps_the_project_exactly(store: ProjectStore) -> None:
    for key in ("churn", "recommendation", "loan"):
        project = load_sample(key)
        stored = store.create(project)
        assert stored.version == 1
        assert store.get(stored.id).project == project


def test_every_save_is_a_new_version_with_history(store: ProjectStore) -> None:
    project = load_sample("churn")
    stored = store.create(project)
    renamed = project.model_copy(update={"info": project.info.model_copy(update={"name": "Churn v2 — “ü”"})})
    assert store.save(stored.id, renamed, expected_version=1) == 2
    assert store.get(stored.id).project.info.name == "Churn v2 — “ü”"
    assert [v for v, _ in store.history(stored.id)] == [1, 2]
    assert store.get_version(stored.id, 1) == project


def test_a_stale_writer_gets_a_conflict_and_changes_nothing(store_url: str) -> None:
    # two app replicas, each with its own engine, editing the same project
    first, second = ProjectStore(store_url), ProjectStore(store_url)
    try:
        stored = first.create(Project.model_validate({"info": {"name": "Shared"}}))
        mine = Project.model_validate({"info": {"name": "Shared", "owner": "Ana"}})
        theirs = Project.model_validate({"info": {"name": "Shared", "owner": "Ben"}})
        assert first.save(stored.id, mine, expected_version=1) == 2
        with pytest.raises(VersionConflict) as conflict:
            second.save(stored.id, theirs, expected_version=1)
        assert (conflict.value.expected, conflict.value.current) == (1, 2)
        assert second.get(stored.id).project.info.owner == "Ana"
        assert [v for v, _ in second.history(stored.id)] == [1, 2]
    finally:
        first.dispose()
        second.dispose()


def test_portfolio_listing_uses_stored_summaries_and_filters(store: ProjectStore) -> None:
    loan = store.create(load_sample("loan"))
    churn = store.create(load_sample("churn"))
    listed = {p.id: p for p in store.list()}
    assert listed[loan.id].summary.open_blockers > 0
    assert set(listed[loan.id].summary.completeness) == {
        "problem_framing", "data", "modeling", "deployment", "monitoring"
    }
    unit = load_sample("loan").info.business_unit
    assert [p.id for p in store.list(business_unit=unit)] == [loan.id]
    store.set_archived(churn.id, True)
    assert churn.id not in {p.id for p in store.list()}
    assert churn.id in {p.id for p in store.list(include_archived=True)}


def test_duplicate_and_delete(store: ProjectStore) -> None:
    original = store.create(load_sample("recommendation"))
    copy = store.duplicate(original.id, "My copy of the recommender")
    assert copy.id != original.id
    assert store.get(copy.id).project.info.name == "My copy of the recommender"
    assert store.get(copy.id).project.modeling == load_sample("recommendation").modeling
    store.delete(original.id)
    with pytest.raises(ProjectNotFound):
        store.get(original.id)
    assert store.history(original.id) == []
    with pytest.raises(ProjectNotFound):
        store.save(original.id, Project(), expected_version=1)


CRASH = textwrap.dedent(
    """
    import os, sys
    from lifecycle.model import Project
    from lifecycle.store import ProjectStore

    class Crashing(ProjectStore):
        def _before_history_write(self, project_id, version):
            os._exit(3)  # the process dies inside the save's transaction

    store = Crashing(sys.argv[1])
    store.save(sys.argv[2], Project.model_validate({"info": {"name": "half-written"}}), expected_version=1)
    """
)


def test_a_crash_mid_save_leaves_the_last_good_version(store: ProjectStore, store_url: str) -> None:
    stored = store.create(Project.model_validate({"info": {"name": "good"}}))
    result = subprocess.run([sys.executable, "-c", CRASH, store_url, stored.id], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    reopened = ProjectStore(store_url)
    try:
        assert reopened.get(stored.id).project.info.name == "good"
        assert reopened.version(stored.id) == 1
        assert [v for v, _ in reopened.history(stored.id)] == [1]
        assert reopened.save(stored.id, Project(), expected_version=1) == 2  # and it is still writable
    finally:
        reopened.dispose()


def test_seeding_happens_once_even_after_deletion(store: ProjectStore) -> None:
    scenarios = [load_sample(k) for k in ("churn", "recommendation", "loan")]
    assert store.seed_once(scenarios) == 3
    assert sorted(p.summary.name for p in store.list()) == sorted(p.info.name for p in scenarios)
    for listed in store.list():
        store.delete(listed.id)
    assert store.seed_once(scenarios) == 0
    assert store.list() == []
