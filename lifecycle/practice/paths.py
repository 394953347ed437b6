"""Answer-key paths and flags, resolved against a project to the index form the checks and the UI use.

A key path names an answer (``modeling.evaluation_split``), a table (``monitoring.signals``), or a row by its
name (``data.features[applicant_age]``, a milestone by its phase: ``timeline.gates[monitoring]``) or position
(``data.features[3]``). Rows are named in the key, not
numbered, so the key reads like a review and still holds when a learner adds or removes rows.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import PracticeFlag, Project

Resolved = tuple[str | int, ...]
_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[[^\]]+\])*)")
_INDEX = re.compile(r"\[([^\]]+)\]")
_ROW_NAMES = ("name", "metric", "behaviour", "check_id")  # the column that names a row, per table
# A table whose rows have none of those: the milestones are named by the phase whose gate they date.
_ROW_NAMES_OF_TABLE = {"gates": ("phase",)}


class PathError(ValueError):
    """A path that names no answer or row in the project."""


def _split(path: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in path:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        if char == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _row_index(rows: list[Any], selector: str, path: str, table: str = "") -> int:
    if selector.isdigit():
        index = int(selector)
        if index >= len(rows):
            raise PathError(f"{path}: there is no row {index}")
        return index
    columns = _ROW_NAMES_OF_TABLE.get(table, _ROW_NAMES)
    for index, row in enumerate(rows):
        if isinstance(row, dict) and any(str(row.get(column, "")).strip() == selector for column in columns):
            return index
    raise PathError(f"{path}: no row named {selector!r}")


def resolve(document: dict[str, Any], path: str) -> Resolved:
    """``path`` as a tuple of field names and row positions in ``document`` (a project as plain data)."""
    resolved: list[str | int] = []
    node: Any = document
    for segment in _split(path):
        match = _SEGMENT.fullmatch(segment)
        if not match:
            raise PathError(f"{path}: {segment!r} is not a field name")
        name, brackets = match.groups()
        if not isinstance(node, dict) or name not in node:
            raise PathError(f"{path}: no field {name!r}")
        node = node[name]
        resolved.append(name)
        for selector in _INDEX.findall(brackets):
            if not isinstance(node, list):
                raise PathError(f"{path}: {name!r} is not a table")
            index = _row_index(node, selector.strip(), path, name)
            node = node[index]
            resolved.append(index)
    return tuple(resolved)


def flag_target(document: dict[str, Any], flag: PracticeFlag) -> Resolved:
    """Where a flag points now: its answer, and the row's current position when it names a row that still exists."""
    target = resolve(document, flag.field)
    if flag.flagged_row:
        rows: Any = document
        for part in target:
            rows = rows[part]
        for index, row in enumerate(rows if isinstance(rows, list) else []):
            if isinstance(row, dict) and row.get("row_id") == flag.flagged_row:
                return (*target, index)
    return target


def as_field(resolved: Resolved) -> str:
    """``('data', 'features', 3)`` → ``'data.features[3]'``, the form of a finding's field."""
    text = ""
    for part in resolved:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def document_of(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")
