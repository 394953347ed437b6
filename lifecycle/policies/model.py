"""A policy pack as pydantic models: an organisation's own rules over a project's answers.

A rule says when it applies (risk tier, business unit, ML task, and optionally a condition
over answers) and what it requires (a condition over answers: field path, operator, value,
combined with ``all``/``any``). When a rule applies and its requirement does not hold, it
becomes a finding beside the built-in checks, with the rule's own id (``POL-…``) and its
message and fix, whose ``{placeholders}`` are filled from the project.

These models check the shape of a pack; ``lifecycle.policies.loader`` checks what needs the
project model (that each field path exists, that values fit the answer) and locates every
problem in the file.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..checks.finding import Severity
from ..compliance.screening import TIER_KEYS
from ..model import MLTask
from ..phases import PHASES_BY_KEY

RULE_ID = re.compile(r"^POL-[A-Z0-9]+(?:-[A-Z0-9]+)*$")
ID_MAX = 40
PACK_ERROR_ID = "POL-PACK-ERROR"  # the finding that says a configured pack could not be read


class Operator(str, Enum):
    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    IN = "in"
    NOT_IN = "not_in"
    EMPTY = "empty"
    NOT_EMPTY = "not_empty"
    MATCHES = "matches"
    NOT_MATCHES = "not_matches"
    CONTAINS = "contains"
    NOT_CONTAINS = "not_contains"
    LESS_THAN = "less_than"
    GREATER_THAN = "greater_than"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


NO_VALUE = frozenset({Operator.EMPTY, Operator.NOT_EMPTY})
LIST_VALUE = frozenset({Operator.IN, Operator.NOT_IN})
PATTERN_VALUE = frozenset({Operator.MATCHES, Operator.NOT_MATCHES})
ORDERED = frozenset({Operator.LESS_THAN, Operator.GREATER_THAN, Operator.AT_LEAST, Operator.AT_MOST})
MEMBERSHIP = frozenset({Operator.CONTAINS, Operator.NOT_CONTAINS})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Condition(_Strict):
    """Either one test of an answer (``field``, ``operator``, ``value``) or a list of conditions under
    ``all`` (every one holds) or ``any`` (at least one holds)."""

    field: str | None = None
    operator: Operator | None = None
    value: Any = None
    rows: Literal["any", "all"] = "any"  # for a path through table rows ([*]): must any row, or all, pass?
    all_of: tuple[Condition, ...] | None = Field(default=None, alias="all")
    any_of: tuple[Condition, ...] | None = Field(default=None, alias="any")

    @model_validator(mode="after")
    def _one_shape(self) -> Condition:
        shapes = [name for name, given in (("field", self.field is not None), ("all", self.all_of is not None),
                                           ("any", self.any_of is not None)) if given]
        if len(shapes) != 1:
            raise ValueError("a condition has exactly one of 'field' (with 'operator'), 'all' or 'any'"
                             + (f"; this one has {' and '.join(shapes)}" if shapes else ""))
        if self.field is None:
            if self.operator is not None or self.value is not None:
                raise ValueError("'operator' and 'value' belong to a condition with a 'field', not to 'all'/'any'")
            if not (self.all_of or self.any_of):
                raise ValueError(f"'{shapes[0]}' needs at least one condition")
            return self
        if self.operator is None:
            raise ValueError(f"the condition on '{self.field}' needs an 'operator'")
        if self.operator in NO_VALUE and self.value is not None:
            raise ValueError(f"'{self.operator.value}' takes no 'value'")
        if self.operator not in NO_VALUE and self.value is None:
            raise ValueError(f"'{self.operator.value}' needs a 'value'")
        if self.operator in LIST_VALUE and not (isinstance(self.value, list) and self.value):
            raise ValueError(f"'{self.operator.value}' needs a list of values, e.g. value: [a, b]")
        if self.operator in PATTERN_VALUE:
            if not isinstance(self.value, str):
                raise ValueError(f"'{self.operator.value}' needs a regular expression as text")
            try:
                re.compile(self.value)
            except re.error as exc:
                raise ValueError(f"'{self.value}' is not a valid regular expression ({exc})") from None
        return self

    def leaves(self) -> list[Condition]:
        """The field tests of this condition, in the order they are written."""
        if self.field is not None:
            return [self]
        return [leaf for part in (self.all_of or self.any_of or ()) for leaf in part.leaves()]


class AppliesWhen(_Strict):
    """Which projects a rule is about; every key given must hold (an empty list or no key: any)."""

    risk_tier: tuple[str, ...] = ()
    business_unit: tuple[str, ...] = ()
    ml_task: tuple[str, ...] = ()
    answers: Condition | None = None

    @field_validator("risk_tier")
    @classmethod
    def _tiers(cls, tiers: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [t for t in tiers if t not in TIER_KEYS]
        if unknown:
            raise ValueError(f"unknown risk tier {', '.join(map(repr, unknown))}; tiers are {', '.join(TIER_KEYS)}")
        return tiers

    @field_validator("ml_task")
    @classmethod
    def _tasks(cls, tasks: tuple[str, ...]) -> tuple[str, ...]:
        known = [task.value for task in MLTask]
        unknown = [t for t in tasks if t not in known]
        if unknown:
            raise ValueError(f"unknown ML task {', '.join(map(repr, unknown))}; tasks are {', '.join(known)}")
        return tasks


class PolicyRule(_Strict):
    id: str
    title: str = Field(min_length=1, max_length=200)
    phase: str
    severity: Severity
    applies_when: AppliesWhen = Field(default_factory=AppliesWhen)
    require: Condition
    message: str = Field(min_length=1, max_length=2000)
    fix: str = Field(min_length=1, max_length=2000)
    field: str | None = None  # the answer "Go to the answer" opens; default: the first field the rule requires

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if value == PACK_ERROR_ID:
            raise ValueError(f"'{PACK_ERROR_ID}' is reserved for reporting packs that cannot be read")
        if not RULE_ID.match(value) or len(value) > ID_MAX:
            raise ValueError(f"'{value}' is not a policy rule id: start with 'POL-' and use capitals, digits and "
                             f"hyphens, at most {ID_MAX} characters (e.g. 'POL-MRM-001'), so policy findings stand "
                             "apart from the built-in checks")
        return value

    @field_validator("phase")
    @classmethod
    def _phase(cls, value: str) -> str:
        if value not in PHASES_BY_KEY:
            raise ValueError(f"unknown phase '{value}'; phases are {', '.join(PHASES_BY_KEY)}")
        return value


class PolicyPack(_Strict):
    name: str = Field(min_length=1, max_length=200)
    description: str = ""
    rules: tuple[PolicyRule, ...] = Field(min_length=1)
    source: str = Field(default="", exclude=True)  # the file it was read from, for messages
