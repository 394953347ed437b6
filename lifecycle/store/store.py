"""The project store: validated documents with a version number and the history of saved versions.

Every save is one transaction that bumps the version only if it is still the one the
writer read (optimistic concurrency), so two sessions editing one project never silently
overwrite each other, and a crash mid-save leaves the last committed version intact.
Works on SQLite (default, zero set-up) and on any SQLAlchemy URL such as PostgreSQL for a
team deployment with several app replicas.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    JSON,
    inspect,
    text,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from ..model import SHORT_TEXT_MAX, Project
from ..reader import ProjectFileError, read_document
from ..reader.guard import shown
from ..storage import project_document, validation_problems
from .limits import stored_limits
from .summary import ProjectSummary, summarise

log = logging.getLogger(__name__)
# Ids the store hands out are 32 hex digits; anything else in a link is not looked up at all.
PROJECT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
COPY_SUFFIX = " (copy)"

DEFAULT_URL = "sqlite:///.lifecycle/projects.db"
SAVED_BY_MAX = 300
ENV_VAR = "LIFECYCLE_STORE_URL"

metadata = MetaData()
projects = Table(
    "projects",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("summary", JSON, nullable=False),
    Column("name", String(300), nullable=False, default=""),
    Column("owner", String(300), nullable=False, default=""),
    Column("business_unit", String(300), nullable=False, default=""),
    Column("archived", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
versions = Table(
    "project_versions",
    metadata,
    Column("project_id", String(32), ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("document", Text, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    # Who saved it (the session's display name); added after the first release, see _add_missing_columns.
    Column("saved_by", String(SAVED_BY_MAX), nullable=False, default=""),
)


# Facts about the store itself, e.g. that the practice scenarios were added once.
store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
SEEDED = "samples_seeded"


class ProjectNotFound(LookupError):
    def __init__(self, project_id: str):
        super().__init__(f"no stored project with id {shown(project_id)}")
        self.project_id = project_id


class VersionConflict(RuntimeError):
    """Someone saved the project since this writer read it."""

    def __init__(self, project_id: str, expected: int, current: int):
        super().__init__(
            f"project {project_id} is at version {current}, not {expected}: it was saved by someone else meanwhile"
        )
        self.project_id, self.expected, self.current = project_id, expected, current


@dataclass(frozen=True)
class StoredProject:
    id: str
    version: int
    project: Project
    archived: bool
    updated_at: datetime


@dataclass(frozen=True)
class ListedProject:
    id: str
    version: int
    archived: bool
    updated_at: datetime
    summary: ProjectSummary


def store_url_from_env() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_URL


def copy_name(name: str, suffix: str = COPY_SUFFIX, limit: int = SHORT_TEXT_MAX) -> str:
    """``name`` + ``suffix``, the name shortened with an ellipsis so the whole stays within the name's limit."""
    name = name or "Untitled project"
    if len(name) + len(suffix) <= limit:
        return name + suffix
    return name[: limit - len(suffix) - 1].rstrip() + "…" + suffix


def _shorten_at(document: dict, loc: tuple, limit: int) -> bool:
    node: object = document
    for part in loc[:-1]:
        node = node[part]  # type: ignore[index]
    value = node[loc[-1]]  # type: ignore[index]
    if not isinstance(value, str):
        return False
    node[loc[-1]] = value[: limit - 1] + "…"  # type: ignore[index]
    return True


def decode_stored(text: str, source: str) -> Project:
    """A stored document as a Project, through the same bounded reader as files, with the limits of what the
    model accepts (``stored_limits``): whatever the store accepted opens again, however large it grew.

    A document stored by an older workbook can break a limit added since (a duplicate's name once
    grew past the name's length limit on every copy): text that is only too long is shortened with
    an ellipsis, so the project still opens from its link; anything else is a ``ProjectFileError``.
    """
    document = read_document(text.encode("utf-8"), source, stored_limits(), fmt="json")
    for attempt in range(2):
        try:
            return Project.model_validate(document)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            if attempt or not all(e["type"] == "string_too_long" for e in errors) or not isinstance(document, dict):
                raise ProjectFileError(source, validation_problems(exc)) from None
            for error in errors:
                if not _shorten_at(document, error["loc"], error["ctx"]["max_length"]):
                    raise ProjectFileError(source, validation_problems(exc)) from None
            log.warning("%s: shortened %d over-long text(s) to open it", source, len(errors))
    raise AssertionError("unreachable")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _encode(project: Project) -> str:
    return json.dumps(project_document(project), ensure_ascii=False, separators=(",", ":"))


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoint, never corrupt
    cursor.close()


