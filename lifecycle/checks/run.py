"""Running the checks over a project, applying accepted findings, and sorting/grouping the results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..model import AcceptedFinding, Project
from ..phases import PHASES
from .finding import Finding, Severity
from .registry import Check, registered

PHASE_ORDER = {phase.key: index for index, phase in enumerate(PHASES)}


def _key(check_id: str, subject: str) -> tuple[str, str]:
    return check_id.strip().upper(), subject.strip().casefold()


def sort_key(finding: Finding) -> tuple[int, int, str, str]:
    """Phase order, then severity (blockers first), then check id, then subject."""
    return PHASE_ORDER[finding.phase], finding.severity.rank, finding.check_id, finding.subject


def apply_accepted(project: Project, findings: Iterable[Finding]) -> list[Finding]:
    """Mark findings the project file accepts (same check id and subject) as accepted, with the reason."""
    reasons = {_key(entry.check_id, entry.subject): entry.reason.strip() for entry in project.accepted_findings}
    if not reasons:
        return list(findings)
    result = []
    for finding in findings:
        reason = reasons.get(_key(finding.check_id, finding.subject))
        result.append(replace(finding, accepted=True, accepted_reason=reason) if reason is not None else finding)
    return result


def run_checks(project: Project, checks: Iterable[Check] | None = None, *, policies: Sequence[Any] | None = None
               ) -> list[Finding]:
    """All findings for the project, accepted ones marked, sorted by phase, severity and id.

    With every check (``checks`` None), the findings of organisation policy packs join in: ``policies``
    (``lifecycle.policies.PolicyPack``s), or by default the packs ``LIFECYCLE_POLICY_PACKS`` names.
    """
    findings: list[Finding] = []
    for entry in registered() if checks is None else checks:
        findings.extend(entry.run(project))
    if checks is None:
        from ..policies import policy_findings  # imported here: policy packs build on this package

        findings.extend(policy_findings(project, policies))
    findings = apply_accepted(project, findings)
    findings.sort(key=sort_key)
    return findings


def unmatched_acceptances(project: Project, findings: Iterable[Finding]) -> list[AcceptedFinding]:
    """Accepted-finding entries in the project file that no current finding matches (stale or mistyped)."""
    present = {_key(f.check_id, f.subject) for f in findings}
    return [entry for entry in project.accepted_findings if _key(entry.check_id, entry.subject) not in present]


def open_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings not accepted: these count toward failing and readiness."""
    return [finding for finding in findings if not finding.accepted]


def failing(findings: Iterable[Finding], fail_on: Severity | str = Severity.BLOCKER) -> list[Finding]:
    """Open findings at or above the ``fail_on`` severity."""
    level = Severity(fail_on)
    return [finding for finding in open_findings(findings) if finding.severity.at_least(level)]


def filter_findings(
    findings: Iterable[Finding],
    *,
    phase: str | None = None,
    min_severity: Severity | str | None = None,
    check_id: str | None = None,
    include_accepted: bool = True,
) -> list[Finding]:
    """The findings matching every given criterion (``min_severity`` keeps that level and above)."""
    level = Severity(min_severity) if min_severity is not None else None
    return [
        finding
        for finding in findings
        if (phase is None or finding.phase == phase)
        and (level is None or finding.severity.at_least(level))
        and (check_id is None or finding.check_id == check_id)
        and (include_accepted or not finding.accepted)
    ]


def by_phase(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Phase key → its findings, every phase present (in lifecycle order), order of input kept."""
    grouped: dict[str, list[Finding]] = {phase.key: [] for phase in PHASES}
    for finding in findings:
        grouped[finding.phase].append(finding)
    return grouped


def by_severity(findings: Iterable[Finding]) -> dict[Severity, list[Finding]]:
    """Severity → its findings, every severity present (blocker first), order of input kept."""
    grouped: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
    for finding in findings:
        grouped[finding.severity].append(finding)
    return grouped


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Open findings per severity value, plus 'accepted' and 'total'."""
    result = {severity.value: 0 for severity in Severity}
    result["accepted"] = 0
    result["total"] = 0
    for finding in findings:
        result["total"] += 1
        if finding.accepted:
            result["accepted"] += 1
        else:
            result[finding.severity.value] += 1
    return result
