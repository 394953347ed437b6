"""What a check reports: a ``Finding`` about one thing in one project, and its ``Severity``."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from ..phases import PHASES_BY_KEY


class Severity(str, Enum):
    """How much a finding matters. Declared from most to least serious."""

    BLOCKER = "blocker"  # the phase's gate should not be passed with this open
    WARNING = "warning"  # a known anti-pattern; fix it or accept it with a reason
    ADVICE = "advice"  # good practice the plan does not show yet

    @property
    def rank(self) -> int:
        """0 for the most serious; lower ranks sort first."""
        return _RANK[self]

    def at_least(self, level: Severity | str) -> bool:
        """True when this severity is as serious as ``level`` or more."""
        return self.rank <= Severity(level).rank

    def __str__(self) -> str:
        return self.value


GATE_PREFIX = "GATE-"

# Where a finding's evidence comes from: a structured answer, prose the text module read, or
# two answers that contradict each other (e.g. a 'temporal' split answer and prose describing a shuffle).
ANSWER, TEXT, CROSS = "answer", "text", "cross-answer"
BASES = (ANSWER, TEXT, CROSS)
_RANK = {severity: rank for rank, severity in enumerate(Severity)}
_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def field_path(field: str) -> tuple[str | int, ...]:
    """'data.features[3].owner' → ('data', 'features', 3, 'owner'), the form the UI state uses."""
    return tuple(name if name else int(index) for name, index in _PART.findall(field))


def field_value(root: Any, field: str) -> Any:
    """The value a dotted field path points at (raises AttributeError/IndexError if it does not exist)."""
    value = root
    for part in field_path(field):
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


@dataclass(frozen=True)
class Finding:
    """One problem a check found in one project.

    ``message`` names the feature, metric, source or signal at fault in *this*
    project; ``field`` is the dotted path of the answer to change (e.g.
    ``data.features[3].available_at_prediction``) so a UI can link to it;
    ``subject`` is the name of the thing concerned ("" for the whole project) and,
    with ``check_id``, is what an accepted finding in the project file matches.
    ``evidence`` is the sentence of the plan the finding was read from (quoted as
    written, "" when it rests on structured answers only); ``basis`` says whether it
    rests on an ``answer``, on ``text``, or on a ``cross-answer`` contradiction.
    """

    check_id: str
    title: str
    rules: tuple[int, ...]
    refs: tuple[str, ...]
    phase: str
    severity: Severity
    message: str
    fix: str
    field: str
    subject: str = ""
    accepted: bool = False
    accepted_reason: str = ""
    evidence: str = ""
    basis: str = ANSWER

    @property
    def phase_title(self) -> str:
        return PHASES_BY_KEY[self.phase].title

    @property
    def path(self) -> tuple[str | int, ...]:
        """``field`` as a tuple of attribute names and row indexes."""
        return field_path(self.field)

    @property
    def is_missing_answer(self) -> bool:
        """A stage-gate completeness finding (``GATE-…``): an answer the gate needs is not given yet,
        as opposed to an answer that shows an anti-pattern."""
        return self.check_id.startswith(GATE_PREFIX)

    @property
    def read_from_text(self) -> bool:
        """The finding rests on prose the review read (alone, or against another answer)."""
        return bool(self.evidence) and self.basis in (TEXT, CROSS)

    @property
    def is_open(self) -> bool:
        """Not accepted: counts toward failing and readiness."""
        return not self.accepted

    def references(self) -> str:
        """The sources it enforces, as one line: 'Rules of ML #33; Leakage L3.1'."""
        parts = []
        if self.rules:
            parts.append("Rules of ML " + ", ".join(f"#{rule}" for rule in self.rules))
        parts.extend(self.refs)
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: ``id`` first, severity as its string value."""
        data = asdict(self)
        data.pop("check_id")
        data["rules"] = list(self.rules)
        data["refs"] = list(self.refs)
        data["severity"] = self.severity.value
        return {"id": self.check_id, **data}
