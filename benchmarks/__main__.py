"""Run the benchmarks and print one table each: ``python -m benchmarks [NAME ...] [options]``.

To add a benchmark, write a module in this package with ``NAME``, ``TITLE``,
``run(options) -> (rows, notes)`` (rows are dicts column → text) and optionally
``add_arguments(parser)``, and list it in ``BENCHMARKS``.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from collections.abc import Sequence

BENCHMARKS: list[str] = [
    "benchmarks.checks",
    "benchmarks.governance",
    "benchmarks.bench_pdf",
    "benchmarks.store",
    "benchmarks.bench_drift",
    "benchmarks.browser",
    "benchmarks.hostile",  # issue #17: hostile input, time and memory to a clear message
    "benchmarks.review_quality",
    "benchmarks.collab",  # issue #13: merge of concurrent edits, live-update poll
]


def _table(rows: list[dict[str, str]]) -> str:
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    first = columns[0]

    def line(values: dict[str, str]) -> str:
        cells = [values[c].ljust(widths[c]) if c == first else values[c].rjust(widths[c]) for c in columns]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join("-" * (widths[c] + 2) for c in columns) + "|"
    return "\n".join([line({c: c for c in columns}), rule, *(line(r) for r in rows)])


def main(argv: Sequence[str] | None = None) -> int:
    modules = [importlib.import_module(name) for name in BENCHMARKS]
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Run the project's benchmarks.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default all: "
                        f"{', '.join(m.NAME for m in modules)})")
    for module in modules:
        if hasattr(module, "add_arguments"):
            module.add_arguments(parser)
    options = parser.parse_args(argv)
    unknown = set(options.names) - {m.NAME for m in modules}
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.system()})")
    for module in modules:
        if options.names and module.NAME not in options.names:
            continue
        report(module, *module.run(options))
    return 0


def report(module: object, rows: list[dict[str, str]], notes: list[str]) -> None:
    """Print one benchmark's table and its notes."""
    print(f"\n## {module.NAME}: {module.TITLE}\n")  # type: ignore[attr-defined]
    print(_table(rows))
    for note in notes:
        print(f"  {note}")


if __name__ == "__main__":
    sys.exit(main())
