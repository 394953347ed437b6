"""Saving a session's edits when others saved meanwhile: merge with the stored version, then save.

The UI (ui/state.py) and the many-sessions benchmark share this, so what is measured is what runs.
Store errors (``ProjectNotFound``, database errors, an unreadable stored document) reach the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..checks import Finding, run_checks
from ..model import Project
from ..storage import project_document
from ..store import ProjectStore, VersionConflict
from ..store.summary import summarise
from .merge import Conflict, Side, merge

ATTEMPTS = 5  # others saving again while we merge: merge again, a few times


@dataclass(frozen=True)
class Saved:
    version: int
    project: Project
    findings: list[Finding]


@dataclass(frozen=True)
class Conflicted:
    """Answers both sides changed differently; nothing was saved."""

    stored_version: int
    conflicts: list[Conflict]
    theirs: dict[str, Any]


@dataclass(frozen=True)
class Unmergeable:
    """The merged answers do not make a valid project (e.g. both sides filled a table to its limit)."""

    stored_version: int
    error: ValidationError


@dataclass(frozen=True)
class Busy:
    """Others saved again on every attempt; nothing was saved."""


Outcome = Saved | Conflicted | Unmergeable | Busy


def save_merged(
    store: ProjectStore, pid: str, base_version: int, mine: dict[str, Any], *, by: str = "",
    choices: Mapping[str, Side] | None = None, attempts: int = ATTEMPTS,
) -> Outcome:
    """Merge ``mine`` (edited from ``base_version``) with the stored version and save it if nothing conflicts."""
    base = project_document(store.get_version(pid, base_version))
    for _ in range(attempts):
        stored = store.get(pid)
        theirs = project_document(stored.project)
        result = merge(base, mine, theirs, choices)
        if result.conflicts:
            return Conflicted(stored.version, result.conflicts, theirs)
        try:
            merged = Project.model_validate(result.document)
        except ValidationError as exc:
            return Unmergeable(stored.version, exc)
        findings = run_checks(merged)
        try:
            saved = store.save(pid, merged, expected_version=stored.version, summary=summarise(merged, findings), by=by)
        except VersionConflict:
            continue  # saved again meanwhile: merge with that one
        return Saved(saved, merged, findings)
    return Busy()
