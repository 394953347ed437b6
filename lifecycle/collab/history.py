"""What changed between two versions of a project, and which signed gates changed since their sign-off.

Answers are compared the way the merge sees them (``merge.py``): per answer, table rows by
their id (added, removed, or changed cell by cell), so a diff reads "row “bureau” added"
rather than "row 3 changed". Findings are compared by check and subject; readiness is the
review's score (``lifecycle.checks.readiness``) of each version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..checks import Finding, readiness, run_checks
from ..model import ROW_ID, Project
from ..phases import PHASES
from ..storage import project_document
from .describe import label, row_title, show
from .merge import MISSING, Path, RowKey, is_table, rows_by_id

# Gate fields written by the sign-off itself: changing them is the sign-off, not a change of answers.
SIGN_OFF_FIELDS = frozenset({"signed_off_by", "signed_off_on", "open_findings_at_sign_off", "signed_for"})


@dataclass(frozen=True)
class AnswerChange:
    path: Path
    before: Any
    after: Any
    where: str  # "Data › Data sources › row “bureau” › Owner"
    kind: str = "changed"  # changed | row added | row removed

    @property
    def shown_before(self) -> str:
        return show(self.before, self.path)

    @property
    def shown_after(self) -> str:
        return show(self.after, self.path)


@dataclass(frozen=True)
class VersionDiff:
    answers: tuple[AnswerChange, ...]
    findings_opened: tuple[Finding, ...]
    findings_closed: tuple[Finding, ...]
    readiness_before: int
    readiness_after: int
    readiness_by_phase: tuple[tuple[str, int, int], ...] = field(default=())  # (phase title, before, after)

    @property
    def rows_added(self) -> tuple[AnswerChange, ...]:
        return tuple(c for c in self.answers if c.kind == "row added")

    @property
    def rows_removed(self) -> tuple[AnswerChange, ...]:
        return tuple(c for c in self.answers if c.kind == "row removed")


def answer_changes(before: dict[str, Any], after: dict[str, Any], *, skip: frozenset[str] = frozenset()) -> list[AnswerChange]:
    """Every answer, row and cell that differs, in document order. ``skip``: field names left out."""
    rows = rows_by_id(before, after)
    changes: list[AnswerChange] = []

    def walk(path: Path, old: Any, new: Any) -> None:
        if old == new:
            return
        if isinstance(old, dict) and isinstance(new, dict):
            for key in [*new, *(k for k in old if k not in new)]:
                if key not in skip and key != ROW_ID:
                    walk((*path, key), old.get(key, MISSING), new.get(key, MISSING))
            return
        if is_table(old, new):
            old_rows = {r[ROW_ID]: r for r in (old if isinstance(old, list) else [])}
            new_rows = {r[ROW_ID]: r for r in (new if isinstance(new, list) else [])}
            for row_id in dict.fromkeys([*new_rows, *old_rows]):
                row_path = (*path, RowKey(row_id))
                if row_id not in old_rows:
                    changes.append(AnswerChange(row_path, MISSING, new_rows[row_id], _row_where(path, new_rows[row_id]),
                                                "row added"))
                elif row_id not in new_rows:
                    changes.append(AnswerChange(row_path, old_rows[row_id], MISSING,
                                                _row_where(path, old_rows[row_id]), "row removed"))
                else:
                    walk(row_path, old_rows[row_id], new_rows[row_id])
            return
        changes.append(AnswerChange(path, None if old is MISSING else old, None if new is MISSING else new,
                                    label(path, rows)))

    walk((), before, after)
    return changes


def _row_where(table: Path, row: dict) -> str:
    return f"{label(table)} › row {row_title(row, table)}"


def _finding_key(finding: Finding) -> tuple[str, str]:
    return finding.check_id, finding.subject


def diff(before: Project, after: Project) -> VersionDiff:
    """What changed from ``before`` to ``after``: answers, rows, findings opened and closed, readiness."""
    old_findings = [f for f in run_checks(before) if not f.accepted]
    new_findings = [f for f in run_checks(after) if not f.accepted]
    old_keys = {_finding_key(f) for f in old_findings}
    new_keys = {_finding_key(f) for f in new_findings}
    old_ready, new_ready = readiness(before, old_findings), readiness(after, new_findings)
    return VersionDiff(
        answers=tuple(answer_changes(project_document(before), project_document(after))),
        findings_opened=tuple(f for f in new_findings if _finding_key(f) not in old_keys),
        findings_closed=tuple(f for f in old_findings if _finding_key(f) not in new_keys),
        readiness_before=old_ready.score,
        readiness_after=new_ready.score,
        readiness_by_phase=tuple(
            (a.title, a.score, b.score) for a, b in zip(old_ready.phases, new_ready.phases, strict=True)
        ),
    )


@dataclass(frozen=True)
class GateSinceSignOff:
    """A signed gate and what changed in its phase since the version that signed it."""

    phase: str
    title: str
    signed_by: str
    signed_in_version: int
    changes: tuple[AnswerChange, ...]


def _sign_off(document: dict[str, Any], phase: str) -> tuple[str, Any]:
    gate = document.get(phase, {}).get("gate", {})
    return (gate.get("signed_off_by") or "").strip(), gate.get("signed_off_on")


def changed_since_sign_off(history: Sequence[tuple[int, dict[str, Any]]]) -> list[GateSinceSignOff]:
    """Signed gates of the newest version whose phase answers changed since the sign-off.

    ``history``: (version, document) oldest first, ending with the current version. The sign-off
    version is the earliest of the unbroken run of versions carrying the current signature."""
    if not history:
        return []
    current_version, current = history[-1]
    found: list[GateSinceSignOff] = []
    for phase in PHASES:
        signature = _sign_off(current, phase.key)
        if not signature[0]:
            continue
        signed_version, signed_document = current_version, current
        for version, document in reversed(history[:-1]):
            if _sign_off(document, phase.key) != signature:
                break
            signed_version, signed_document = version, document
        changes = answer_changes(
            {phase.key: signed_document.get(phase.key, {})}, {phase.key: current.get(phase.key, {})},
            skip=SIGN_OFF_FIELDS,
        )
        if changes:
            found.append(GateSinceSignOff(phase.key, phase.title, signature[0], signed_version, tuple(changes)))
    return found
