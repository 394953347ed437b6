"""The declarative practice files, validated: a scenario's brief and its answer key."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..phases import PHASES_BY_KEY


class Level(str, Enum):
    # The seed's learning path: know the phases and gates; spot leakage and missing monitoring in a
    # hand-off; run stage gates and post-mortems.
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Brief(_Strict):
    """What a learner reads when the scenario opens: no spoilers."""

    scenario: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=200)
    level: Level
    minutes: int = Field(ge=5, le=600, description="About how long the exercise takes.")
    situation: str = Field(min_length=1)
    task: str = Field(min_length=1)
    hand_in: list[str] = Field(min_length=1)
    questions: list[str] = Field(default_factory=list)


class Gap(_Strict):
    """One planted gap, as an expert reviewer would write it up."""

    id: str = Field(pattern=r"^[A-Z]{2}\d{2}$")
    title: str = Field(min_length=1, max_length=200)
    phase: str
    where: list[str] = Field(min_length=1, description="Paths of the answers or rows a flag may point at.")
    rules: list[int] = Field(default_factory=list, description="Rules of ML it breaks; [] when none applies.")
    severity: str = Field(pattern=r"^(blocker|warning|advice)$")
    why: str = Field(min_length=1)
    good_answer: str = Field(min_length=1)

    @field_validator("phase")
    @classmethod
    def _known_phase(cls, value: str) -> str:
        if value not in PHASES_BY_KEY:
            raise ValueError(f"unknown phase {value!r}; one of {', '.join(PHASES_BY_KEY)}")
        return value

    @field_validator("rules")
    @classmethod
    def _real_rules(cls, value: list[int]) -> list[int]:
        bad = [r for r in value if not 1 <= r <= 43]
        if bad:
            raise ValueError(f"there are 43 Rules of ML; {bad} is not one")
        return value


class AnswerKey(_Strict):
    scenario: str = Field(min_length=1)
    gaps: list[Gap] = Field(min_length=1)

    @field_validator("gaps")
    @classmethod
    def _unique_ids(cls, value: list[Gap]) -> list[Gap]:
        ids = [g.id for g in value]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"gap ids repeat: {', '.join(repeated)}")
        return value

    def gap(self, gap_id: str) -> Gap:
        return next(g for g in self.gaps if g.id == gap_id)
