"""One project file checked: its findings, readiness, and where each answer sits in the file.

``check_file`` reads a project file the way the workbook does (``lifecycle.storage``), runs
every check, and indexes the file's text so that a report can point at the line of an answer.
A file that cannot be read becomes an ``UnreadableFile`` with the reader's messages, each
located in the file when it names a line or a field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks import Finding, Readiness, Severity, failing, readiness, run_checks, unmatched_acceptances
from ..model import AcceptedFinding, Project
from ..reader.errors import NotReadError
from ..reader.source import read_bounded
from ..storage import ProjectFileError, parse_project
from .positions import FileFormat, Location, PositionIndex, Span, file_format, index_text

_LINE_COLUMN = re.compile(r"^line (\d+), column (\d+): ")
_FIELD = re.compile(r"^((?:[A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*): ")
_EMPTY = PositionIndex(None)


def _key(check_id: str, subject: str) -> tuple[str, str]:
    # the same matching as the checks' accepted findings: id case-insensitive, subject case-folded
    return check_id.strip().upper(), subject.strip().casefold()


@dataclass(frozen=True)
class CheckedFile:
    name: str  # as given on the command line
    fmt: FileFormat
    project: Project
    findings: list[Finding]
    readiness: Readiness
    stale: list[AcceptedFinding]  # accepted-finding entries that match no current finding
    index: PositionIndex = field(default=_EMPTY, repr=False)
    # the policy packs applied, so SARIF and JUnit can list their rules (not only the rules that found something)
    packs: tuple[Any, ...] = ()

    def locate(self, finding_field: str) -> Location:
        return self.index.locate(finding_field)

    def failing(self, fail_on: Severity | str) -> list[Finding]:
        return failing(self.findings, fail_on)

    def acceptance(self, finding: Finding) -> int | None:
        """Index in ``accepted_findings`` of the entry that accepts ``finding`` (the last match, as applied)."""
        wanted = _key(finding.check_id, finding.subject)
        matches = [i for i, entry in enumerate(self.project.accepted_findings)
                   if _key(entry.check_id, entry.subject) == wanted]
        return matches[-1] if matches else None

    def entry_index(self, entry: AcceptedFinding) -> int:
        return next(i for i, candidate in enumerate(self.project.accepted_findings) if candidate is entry)


@dataclass(frozen=True)
class UnreadableFile:
    """A file that is not a valid project: what the reader said, one message per problem."""

    name: str
    problems: list[str]
    index: PositionIndex | None = field(default=None, repr=False)  # when the text parses but does not validate
    source: str = ""  # how the reader named the file in its messages

    def located(self) -> list[tuple[str, Location | None]]:
        """Each problem with where it is in the file, when its message names a line or a field."""
        result: list[tuple[str, Location | None]] = []
        for problem in self.problems:
            where = _LINE_COLUMN.match(problem)
            if where:
                line, column = int(where[1]), int(where[2])
                result.append((problem, Location(Span(line, column, line, column + 1), ())))
                continue
            named = _FIELD.match(problem)
            if named and self.index is not None:
                result.append((problem, self.index.locate(named[1])))
            else:
                result.append((problem, None))
        return result


def _text(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _index(name: str, text: str | None) -> PositionIndex | None:
    if text is None:
        return None
    try:
        return index_text(text, file_format(name, text))
    except ValueError:
        return None


def check_file(path: str | Path, policies: Sequence[Any] | None = None) -> CheckedFile | UnreadableFile:
    """Read, check and index one project file; ``policies``: organisation policy packs to apply too
    (None: the configured ones, from ``lifecycle.toml`` and ``LIFECYCLE_POLICY_PACKS``)."""
    name = str(path)
    path = Path(path)
    data: bytes | None = None
    try:
        # One bounded read (never trusting stat(): a pipe or /dev/zero reports size 0), then the same
        # bytes are both parsed and indexed for line numbers.
        data = read_bounded(path)
        project = parse_project(data, path.name)
    except ProjectFileError as error:
        # Index only a file the reader read and the model then refused: its messages name fields to locate. A file
        # the reader refused (too deep, too many rows…) has none, and indexing it would do the refused work anyway.
        index = None if isinstance(error, NotReadError) else _index(path.name, _text(data))
        return UnreadableFile(name, list(error.problems), index, error.source)
    text = _text(data) or ""
    findings = run_checks(project, policies=policies)
    if policies is None:
        from ..policies import configured_packs  # imported here, as in run_checks: the packs build on the checks

        policies = configured_packs().packs  # what run_checks applied (read once per version of the files)
    return CheckedFile(
        name=name,
        fmt=file_format(path.name, text),
        project=project,
        findings=findings,
        readiness=readiness(project, findings),
        stale=unmatched_acceptances(project, findings),
        index=_index(path.name, text) or _EMPTY,
        packs=tuple(policies),
    )
