"""The EU AI Act risk tier as a line of the canvas's governance block (app page and PDF alike)."""

from __future__ import annotations

from ..model import Project
from .screening import screen

BLOCK = "governance"  # the block along the bottom: gate decisions and the plan
PATH = "ai_act.screening"
LABEL = "EU AI Act risk tier"


def derived_lines(project: Project, block_id: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(path, label, lines) the canvas adds to ``block_id`` from derived values; nothing until the use case is
    screened, so an empty project's canvas stays empty."""
    if block_id != BLOCK:
        return []
    screening = screen(project)
    if screening.tier is None:
        return []
    return [(PATH, LABEL, (screening.summary,))]
