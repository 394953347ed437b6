"""The check registry: like a linter's rule table, one entry per decorated function.

A check is a plain function that takes a ``Project`` and yields ``Hit``s (what is wrong
in this project, how to fix it, which field). The ``@check`` decorator registers it
under a stable id with its phase, severity and the sources it enforces; the registry
turns hits into ``Finding``s. Adding a check is adding one decorated function to the
module of its phase.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Project
from ..phases import PHASES_BY_KEY
from .finding import ANSWER, Finding, Severity
from .rules import RULE_TITLES


class Hit(NamedTuple):
    """One occurrence of a problem, as a check function reports it."""

    message: str  # specific to this project: name the feature, metric, source or signal
    fix: str  # how to fix it
    field: str  # dotted path of the answer to change, e.g. "data.features[2].available_at_prediction"
    subject: str = ""  # the feature/metric/source concerned; "" for the whole project
    evidence: str = ""  # the sentence of the plan it was read from, quoted as written
    basis: str = ANSWER  # 'answer', 'text' or 'cross-answer'
    severity: Severity | None = None  # when the context makes it more or less serious than the check's default


CheckFunction = Callable[[Project], Iterable[Hit]]
Applies = Callable[[Project], bool]

PHASE_PREFIX = {"problem_framing": "PF", "data": "DA", "modeling": "MO", "deployment": "DE", "monitoring": "MN"}
# GATE-DA-AIA: answers the EU AI Act screening adds to a gate (lifecycle.compliance.gate_checks).
_ID = re.compile(r"^(?:GATE-(?P<gate>[A-Z]{2})(?:-AIA)?|(?P<prefix>[A-Z]{2})-\d{3})$")


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    phase: str
    severity: Severity
    rules: tuple[int, ...]
    refs: tuple[str, ...]
    function: CheckFunction
    when: str = ""  # for conditional checks: the kind of project it applies to
    applies: Applies | None = None  # False when the check has nothing to judge in this project (not applicable)
    reads: tuple[str, ...] = ()  # prose answers it reads (dotted paths; '[*]' for every row)

    def applicable(self, project: Project) -> bool:
        return self.applies is None or bool(self.applies(project))

    @property
    def doc(self) -> str:
        """What the check looks for and why: the function's docstring."""
        return inspect.cleandoc(self.function.__doc__ or "")

    def run(self, project: Project) -> list[Finding]:
        """The check's findings; none when it does not apply to this project."""
        if not self.applicable(project):
            return []
        return [
            Finding(
                check_id=self.id,
                title=self.title,
                rules=self.rules,
                refs=self.refs,
                phase=self.phase,
                message=hit.message,
                fix=hit.fix,
                field=hit.field,
                subject=hit.subject,
                severity=hit.severity or self.severity,
                evidence=hit.evidence,
                basis=hit.basis,
            )
            for hit in self.function(project)
        ]


REGISTRY: dict[str, Check] = {}


def check(
    id: str,
    title: str,
    *,
    phase: str,
    severity: Severity | str,
    rules: Iterable[int] = (),
    refs: Iterable[str] = (),
    when: str = "",
    applies: Applies | None = None,
    reads: Iterable[str] = (),
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as check ``id``; the function is returned unchanged."""

    def register(function: CheckFunction) -> CheckFunction:
        entry = Check(
            id=id,
            title=title,
            phase=phase,
            severity=Severity(severity),
            rules=tuple(rules),
            refs=tuple(refs),
            function=function,
            when=when,
            applies=applies,
            reads=tuple(reads),
        )
        _validate(entry)
        REGISTRY[id] = entry
        return function

    return register


def _validate(entry: Check) -> None:
    match = _ID.match(entry.id)
    if not match:
        raise ValueError(f"check id {entry.id!r} must look like 'DA-004' or 'GATE-DA'")
    if entry.id in REGISTRY and REGISTRY[entry.id].function.__qualname__ != entry.function.__qualname__:
        raise ValueError(f"check id {entry.id} is registered twice")
    if entry.phase not in PHASES_BY_KEY:
        raise ValueError(f"check {entry.id}: unknown phase {entry.phase!r}")
    if (match["gate"] or match["prefix"]) != PHASE_PREFIX[entry.phase]:
        raise ValueError(f"check {entry.id}: the id prefix does not match phase {entry.phase!r}")
    if unknown := [rule for rule in entry.rules if rule not in RULE_TITLES]:
        raise ValueError(f"check {entry.id}: no Rule of ML numbered {unknown}")
    if not entry.rules and not entry.refs:
        raise ValueError(f"check {entry.id}: name the rule, ML Test Score test or pattern it enforces")
    if not (entry.function.__doc__ or "").strip():
        raise ValueError(f"check {entry.id}: the function needs a docstring saying what it looks for and why")


# Rules of ML that no check enforces, and why. The docs page prints this table; a test
# keeps it in step with the registry (every rule is either checked or listed here).
UNCHECKED_RULES: dict[int, str] = {
    3: "Whether a heuristic has grown too complex to maintain is a judgement about code the plan does not describe; "
       "the workbook records the heuristics and their fate (Rule 7) and the labelled data (Rule 1) instead.",
    18: "The plan has no answer recording cross-context signals for new items; whether such signals generalise can "
        "only be seen in data.",
    19: "How specific features can be depends on data scale and engineering craft, neither visible in a plan; "
        "the data-volume check (Rule 21) is the closest proxy.",
    20: "Discretising and crossing features is an implementation detail decided while modelling, not a plan answer.",
    41: "A Phase III behaviour: it only applies once gains have plateaued, long after the plan is written.",
    42: "A domain insight about popularity and personalisation; no plan answer can be right or wrong about it.",
    43: "A domain insight about cross-product features; no plan answer can be right or wrong about it.",
}

# Named patterns from the ML Test Score, the leakage taxonomy and the technical-debt paper
# that the plan cannot show, and why. Printed on the docs page next to the rules.
UNCHECKED_PATTERNS: dict[str, str] = {
    "Leakage L1.3 (feature selection on all data)": "Folded into the 'preprocessing fitted on training data only' "
        "answer; the plan has no separate answer for feature selection.",
    "Leakage L3.2 (non-independence between train and test)": "The plan does not record whether an entity has "
        "several examples, so a random split cannot be told apart from a safe one; a grouped split is offered.",
    "Leakage L3.3 (sampling bias in the test set)": "Whether the test set matches the deployment population needs "
        "the data, not the plan.",
    "ML Test Score Model 3 (hyperparameters tuned)": "A modelling activity with no plan answer.",
    "ML Test Score Infra 5 (model is debuggable)": "No plan answer records single-example debugging.",
    "ML Test Score Monitor 5 (numerical stability)": "No signal kind for NaNs or infinities; it is usually covered by "
        "the prediction-distribution signal.",
    "Technical debt: correction cascades, glue code, pipeline jungles": "Code-level debts that a plan cannot show.",
}


def registered() -> list[Check]:
    """All checks, in id order within phase order (gate completeness first in each phase)."""
    phase_order = {key: index for index, key in enumerate(PHASES_BY_KEY)}
    return sorted(REGISTRY.values(), key=lambda c: (phase_order[c.phase], not c.id.startswith("GATE"), c.id))


def checked_rules() -> dict[int, list[str]]:
    """Rule number → ids of the checks that enforce it."""
    result: dict[int, list[str]] = {}
    for entry in registered():
        for rule in entry.rules:
            result.setdefault(rule, []).append(entry.id)
    return dict(sorted(result.items()))
