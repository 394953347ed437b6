"""Drift analysis at scale: 1,000,000 rows × 20 mixed columns per side, against Evidently's DataDriftPreset.

Each tool runs in its own subprocess on the same generated frames (same seed), so its
peak memory (``ru_maxrss``) is its own: the row reports the peak of the whole process
(frames included) and what the analysis added on top of the frames. Time is the wall
clock of the analysis alone, from the two DataFrames to the per-column verdicts.

Evidently is optional (``pip install -e '.[bench]'``). When it is missing, or installed
but not importable with this pandas (Evidently 0.7 does not import under pandas 3), its
row is skipped with a note. Timings never enter the unit tests.

Run: ``python -m benchmarks drift`` (or ``python -m benchmarks.bench_drift``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

NAME = "drift"
TITLE = "Drift analysis (PSI + KS/chi-square per column), 20 mixed columns per side, vs Evidently DataDriftPreset"
ROOT = Path(__file__).resolve().parent.parent
SEED = 7
NUMERIC = 14
CATEGORICAL = 6
TARGET_SECONDS = 3.0
TARGET_GIB = 2.0
TARGET_SPEEDUP = 5.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--drift-rows", type=int, default=1_000_000, help="rows per side (default 1,000,000)")
    parser.add_argument("--drift-evidently-python", default=sys.executable, metavar="PYTHON",
                        help="interpreter with Evidently installed, for its row (default: this one); Evidently 0.7 "
                             "needs pandas < 3, so it may live in its own virtualenv")


def frames(rows: int, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reference and current frames: 14 numeric and 6 text columns; 4 numeric and 2 text columns drift."""
    rng = np.random.default_rng(seed)
    sides = []
    for side in (0, 1):
        data: dict[str, object] = {}
        for i in range(NUMERIC):
            shift = 0.25 * side if i < 4 else 0.0
            kind = i % 4
            if kind == 0:
                values = rng.normal(shift, 1.0, rows)
            elif kind == 1:
                values = np.round(rng.lognormal(7.8 + shift, 0.45, rows), 0)
            elif kind == 2:
                values = rng.poisson(1.5 + shift, rows).astype("float64")
            else:
                values = rng.uniform(shift, 1.0 + shift, rows)
            data[f"num_{i:02d}"] = values
        for j in range(CATEGORICAL):
            labels = np.array([f"c{j}_{k}" for k in range(4 + 2 * j)], dtype=object)
            weights = np.linspace(1.0, 2.0, labels.size)
            if side and j < 2:
                weights = weights[::-1]
            data[f"cat_{j}"] = rng.choice(labels, rows, p=weights / weights.sum())
        sides.append(pd.DataFrame(data))
    return sides[0], sides[1]


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _ours(reference: pd.DataFrame, current: pd.DataFrame) -> dict[str, float]:
    from lifecycle.diagnosis.data import Batch
    from lifecycle.diagnosis.drift import drift_report

    report = drift_report(Batch("reference", reference), Batch("current", current))
    return {"drifted": len(report.drifted), "columns": len(report.columns)}


def _evidently(reference: pd.DataFrame, current: pd.DataFrame) -> dict[str, float]:
    from evidently import Report
    from evidently.presets import DataDriftPreset

    snapshot = Report([DataDriftPreset()]).run(current_data=current, reference_data=reference)
    drifted = None
    for metric in snapshot.dict().get("metrics", []):
        if str(metric.get("metric_name", "")).startswith("DriftedColumnsCount"):
            drifted = metric.get("value", {}).get("count")
    return {"drifted": float(drifted) if drifted is not None else float("nan"), "columns": NUMERIC + CATEGORICAL}


