"""The portfolio as a table: the rows the Portfolio page shows, and the same rows as a CSV download.

Cells a spreadsheet would run as a formula are neutralised as OWASP recommends for CSV
injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading single quote, so ``=HYPERLINK(…)`` in a project name is shown as text. The
same neutralised text is what the page's table shows (its own toolbar can also download it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..compliance.screening import tier_label
from ..integrations.mlflow.portfolio import alias_line
from ..phases import PHASES
from .store import ListedProject

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HIDDEN = "—"  # a figure practice mode hides (``ProjectSummary`` holds None): not 0, which would read "no blockers"


def neutralise(cell: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, prefixed with ``'``; anything else unchanged."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def portfolio_rows(items: Sequence[ListedProject]) -> list[dict[str, Any]]:
    """One row per project, in the page's column order; text cells already neutralised."""
    return [
        {
            "Project": neutralise(i.summary.name or "Untitled project"),
            "Practice": neutralise(i.summary.practice),
            "Owner": neutralise(i.summary.owner),
            "Business unit": neutralise(i.summary.business_unit),
            **{p.title: i.summary.phase_percent(p.key) for p in PHASES},
            "Open blockers": HIDDEN if i.summary.open_blockers is None else i.summary.open_blockers,
            "Gates passed": f"{i.summary.gates_passed}/{len(PHASES)}",
            "MLOps maturity": neutralise(i.summary.maturity),
            "EU AI Act tier": tier_label(i.summary.risk_tier),
            "Model registry": neutralise(alias_line(i.summary.registry or {})),
            "Version": i.version,
            "Updated": i.updated_at,
            "Archived": i.archived,
        }
        for i in items
    ]


def portfolio_csv(items: Sequence[ListedProject]) -> bytes:
    """The portfolio table as UTF-8 CSV (with a byte order mark, so spreadsheets read the accents)."""
    rows = portfolio_rows(items)
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["Project"]
    writer = csv.DictWriter(out, fieldnames=columns, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (v.strftime("%Y-%m-%d %H:%M") if isinstance(v, datetime) else neutralise(v))
                         for k, v in row.items()})
    return ("\ufeff" + out.getvalue()).encode("utf-8")
