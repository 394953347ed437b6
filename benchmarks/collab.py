"""Working side by side: the three-way merge of two concurrent edits, and the cost of a live-update poll.

The merge runs on the loan project with two sessions' typical edits (one fills Data answers
and adds a source, the other fills Deployment and edits a cell of an existing source) and is
compared with validating the same project once (``Project.model_validate``), in the same run.
"Merge + validate" is what a stale save adds: the merge, then validating the merged project.
The poll is ``ProjectStore.version`` on SQLite (what an open session asks every few seconds),
compared with the same SELECT through a bare sqlite3 connection. Many sessions: threads acting
as open sessions on one project, saving one edit per second between them the way the app
saves, and polling like ui/live.py; p90 of the time from an edit's save until each other
session has it, against the poll interval, and the edits missing at the end.
"""

from __future__ import annotations

import argparse
import copy
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lifecycle.collab import merge
from lifecycle.collab.sync import Saved, save_merged
from lifecycle.model import Project
from lifecycle.samples import load_sample
from lifecycle.storage import project_document
from lifecycle.store import ProjectStore, VersionConflict
from lifecycle.store.presence import HEARTBEAT_S, PresenceBoard

NAME = "collab"
TITLE = "Side by side: merge of concurrent edits, live-update poll"
MERGE_TARGET_MS = 20.0
POLL_TARGET_MS = 1.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--merges", type=int, default=200, help="merges timed (default 200)")
    parser.add_argument("--sessions", type=int, default=20, help="simulated open sessions (default 20)")
    parser.add_argument("--edits", type=int, default=30, help="edits, one per second among them (default 30)")


def _mean_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - start) * 1000 / repeat


def _edits(base: dict) -> tuple[dict, dict]:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine["data"]["label_source"] = "Charge-offs recorded 12 months after the loan is funded."
    mine["data"]["quality_notes"] = "Income is self-reported on 30% of applications."
    mine["data"]["sources"].append({**mine["data"]["sources"][0], "row_id": "bench1", "name": "bureau.scores"})
    theirs["deployment"]["serving_environment"] = "Kubernetes, eu-west, ONNX runtime"
    theirs["data"]["sources"][0]["owner"] = "Credit data platform"
    return mine, theirs


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    base = project_document(load_sample("loan"))
    mine, theirs = _edits(base)
    result = merge(base, mine, theirs)
    assert result.clean, result.conflicts  # the benchmark's edits are meant to merge silently
    validate_ms = _mean_ms(lambda: Project.model_validate(base), options.merges)
    merge_ms = _mean_ms(lambda: merge(base, mine, theirs), options.merges)
    full_ms = _mean_ms(lambda: Project.model_validate(merge(base, mine, theirs).document), options.merges)

    with tempfile.TemporaryDirectory(prefix="lifecycle-bench-") as tmp:
        path = Path(tmp) / "poll.db"
        store = ProjectStore(f"sqlite:///{path}")
        pid = store.create(load_sample("loan")).id
        poll_ms = _mean_ms(lambda: store.version(pid), 1000)
        board = PresenceBoard(store.engine)
        for index in range(options.sessions - 1):  # the others on the project
            board.beat(f"other{index}", pid, f"Person {index}", "2. Data")
        beat_ms = _mean_ms(lambda: board.beat("me", pid, "Me", "2. Data"), 300)
        others_ms = _mean_ms(lambda: board.others("me", pid), 1000)
        # Per poll: the version, the others, and a heartbeat every HEARTBEAT_S seconds (ui/live.py).
        full_poll_ms = poll_ms + others_ms + beat_ms * POLL_S / HEARTBEAT_S
        store.dispose()
        connection = sqlite3.connect(path)
        bare_ms = _mean_ms(
            lambda: connection.execute("SELECT version FROM projects WHERE id = ?", (pid,)).fetchone(), 1000
        )
        connection.close()

    sessions = _many_sessions(options.sessions, options.edits)
    rows = [
        {
            "case": "merge of two concurrent edits (loan project)",
            "ours": f"{merge_ms:.2f} ms",
            "baseline": f"{validate_ms:.2f} ms (one model_validate)",
            "ratio": f"{merge_ms / validate_ms:.2f}x",
            "target": f"< {MERGE_TARGET_MS:g} ms: " + ("ok" if merge_ms < MERGE_TARGET_MS else "MISSED"),
        },
        {
            "case": "merge + validate the merged project",
            "ours": f"{full_ms:.2f} ms",
            "baseline": f"{validate_ms:.2f} ms (one model_validate)",
            "ratio": f"{full_ms / validate_ms:.2f}x",
            "target": f"< {MERGE_TARGET_MS:g} ms: " + ("ok" if full_ms < MERGE_TARGET_MS else "MISSED"),
        },
        {
            "case": "live-update poll: stored version (SQLite)",
            "ours": f"{poll_ms:.3f} ms",
            "baseline": f"{bare_ms:.3f} ms (bare sqlite3 SELECT)",
            "ratio": f"{poll_ms / bare_ms:.1f}x",
            "target": f"< {POLL_TARGET_MS:g} ms: " + ("ok" if poll_ms < POLL_TARGET_MS else "MISSED"),
        },
        {
            "case": f"live-update poll with presence ({options.sessions} sessions on the project)",
            "ours": f"{full_poll_ms:.3f} ms",
            "baseline": f"{bare_ms:.3f} ms (bare sqlite3 SELECT)",
            "ratio": f"{full_poll_ms / bare_ms:.1f}x",
            "target": f"< {POLL_TARGET_MS:g} ms: " + ("ok" if full_poll_ms < POLL_TARGET_MS else "MISSED"),
        },
    ]
    rows.append({
        "case": f"{options.sessions} sessions, {options.edits} edits at 1/s: p90 until seen elsewhere",
        "ours": f"{sessions.p90_s:.2f} s",
        "baseline": f"{POLL_S:g} s (the poll interval)",
        "ratio": f"{sessions.p90_s / POLL_S:.2f}x",
        "target": f"< {SEEN_TARGET_S:g} s, no lost edit: "
                  + ("ok" if sessions.p90_s < SEEN_TARGET_S and not sessions.lost else f"MISSED ({sessions.lost} lost)"),
    })
    notes = [
        f"merge: mean of {options.merges} runs; poll: mean of 1000 queries on one connection pool; presence: "
        f"who else is here ({others_ms:.3f} ms) each poll, a heartbeat write ({beat_ms:.3f} ms) every "
        f"{HEARTBEAT_S:g} s.",
        f"sessions: threads on one SQLite store, each polling every {POLL_S:g} s and saving like the app "
        f"(a stale save merged through lifecycle.collab.sync); {sessions.merged} of {options.edits} saves were "
        f"merged, {sessions.conflicts} conflicted; an edit adds a data source row; 'lost' = rows missing at the end.",
    ]
    return rows, notes


