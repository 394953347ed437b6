"""Annex IV of the EU AI Act, mapped to the answers that document it, and a project's coverage of it.

The map is data (``annex_iv.yaml``): nine sections, the first two with lettered points,
each point naming the answers that document it. It is read once and checked against the
project model, so a renamed field fails loudly at import rather than vanishing from the
coverage. ``coverage(project)`` says, point by point, which answers are given and which
are still missing; the Annex IV page, the lifecycle map, the Markdown export and the
high-risk gate checks all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..model import Project
from .paths import AnswerPath, is_answered, resolve, shown, values_at

MAP_FILE = Path(__file__).with_name("annex_iv.yaml")


class _Declared(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PointSpec(_Declared):
    id: str
    title: str
    summary: str
    answers: tuple[str, ...] = Field(min_length=1)

    @field_validator("answers")
    @classmethod
    def _known(cls, paths: tuple[str, ...]) -> tuple[str, ...]:
        for path in paths:
            resolve(path)  # raises UnknownPath naming the wrong part
        if len(set(paths)) != len(paths):
            raise ValueError("an answer is listed twice")
        return paths


class SectionSpec(_Declared):
    number: str
    title: str
    summary: str = ""
    answers: tuple[str, ...] = ()  # a section without lettered points documents itself
    points: tuple[PointSpec, ...] = ()

    def as_points(self) -> tuple[PointSpec, ...]:
        if self.points:
            return self.points
        return (PointSpec(id=self.number, title=self.title, summary=self.summary, answers=self.answers),)


class AnnexMap(_Declared):
    sections: tuple[SectionSpec, ...]


@cache
def annex_map() -> AnnexMap:
    with MAP_FILE.open(encoding="utf-8") as handle:
        return AnnexMap.model_validate(yaml.safe_load(handle))


@cache
def points() -> tuple[PointSpec, ...]:
    """Every point in Annex IV order: 1(a)…1(h), 2(a)…2(h), 3…9."""
    return tuple(point for section in annex_map().sections for point in section.as_points())


@cache
def _by_id() -> dict[str, PointSpec]:
    return {spec.id: spec for spec in points()}


def point(point_id: str) -> PointSpec:
    found = _by_id().get(point_id)
    if found is None:
        raise KeyError(f"Annex IV has no point {point_id!r}; points are {', '.join(p.id for p in points())}")
    return found


# --- coverage -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AnswerState:
    path: AnswerPath
    answered: bool
    lines: tuple[str, ...]  # the answer as shown; empty when not answered

    @property
    def field(self) -> str:
        return self.path.path

    @property
    def label(self) -> str:
        return self.path.label


COVERED, PARTLY, MISSING = "covered", "partly", "missing"


@dataclass(frozen=True)
class PointCoverage:
    spec: PointSpec
    answers: tuple[AnswerState, ...]

    @property
    def given(self) -> tuple[AnswerState, ...]:
        return tuple(a for a in self.answers if a.answered)

    @property
    def missing(self) -> tuple[AnswerState, ...]:
        return tuple(a for a in self.answers if not a.answered)

    @property
    def status(self) -> str:
        if not self.missing:
            return COVERED
        return PARTLY if self.given else MISSING

    @property
    def covered(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SectionCoverage:
    spec: SectionSpec
    points: tuple[PointCoverage, ...]

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.points)

    @property
    def ratio(self) -> float:
        return self.covered / len(self.points)


@dataclass(frozen=True)
class Coverage:
    sections: tuple[SectionCoverage, ...]

    @property
    def points(self) -> tuple[PointCoverage, ...]:
        return tuple(p for s in self.sections for p in s.points)

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.points)

    @property
    def total(self) -> int:
        return len(self.points)

    @property
    def answers_given(self) -> int:
        """Distinct answers given (an answer that documents two points counts once)."""
        return len({a.field for p in self.points for a in p.given})

    @property
    def answers_total(self) -> int:
        return len({a.field for p in self.points for a in p.answers})

    @property
    def ratio(self) -> float:
        return self.covered / self.total

    def point(self, point_id: str) -> PointCoverage:
        return next(p for p in self.points if p.spec.id == point_id)


def answer_state(project: Project, path: str) -> AnswerState:
    resolved = resolve(path)
    answered = is_answered(project, resolved)
    lines = tuple(line for value in values_at(project, resolved) for line in shown(resolved.question, value))
    return AnswerState(resolved, answered, lines if answered else ())


def point_coverage(project: Project, spec: PointSpec) -> PointCoverage:
    return PointCoverage(spec, tuple(answer_state(project, path) for path in spec.answers))


def coverage(project: Project) -> Coverage:
    """Every Annex IV point with the project's answers behind it and those still missing."""
    return Coverage(tuple(
        SectionCoverage(section, tuple(point_coverage(project, spec) for spec in section.as_points()))
        for section in annex_map().sections
    ))
