"""The interview drill as data (``drill.yaml``): per phase, a model answer and what a strong answer names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..phases import PHASES, PHASES_BY_KEY, Phase

DRILL_FILE = Path(__file__).with_name("drill.yaml")


class DrillPhase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phase: str
    model_answer: str = Field(min_length=1)
    checklist: list[str] = Field(min_length=3)

    @field_validator("phase")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in PHASES_BY_KEY:
            raise ValueError(f"unknown phase {value!r}")
        return value

    @property
    def lifecycle_phase(self) -> Phase:
        return PHASES_BY_KEY[self.phase]


class Drill(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phases: list[DrillPhase]

    @field_validator("phases")
    @classmethod
    def _every_phase_once_in_order(cls, value: list[DrillPhase]) -> list[DrillPhase]:
        if [p.phase for p in value] != [p.key for p in PHASES]:
            raise ValueError("the drill lists every phase once, in lifecycle order")
        return value


@cache
def load_drill(path: Path = DRILL_FILE) -> Drill:
    return Drill.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def self_mark(ticked: int, total: int) -> str:
    """The learner's own mark for one phase, from the checklist items their answer named."""
    share = ticked / total if total else 0
    return "Strong" if share >= 0.8 else "Good start" if share >= 0.5 else "Revise this phase"
