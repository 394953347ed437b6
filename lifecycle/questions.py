"""The question catalogue: every answer field of a phase, read off the model declarations.

Pages, the PDF and the CLI iterate over these instead of naming fields, so adding a
field to a phase model adds it everywhere.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import ROW_ID, Choice, Row, StageGate
from .model.choices import Comparator

GATE_FIELD = "gate"


@dataclass(frozen=True)
class Question:
    name: str  # attribute name on the section model
    label: str
    help: str
    kind: str  # text | long_text | choice | multi_choice | flag | integer | number | date | table
    required: bool
    group: str = ""
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    row_model: type[Row] | None = None
    columns: tuple["Question", ...] = field(default=(), repr=False)

    def is_answered(self, value: Any) -> bool:
        if self.kind == "table":
            return bool(value) and all(row_is_complete(row, self.columns) for row in value)
        if isinstance(value, str):
            return bool(value.strip())
        if isinstance(value, list):
            return bool(value)
        return value is not None

    def display(self, value: Any) -> str:
        """The answer as a person reads it, without markup; a table as one line per row, joined by '; '."""
        if value is None or value == "" or value == []:
            return ""
        if self.kind == "table":
            return "; ".join(summarise_row(row, self.columns) for row in value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Choice):
            return value.label
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, list) and value and isinstance(value[0], Choice):
            return "; ".join(item.label for item in value)
        if isinstance(value, (int, float)):
            return format_number(value)
        return str(value)


def format_number(value: int | float) -> str:
    """A number as a reader expects it: thousands separated, no trailing '.0' on whole numbers."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.10g}"  # 10 significant digits: 0.1 + 0.2 reads 0.3, not 0.30000000000000004


def _comparison(value: Any) -> str:
    """'≥ at least' as a phrase that reads before a number: 'at least'."""
    label = value.label
    return label.split(" ", 1)[1] if " " in label and not label[0].isalnum() else label


def summarise_row(row: BaseModel, columns: tuple[Question, ...]) -> str:
    """One table row on one line: its first column, then the other answers ('Flag: Yes' for yes/no columns)."""
    first, *rest = columns
    head = first.display(getattr(row, first.name)).strip()
    details = []
    pending = ""  # a comparison ('at least') waits for the number it applies to
    for column in rest:
        value = getattr(row, column.name)
        shown = column.display(value).strip()
        if not shown:
            continue
        if isinstance(value, Comparator):
            pending = _comparison(value)
            continue
        if pending and column.kind in ("integer", "number"):
            shown, pending = f"{pending} {shown}", ""
        details.append(f"{column.label}: {shown}" if column.kind in ("flag", "date") else shown)
    if pending:
        details.append(pending)
    if not head:
        return "; ".join(details)
    return head + (f" ({'; '.join(details)})" if details else "")


def row_is_complete(row: BaseModel, columns: tuple[Question, ...]) -> bool:
    return all(col.is_answered(getattr(row, col.name)) for col in columns if col.required)


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _constraint(info: FieldInfo, attr: str) -> Any:
    for item in info.metadata:
        if hasattr(item, attr):
            return getattr(item, attr)
    return None


def _question(name: str, info: FieldInfo) -> Question:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    annotation = _unwrap_optional(info.annotation)
    common = dict(
        name=name,
        label=info.title or name,
        help=info.description or "",
        required=bool(extra.get("required_at_gate")),
        group=str(extra.get("group", "")),
    )
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, Choice):
            return Question(kind="multi_choice", choices=tuple(item), **common)
        if isinstance(item, type) and issubclass(item, Row):
            return Question(kind="table", row_model=item, columns=questions_of(item), **common)
        raise TypeError(f"unsupported list item type for {name}: {item!r}")
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Question(kind="choice", choices=tuple(annotation), **common)
    if annotation is bool:
        return Question(kind="flag", **common)
    if annotation is int or annotation is float:
        return Question(
            kind="integer" if annotation is int else "number",
            minimum=_constraint(info, "ge"),
            maximum=_constraint(info, "le"),
            **common,
        )
    if annotation is dt.date:
        return Question(kind="date", **common)
    if annotation is str:
        return Question(kind=str(extra.get("widget", "text")), max_length=_constraint(info, "max_length"), **common)
    raise TypeError(f"unsupported answer type for {name}: {annotation!r}")


@cache
def questions_of(model: type[BaseModel]) -> tuple[Question, ...]:
    """The questions a section (or table row) asks, in declaration order, without its stage gate."""
    return tuple(
        _question(name, info)
        for name, info in model.model_fields.items()
        if name not in (GATE_FIELD, "format_version", ROW_ID) and not _recorded(info)
    )


def _recorded(info: FieldInfo) -> bool:
    # Records the workbook writes itself (a gate's signed model version) are kept in the file but never asked.
    return isinstance(info.json_schema_extra, dict) and bool(info.json_schema_extra.get("recorded"))


def gate_questions() -> tuple[Question, ...]:
    return questions_of(StageGate)
