"""Gate templates: what the EU AI Act screening adds to each stage gate, declared in ``gate_templates.yaml``.

A high-risk project must document each Annex IV point by the gate it is due at; an
Article 50 case needs its transparency measures by the Deployment gate; a claimed
Article 6(3) exemption needs its written assessment at Problem Framing. These answers
count toward the gate's completeness (``extra_gate_answers``) and, while missing, are
findings of the gate (``lifecycle.compliance.gate_checks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, field_validator, model_validator

from ..model import Project
from ..phases import PHASES, PHASES_BY_KEY
from ..questions import Question
from .annex_iv import PointSpec, point, points
from .paths import AnswerPath, resolve, value_at
from .screening import Screening, Tier, screen

TEMPLATE_FILE = Path(__file__).with_name("gate_templates.yaml")
HIGH_RISK, TRANSPARENCY, EXEMPTION = "high_risk", "transparency_obligations", "article_6_3_exemption"
TEMPLATE_TITLES = {
    HIGH_RISK: "a high-risk system",
    TRANSPARENCY: "a system with Article 50 transparency obligations",
    EXEMPTION: "an Annex III use claiming the Article 6(3) exemption",
}


class _Declared(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerSpec(_Declared):
    field: str
    why: str

    @field_validator("field")
    @classmethod
    def _plain(cls, path: str) -> str:
        if "[" in resolve(path).path:
            raise ValueError(f"'{path}': a gate template names single answers, not table rows")
        return path


class GateSpec(_Declared):
    annex_iv: tuple[str, ...] = ()
    answers: tuple[AnswerSpec, ...] = ()

    @field_validator("annex_iv")
    @classmethod
    def _points(cls, ids: tuple[str, ...]) -> tuple[str, ...]:
        for point_id in ids:
            try:
                point(point_id)
            except KeyError as exc:
                raise ValueError(exc.args[0]) from None  # the message names the valid points
        return ids


class Templates(RootModel[dict[str, dict[str, GateSpec]]]):
    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _known(self) -> "Templates":
        for key, gates in self.root.items():
            if key not in TEMPLATE_TITLES:
                raise ValueError(f"unknown template {key!r}; templates are {', '.join(TEMPLATE_TITLES)}")
            for phase in gates:
                if phase not in PHASES_BY_KEY:
                    raise ValueError(f"{key}: unknown phase {phase!r}; phases are {', '.join(PHASES_BY_KEY)}")
        due = [p for gates in self.root.get(HIGH_RISK, {}).values() for p in gates.annex_iv]
        if sorted(due) != sorted(p.id for p in points()):
            raise ValueError("high_risk must make every Annex IV point due at exactly one gate")
        return self


@cache
def templates() -> Templates:
    with TEMPLATE_FILE.open(encoding="utf-8") as handle:
        return Templates.model_validate(yaml.safe_load(handle))


def template_keys(screening: Screening) -> tuple[str, ...]:
    """The templates that apply to a project with this screening, strictest first."""
    keys: list[str] = []
    if screening.tier is Tier.HIGH_RISK:
        keys.append(HIGH_RISK)
    if screening.obligations:
        keys.append(TRANSPARENCY)
    if screening.exemption_claimed:
        keys.append(EXEMPTION)
    return tuple(keys)


@dataclass(frozen=True)
class Requirement:
    """One answer a gate needs because of the screening, and why."""

    template: str
    path: AnswerPath
    why: str
    point: PointSpec | None = None  # the Annex IV point it documents, if any

    @property
    def field(self) -> str:
        return self.path.path


def _gate(key: str, phase: str) -> GateSpec | None:
    return templates().root.get(key, {}).get(phase)


def due_points(screening: Screening, phase: str) -> tuple[PointSpec, ...]:
    """The Annex IV points due at ``phase``'s gate for this screening (none unless high-risk)."""
    return _due_points(HIGH_RISK in template_keys(screening), phase)


@cache
def _due_points(high_risk: bool, phase: str) -> tuple[PointSpec, ...]:
    gate = _gate(HIGH_RISK, phase) if high_risk else None
    return tuple(point(point_id) for point_id in gate.annex_iv) if gate else ()


def due_phase(point_id: str) -> str:
    """The gate an Annex IV point is due at, for a high-risk system."""
    for phase in PHASES:
        gate = _gate(HIGH_RISK, phase.key)
        if gate and point_id in gate.annex_iv:
            return phase.key
    raise KeyError(point_id)  # pragma: no cover - the template validation makes every point due somewhere


def requirements(screening: Screening, phase: str) -> tuple[Requirement, ...]:
    """Every answer the screening adds to ``phase``'s gate, Annex IV points first, each answer once."""
    return _requirements(template_keys(screening), phase)


@cache
def _requirements(keys: tuple[str, ...], phase: str) -> tuple[Requirement, ...]:
    found: dict[str, Requirement] = {}
    for key in keys:
        gate = _gate(key, phase)
        if gate is None:
            continue
        for point_id in gate.annex_iv:
            spec = point(point_id)
            for path in spec.answers:
                found.setdefault(path, Requirement(key, resolve(path), f"Annex IV {spec.id}: {spec.title}", spec))
        for item in gate.answers:
            found.setdefault(item.field, Requirement(key, resolve(item.field), item.why))
    return tuple(found.values())


def counted_by_default(path: AnswerPath) -> bool:
    """The answer is already one a phase's own gate needs, so its own gate counts it."""
    steps = path.steps
    direct = steps[0].name in PHASES_BY_KEY and (len(steps) == 2 or (len(steps) == 3 and steps[1].name == "gate"))
    return direct and path.question.required


def extra_gate_answers(project: Project, phase: str) -> list[tuple[Question, Any]]:
    """(question, value) pairs the screening adds to the gate's completeness, beyond what every project answers."""
    screening = screen(project)
    if not template_keys(screening):
        return []
    return [(r.path.question, value_at(project, r.path)) for r in requirements(screening, phase)
            if not counted_by_default(r.path)]
