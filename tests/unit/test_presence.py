"""Presence through the store's database: who else is on a project, seen by every app replica."""

from __future__ import annotations

from lifecycle.store import ProjectStore
from lifecycle.store.presence import PresenceBoard


def _replicas(tmp_path, count: int = 2) -> list[PresenceBoard]:
    """Boards of ``count`` app servers, each with its own connection pool, on one database."""
    url = f"sqlite:///{tmp_path / 'projects.db'}"
    return [PresenceBoard(ProjectStore(url).engine, ttl=12.0) for _ in range(count)]


def test_sessions_served_by_different_replicas_see_each_other_on_the_same_project(tmp_path) -> None:
    one, two = _replicas(tmp_path)
    one.beat("alice", "p1", "Alice", "2. Data", now=100.0)
    two.beat("bob", "p1", "Bob", "4. Deployment", now=101.0)
    two.beat("carol", "p2", "Carol", "Overview", now=101.0)
    assert one.others("alice", "p1", now=102.0) == [("Bob", "4. Deployment")]
    assert two.others("bob", "p1", now=102.0) == [("Alice", "2. Data")]
    assert two.others("carol", "p2", now=102.0) == []


def test_a_session_is_on_one_project_and_one_page_at_a_time(tmp_path) -> None:
    (board,) = _replicas(tmp_path, 1)
    board.beat("alice", "p1", "Alice", "2. Data", now=100.0)
    board.beat("alice", "p1", "Alice", "3. Modeling & Evaluation", now=101.0)
    assert board.others("bob", "p1", now=102.0) == [("Alice", "3. Modeling & Evaluation")]
    board.beat("alice", "p2", "Alice", "Overview", now=103.0)
    assert board.others("bob", "p1", now=104.0) == []
    assert board.others("bob", "p2", now=104.0) == [("Alice", "Overview")]


def test_a_closed_tab_drops_out_after_the_time_out_and_its_row_is_cleared(tmp_path) -> None:
    (board,) = _replicas(tmp_path, 1)
    board.beat("alice", "p1", "Alice", "2. Data", now=100.0)
    assert board.others("bob", "p1", now=111.9) == [("Alice", "2. Data")]
    assert board.others("bob", "p1", now=112.1) == []
    board.beat("bob", "p1", "Bob", "2. Data", now=200.0)  # anyone's heartbeat removes stale rows
    with board.engine.connect() as conn:
        from lifecycle.store.presence import presence
        assert [row.session_id for row in conn.execute(presence.select())] == ["bob"]


def test_long_names_are_cut_to_fit(tmp_path) -> None:
    (board,) = _replicas(tmp_path, 1)
    board.beat("alice", "p1", "A" * 1000, "2. Data", now=100.0)
    (name, _), = board.others("bob", "p1", now=100.0)
    assert name == "A" * 300
