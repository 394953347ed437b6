"""Every saved version records who saved it; stores created before that column are upgraded in place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from lifecycle.model import Project, ProjectInfo
from lifecycle.store import ProjectStore
from lifecycle.store.store import metadata
from tests.postgres import postgres_server

# The two tables as the first released store created them (no saved_by).
OLD_SCHEMA = [
    "CREATE TABLE projects (id VARCHAR(32) PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL, "
    "summary JSON NOT NULL, name VARCHAR(300) NOT NULL, owner VARCHAR(300) NOT NULL, "
    "business_unit VARCHAR(300) NOT NULL, archived BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
    "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
    "CREATE TABLE project_versions (project_id VARCHAR(32) NOT NULL REFERENCES projects(id) ON DELETE CASCADE, "
    "version INTEGER NOT NULL, document TEXT NOT NULL, saved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
    "PRIMARY KEY (project_id, version))",
]


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
    metadata.drop_all(store.engine)
    store.dispose()


def named(name: str) -> Project:
    return Project(info=ProjectInfo(name=name))


def test_each_version_records_who_saved_it(store_url: str) -> None:
    store = ProjectStore(store_url)
    stored = store.create(named("Plan"), by="Alice")
    store.save(stored.id, named("Plan v2"), expected_version=1, by="Bob")
    assert [(v.version, v.saved_by) for v in store.versions(stored.id)] == [(1, "Alice"), (2, "Bob")]
    store.dispose()


def test_a_store_from_before_the_column_opens_and_keeps_its_history(store_url: str) -> None:
    engine = create_engine(store_url)
    with engine.begin() as conn:
        for statement in OLD_SCHEMA:
            conn.execute(text(statement))
        conn.execute(text(
            "INSERT INTO projects VALUES ('p1', 1, '{\"info\": {\"name\": \"Old plan\"}}', '{}', 'Old plan', '', '', "
            "false, '2025-01-01 00:00:00+00', '2025-01-01 00:00:00+00')"
        ))
        conn.execute(text(
            "INSERT INTO project_versions VALUES ('p1', 1, '{\"info\": {\"name\": \"Old plan\"}}', '2025-01-01 00:00:00+00')"
        ))
    engine.dispose()

    store = ProjectStore(store_url)
    assert [(v.version, v.saved_by) for v in store.versions("p1")] == [(1, "")]  # unknown, not invented
    store.save("p1", named("Old plan, edited"), expected_version=1, by="Carol")
    assert [v.saved_by for v in store.versions("p1")] == ["", "Carol"]
    assert store.get_version("p1", 1).info.name == "Old plan"
    store.dispose()
    ProjectStore(store_url).dispose()  # opening again finds the column and changes nothing
