"""Field builders that attach the question wording to the model.

The wording of every question (label, help text, whether a stage gate needs it)
is declared here, on the pydantic field it fills. The UI, the JSON Schema, the
PDF and the CLI read it back through ``lifecycle.questions``, so a question is
written exactly once.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import Field

# Limits shared by the model (validation) and the UI (max_chars, row caps), so
# that what the form accepts and what a file may contain never disagree.
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 10_000
TABLE_ROWS_MAX = 200
EARLIEST_DATE = date(1900, 1, 1)  # dates outside are typos; near year 1 or 9999, date arithmetic overflows
LATEST_DATE = date(2199, 12, 31)


class Choice(str, Enum):
    """A closed answer with a human label next to its stable stored value."""

    label: str

    def __new__(cls, value: str, label: str) -> "Choice":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:  # f-strings and messages show the stored value
        return self.value


def _extra(required: bool, group: str, kind: str | None) -> dict[str, Any]:
    extra: dict[str, Any] = {"required_at_gate": required}
    if group:
        extra["group"] = group
    if kind:
        extra["widget"] = kind
    return extra


def text(label: str, help: str = "", *, required: bool = False, group: str = "", long: bool = False) -> Any:
    """A free-text answer; ``long`` ones get a text area and a larger limit."""
    return Field(
        default="",
        title=label,
        description=help,
        max_length=LONG_TEXT_MAX if long else SHORT_TEXT_MAX,
        json_schema_extra=_extra(required, group, "long_text" if long else "text"),
    )


def answer(label: str, help: str = "", *, required: bool = False, group: str = "", **constraints: Any) -> Any:
    """An optional typed answer (choice, yes/no, number, date); None means not answered yet."""
    return Field(default=None, title=label, description=help, json_schema_extra=_extra(required, group, None), **constraints)


def many(label: str, help: str = "", *, required: bool = False, group: str = "") -> Any:
    """A list answer: several choices, or a table of structured rows."""
    return Field(
        default_factory=list,
        title=label,
        description=help,
        max_length=TABLE_ROWS_MAX,
        json_schema_extra=_extra(required, group, None),
    )