def worker(tool: str, rows: int) -> dict[str, Any]:
    """Generate the frames, time one tool on them, report time and memory (run in a subprocess)."""
    # Import first: module imports (SciPy, Evidently) are a one-off cost, not part of the analysis.
    if tool == "evidently":
        import evidently.presets  # noqa: F401  (also fails early when it cannot be imported)
    else:
        import lifecycle.diagnosis.drift  # noqa: F401
    reference, current = frames(rows)
    before = _rss_mib()
    start = time.perf_counter()
    result = (_ours if tool == "ours" else _evidently)(reference, current)
    seconds = time.perf_counter() - start
    peak = _peak_mib()
    import importlib.metadata as metadata

    version = metadata.version("evidently") if tool == "evidently" else ""
    return {"seconds": seconds, "peak_mib": peak, "frames_mib": before, "added_mib": max(0.0, peak - before),
            "version": version, "pandas": pd.__version__, **result}


def _spawn(tool: str, rows: int, python: str = sys.executable) -> tuple[dict[str, Any] | None, str]:
    command = [python, "-m", "benchmarks.bench_drift", "--worker", tool, "--drift-rows", str(rows)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=3600,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return None, lines[-1] if lines else f"exit code {done.returncode}"
    return json.loads(done.stdout.strip().splitlines()[-1]), ""


def _row(tool: str, rows: int, result: dict[str, Any], ratio: str, targets: str) -> dict[str, str]:
    return {
        "tool": tool,
        "rows per side": f"{rows:,}",
        "columns": f"{int(result['columns'])}",
        "drifted": "?" if result["drifted"] != result["drifted"] else f"{int(result['drifted'])}",
        "seconds": f"{result['seconds']:.2f}",
        "peak RSS MiB": f"{result['peak_mib']:,.0f}",
        "added MiB": f"{result['added_mib']:,.0f}",
        "Evidently / ours": ratio,
        "targets": targets,
    }


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    rows = options.drift_rows
    ours, error = _spawn("ours", rows)
    if ours is None:
        raise RuntimeError(f"our drift analysis failed: {error}")
    notes = [
        f"{NUMERIC} numeric + {CATEGORICAL} text columns per side; 4 numeric and 2 text columns shifted.",
        "Each tool runs in a fresh subprocess on identical frames; 'peak RSS' includes the frames, 'added' is "
        "the peak minus the RSS just before the analysis.",
        f"pandas {pd.__version__}, NumPy {np.__version__}.",
    ]
    evidently, problem = _spawn("evidently", rows, options.drift_evidently_python)
    fast = ours["seconds"] < TARGET_SECONDS and ours["peak_mib"] < TARGET_GIB * 1024
    if evidently is None:
        notes.append("Evidently skipped: " + (
            "it is not installed. Evidently 0.7 needs pandas < 3: install it (pip install -e '.[bench]') in a "
            "virtualenv of its own and pass --drift-evidently-python PATH." if "No module named 'evidently'" in problem
            else f"it could not run here ({problem})."))
        ours_targets = f"< {TARGET_SECONDS:g} s, < {TARGET_GIB:g} GiB: {'ok' if fast else 'MISSED'}"
        return [_row("ours (lifecycle.diagnosis)", rows, ours, "–", ours_targets)], notes
    speedup = evidently["seconds"] / ours["seconds"]
    ours_targets = (f"< {TARGET_SECONDS:g} s, < {TARGET_GIB:g} GiB, ≥ {TARGET_SPEEDUP:g}×: "
                    + ("ok" if fast and speedup >= TARGET_SPEEDUP else "MISSED"))
    notes.append(f"Evidently {evidently['version']} (pandas {evidently['pandas']}) DataDriftPreset with its default "
                 "per-column tests (normed Wasserstein / Jensen-Shannon distance above 1,000 rows).")
    return [
        _row("ours (lifecycle.diagnosis)", rows, ours, f"{speedup:.1f}×", ours_targets),
        _row("Evidently DataDriftPreset", rows, evidently, "1.0×", ""),
    ], notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_drift", description=TITLE)
    add_arguments(parser)
    parser.add_argument("--worker", choices=["ours", "evidently"], help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.worker:  # one tool's timed run, in the subprocess ``_spawn`` starts
        print(json.dumps(worker(options.worker, options.drift_rows)))
        return 0
    from benchmarks.__main__ import report

    report(sys.modules[__name__], *run(options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
