"""How long the PDF exports take, against a one-line fpdf2 PDF made in the same run.

Cases, for the loan sample: the one-page canvas (target under 150 ms) and the full
lifecycle map (target under 500 ms), each the best of several rounds, after one warm-up
export (which loads the fonts' metrics once per process, as the app and CLI do). The
baseline is the cheapest PDF fpdf2 can make with a Unicode font (one DejaVu face, one
line of text), so the ratio says how much our layout and content cost on this machine.

Run alone with ``python -m benchmarks.bench_pdf`` or with the others via ``python -m benchmarks``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

from lifecycle.export import export_canvas, export_map
from lifecycle.export.fonts import FONT_DIR, FONT_FILES
from lifecycle.samples import load_sample

NAME = "pdf"
TITLE = "PDF exports of the loan sample vs a one-line fpdf2 PDF"
TARGETS_MS = {"canvas": 150.0, "map": 500.0}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf-repeat", type=int, default=5, help="timed rounds per PDF case; the best is kept")


def _best_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def _one_line() -> bytes:
    pdf = FPDF()
    pdf.add_font("dejavu", "", str(FONT_DIR / FONT_FILES[""]))
    pdf.add_page()
    pdf.set_font("dejavu", size=12)
    pdf.cell(text="Lifecycle Workbook")
    return bytes(pdf.output())


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    rounds = max(1, getattr(options, "pdf_repeat", 5))
    project = load_sample("loan")
    canvas, full = export_canvas(project), export_map(project)  # warm-up: font metrics, imports
    baseline = _best_ms(_one_line, rounds)
    cases = [
        ("one-line fpdf2 PDF (baseline)", None, baseline, 1, len(_one_line())),
        ("canvas, one A3 page", "canvas", _best_ms(lambda: export_canvas(project), rounds), canvas.pages,
         len(canvas.data)),
        ("full lifecycle map", "map", _best_ms(lambda: export_map(project), rounds), full.pages, len(full.data)),
    ]
    rows = []
    for case, key, ms, pages, size in cases:
        target = TARGETS_MS.get(key or "")
        rows.append({
            "case": case,
            "pages": str(pages),
            "KiB": f"{size / 1024:.0f}",
            "ms": f"{ms:.1f}",
            "x baseline": f"{ms / baseline:.1f}",
            "target": f"< {target:g} ms" if target else "",
            "met": ("ok" if ms < target else "MISSED") if target else "",
        })
    notes = [
        f"best of {rounds} rounds after one warm-up export; the canvas had {len(canvas.truncated)} shortened "
        f"block(s): {', '.join(canvas.truncated) or 'none'}.",
        "baseline = FPDF() + one DejaVu face + one line of text + output(), fonts parsed each time.",
    ]
    return rows, notes


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_pdf", description=TITLE)
    add_arguments(parser)
    from benchmarks.__main__ import report

    report(sys.modules[__name__], *run(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
