"""Dotted answer paths, resolved against the project model.

A path names one answer the way findings do: ``problem_framing.users``,
``data.gate.decision``, ``ai_act.documentation.provider``. Inside a table it names a
column of every row (``data.sources[*].contains_pii``) or of one row (``[2]``). The
Annex IV map, the gate templates and the policy packs all name answers this way, and
all of them are checked here against the model, so a typo is reported with the part
that is wrong, never silently ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import Project, Row, Section, StageGate
from ..phases import PHASES_BY_KEY
from ..questions import Question, gate_questions, questions_of, summarise_row

_SEGMENT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?P<index>\*|\d+)\])?$")
ALL_ROWS = "*"

# How the top-level parts of the project are called on screen.
TOP_TITLES = {
    **{key: phase.title for key, phase in PHASES_BY_KEY.items()},
    "info": "Project",
    "timeline": "Plan",
    "datasheet": "Data Sheet",
    "model_card": "Model Card",
    "maturity": "Maturity",
    "ai_act": "EU AI Act",
}
NESTED_TITLES = {"gate": "Stage gate", "screening": "Risk screening", "documentation": "Technical documentation"}


class UnknownPath(ValueError):
    """A path that names no answer of the project model; the message says which part is wrong."""


@dataclass(frozen=True)
class Step:
    name: str
    index: str | None = None  # None, "*" or a row number


@dataclass(frozen=True)
class AnswerPath:
    path: str
    steps: tuple[Step, ...]
    question: Question  # the answer the path ends at (a table question when it names a whole table)
    titles: tuple[str, ...]  # the way there, as people read it: ("Data", "Data sources", "Contains PII")

    @property
    def top(self) -> str:
        """The top-level part of the project: a phase key, 'datasheet', 'model_card', 'ai_act'…"""
        return self.steps[0].name

    @property
    def label(self) -> str:
        return " › ".join(self.titles)

    @property
    def source(self) -> str:
        """The part of the workbook the answer belongs to: 'Data', 'Model Card', 'Technical documentation'…"""
        return self.titles[1] if self.top == "ai_act" and len(self.titles) > 2 else self.titles[0]

    @property
    def over_rows(self) -> bool:
        """True when the path goes through every row of a table (``[*]``)."""
        return any(step.index == ALL_ROWS for step in self.steps)

    @property
    def focus(self) -> str:
        """The path a page can focus on: a path through every row points at its table."""
        parts: list[str] = []
        for step in self.steps:
            if step.index == ALL_ROWS:
                parts.append(step.name)
                break
            parts.append(step.name + (f"[{step.index}]" if step.index is not None else ""))
        return ".".join(parts)


def _title(model: type[BaseModel], name: str, depth: int) -> str:
    if depth == 0 and name in TOP_TITLES:
        return TOP_TITLES[name]
    if name in NESTED_TITLES:
        return NESTED_TITLES[name]
    info = model.model_fields[name]
    return info.title or name.replace("_", " ").capitalize()


def _suggest(name: str, options: list[str]) -> str:
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _leaf(model: type[BaseModel], name: str) -> Question | None:
    pool = gate_questions() if model is StageGate else questions_of(model)
    return next((q for q in pool if q.name == name), None)


@cache
def resolve(path: str) -> AnswerPath:
    """The answer ``path`` names; raises ``UnknownPath`` naming the part that is wrong."""
    if not isinstance(path, str) or not path.strip():
        raise UnknownPath("an answer path is needed, e.g. 'data.sources[*].contains_pii'")
    steps: list[Step] = []
    for raw in path.strip().split("."):
        match = _SEGMENT.match(raw)
        if not match:
            raise UnknownPath(f"'{path}': '{raw}' is not a name, a name[*] or a name[N]")
        steps.append(Step(match["name"], match["index"]))
    model: type[BaseModel] = Project
    titles: list[str] = []
    for depth, step in enumerate(steps):
        last = depth == len(steps) - 1
        fields = [n for n in model.model_fields if n != "format_version"]
        if step.name not in fields:
            where = "the project" if model is Project else f"'{'.'.join(s.name for s in steps[:depth])}'"
            raise UnknownPath(f"'{path}': {where} has no answer '{step.name}'{_suggest(step.name, fields)}")
        annotation = model.model_fields[step.name].annotation
        titles.append(_title(model, step.name, depth))
        if isinstance(annotation, type) and issubclass(annotation, Section) and not issubclass(annotation, Row):
            if step.index is not None:
                raise UnknownPath(f"'{path}': '{step.name}' is a section, not a table; drop '[{step.index}]'")
            if last:
                raise UnknownPath(f"'{path}': '{step.name}' is a section; name one of its answers, e.g. "
                                  f"'{path}.{next(iter(annotation.model_fields))}'")
            model = annotation
            continue
        question = _leaf(model, step.name)
        if question is None:  # a nested model the catalogue does not ask about
            raise UnknownPath(f"'{path}': '{step.name}' is not an answer the workbook asks for")
        if question.kind == "table":
            if last:
                if step.index is not None:
                    raise UnknownPath(f"'{path}': name a column after '{step.name}[{step.index}]'")
                return AnswerPath(path, tuple(steps), question, tuple(titles))
            if step.index is None:
                raise UnknownPath(f"'{path}': '{step.name}' is a table; write '{step.name}[*]' for every row or "
                                  f"'{step.name}[0]' for the first")
            assert question.row_model is not None
            model = question.row_model
            continue
        if step.index is not None:
            raise UnknownPath(f"'{path}': '{step.name}' is a single answer, not a table; drop '[{step.index}]'")
        if not last:
            raise UnknownPath(f"'{path}': '{step.name}' is an answer, not a section; nothing can follow it")
        return AnswerPath(path, tuple(steps), question, tuple(titles))
    raise UnknownPath(f"'{path}' names no answer")  # pragma: no cover - the loop always returns or raises


def _walk(node: Any, steps: tuple[Step, ...]) -> Iterator[Any]:
    if not steps:
        yield node
        return
    step, rest = steps[0], steps[1:]
    value = getattr(node, step.name)
    if step.index is None:
        yield from _walk(value, rest)
    elif step.index == ALL_ROWS:
        for row in value:
            yield from _walk(row, rest)
    else:
        position = int(step.index)
        if position < len(value):
            yield from _walk(value[position], rest)


def values_at(project: Project, path: str | AnswerPath) -> list[Any]:
    """Every value the path reaches: one for a plain path, one per row for ``[*]`` (none for a missing row)."""
    resolved = resolve(path) if isinstance(path, str) else path
    return list(_walk(project, resolved.steps))


def value_at(project: Project, path: str | AnswerPath) -> Any:
    """The single value of a plain path (None for a row that does not exist)."""
    found = values_at(project, path)
    return found[0] if found else None


def is_answered(project: Project, path: str | AnswerPath) -> bool:
    """The answer is given, as the stage gates count it (a table needs rows, each with its required cells)."""
    resolved = resolve(path) if isinstance(path, str) else path
    found = values_at(project, resolved)
    return bool(found) and all(resolved.question.is_answered(value) for value in found)


def shown(question: Question, value: Any) -> list[str]:
    """An answer as lines a person reads: one per table row, else one line (none when unanswered)."""
    if question.kind == "table":
        return [summarise_row(row, question.columns) for row in value or []]
    text = question.display(value)
    return [text] if text.strip() else []


def where(path: str | AnswerPath) -> str:
    """Where a person answers it, in words: 'the Data page', 'the Model Card page', 'the Annex IV page'."""
    resolved = resolve(path) if isinstance(path, str) else path
    top = resolved.top
    if top in PHASES_BY_KEY:
        return f"the {PHASES_BY_KEY[top].title} page"
    if top == "ai_act":
        second = resolved.steps[1].name
        return "the Problem Framing page (risk screening)" if second == "screening" else "the Annex IV page"
    return {"info": "the Overview", "timeline": "the Plan page", "datasheet": "the Data Sheet page",
            "model_card": "the Model Card page", "maturity": "the Maturity page"}.get(top, "the Overview")
