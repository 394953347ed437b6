"""Hostile and careless input: how fast, and in how much memory, each case gets its clear message.

Every case runs in a fresh Python process (so its peak memory is its own): the process imports
the workbook, notes its resident memory, reads the input as the app does (``parse_project`` for
project files, ``read_bounded`` for a stream, ``read_csv`` + ``analyse`` for monitoring data),
and reports the time of that read and the growth of its peak resident memory. The ratio column
is each case's time over reading a normal project (the loan sample) measured the same way in
the same run; the diagnosis cases are compared with analysing the bundled loan data.

The CLI cases run ``lifecycle check`` (its ``main``, output captured) the same way, from the
read to the exit status: they also cover what the command does around the reader (indexing
positions for reports, reading ``--policy`` packs). They are compared with ``lifecycle check``
on the loan sample; the interpreter's start and the imports are outside the timing (the
notes give them).

Targets (issue #17): a clear message within 2 s and 300 MB for every project-file case; the
diagnosis within its documented limits (the heaviest analysis the limits allow is measured too).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

NAME = "hostile"
TITLE = "Hostile input: time and peak memory to a clear message, vs reading a normal project"
TARGET_S = 2.0
TARGET_MB = 300.0
ROOT = Path(__file__).resolve().parent.parent
LOAN = ROOT / "sample_projects" / "loan.yaml"
LIMIT = 2 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hostile-repeat", type=int, default=3,
                        help="processes per hostile case; the fastest is kept (default 3)")


# --- the inputs -------------------------------------------------------------------------------------


def _fill(text: str, limit: int = LIMIT - 50_000) -> str:
    return text[:limit]


def _rows_yaml(count: int) -> bytes:
    return ("data:\n  sources:\n" + "".join(f"    - {{name: s{i}}}\n" for i in range(count))).encode()


def _rows_json(count: int) -> bytes:
    return json.dumps({"data": {"sources": [{"name": f"s{i}"} for i in range(count)]}}).encode()


def _many_values_yaml() -> bytes:
    # Each list and mapping within its own limit; 1.95 MB and far more values than a project holds.
    lines = ["data:"]
    size = 6
    i = 0
    while size < LIMIT - 60_000:
        line = f"  k{i}: [" + ", ".join(str(n) for n in range(200)) + "]"
        lines.append(line)
        size += len(line) + 1
        i += 1
    return ("\n".join(lines) + "\n").encode()


def _largest_valid_yaml() -> bytes:
    """The loan project with every table filled to its row limit with long text, just under 2 MB."""
    import yaml

    document = yaml.safe_load(LOAN.read_text(encoding="utf-8"))

    def grow(node):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, list) and value and isinstance(value[0], dict) and key != "activities":
                    node[key] = [_varied(value[0], n) for n in range(200)]
                else:
                    grow(value)

    def _varied(row: dict, n: int) -> dict:
        # Free text (it has spaces) grows to near its limit; names get a number; choices stay valid.
        return {k: (f"{v} {n} " + "text " * 60)[:290] if isinstance(v, str) and " " in v
                else f"{v} {n}" if k == "name" else v for k, v in row.items()}

    grow(document)
    document = json.loads(json.dumps(document, default=str))  # no shared objects: the dump must not use anchors

    def dump() -> str:
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)

    text = dump()
    while len(text.encode()) > LIMIT - 50_000:  # trim rows until it fits
        for value in _tables(document):
            if len(value) > 20:
                del value[-10:]
        text = dump()
    return text.encode()


def _tables(node):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        for value in node.values():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                yield value
            yield from _tables(value)


def _duplicate_at_the_end() -> bytes:
    text = LOAN.read_text(encoding="utf-8")
    padding = "# " + "x" * 98 + "\n"
    body = text + padding * ((LIMIT - 60_000 - len(text)) // len(padding))
    return (body + "info:\n  name: second\n").encode()


def cli_cases() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """``lifecycle check`` cases: (how the file is passed, its bytes). ``file``: as the project file;
    ``policy``: as ``--policy`` with the loan sample as the project."""
    return {
        "CLI: JSON nested 500 levels": ("file", lambda: ('{"info": ' + "[" * 500 + "]" * 500 + "}").encode()),
        "CLI: JSON nested 10,000 levels": ("file", lambda: ('{"info": ' + "[" * 10_000 + "]" * 10_000 + "}").encode()),
        "CLI: YAML nested 500 levels": ("file", lambda: ("info: " + "[" * 500 + "]" * 500 + "\n").encode()),
        "CLI: YAML nested 10,000 levels": ("file", lambda: ("info: " + "[" * 10_000 + "]" * 10_000 + "\n").encode()),
        "CLI: YAML nested 500 levels (block)":
            ("file", lambda: ("info:\n" + "".join("  " * d + "-\n" for d in range(1, 500))).encode()),
        "CLI: YAML 100,000 table rows (1.7 MB)": ("file", lambda: _rows_yaml(100_000)),
        "CLI: YAML 1.95 MB of lists (>50,000 values)": ("file", _many_values_yaml),
        "CLI: --policy pack nested 10,000 levels":
            ("policy", lambda: ("name: x\nrules: " + "[" * 10_000 + "]" * 10_000 + "\n").encode()),
    }


def project_cases() -> dict[str, Callable[[], bytes]]:
    deep = 10_000
    return {
        "YAML: 100,000 table rows (1.7 MB)": lambda: _rows_yaml(100_000),
        "JSON: 100,000 table rows (1.6 MB)": lambda: _rows_json(100_000),
        "YAML: 1.95 MB of lists (>50,000 values)": _many_values_yaml,
        "YAML: every table at 200 rows (valid, 1.3 MB)": _largest_valid_yaml,
        "YAML: nested 10,000 levels": lambda: ("info: " + "[" * deep + "]" * deep + "\n").encode(),
        "YAML: nested 500 levels (block)":
            lambda: ("info:\n" + "".join("  " * d + "-\n" for d in range(1, 500))).encode(),
        "JSON: nested 10,000 levels": lambda: ('{"info": ' + "[" * deep + "]" * deep + "}").encode(),
        "YAML: integer of 5,000 digits": lambda: ("data:\n  labelled_examples: " + "9" * 5000 + "\n").encode(),
        "JSON: integer of 100,000 digits": lambda: ('{"data": {"labelled_examples": ' + "9" * 100_000 + "}}").encode(),
        "JSON: NaN": lambda: b'{"data": {"training_window_months": NaN}}',
        "YAML: duplicate key at the end of 1.9 MB": _duplicate_at_the_end,
        "YAML: 2025-02-30 as a date": lambda: b"problem_framing:\n  gate:\n    decided_on: 2025-02-30\n",
        "YAML: over the byte limit (3 MB)": lambda: b"a: " + b"x" * (3 * 1024 * 1024),
    }


def _csv(columns: int, rows: int, cell: Callable[[int, int], str]) -> bytes:
    header = ",".join(f"c{j}" for j in range(columns))
    return (header + "\n" + "".join(",".join(cell(i, j) for j in range(columns)) + "\n"
                                    for i in range(rows))).encode()


def _loan_with(column: int, value: str) -> bytes:
    lines = (ROOT / "sample_projects" / "loan_monitoring" / "2025-09.csv").read_text().splitlines()
    parts = lines[1].split(",")
    parts[column] = value
    lines[1] = ",".join(parts)
    return ("\n".join(lines) + "\n").encode()


# --- the worker: one case in a fresh process ----------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:  # Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current RSS
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def worker(kind: str, path: str, extra: str) -> dict[str, object]:
    import contextlib
    import io
    import time

    from lifecycle.cli.main import main as cli_main
    from lifecycle.diagnosis.analysis import analyse
    from lifecycle.diagnosis.data import DataError, Roles, read_csv
    from lifecycle.reader import ProjectFileError, read_bounded
    from lifecycle.storage import parse_project

    imports = time.perf_counter() - STARTED  # start-up, not the case's time
    data = Path(path).read_bytes() if kind not in ("stream", "cli") else b""
    spec = json.loads(extra) if kind == "analysis" else {"paths": [], "groups": []}
    paths = spec["paths"]
    files = [Path(p).read_bytes() for p in paths]
    _reset_peak()
    before = _rss_mb()
    start = time.perf_counter()
    message = "opened"
    try:
        if kind == "project":
            parse_project(data, Path(path).name)
        elif kind == "concurrent":  # three sessions uploading at once: threads of one server process
            from concurrent.futures import ThreadPoolExecutor

            def one(_: int) -> str:
                try:
                    parse_project(data, Path(path).name)
                    return "opened"
                except ProjectFileError as error:
                    return "; ".join(error.problems)

            with ThreadPoolExecutor(3) as pool:
                message = "3 x " + list(pool.map(one, range(3)))[0]
        elif kind == "stream":
            read_bounded(path)
        elif kind == "cli":  # extra: the arguments after `lifecycle`
            out, err = io.StringIO(), io.StringIO()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = cli_main(json.loads(extra))
                message = f"exit {code}: " + (err.getvalue().splitlines() or ["(no message)"])[0]
            except Exception as exc:  # the row then says MISSED: a traceback is never a clear message
                message = f"traceback: {type(exc).__name__}"
        elif kind == "csv":
            read_csv(data, Path(path).name)
        else:
            batches = [read_csv(blob, Path(p).name) for blob, p in zip(files, paths)]
            analyse(batches[0], batches[1:], Roles(groups=tuple(spec["groups"])))
            message = "analysed"
    except (ProjectFileError, DataError) as error:
        message = "; ".join(getattr(error, "problems", None) or [getattr(error, "problem", str(error))])
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": max(0.0, _peak_mb() - before), "message": message,
            "imports_s": imports}


def _run_case(kind: str, path: str, extra: str = "", repeat: int = 3) -> dict[str, object]:
    best: dict[str, object] | None = None
    for _ in range(max(1, repeat)):
        done = subprocess.run([sys.executable, "-m", "benchmarks.hostile", kind, path, extra], capture_output=True,
                              text=True, cwd=ROOT, timeout=600, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        if best is None or result["seconds"] < best["seconds"]:  # type: ignore[operator]
            best = result
    assert best is not None
    return best


def _row(case: str, result: dict[str, object], baseline: float, limit_s: float = TARGET_S,
         limit_mb: float = TARGET_MB) -> dict[str, str]:
    seconds, peak = float(result["seconds"]), float(result["peak_mb"])  # type: ignore[arg-type]
    message = str(result["message"])
    return {
        "case": case,
        "time s": f"{seconds:.3f}",
        "× normal read": f"{seconds / baseline:.1f}",
        "peak MB": f"{peak:.0f}",
        "message": message if len(message) <= 70 else message[:69] + "…",
        "target": f"< {limit_s:g} s, < {limit_mb:g} MB",
        "met": "ok" if seconds < limit_s and peak < limit_mb and not message.startswith("traceback") else "MISSED",
    }


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    from lifecycle.diagnosis.data import Roles

    repeat = getattr(options, "hostile_repeat", 3)
    rows: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        work = Path(folder)
        normal = _run_case("project", str(LOAN), repeat=repeat)
        baseline = float(normal["seconds"])  # type: ignore[arg-type]
        rows.append(_row("normal project (loan.yaml, 29 KB): the baseline", normal, baseline))
        for index, (case, make) in enumerate(project_cases().items()):
            path = work / f"case{index}.{'json' if case.startswith('JSON') else 'yaml'}"
            path.write_bytes(make())
            rows.append(_row(case, _run_case("project", str(path), repeat=repeat), baseline))
            if "(valid" in case:
                rows.append(_row("  the same, 3 uploads at once (threads)", _run_case("concurrent", str(path),
                                                                                      repeat=repeat), baseline))
        rows.append(_row("stream: /dev/zero", _run_case("stream", "/dev/zero", repeat=repeat), baseline))

        loan = str(LOAN)
        normal_cli = _run_case("cli", loan, json.dumps(["check", loan]), repeat=repeat)
        cli_s = float(normal_cli["seconds"])  # type: ignore[arg-type]
        startups = [float(normal_cli["imports_s"])]  # type: ignore[arg-type]
        row = _row("CLI: lifecycle check loan.yaml (the CLI baseline)", normal_cli, baseline)
        row["× normal read"] = "1.0 × check"
        rows.append(row)
        for index, (case, (role, make)) in enumerate(cli_cases().items()):
            path = work / f"cli{index}.{'json' if 'JSON' in case else 'yaml'}"
            path.write_bytes(make())
            argv = ["check", str(path)] if role == "file" else ["check", "--policy", str(path), loan]
            result = _run_case("cli", str(path), json.dumps(argv), repeat=repeat)
            startups.append(float(result["imports_s"]))  # type: ignore[arg-type]
            row = _row(case, result, baseline)
            row["× normal read"] = f"{float(result['seconds']) / cli_s:.1f} × check"  # type: ignore[arg-type]
            rows.append(row)
        dev_zero = _run_case("cli", "/dev/zero", json.dumps(["check", "--policy", "/dev/zero", loan]), repeat=repeat)
        row = _row("CLI: --policy /dev/zero", dev_zero, baseline)
        row["× normal read"] = f"{float(dev_zero['seconds']) / cli_s:.1f} × check"  # type: ignore[arg-type]
        rows.append(row)

        monitoring = ROOT / "sample_projects" / "loan_monitoring"
        bundled = [str(monitoring / f"{n}.csv") for n in ("reference", "2025-09", "2025-10", "2025-11", "2025-12",
                                                           "2026-01", "2026-02")]
        analysis = _run_case("analysis", bundled[0], json.dumps({"paths": bundled, "groups": list(Roles().groups)}),
                             repeat=repeat)
        analysis_s = float(analysis["seconds"])  # type: ignore[arg-type]
        rows.append(_row("diagnosis: bundled loan data (the diagnosis baseline)", analysis, baseline))
        csv_cases = {
            "CSV: one cell of 4 MB": _loan_with(9, "x" * 4_000_000),
            "CSV: one cell of 1 MB": _loan_with(9, "x" * 1_000_000),
            "CSV: a group value of 1,200 characters": _loan_with(0, "g" * 1_200),
            "CSV: 10,000 columns": _csv(10_000, 20, lambda i, j: str((i + j) % 7)),
        }
        for index, (case, blob) in enumerate(csv_cases.items()):
            path = work / f"csv{index}.csv"
            path.write_bytes(blob)
            rows.append(_row(case, _run_case("csv", str(path), repeat=repeat), baseline))
        # The heaviest analysis the limits allow: 6 million cells (300 columns x 5,000 rows, four files).
        heavy = []
        for index in range(4):
            path = work / f"heavy{index}.csv"
            path.write_bytes(_csv(300, 5_000, lambda i, j, k=index: str((i * 7 + j * 3 + k * i % 5) % 97)))
            heavy.append(str(path))
        result = _run_case("analysis", heavy[0], json.dumps({"paths": heavy, "groups": []}), repeat=1)
        row = _row("diagnosis at its limits: 4 files x 300 cols x 5,000 rows", result, baseline,
                   limit_s=60.0, limit_mb=TARGET_MB)
        row["× normal read"] = f"{float(result['seconds']) / analysis_s:.1f} × bundled"  # type: ignore[arg-type]
        rows.append(row)
    notes = [
        f"Each case in a fresh process, fastest of {repeat}; peak MB = growth of the process's peak resident "
        "memory (VmHWM) during the read.",
        "The YAML is read from libyaml's events (PyYAML's C parser) by the workbook's own bounded builder, which "
        "stops at the first limit.",
        "The diagnosis at its limits is timed once and held to 60 s (it shows progress meanwhile); its ratio is "
        "against analysing the bundled loan data.",
        f"CLI rows: `lifecycle check` from the read to the exit status, against checking the loan sample; the "
        f"imports before it (the workbook's and this benchmark's) took {min(startups):.2f}-{max(startups):.2f} s per "
        "process and are not counted.",
    ]
    return rows, notes


STARTED = 0.0  # set when this module runs as a case's process

if __name__ == "__main__":
    import time

    STARTED = time.perf_counter()
    kind, path, extra = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "")
    print(json.dumps(worker(kind, path, extra)))
    sys.stdout.flush()
    os._exit(0)
