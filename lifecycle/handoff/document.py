"""A hand-off document as plain data: sections made of pre-filled answers and remaining questions.

Builders (``datasheet``, ``model_card``) turn a project into a ``HandoffDocument``; the UI
shows it, ``markdown`` writes it out. A pre-filled item quotes an answer given elsewhere
(a phase form, the project description, another document) and names where it comes from
by its dotted path, so a page can link to the place to change it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Choice, Project, Section
from ..phases import PHASES_BY_KEY
from ..questions import Question, questions_of


def origin_of(path: str) -> str:
    """Where a dotted answer path lives: 'data.sources[2].owner' -> 'data'."""
    return path.split(".", 1)[0].split("[", 1)[0]


def origin_title(origin: str) -> str:
    """The page title of an origin: '2. Data', 'Overview', 'Data Sheet'…"""
    origin = origin_of(origin)
    phase = PHASES_BY_KEY.get(origin)
    if phase:
        return f"{phase.number}. {phase.title}"
    return {"info": "Overview", "datasheet": "Data Sheet", "model_card": "Model Card",
            "ai_act": "EU AI Act: Annex IV"}.get(origin, origin)


@dataclass(frozen=True)
class Prefilled:
    """An answer the team already gave elsewhere, shown read-only in the document."""

    label: str
    source: str  # dotted path of the answer it quotes, e.g. "data.labelled_examples"
    text: str = ""
    items: tuple[str, ...] = ()  # for lists (sources, features, metrics): one line each

    @property
    def answered(self) -> bool:
        return bool(self.text.strip() or self.items)

    @property
    def origin(self) -> str:
        """The first part of the source path: a phase key, 'info', 'datasheet' or 'model_card'."""
        return origin_of(self.source)

    @property
    def origin_title(self) -> str:
        return origin_title(self.origin)


@dataclass(frozen=True)
class Asked:
    """A question of the document that no phase form asks, with its current answer."""

    question: Question
    path: tuple[str, ...]
    value: Any

    @property
    def answered(self) -> bool:
        return self.question.is_answered(self.value)

    @property
    def shown(self) -> str:
        return display(self.question, self.value)


@dataclass(frozen=True)
class DocSection:
    key: str
    number: int
    title: str
    purpose: str
    prefilled: tuple[Prefilled, ...]
    model: type[Section] | None  # the model holding the remaining questions (None: nothing left to ask)
    path: tuple[str, ...]  # where those answers live in the project, e.g. ("datasheet", "motivation")
    asked: tuple[Asked, ...]
    empty_note: str = ""  # what the document says while nothing in the section is answered
    # what it says once something is answered, while one answer the section exists for is still missing
    # (the environmental impact: the plan gives the compute, but nobody has recorded the emissions)
    standing_note: str = ""

    @property
    def note(self) -> str:
        """``empty_note`` while no answer of the section is given, else ``standing_note`` ('' when none)."""
        return self.empty_note if self.empty_note and not self.answered else self.standing_note

    @property
    def total(self) -> int:
        return len(self.prefilled) + len(self.asked)

    @property
    def answered(self) -> int:
        return sum(p.answered for p in self.prefilled) + sum(a.answered for a in self.asked)

    @property
    def ratio(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def missing(self) -> tuple[str, ...]:
        """Labels of what is still empty: pre-filled answers not given yet, then questions."""
        return tuple(p.label for p in self.prefilled if not p.answered) + tuple(
            a.question.label for a in self.asked if not a.answered
        )

    @property
    def origins(self) -> tuple[str, ...]:
        """Where the pre-filled answers come from, in order of first use, without repeats."""
        return tuple(dict.fromkeys(p.origin for p in self.prefilled))


@dataclass(frozen=True)
class HandoffDocument:
    kind: str  # "datasheet" or "model_card"
    title: str  # e.g. "Data Sheet"
    subject: str  # what it describes: the data set's or model's name
    intro: str
    sections: tuple[DocSection, ...]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def ratio(self) -> float:
        return self.answered / self.total if self.total else 1.0

    def section(self, key: str) -> DocSection:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


# --- helpers for builders --------------------------------------------------------------------


def display(question: Question, value: Any) -> str:
    """An answer as a person reads it; dates as ISO, whole numbers with thousands separators."""
    if value is None:
        return ""
    if question.kind == "date":
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if question.kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if question.kind == "number" and isinstance(value, float):
        return f"{value:g}"
    return question.display(value)


def shown(value: Any) -> str:
    """A single model value as text (choice label, Yes/No, number) without a question at hand."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(shown(item) for item in value if shown(item))
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def answer_at(project: Project, path: str) -> Any:
    node: Any = project
    for part in path.split("."):
        node = getattr(node, part)
    return node


def quote(project: Project, label: str, path: str) -> Prefilled:
    """A pre-filled item quoting one answer of the project."""
    return Prefilled(label=label, source=path, text=shown(answer_at(project, path)))


def listing(label: str, path: str, items: Iterable[str]) -> Prefilled:
    return Prefilled(label=label, source=path, items=tuple(i for i in items if i.strip()))


def join(*parts: str, sep: str = "; ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def asked(project: Project, model: type[Section], path: tuple[str, ...]) -> tuple[Asked, ...]:
    section: Any = project
    for part in path:
        section = getattr(section, part)
    return tuple(Asked(q, (*path, q.name), getattr(section, q.name)) for q in questions_of(model))


def doc_section(
    project: Project, number: int, key: str, title: str, purpose: str, prefilled: Iterable[Prefilled],
    model: type[Section] | None, path: tuple[str, ...] = (), *, empty_note: str = "", standing_note: str = "",
) -> DocSection:
    return DocSection(
        key=key, number=number, title=title, purpose=purpose, prefilled=tuple(prefilled), model=model,
        path=path, asked=asked(project, model, path) if model is not None else (), empty_note=empty_note,
        standing_note=standing_note,
    )
