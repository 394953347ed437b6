"""The whole review of a project as one result: every check with its outcome, the findings, and what needs a person.

Outcomes follow a linter's report (as in skore's): a check that fires with an open blocker
or warning is an **issue**, one whose open findings are only advice is a **tip**, one whose
findings are all accepted is **suppressed**, one that ran and found nothing **passed**, and
one with nothing to judge in this project (a ranking check on a classifier, a signal check
with no signals yet) is **not applicable**. ``run_checks`` stays the way to get the findings
alone; ``review`` is for pages and reports that show the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..model import Project
from .finding import Finding, Severity
from .human import HumanReview, needs_human
from .readiness import Readiness, readiness
from .registry import Check, registered
from .run import run_checks, sort_key


class Outcome(str, Enum):
    ISSUE = "issue"
    TIP = "tip"
    PASSED = "passed"
    NOT_APPLICABLE = "not_applicable"
    SUPPRESSED = "suppressed"

    @property
    def label(self) -> str:
        return {"issue": "Issues", "tip": "Tips", "passed": "Passed", "not_applicable": "Not applicable",
                "suppressed": "Suppressed (accepted)"}[self.value]


@dataclass(frozen=True)
class CheckOutcome:
    check: Check
    outcome: Outcome
    findings: tuple[Finding, ...]
    reason: str = ""  # why a check is not applicable

    def to_dict(self) -> dict:
        return {"id": self.check.id, "title": self.check.title, "phase": self.check.phase,
                "outcome": self.outcome.value, "findings": len(self.findings), "reason": self.reason}


@dataclass(frozen=True)
class Review:
    findings: tuple[Finding, ...]
    outcomes: tuple[CheckOutcome, ...]
    needs_human: tuple[HumanReview, ...]
    readiness: Readiness

    def with_outcome(self, outcome: Outcome, phase: str | None = None) -> list[CheckOutcome]:
        return [o for o in self.outcomes if o.outcome is outcome and (phase is None or o.check.phase == phase)]

    def human(self, phase: str) -> list[HumanReview]:
        return [item for item in self.needs_human if item.phase == phase]

    def counts(self) -> dict[str, int]:
        """Checks per outcome."""
        return {outcome.value: len(self.with_outcome(outcome)) for outcome in Outcome}

    def to_dict(self) -> dict:
        return {
            "outcomes": self.counts(),
            "checks": [o.to_dict() for o in self.outcomes],
            "needs_human_review": [item.to_dict() for item in self.needs_human],
        }


def _outcome(entry: Check, project: Project, findings: list[Finding]) -> CheckOutcome:
    if not findings:
        if not entry.applicable(project):
            return CheckOutcome(entry, Outcome.NOT_APPLICABLE, (),
                                f"Applies only to {entry.when}." if entry.when else "Nothing to judge in this plan yet.")
        return CheckOutcome(entry, Outcome.PASSED, ())
    open_ = [f for f in findings if not f.accepted]
    if not open_:
        outcome = Outcome.SUPPRESSED
    elif any(f.severity in (Severity.BLOCKER, Severity.WARNING) for f in open_):
        outcome = Outcome.ISSUE
    else:
        outcome = Outcome.TIP
    return CheckOutcome(entry, outcome, tuple(sorted(findings, key=sort_key)))


def review(project: Project, findings: Iterable[Finding] | None = None) -> Review:
    """Run every check once and report each one's outcome, the findings, what needs a person, and readiness.

    Pass ``findings`` from ``run_checks(project)`` when they are at hand (the app computes them once per change);
    the outcomes are then grouped from them instead of running the checks again.
    """
    if findings is None:
        findings = run_checks(project)  # every check, and the organisation's policy packs
    by_check: dict[str, list[Finding]] = {}
    for finding in findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    outcomes = []
    all_findings: list[Finding] = []
    for entry in registered():
        found = by_check.pop(entry.id, [])
        all_findings.extend(found)
        outcomes.append(_outcome(entry, project, found))
    for found in by_check.values():  # policy-pack findings: not checks of the registry, listed all the same
        all_findings.extend(found)
    all_findings.sort(key=sort_key)
    human = needs_human(project)
    return Review(tuple(all_findings), tuple(outcomes), human, readiness(project, all_findings, human))
