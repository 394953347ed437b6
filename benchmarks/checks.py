"""How long all checks take per project, compared with loading (parsing + validating) the same file.

Three cases: one project (the loan sample, or the perfect fixture if the samples are
missing), timed over many repeats; the same project with the text-analysis caches cleared
before every review; and a portfolio of generated projects (see
``benchmarks.portfolio``), each dumped to YAML, then loaded and checked. The ratio
column is check time divided by load time for the same files in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lifecycle.checks import registered, run_checks
from lifecycle.storage import dump_project, parse_project
from lifecycle.text import clear_caches

from .portfolio import portfolio

NAME = "checks"
TITLE = "Rules of ML checks: time per project vs loading the project file"
TARGET_MS = 5.0
ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT / "sample_projects" / "loan.yaml", ROOT / "tests" / "fixtures" / "perfect.yaml")
FIXTURE = CANDIDATES[1]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--projects", type=int, default=1000, help="size of the generated portfolio (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds per case; the best round is kept")


def _best_ms(action: Callable[[], object], calls: int, rounds: int) -> float:
    """Milliseconds per call: the fastest of ``rounds`` rounds of ``calls`` calls (least disturbed by noise)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            action()
        times.append((time.perf_counter() - start) * 1000 / calls)
    return min(times)


def _row(case: str, projects: int, load_ms: float, check_ms: float, findings: float) -> dict[str, str]:
    return {
        "case": case,
        "projects": f"{projects:,}",
        "load ms/project": f"{load_ms:.2f}",
        "checks ms/project": f"{check_ms:.3f}",
        "checks / load": f"{check_ms / load_ms:.3f}",
        "findings/project": f"{findings:.1f}",
        f"target < {TARGET_MS:g} ms": "ok" if check_ms < TARGET_MS else "MISSED",
    }


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    rounds = max(1, options.repeat)
    path = next(p for p in CANDIDATES if p.exists())
    data = path.read_bytes()
    project = parse_project(data, path.name)
    load_ms = _best_ms(lambda: parse_project(data, path.name), calls=20, rounds=rounds)
    check_ms = _best_ms(lambda: run_checks(project), calls=200, rounds=rounds)
    rows = [_row(f"one project ({path.relative_to(ROOT)})", 1, load_ms, check_ms, len(run_checks(project)))]

    def cold() -> None:
        clear_caches()
        run_checks(project)

    cold_ms = _best_ms(cold, calls=50, rounds=rounds)
    rows.append(_row("same project, text never seen (caches cleared)", 1, load_ms, cold_ms, len(run_checks(project))))

    base = parse_project(FIXTURE.read_bytes(), FIXTURE.name)
    generated = portfolio(base, options.projects)
    files = [dump_project(p).encode("utf-8") for p in generated]
    start = time.perf_counter()
    loaded = [parse_project(blob, f"generated-{i}.yaml") for i, blob in enumerate(files)]
    load_total = (time.perf_counter() - start) * 1000
    check_total = min(
        _timed(lambda: [run_checks(p) for p in loaded]) for _ in range(rounds)
    )
    findings = statistics.mean(len(run_checks(p)) for p in loaded)
    count = len(loaded)
    rows.append(_row(f"portfolio (varied {FIXTURE.name})", count, load_total / count, check_total / count, findings))
    notes = [
        f"{len(registered())} checks registered; portfolio load timed once over all files, checks best of {rounds}.",
        "load = parse_project(bytes): YAML parsing + pydantic validation, as the app and CLI do it.",
        "The text analysis caches each answer it reads; the second row reads every answer afresh, as after an edit "
        "that touches all of them (an edit to one answer re-reads only that one).",
    ]
    return rows, notes


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000
