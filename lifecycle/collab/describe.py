"""Where an answer lives and what it says, in words, for conflicts and the history's diffs.

Paths come from the merge (``("data", "sources", RowKey(id), "owner")``); labels are the
question wording declared on the model, so they read as on the pages.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from ..model import ROW_ID, Project, Row
from ..phases import PHASES_BY_KEY
from ..questions import Question, _unwrap_optional
from .merge import MISSING, Path, RowKey

SEPARATOR = " › "
EMPTY = "(not answered)"


def _section_title(key: str) -> str:
    if key in PHASES_BY_KEY:
        return PHASES_BY_KEY[key].title
    return {"info": "Overview", "ai_act": "EU AI Act", "accepted_findings": "Accepted findings"}.get(
        key, key.replace("_", " ").capitalize()
    )


def _question(model: type[BaseModel], name: str) -> Question | None:
    from ..questions import _question as build  # the catalogue's own reading of a field

    info = model.model_fields.get(name)
    if info is None:
        return None
    try:
        return build(name, info)
    except TypeError:
        return None


def _child(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    info = model.model_fields.get(name)
    if info is None:
        return None
    annotation = _unwrap_optional(info.annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return item if isinstance(item, type) and issubclass(item, Row) else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def question_at(path: Path) -> Question | None:
    """The question (or table column) a path ends at, if it is one."""
    model: type[BaseModel] | None = Project
    question = None
    for part in path:
        if model is None:
            return None
        if isinstance(part, RowKey):
            continue  # the row's model was entered with its table
        question = _question(model, part)
        model = _child(model, part)
    return question


def row_title(row: Any, path: Path) -> str:
    """A row named as the table shows it: its first column's answer."""
    question = question_at(path)
    if isinstance(row, dict) and question is not None and question.columns:
        first = row.get(question.columns[0].name)
        if isinstance(first, str) and first.strip():
            return f"“{first.strip()}”"
    return "a row"


def label(path: Path, rows: dict[tuple[Path, str], Any] | None = None) -> str:
    """e.g. "Data › Data sources › row “bureau” › Owner". ``rows`` (``merge.rows_by_id``) names the rows."""
    parts: list[str] = []
    model: type[BaseModel] | None = Project
    for index, part in enumerate(path):
        if isinstance(part, RowKey):
            row = (rows or {}).get((path[:index], part.row_id))
            parts.append("row " + row_title(row, path[:index]))
            continue
        if index == 0:
            parts.append(_section_title(part))
        else:
            question = _question(model, part) if model is not None else None
            fallback = "Stage gate" if part == "gate" else part.replace("_", " ")
            parts.append(question.label if question is not None else fallback)
        model = _child(model, part) if model is not None else None
    return SEPARATOR.join(parts)


def show(value: Any, path: Path) -> str:
    """An answer as a person reads it: choice labels, Yes/No, a row on one line."""
    if value is MISSING:
        return "(row deleted)"
    if value is None or value == "" or value == []:
        return EMPTY
    question = question_at(path)
    if isinstance(value, dict):  # a whole row
        columns = question.columns if question is not None else ()
        shown = [show(value.get(c.name), (*path, c.name)) for c in columns if value.get(c.name) not in (None, "", [])]
        return "; ".join(shown) or EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    labels = {c.value: c.label for c in question.choices} if question is not None else {}
    if isinstance(value, list):
        return "; ".join(labels.get(v, str(v)) if not isinstance(v, dict) else str(v.get(ROW_ID)) for v in value)
    return labels.get(value, str(value)) if isinstance(value, str) else str(value)
