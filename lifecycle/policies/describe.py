"""A policy rule's conditions in words, for reports that list rules apart from any project.

A SARIF rule describes what it looks for before any result is read, and a skipped JUnit case
says which condition did not hold; both need a pack's ``applies_when`` and ``require`` as a
sentence rather than as YAML. Field paths stay as written (``data.sources[*].contains_pii``):
they are what the pack's author wrote and what ``lifecycle schema`` names.
"""

from __future__ import annotations

from typing import Any

from ..compliance.screening import tier_label
from ..model import MLTask
from .model import NO_VALUE, AppliesWhen, Condition, Operator

OPERATOR_WORDS = {
    Operator.EQUALS: "is", Operator.NOT_EQUALS: "is not", Operator.IN: "is one of", Operator.NOT_IN: "is none of",
    Operator.EMPTY: "is not answered", Operator.NOT_EMPTY: "is answered", Operator.MATCHES: "matches",
    Operator.NOT_MATCHES: "does not match", Operator.CONTAINS: "contains", Operator.NOT_CONTAINS: "does not contain",
    Operator.LESS_THAN: "is less than", Operator.GREATER_THAN: "is greater than", Operator.AT_LEAST: "is at least",
    Operator.AT_MOST: "is at most",
}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)


def describe_condition(condition: Condition) -> str:
    """'data.access_and_privacy matches '\\bDPIA' or datasheet.collection.ethics_review is answered'."""
    parts = condition.all_of if condition.all_of is not None else condition.any_of
    if parts is not None:
        word = " and " if condition.all_of is not None else " or "
        # a nested all/any is bracketed, so 'a and (b or c)' does not read as '(a and b) or c'
        return word.join(f"({describe_condition(p)})" if p.field is None and len(p.leaves()) > 1
                         else describe_condition(p) for p in parts)
    assert condition.field is not None and condition.operator is not None
    text = f"{condition.field} {OPERATOR_WORDS[condition.operator]}"
    if condition.operator not in NO_VALUE:
        text += f" {_value(condition.value)}"
    if "[*]" in condition.field:
        text += " in every row" if condition.rows == "all" else " in any row"
    return text


def describe_applies_when(when: AppliesWhen) -> str:
    """Which projects the rule is about, '' when it is about every project."""
    parts = []
    if when.risk_tier:
        parts.append("the EU AI Act screening gives " + " or ".join(f"'{tier_label(t)}'" for t in when.risk_tier))
    if when.business_unit:
        parts.append("the business unit is " + " or ".join(f"'{unit}'" for unit in when.business_unit))
    if when.ml_task:
        parts.append("the ML task is " + " or ".join(f"'{MLTask(task).label}'" for task in when.ml_task))
    if when.answers is not None:
        parts.append(describe_condition(when.answers))
    return "; ".join(parts)
