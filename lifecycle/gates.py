"""Stage-gate sign-off: who signed a phase's gate, when, and with which findings still there.

A gate may be signed off only while no blocker finding of its phase is open; a blocker the
team takes on deliberately must first be accepted with a written reason (on the Checks
page or in ``accepted_findings``). The findings still present at sign-off, open or
accepted, are recorded on the gate so a later reader sees what the signature covered; so is
the MLflow model version the plan described then, for a project linked to its registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .checks import Finding, Severity, run_checks
from .model import Project, StageGate
from .model.base import GateFinding, SignedVersion
from .phases import PHASES_BY_KEY


class SignOffRefused(ValueError):
    """A sign-off that the rules do not allow, with one readable reason per problem."""

    def __init__(self, phase: str, reasons: list[str]):
        self.phase = phase
        self.reasons = reasons
        super().__init__(f"{PHASES_BY_KEY[phase].title} gate cannot be signed off: " + "; ".join(reasons))


@dataclass(frozen=True)
class SignOffState:
    """What the sign-off control needs to know about one phase's gate."""

    phase: str
    signed: bool
    signed_by: str
    signed_on: date | None
    recorded: tuple[GateFinding, ...]  # findings recorded at sign-off
    signed_for: SignedVersion | None  # the MLflow model version the sign-off approved, when it recorded one
    blockers: tuple[Finding, ...]  # open blocker findings of the phase now
    allowed: bool
    reasons: tuple[str, ...]


def _gate(project: Project, phase: str) -> StageGate:
    if phase not in PHASES_BY_KEY:
        raise KeyError(f"no phase {phase!r}; phases are {', '.join(PHASES_BY_KEY)}")
    return PHASES_BY_KEY[phase].answers(project).gate


def is_signed(gate: StageGate) -> bool:
    return bool(gate.signed_off_by.strip())


def phase_findings(project: Project, phase: str, findings: Iterable[Finding] | None = None) -> list[Finding]:
    """The findings of one phase (accepted ones marked), in the order ``run_checks`` gives."""
    return [f for f in (run_checks(project) if findings is None else findings) if f.phase == phase]


def open_blockers(project: Project, phase: str, findings: Iterable[Finding] | None = None) -> list[Finding]:
    """Blocker findings of the phase that are not accepted: each one stops the sign-off."""
    return [f for f in phase_findings(project, phase, findings) if f.severity is Severity.BLOCKER and not f.accepted]


def finding_id(finding: Finding | GateFinding) -> str:
    """How a finding is named on a gate: its check id, and its subject when it has one."""
    subject = finding.subject.strip()
    return f"{finding.check_id} ({subject})" if subject else finding.check_id


def can_sign_off(project: Project, phase: str, findings: Iterable[Finding] | None = None) -> tuple[bool, list[str]]:
    """Whether the phase's gate may be signed off now, and if not, every reason why."""
    gate = _gate(project, phase)
    reasons: list[str] = []
    if is_signed(gate):
        when = f" on {gate.signed_off_on.isoformat()}" if gate.signed_off_on else ""
        reasons.append(f"already signed off by {gate.signed_off_by.strip()}{when}; withdraw that sign-off first")
    for finding in open_blockers(project, phase, findings):
        reasons.append(
            f"open blocker {finding_id(finding)}: {finding.message} "
            "Fix it, or accept it with a reason on the Checks page."
        )
    return not reasons, reasons


def sign_off(project: Project, phase: str, by: str, on: date, findings: Iterable[Finding] | None = None) -> Project:
    """A copy of the project with the phase's gate signed by ``by`` on ``on``.

    Raises ``SignOffRefused`` when a blocker of the phase is open (not accepted), when the gate
    is already signed, or when no name is given. The findings of the phase that are still
    there (open or accepted) are recorded on the gate.
    """
    findings = list(run_checks(project) if findings is None else findings)
    allowed, reasons = can_sign_off(project, phase, findings)
    if not by.strip():
        reasons = [*reasons, "write the name of the person signing off"]
        allowed = False
    if not allowed:
        raise SignOffRefused(phase, reasons)
    recorded = [
        GateFinding(check_id=f.check_id, subject=f.subject, accepted=f.accepted)
        for f in phase_findings(project, phase, findings)
    ]
    signed = project.model_copy(deep=True)
    gate = _gate(signed, phase)
    gate.signed_off_by = by.strip()
    gate.signed_off_on = on
    gate.open_findings_at_sign_off = recorded
    gate.signed_for = described_version(project)
    return signed


def described_version(project: Project) -> SignedVersion | None:
    """The MLflow model version the plan describes now (its last import for the link as it is), if any.

    Recorded at sign-off so the approval stays with that version: importing another version later
    must not make the sign-off look as if it approved that one too.
    """
    snapshot = project.integrations.mlflow.current_snapshot()
    if snapshot is None or not snapshot.version.strip():
        return None
    listed = next((v for v in snapshot.versions if v.version == snapshot.version), None)
    run_id = listed.run_id if listed is not None and listed.run_id else (snapshot.run.run_id if snapshot.run else "")
    return SignedVersion(model=snapshot.model, version=snapshot.version, run_id=run_id)


def withdraw_sign_off(project: Project, phase: str) -> Project:
    """A copy of the project with the phase's sign-off removed (the gate's answers stay)."""
    withdrawn = project.model_copy(deep=True)
    gate = _gate(withdrawn, phase)
    gate.signed_off_by = ""
    gate.signed_off_on = None
    gate.open_findings_at_sign_off = []
    gate.signed_for = None
    return withdrawn


def sign_off_state(project: Project, phase: str, findings: Iterable[Finding] | None = None) -> SignOffState:
    findings = list(run_checks(project) if findings is None else findings)
    gate = _gate(project, phase)
    allowed, reasons = can_sign_off(project, phase, findings)
    return SignOffState(
        phase=phase,
        signed=is_signed(gate),
        signed_by=gate.signed_off_by.strip(),
        signed_on=gate.signed_off_on,
        recorded=tuple(gate.open_findings_at_sign_off),
        signed_for=gate.signed_for,
        blockers=tuple(open_blockers(project, phase, findings)),
        allowed=allowed,
        reasons=tuple(reasons),
    )
