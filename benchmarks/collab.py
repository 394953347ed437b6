"""Working side by side: the three-way merge of two concurrent edits, and the cost of a live-update poll.

The merge runs on the loan project with two sessions' typical edits (one fills Data answers
and adds a source, the other fills Deployment and edits a cell of an existing source) and is
compared with validating the same project once (``Project.model_validate``), in the same run.
"Merge + validate" is what a stale save adds: the merge, then validating the merged project.
The poll is ``ProjectStore.version`` on SQLite (what an open session asks every few seconds),
compared with the same SELECT through a bare sqlite3 connection.
"""

from __future__ import annotations

import argparse
import copy
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lifecycle.collab import merge
from lifecycle.model import Project
from lifecycle.samples import load_sample
from lifecycle.storage import project_document
from lifecycle.store import ProjectStore

NAME = "collab"
TITLE = "Side by side: merge of concurrent edits, live-update poll"
MERGE_TARGET_MS = 20.0
POLL_TARGET_MS = 1.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--merges", type=int, default=200, help="merges timed (default 200)")


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
        store.dispose()
        connection = sqlite3.connect(path)
        bare_ms = _mean_ms(
            lambda: connection.execute("SELECT version FROM projects WHERE id = ?", (pid,)).fetchone(), 1000
        )
        connection.close()

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
    ]
    notes = [f"merge: mean of {options.merges} runs; poll: mean of 1000 queries on one connection pool."]
    return rows, notes
