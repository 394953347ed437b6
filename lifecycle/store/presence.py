"""Who has which project open, and on which page: kept in the project store's database, so every
app replica serving the project sees the same people (ui/live.py shows them).

Each open session writes a heartbeat row (its display name and page title, nothing of its answers)
and reads the rows of the others on its project seen within ``ttl`` seconds. A closed tab simply
stops beating and drops out; stale rows are removed by the next heartbeat of anyone. Times are
wall-clock seconds, as replicas on different machines share no monotonic clock.
"""

from __future__ import annotations

import time

from sqlalchemy import Column, Float, MetaData, String, Table, delete, insert, or_, select
from sqlalchemy.engine import Engine

TTL_S = 12.0  # seconds without a heartbeat after which a session is gone (a closed tab)
HEARTBEAT_S = TTL_S / 3  # seconds between heartbeats of a session that stays on one page
NAME_MAX = 300
PAGE_MAX = 200

_metadata = MetaData()
presence = Table(
    "presence",
    _metadata,
    Column("session_id", String(64), primary_key=True),
    Column("project_id", String(64), nullable=False, index=True),
    Column("name", String(NAME_MAX), nullable=False, default=""),
    Column("page", String(PAGE_MAX), nullable=False, default=""),
    Column("seen_at", Float, nullable=False, index=True),
)


class PresenceBoard:
    def __init__(self, engine: Engine, *, ttl: float = TTL_S) -> None:
        self.engine = engine
        self.ttl = ttl
        _metadata.create_all(engine)  # a table added after the first release: created where missing

    def beat(self, session_id: str, project_id: str, name: str, page: str, *, now: float | None = None) -> None:
        """Record that ``session_id`` is on ``project_id`` at ``page`` (a session is on one project at a time)."""
        now = time.time() if now is None else now
        with self.engine.begin() as conn:
            conn.execute(delete(presence).where(
                or_(presence.c.session_id == session_id, presence.c.seen_at < now - self.ttl)))
            conn.execute(insert(presence).values(
                session_id=session_id, project_id=project_id, name=name[:NAME_MAX], page=page[:PAGE_MAX], seen_at=now))

    def others(self, session_id: str, project_id: str, *, now: float | None = None) -> list[tuple[str, str]]:
        """(name, page) of the other sessions on ``project_id`` seen within the time-out, by name."""
        now = time.time() if now is None else now
        query = (select(presence.c.name, presence.c.page)
                 .where(presence.c.project_id == project_id, presence.c.session_id != session_id,
                        presence.c.seen_at >= now - self.ttl)
                 .order_by(presence.c.name, presence.c.page, presence.c.session_id))
        with self.engine.connect() as conn:
            return [(name, page) for name, page in conn.execute(query)]
