"""What the portfolio shows of a project, computed once when it is saved.

Listing a thousand projects must not re-validate and re-check a thousand documents,
so the figures the portfolio needs are stored beside the document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from collections.abc import Iterable

from ..checks import Finding, Severity, run_checks
from ..completeness import project_progress
from ..compliance.screening import screen
from ..integrations.mlflow.portfolio import registry_summary
from ..maturity import assess
from ..model import GateDecision, Project
from ..phases import PHASES


@dataclass(frozen=True)
class ProjectSummary:
    name: str
    owner: str
    business_unit: str
    completeness: dict[str, float]  # phase key -> share of gate answers given
    # None while practice mode is on: a learner's attempt must not count its planted gaps in the portfolio.
    open_blockers: int | None
    open_warnings: int | None
    gates_passed: int  # phases whose gate decision is "go"
    maturity: str = ""  # e.g. "Google 1 · Microsoft 2"; empty in summaries stored before it existed
    risk_tier: str = ""  # EU AI Act tier key ('high_risk', 'not_screened'…); empty in summaries stored before it
    registry: dict = field(default_factory=dict)  # the MLflow link and its aliases; empty when not linked
    practice: str = ""  # "" for a real plan; for a learner's practice attempt, its scenario and best score

    @property
    def practising(self) -> bool:
        """A learner's attempt in practice mode: its counts and completeness are not shown (None counts mark it,
        in summaries stored before this property too)."""
        return self.open_blockers is None

    def phase_percent(self, phase_key: str) -> int | None:
        """Share of the phase's gate answers given, in percent; None for a practice attempt, where the answer still
        missing at a gate points at a planted gap."""
        return None if self.practising else round(100 * self.completeness.get(phase_key, 0))

    def to_dict(self) -> dict:
        return asdict(self)


def summarise(project: Project, findings: Iterable[Finding] | None = None) -> ProjectSummary:
    """The portfolio's figures; pass ``findings`` from ``run_checks`` when they are at hand. In practice mode
    the findings counts are left out (None), not just hidden on the page, so no listing or export can show them."""
    hidden = project.practice.active
    findings = [] if hidden else [f for f in (run_checks(project) if findings is None else findings) if not f.accepted]
    return ProjectSummary(
        name=project.info.name,
        owner=project.info.owner,
        business_unit=project.info.business_unit,
        completeness={p.phase.key: round(p.ratio, 4) for p in project_progress(project)},
        open_blockers=None if hidden else sum(f.severity is Severity.BLOCKER for f in findings),
        open_warnings=None if hidden else sum(f.severity is Severity.WARNING for f in findings),
        gates_passed=sum(phase.answers(project).gate.decision is GateDecision.GO for phase in PHASES),
        maturity=_maturity(project),
        risk_tier=screen(project).key,
        registry=registry_summary(project),
        practice=practice_line(project),
    )


def practice_line(project: Project) -> str:
    """How the portfolio marks a practice attempt, so a learner's copy is never read as a real plan."""
    practice = project.practice
    if not practice.scenario:
        return ""
    if not (practice.active or practice.flags or practice.attempts):
        # opened with "Open" to read or adapt: a copy of a scenario, never practised
        return f"Scenario copy: {practice.scenario}"
    if not practice.attempts:
        return f"Practice: {practice.scenario}, not submitted"
    best = max(a.score for a in practice.attempts)
    count = len(practice.attempts)
    return f"Practice: {practice.scenario}, best {best}/100 in {count} attempt{'s' if count != 1 else ''}"


def _maturity(project: Project) -> str:
    assessment = assess(project)
    return f"Google {assessment.google.level.number} · Microsoft {assessment.microsoft.level.number}"
