"""Reading policy packs from YAML, with every problem located: the file, the rule (number, id, line) and the key.

Reading is bounded and safe: at most ``MAX_BYTES`` are read (never trusting ``stat()``, which says 0
for a pipe or ``/dev/zero``), and the YAML goes through the project reader's bounded builder with
the pack's own limits (``PACK_LIMITS``: depth, values, items, keys, numbers), which refuses aliases,
tags and duplicate keys with their lines, stopping at the first breach. Each rule is validated on
its own, so one bad rule does not hide the problems of the others; then what needs the
project model is checked: that every field path names an answer, that each value fits that
answer (a choice of the question, a number for a number…), and that each ``{placeholder}``
in a message or fix can be filled. A pack with any problem is not applied.
"""

from __future__ import annotations

import datetime as dt
import difflib
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..compliance.paths import UnknownPath, resolve
from ..reader.errors import Refused
from ..reader.guard import Guard
from ..reader.limits import Limits, Wording
from ..reader.source import TooLarge, read_at_most
from ..reader.yaml_reader import PARSER, read_yaml
from ..questions import Question
from .model import (
    LIST_VALUE, MEMBERSHIP, NO_VALUE, ORDERED, PATTERN_VALUE, Condition, Operator, PolicyPack, PolicyRule,
)

MAX_BYTES = 1_000_000
PLACEHOLDER_BUILTINS = {
    "project": "the project's name, or 'This project'",
    "risk_tier": "the project's EU AI Act risk tier",
    "pack": "the pack's name",
}
PACK_KEYS = ("name", "description", "rules")
# A pack nests root > rules > rule > require > all/any > condition > ..., two levels per nested all/any: 24 leaves
# room for about nine. Organisations write dozens of rules, not thousands.
PACK_LIMITS = Limits(
    max_bytes=MAX_BYTES, max_depth=24, max_values=20_000, max_items=1_000, max_keys=200, max_key_chars=100,
    max_int_digits=15,
    wording=Wording(
        kind="policy pack", kinds="policy packs", depth="a policy pack's conditions nest a few levels",
        values="a policy pack holds a few hundred", items="a list in a policy pack holds at most {max_items}",
        keys="a rule has about ten keys", key="keys in a policy pack are names of at most {max_key_chars} characters",
        duplicate="a pack with two values for one key is ambiguous",
    ),
)


@dataclass(frozen=True)
class LoadResult:
    """The packs that read cleanly, and one line per problem in those that did not."""

    packs: tuple[PolicyPack, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class PolicyPackError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class _Report:
    source: str
    problems: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}")


