"""Applying policy packs to a project: which rules apply, which requirements fail, and the findings.

A finding of a rule has the rule's id, phase and severity, its message and fix with the
``{placeholders}`` filled from the project, and a reference naming the pack, so it reads
like a built-in check wherever findings are shown (Checks page, CLI, map) and can be
accepted with a reason the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from enum import Enum
from typing import Any

from ..checks.finding import Finding, Severity
from ..compliance.paths import AnswerPath, resolve, shown, values_at
from ..compliance.screening import Screening, screen
from ..model import Project
from .model import PACK_ERROR_ID, Condition, Operator, PolicyPack, PolicyRule

LIST_LIMIT = 10  # a placeholder over table rows names at most this many, then "and N more"
NOT_ANSWERED = "(not answered)"


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value
    return False


def _normal(value: Any) -> Any:
    """A value in the form rule values are written: choices by their stored value, text without case."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return value.strip().casefold()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return value


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) != isinstance(expected, bool):
        return False
    return _normal(value) == _normal(expected)


def _text(value: Any, question: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return "\n".join(shown(question, value)) if question.kind == "table" else " ".join(_text(v, question)
                                                                                              for v in value)
    return str(value)


def _ordered(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return float(value)


def _test(op: Operator, value: Any, expected: Any, path: AnswerPath) -> bool:
    question = path.question
    if op is Operator.EMPTY:
        return _empty(value)
    if op is Operator.NOT_EMPTY:
        return not _empty(value)
    if op in (Operator.MATCHES, Operator.NOT_MATCHES):
        found = re.search(expected, _text(value, question)) is not None
        return found if op is Operator.MATCHES else not found
    if isinstance(value, list):  # several choices
        chosen = [_normal(item) for item in value]
        if op is Operator.EQUALS:
            wanted = expected if isinstance(expected, list) else [expected]
            return sorted(map(str, chosen)) == sorted(str(_normal(w)) for w in wanted)
        if op is Operator.NOT_EQUALS:
            return not _test(Operator.EQUALS, value, expected, path)
        if op in (Operator.CONTAINS, Operator.IN):
            wanted = expected if isinstance(expected, list) else [expected]
            return any(_normal(w) in chosen for w in wanted)
        if op in (Operator.NOT_CONTAINS, Operator.NOT_IN):
            return not _test(Operator.CONTAINS, value, expected, path)
    if op is Operator.EQUALS:
        return _same(value, expected)
    if op is Operator.NOT_EQUALS:
        return not _same(value, expected)
    if op is Operator.IN:
        return any(_same(value, item) for item in expected)
    if op is Operator.NOT_IN:
        return not any(_same(value, item) for item in expected)
    if op in (Operator.CONTAINS, Operator.NOT_CONTAINS):
        found = str(expected).casefold() in _text(value, question).casefold()
        return found if op is Operator.CONTAINS else not found
    if value is None:
        return False  # an unanswered number is neither below nor above anything
    left, right = _ordered(value), _ordered(expected)
    return {
        Operator.LESS_THAN: left < right, Operator.GREATER_THAN: left > right,
        Operator.AT_LEAST: left >= right, Operator.AT_MOST: left <= right,
    }[op]


def holds(condition: Condition, project: Project) -> bool:
    """Whether the condition is true of the project's answers."""
    if condition.all_of is not None:
        return all(holds(part, project) for part in condition.all_of)
    if condition.any_of is not None:
        return any(holds(part, project) for part in condition.any_of)
    assert condition.field is not None and condition.operator is not None
    path = resolve(condition.field)
    found = values_at(project, path)
    if not path.over_rows:
        return _test(condition.operator, found[0] if found else None, condition.value, path)
    results = (_test(condition.operator, value, condition.value, path) for value in found)
    return all(results) if condition.rows == "all" else any(results)


def not_applicable(rule: PolicyRule, project: Project, screening: Screening) -> str:
    """Why ``rule`` does not apply to the project, naming the answer that decides it; '' when it applies.

    One function decides both whether a rule is evaluated and why a report marks it as skipped,
    so the two cannot disagree.
    """
    when = rule.applies_when
    if when.risk_tier and screening.key not in when.risk_tier:
        return f"the EU AI Act screening gives '{screening.label}'"
    unit = project.info.business_unit.strip()
    if when.business_unit and unit.casefold() not in {u.strip().casefold() for u in when.business_unit}:
        return f"the business unit is '{unit}'" if unit else "the business unit is not answered"
    task = project.problem_framing.ml_task
    if when.ml_task and (task is None or task.value not in when.ml_task):
        return f"the ML task is '{task.label}'" if task else "the ML task is not answered"
    if when.answers is not None and not holds(when.answers, project):
        return answers_now(when.answers, project)
    return ""


def answers_now(condition: Condition, project: Project) -> str:
    """The answers a condition reads, as the project has them: "info.business_unit is 'Support', …"."""
    parts = []
    for name in dict.fromkeys(leaf.field for leaf in condition.leaves() if leaf.field):
        path = resolve(name)
        lines = [line for value in values_at(project, path) for line in shown(path.question, value)]
        parts.append(f"{name} is '{_listed(lines)}'" if lines else f"{name} is not answered")
    return ", ".join(parts)


def applies(rule: PolicyRule, project: Project, screening: Screening) -> bool:
    return not not_applicable(rule, project, screening)


def _listed(lines: list[str]) -> str:
    shown_lines = lines[:LIST_LIMIT]
    more = len(lines) - len(shown_lines)
    return ", ".join(shown_lines) + (f" and {more} more" if more else "")


def fill(text: str, project: Project, pack: PolicyPack, screening: Screening) -> str:
    """The text with each ``{placeholder}`` replaced by the project's answer (validated when the pack was read)."""
    parts: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(text):
        parts.append(literal)
        if name is None:
            continue
        if name == "project":
            parts.append(project.info.name.strip() or "This project")
        elif name == "risk_tier":
            parts.append(screening.label)
        elif name == "pack":
            parts.append(pack.name)
        else:
            path = resolve(name)
            lines = [line for value in values_at(project, path) for line in shown(path.question, value)]
            parts.append(_listed(lines) if lines else NOT_ANSWERED)
    return "".join(parts)


def rule_field(rule: PolicyRule) -> str:
    """The answer a finding of the rule points at."""
    if rule.field:
        return resolve(rule.field).focus
    return resolve(rule.require.leaves()[0].field or "").focus


def reference(pack: PolicyPack) -> str:
    return f"Policy pack: {pack.name}"


def evaluate(pack: PolicyPack, project: Project, screening: Screening | None = None) -> list[Finding]:
    """A finding for every rule of the pack that applies to the project and whose requirement fails."""
    screening = screening or screen(project)
    findings = []
    for rule in pack.rules:
        if not applies(rule, project, screening) or holds(rule.require, project):
            continue
        findings.append(Finding(
            check_id=rule.id, title=rule.title, rules=(), refs=(reference(pack),), phase=rule.phase,
            severity=rule.severity, message=fill(rule.message, project, pack, screening),
            fix=fill(rule.fix, project, pack, screening), field=rule_field(rule),
        ))
    return findings


def pack_error_finding(problems: tuple[str, ...] | list[str]) -> Finding:
    """What a reader sees when a configured pack cannot be read: its rules are not applied until it is fixed."""
    shown_problems = list(problems)[:5]
    more = len(problems) - len(shown_problems)
    return Finding(
        check_id=PACK_ERROR_ID, title="A policy pack could not be read", rules=(), refs=("Policy packs",),
        phase="problem_framing", severity=Severity.WARNING,
        message="Organisation policies are not fully applied: " + "; ".join(shown_problems)
                + (f"; and {more} more problems" if more else "") + ".",
        fix="Correct the pack file named (see the Policy packs page); its rules apply again once it reads cleanly.",
        field="",
    )