POLL_S = 3.0  # as ui/live.py
SEEN_TARGET_S = 5.0


@dataclass
class _SessionsResult:
    p90_s: float
    lost: int
    merged: int
    conflicts: int


class _Session:
    def __init__(self, store: ProjectStore, pid: str, offset: float):
        stored = store.get(pid)
        self.store, self.pid = store, pid
        self.version, self.document = stored.version, project_document(stored.project)
        self.next_poll = offset

    def poll(self) -> None:
        if self.store.version(self.pid) > self.version:
            stored = self.store.get(self.pid)
            self.version, self.document = stored.version, project_document(stored.project)

    def add_row(self, row: dict, by: str) -> str:
        """Save like ui/state.py: a plain save, merged when someone saved meanwhile. Returns how."""
        mine = copy.deepcopy(self.document)
        mine["data"]["sources"].append(row)
        project = Project.model_validate(mine)
        try:
            self.version = self.store.save(self.pid, project, expected_version=self.version, by=by)
            self.document = project_document(project)
            return "saved"
        except VersionConflict:
            outcome = save_merged(self.store, self.pid, self.version, project_document(project), by=by)
            if not isinstance(outcome, Saved):
                return "conflict"
            self.version, self.document = outcome.version, project_document(outcome.project)
            return "merged"


def _many_sessions(count: int, edits: int) -> _SessionsResult:
    with tempfile.TemporaryDirectory(prefix="lifecycle-bench-") as tmp:
        store = ProjectStore(f"sqlite:///{Path(tmp) / 'sessions.db'}")
        pid = store.create(load_sample("loan")).id
        sessions = [_Session(store, pid, POLL_S * i / count) for i in range(count)]
        template = copy.deepcopy(sessions[0].document["data"]["sources"][0])
        saved_at: dict[str, float] = {}  # row id -> when its save returned
        seen: list[float] = []
        pending: list[set[str]] = [set() for _ in sessions]  # rows each session has not seen yet
        lock = threading.Lock()
        counts = {"merged": 0, "conflict": 0, "saved": 0}
        start = time.monotonic()
        stop = start + edits + POLL_S * 2

        def run(index: int) -> None:
            session = sessions[index]
            mine = [n for n in range(edits) if n % count == index]
            while time.monotonic() < stop:
                now = time.monotonic() - start
                if mine and now >= mine[0]:
                    number = mine.pop(0)
                    row_id = f"bench{number}"
                    how = session.add_row({**template, "row_id": row_id, "name": f"feed {number}"}, f"s{index}")
                    with lock:
                        counts[how] += 1
                        saved_at[row_id] = time.monotonic()
                        for other, waiting in enumerate(pending):
                            if other != index:
                                waiting.add(row_id)
                if now >= session.next_poll:
                    session.next_poll += POLL_S
                    session.poll()
                have = {r["row_id"] for r in session.document["data"]["sources"]}
                with lock:
                    for row_id in [r for r in pending[index] if r in have]:
                        pending[index].discard(row_id)
                        seen.append(time.monotonic() - saved_at[row_id])
                time.sleep(0.05)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        final = {r.row_id for r in store.get(pid).project.data.sources}
        store.dispose()
    lost = sum(f"bench{n}" not in final for n in range(edits))
    never_seen = sum(len(p) for p in pending)
    ordered = sorted(seen) + [float("inf")] * never_seen
    p90 = ordered[int(0.9 * (len(ordered) - 1))] if ordered else float("inf")
    return _SessionsResult(p90, lost, counts["merged"], counts["conflict"])