def _key(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part not in ("function-after", "function-before") and not str(part).startswith(("tagged-union", "lax-")):
            text += ("." if text else "") + str(part)
    return text


def _pydantic_message(error: dict[str, Any]) -> str:
    if error["type"] == "enum" and "expected" in error.get("ctx", {}):
        given = error.get("input")
        options = [o.strip().strip("'") for o in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(given), options, n=1, cutoff=0.5)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"'{given}' is not one of {', '.join(options)}{hint}"
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "required key is missing"
    return str(error["msg"]).removeprefix("Value error, ")


def _kind_fits(question: Question, value: Any) -> str | None:
    """Why ``value`` cannot be an answer to ``question``, or None when it can."""
    kind = question.kind
    if kind in ("choice", "multi_choice"):
        values = [choice.value for choice in question.choices]
        if value not in values:
            close = difflib.get_close_matches(str(value), values, n=1, cutoff=0.5)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return f"{value!r} is not a choice of '{question.label}'{hint}; choices: {', '.join(values)}"
    elif kind == "flag":
        if not isinstance(value, bool):
            return f"'{question.label}' is yes/no: write true or false, not {value!r}"
    elif kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"'{question.label}' is a number: {value!r} is not one"
    elif kind == "date":
        if not isinstance(value, dt.date):
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                return f"'{question.label}' is a date: write it as YYYY-MM-DD, not {value!r}"
    elif kind in ("text", "long_text"):
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return f"'{question.label}' is text: {value!r} is not"
    return None


def _check_leaf(leaf: Condition, where: str, report: _Report) -> None:
    assert leaf.field is not None and leaf.operator is not None
    try:
        path = resolve(leaf.field)
    except UnknownPath as exc:
        report.add(f"{where}.field", str(exc))
        return
    question, op = path.question, leaf.operator
    if leaf.rows == "all" and not path.over_rows:
        report.add(f"{where}.rows", "'rows' only applies to a path through table rows, e.g. 'data.sources[*].owner'")
    if question.kind == "table" and op not in NO_VALUE:
        report.add(f"{where}.operator", f"'{leaf.field}' is a whole table: use empty or not_empty, or name a column "
                                        f"with [*], e.g. '{leaf.field}[*].{question.columns[0].name}'")
        return
    if op in NO_VALUE or op in PATTERN_VALUE:
        return
    if op in ORDERED and question.kind not in ("integer", "number", "date"):
        report.add(f"{where}.operator", f"'{op.value}' compares numbers or dates; '{question.label}' is "
                                        f"{question.kind.replace('_', ' ')}")
        return
    if op in MEMBERSHIP and question.kind not in ("multi_choice", "text", "long_text"):
        report.add(f"{where}.operator", f"'{op.value}' works on several choices or on text; '{question.label}' is "
                                        f"{question.kind.replace('_', ' ')}: use equals or in")
        return
    values = leaf.value if op in LIST_VALUE or (question.kind == "multi_choice" and isinstance(leaf.value, list)) \
        else [leaf.value]
    if not isinstance(values, list):
        values = [values]
    for number, value in enumerate(values):
        problem = _kind_fits(question, value)
        if problem:
            report.add(f"{where}.value" + (f"[{number}]" if len(values) > 1 else ""), problem)


def _check_condition(condition: Condition, where: str, report: _Report) -> None:
    if condition.field is not None:
        _check_leaf(condition, where, report)
        return
    key, parts = ("all", condition.all_of) if condition.all_of is not None else ("any", condition.any_of)
    for number, part in enumerate(parts or ()):
        _check_condition(part, f"{where}.{key}[{number}]", report)


def placeholders(text: str) -> list[str]:
    """The ``{names}`` in a message or fix; raises ValueError for unbalanced braces."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def _check_text(text: str, where: str, report: _Report) -> None:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        report.add(where, "a '{' or '}' has no partner; write '{{' or '}}' for a literal brace")
        return
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            report.add(where, f"placeholder {{{name}{'!' + conversion if conversion else ''}"
                              f"{':' + spec if spec else ''}}} cannot have a format; write {{{name}}}")
            continue
        if not name.strip():
            report.add(where, "an empty placeholder {}; name an answer, e.g. {info.name}")
            continue
        if name in PLACEHOLDER_BUILTINS:
            continue
        try:
            resolve(name)
        except UnknownPath as exc:
            builtins = ", ".join(f"{{{b}}}" for b in PLACEHOLDER_BUILTINS)
            report.add(where, f"placeholder {{{name}}}: {exc}; or use {builtins}")


def _check_rule(rule: PolicyRule, where: str, report: _Report) -> None:
    if rule.applies_when.answers is not None:
        _check_condition(rule.applies_when.answers, f"{where}applies_when.answers", report)
    _check_condition(rule.require, f"{where}require", report)
    _check_text(rule.message, f"{where}message", report)
    _check_text(rule.fix, f"{where}fix", report)
    if rule.field is not None:
        try:
            resolve(rule.field)
        except UnknownPath as exc:
            report.add(f"{where}field", str(exc))


def _parse(text: str, report: _Report) -> tuple[Any, list[int]]:
    """The document and the line of each rule (1-based), or (None, []) after reporting why it cannot be read."""
    try:
        data = read_yaml(text, Guard(PACK_LIMITS))
    except Refused as refused:
        report.add("", refused.message)
        return None, []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "not valid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels) can come before ours
            report.add("", f"{line}nested more than {PACK_LIMITS.max_depth} levels deep; {PACK_LIMITS.wording.depth}")
        else:
            report.add("", f"{line}not valid YAML ({problem})")
        return None, []
    except yaml.YAMLError as exc:
        report.add("", f"not valid YAML ({exc})")
        return None, []
    return data, _rule_lines(text)


def _rule_lines(text: str) -> list[int]:
    """The line each item of the top-level ``rules`` list starts on, from the parser's events.

    Only called on a text the bounded read accepted, so this second pass is as bounded as the first."""
    stack: list[list[Any]] = []  # per open container: [is_mapping, key of the value being read, expecting a key]
    lines: list[int] = []
    for event in yaml.parse(text, Loader=PARSER):
        kind = type(event)
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()
            if stack and stack[-1][0]:
                stack[-1][2] = True
            continue
        if kind not in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
            continue
        if stack and stack[-1][0] and stack[-1][2]:  # a key (the bounded read allows only plain scalar keys)
            stack[-1][1], stack[-1][2] = event.value, False
            continue
        if len(stack) == 2 and stack[0][0] and stack[0][1] == "rules" and not stack[1][0]:
            lines.append(event.start_mark.line + 1)
        if kind is yaml.ScalarEvent:
            if stack and stack[-1][0]:
                stack[-1][2] = True
        else:
            stack.append([kind is yaml.MappingStartEvent, None, True])
    return lines


def parse_pack(text: str, source: str) -> tuple[PolicyPack | None, list[str]]:
    """The pack in ``text`` and no problems, or None and every problem found (each naming ``source``)."""
    report = _Report(source)
    data, lines = _parse(text, report)
    if report.problems:
        return None, report.problems
    if not isinstance(data, dict):
        report.add("", "a policy pack is a mapping with 'name' and 'rules' (a list of rules)")
        return None, report.problems
    for key in data:
        if key not in PACK_KEYS:
            close = difflib.get_close_matches(str(key), PACK_KEYS, n=1)
            report.add(str(key), "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
                       + f"; a pack has {', '.join(PACK_KEYS)}")
    if not isinstance(data.get("name"), str) or not data.get("name", "").strip():
        report.add("name", "the pack needs a name")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        report.add("rules", "the pack needs a list of rules")
        raw_rules = []
    rules: list[PolicyRule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_rules):
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        line = f", line {lines[index]}" if index < len(lines) else ""
        label = f"rule {index + 1}" + (f" ({rule_id})" if isinstance(rule_id, str) else "") + line
        if not isinstance(raw, dict):
            report.add(label, "a rule is a mapping with id, title, phase, severity, require, message and fix")
            continue
        try:
            rule = PolicyRule.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                report.add(f"{label}: {_key(error['loc']) or 'rule'}", _pydantic_message(error))
            continue
        if rule.id in seen:
            report.add(f"{label}: id", f"'{rule.id}' is already the id of rule {seen[rule.id] + 1}; ids must be unique")
        seen.setdefault(rule.id, index)
        _check_rule(rule, f"{label}: ", report)
        rules.append(rule)
    if report.problems:
        return None, report.problems
    return PolicyPack(name=data["name"], description=str(data.get("description") or ""), rules=tuple(rules),
                      source=source), []


def read_pack(path: str | Path) -> tuple[PolicyPack | None, list[str]]:
    path = Path(path)
    source = str(path)
    try:
        data = read_at_most(path, MAX_BYTES)
    except TooLarge as large:
        known = f"the file is {large.size:,} bytes" if large.size else (
            f"more than {MAX_BYTES:,} bytes (reading stopped there)")
        return None, [f"{source}: {known}; a policy pack may be at most {MAX_BYTES:,}"]
    except FileNotFoundError:
        return None, [f"{source}: no such file"]
    except IsADirectoryError:
        return None, [f"{source}: is a directory, not a pack file"]
    except OSError as exc:
        return None, [f"{source}: cannot be read ({exc.strerror or exc})"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [f"{source}: not UTF-8 text (byte {exc.start})"]
    return parse_pack(text, source)


def load_packs(paths: Iterable[str | Path]) -> LoadResult:
    """Every pack that reads cleanly; the problems of the others. A rule id may be used by one pack only."""
    packs: list[PolicyPack] = []
    problems: list[str] = []
    owners: dict[str, str] = {}
    for path in paths:
        pack, found = read_pack(path)
        if pack is None:
            problems.extend(found)
            continue
        clashes = [rule for rule in pack.rules if rule.id in owners]
        for rule in clashes:
            number = pack.rules.index(rule) + 1
            problems.append(f"{pack.source}: rule {number} ({rule.id}): id: '{rule.id}' is already used by "
                            f"{owners[rule.id]}; ids must be unique across packs")
        if clashes:
            continue
        owners.update({rule.id: pack.source for rule in pack.rules})
        packs.append(pack)
    return LoadResult(tuple(packs), tuple(problems))


def load_or_raise(paths: Iterable[str | Path]) -> tuple[PolicyPack, ...]:
    result = load_packs(paths)
    if result.problems:
        raise PolicyPackError(list(result.problems))
    return result.packs


__all__ = ["LoadResult", "PolicyPackError", "load_or_raise", "load_packs", "parse_pack", "placeholders", "read_pack",
           "Operator"]