# Columns added to existing tables since the store was first released: (table, column, DDL type and default).
ADDED_COLUMNS = (("project_versions", "saved_by", f"VARCHAR({SAVED_BY_MAX}) NOT NULL DEFAULT ''"),)


def _add_missing_columns(engine: Engine) -> None:
    """Bring a store created by an older workbook up to date (``create_all`` adds tables, never columns).

    ``ADD COLUMN`` with a default is the same statement on SQLite and PostgreSQL; two replicas starting
    together may both try, so an error is re-checked instead of raised."""
    for table, column, ddl in ADDED_COLUMNS:
        if column in {c["name"] for c in inspect(engine).get_columns(table)}:
            continue
        try:
            with engine.begin() as conn:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))
        except Exception:
            if column not in {c["name"] for c in inspect(engine).get_columns(table)}:
                raise
            log.info("column %s.%s was added by another process meanwhile", table, column)


@dataclass(frozen=True)
class VersionInfo:
    """One saved version in a project's history."""

    version: int
    saved_at: datetime
    saved_by: str


class ProjectStore:
    def __init__(self, url: str | None = None, *, engine: Engine | None = None):
        self.url = url or store_url_from_env()
        if engine is None:
            if self.url.startswith("sqlite:///") and not self.url.endswith(":memory:"):
                Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, future=True, pool_pre_ping=True)
        self.engine = engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
        _add_missing_columns(engine)

    # --- writing -------------------------------------------------------------------------------
    def create(
        self, project: Project, *, project_id: str | None = None, summary: ProjectSummary | None = None,
        by: str = "",
    ) -> StoredProject:
        project_id = project_id or uuid.uuid4().hex
        now = _now()
        summary = summary or summarise(project)
        document = _encode(project)
        with self.engine.begin() as conn:
            conn.execute(
                insert(projects).values(
                    id=project_id, version=1, document=document, summary=summary.to_dict(),
                    name=summary.name, owner=summary.owner, business_unit=summary.business_unit,
                    archived=False, created_at=now, updated_at=now,
                )
            )
            conn.execute(insert(versions).values(
                project_id=project_id, version=1, document=document, saved_at=now, saved_by=by[:SAVED_BY_MAX]
            ))
        return StoredProject(project_id, 1, project, False, now)

    def save(
        self, project_id: str, project: Project, *, expected_version: int, summary: ProjectSummary | None = None,
        by: str = "",
    ) -> int:
        """Store a new version saved by ``by``; raises VersionConflict if the stored version is not
        ``expected_version``. ``summary`` saves recomputing the portfolio figures when the caller has them."""
        now = _now()
        summary = summary or summarise(project)
        document = _encode(project)
        new_version = expected_version + 1
        with self.engine.begin() as conn:  # one transaction: both rows or neither
            result = conn.execute(
                update(projects)
                .where(projects.c.id == project_id, projects.c.version == expected_version)
                .values(
                    version=new_version, document=document, summary=summary.to_dict(), name=summary.name,
                    owner=summary.owner, business_unit=summary.business_unit, updated_at=now,
                )
            )
            if result.rowcount != 1:
                current = conn.execute(select(projects.c.version).where(projects.c.id == project_id)).scalar()
                if current is None:
                    raise ProjectNotFound(project_id)
                raise VersionConflict(project_id, expected_version, current)
            self._before_history_write(project_id, new_version)
            conn.execute(
                insert(versions).values(
                    project_id=project_id, version=new_version, document=document, saved_at=now,
                    saved_by=by[:SAVED_BY_MAX],
                )
            )
        return new_version

    def _before_history_write(self, project_id: str, version: int) -> None:
        """Hook between the two writes of a save; tests use it to simulate a crash mid-save."""

    def seed_once(self, scenarios: Iterable[Project]) -> int:
        """Store ``scenarios`` if this store has never been seeded; return how many were added.

        The mark is kept in the store, so projects a team deletes are not brought back, and
        replicas starting together add them once (the mark's insert fails for all but one).
        """
        now = _now()
        rows = [(uuid.uuid4().hex, summarise(p), _encode(p)) for p in scenarios]
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(store_meta).values(key=SEEDED, value=now.isoformat()))
                for project_id, summary, document in rows:
                    conn.execute(
                        insert(projects).values(
                            id=project_id, version=1, document=document, summary=summary.to_dict(),
                            name=summary.name, owner=summary.owner, business_unit=summary.business_unit,
                            archived=False, created_at=now, updated_at=now,
                        )
                    )
                    conn.execute(
                        insert(versions).values(project_id=project_id, version=1, document=document, saved_at=now)
                    )
        except IntegrityError:
            return 0  # seeded before (or by another replica just now)
        return len(rows)

    def set_archived(self, project_id: str, archived: bool) -> None:
        with self.engine.begin() as conn:
            result = conn.execute(update(projects).where(projects.c.id == project_id).values(archived=archived))
            if result.rowcount != 1:
                raise ProjectNotFound(project_id)

    def delete(self, project_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(versions).where(versions.c.project_id == project_id))
            result = conn.execute(delete(projects).where(projects.c.id == project_id))
            if result.rowcount != 1:
                raise ProjectNotFound(project_id)

    def duplicate(self, project_id: str, new_name: str | None = None) -> StoredProject:
        """A new project with the answers of ``project_id``, named ``new_name`` (by default the name + " (copy)").

        The name is fitted to the name's length limit, so copies of copies never grow past it."""
        source = self.get(project_id).project
        document = project_document(source)
        document["info"]["name"] = copy_name(source.info.name) if new_name is None else new_name[:SHORT_TEXT_MAX]
        return self.create(Project.model_validate(document))

    # --- reading -------------------------------------------------------------------------------
    def get(self, project_id: str) -> StoredProject:
        if not isinstance(project_id, str) or not PROJECT_ID.fullmatch(project_id):
            raise ProjectNotFound(project_id)  # a garbled or huge id from a link: not an id this store gave out
        with self.engine.connect() as conn:
            row = conn.execute(
                select(projects.c.version, projects.c.document, projects.c.archived, projects.c.updated_at)
                .where(projects.c.id == project_id)
            ).first()
        if row is None:
            raise ProjectNotFound(project_id)
        project = decode_stored(row.document, f"stored project {project_id}")
        return StoredProject(project_id, row.version, project, row.archived, row.updated_at)

    def version(self, project_id: str) -> int:
        if not isinstance(project_id, str) or not PROJECT_ID.fullmatch(project_id):
            raise ProjectNotFound(project_id)
        with self.engine.connect() as conn:
            current = conn.execute(select(projects.c.version).where(projects.c.id == project_id)).scalar()
        if current is None:
            raise ProjectNotFound(project_id)
        return current

    def history(self, project_id: str) -> list[tuple[int, datetime]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(versions.c.version, versions.c.saved_at)
                .where(versions.c.project_id == project_id)
                .order_by(versions.c.version)
            ).all()
        return [(row.version, row.saved_at) for row in rows]

    def versions(self, project_id: str) -> list[VersionInfo]:
        """The project's saved versions, oldest first, with who saved each (documents not loaded)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(versions.c.version, versions.c.saved_at, versions.c.saved_by)
                .where(versions.c.project_id == project_id)
                .order_by(versions.c.version)
            ).all()
        return [VersionInfo(row.version, row.saved_at, row.saved_by or "") for row in rows]

    def get_version(self, project_id: str, version: int) -> Project:
        with self.engine.connect() as conn:
            document = conn.execute(
                select(versions.c.document).where(versions.c.project_id == project_id, versions.c.version == version)
            ).scalar()
        if document is None:
            raise ProjectNotFound(f"{project_id}@{version}")
        return decode_stored(document, f"stored project {project_id}, version {version}")

    def list(
        self, *, include_archived: bool = False, business_unit: str | None = None, owner: str | None = None
    ) -> list[ListedProject]:
        """Portfolio rows from the stored summaries, newest first, without loading any document."""
        query = select(
            projects.c.id, projects.c.version, projects.c.archived, projects.c.updated_at, projects.c.summary
        ).order_by(projects.c.updated_at.desc(), projects.c.id)
        if not include_archived:
            query = query.where(projects.c.archived.is_(False))
        if business_unit:
            query = query.where(projects.c.business_unit == business_unit)
        if owner:
            query = query.where(projects.c.owner == owner)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            ListedProject(row.id, row.version, row.archived, row.updated_at, ProjectSummary(**row.summary))
            for row in rows
        ]

    def dispose(self) -> None:
        self.engine.dispose()
