"""The project store: autosave time per save, and the Portfolio page's script time with many projects.

Autosave is compared with writing the same JSON document into a bare SQLite table with
the standard library (no validation, no summary, no history), on the same disk, in the same
run. The Portfolio page is timed with AppTest (script time, no browser) over a store holding
``--portfolio`` generated projects, and compared with the same page over an empty store.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from lifecycle.samples import load_sample
from lifecycle.storage import project_document
from lifecycle.store import ProjectStore

from .portfolio import portfolio

NAME = "store"
TITLE = "Project store: autosave and the Portfolio page"
AUTOSAVE_TARGET_MS = 20.0
PORTFOLIO_TARGET_S = 1.0
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--portfolio", type=int, default=1000, help="projects in the portfolio store (default 1000)")
    parser.add_argument("--saves", type=int, default=200, help="autosaves timed (default 200)")


def _autosave_ms(folder: Path, saves: int) -> tuple[float, float]:
    project = load_sample("loan")
    store = ProjectStore(f"sqlite:///{folder / 'autosave.db'}")
    stored = store.create(project)
    version = stored.version
    start = time.perf_counter()
    for _ in range(saves):
        version = store.save(stored.id, project, expected_version=version)
    ours = (time.perf_counter() - start) * 1000 / saves
    store.dispose()

    document = json.dumps(project_document(project))
    connection = sqlite3.connect(folder / "baseline.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, document TEXT)")
    start = time.perf_counter()
    for _ in range(saves):
        with connection:
            connection.execute("INSERT INTO docs (document) VALUES (?)", (document,))
    baseline = (time.perf_counter() - start) * 1000 / saves
    connection.close()
    return ours, baseline


def _portfolio_page_seconds(url: str) -> float:
    from streamlit.testing.v1 import AppTest  # only this case needs streamlit

    # AppTest runs outside a server; its "missing ScriptRunContext" warnings are noise in a table.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    os.environ["LIFECYCLE_STORE_URL"] = url
    os.environ["LIFECYCLE_SEED_SAMPLES"] = "0"  # measure exactly the projects this benchmark stored
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/portfolio.py").run()  # warm: imports, store connection
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        at.run()
        best = min(best, time.perf_counter() - start)
    assert not at.exception, at.exception
    return best


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    with tempfile.TemporaryDirectory(prefix="lifecycle-bench-") as tmp:
        folder = Path(tmp)
        ours, baseline = _autosave_ms(folder, options.saves)

        big = f"sqlite:///{folder / 'portfolio.db'}"
        store = ProjectStore(big)
        start = time.perf_counter()
        for project in portfolio(load_sample("loan"), options.portfolio):
            store.create(project)
        fill_s = time.perf_counter() - start
        store.dispose()
        empty = f"sqlite:///{folder / 'empty.db'}"
        page_full = _portfolio_page_seconds(big)
        page_empty = _portfolio_page_seconds(empty)

    rows = [
        {
            "case": "autosave of the loan project (SQLite)",
            "ours": f"{ours:.2f} ms",
            "baseline": f"{baseline:.2f} ms (bare sqlite3 insert)",
            "ratio": f"{ours / baseline:.1f}x",
            "target": f"< {AUTOSAVE_TARGET_MS:g} ms: " + ("ok" if ours < AUTOSAVE_TARGET_MS else "MISSED"),
        },
        {
            "case": f"Portfolio page script, {options.portfolio:,} projects",
            "ours": f"{page_full * 1000:.0f} ms",
            "baseline": f"{page_empty * 1000:.0f} ms (empty store)",
            "ratio": f"{page_full / page_empty:.1f}x",
            "target": f"< {PORTFOLIO_TARGET_S:g} s: " + ("ok" if page_full < PORTFOLIO_TARGET_S else "MISSED"),
        },
    ]
    notes = [
        f"autosave: mean of {options.saves} saves (validation, checks summary, update + history row, commit).",
        f"portfolio: best of 3 reruns after a warm-up; filling the store took {fill_s:.1f} s.",
    ]
    return rows, notes
