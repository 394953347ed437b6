"""Policy packs in the CI reports: the pack rules a run applied, and where a pack's problems are.

SARIF and JUnit list every rule a run checked, not only those that found something, so each
``CheckedFile`` carries the packs applied to it. A pack that cannot be read is not applied;
``lifecycle check`` still writes its SARIF or JUnit report (a CI step uploads it either way,
and an empty or missing report would read as "nothing found") and reports each problem there,
located in the pack file when the message names the file and a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checked import CheckedFile, UnreadableFile

_LINE = re.compile(r"\bline (\d+)(?:, column (\d+))?")


def pack_rules(files: Sequence[CheckedFile | UnreadableFile]) -> list[tuple[Any, Any]]:
    """(pack, rule) for every rule of the packs applied to any of ``files``, once each, in pack and rule order
    (ids are unique across packs, as ``load_packs`` enforces)."""
    seen: dict[str, tuple[Any, Any]] = {}
    for item in files:
        for pack in getattr(item, "packs", ()):
            for rule in pack.rules:
                seen.setdefault(rule.id, (pack, rule))
    return list(seen.values())


@dataclass(frozen=True)
class PackProblem:
    text: str  # as the loader wrote it: '<file>: rule 2 (POL-X-001), line 31: require.field: …'
    file: str = ""  # the pack (or lifecycle.toml) file it names; '' when it names none that exists
    line: int | None = None
    column: int | None = None


def locate_problem(problem: str) -> PackProblem:
    """The problem with its file and line, read from the message: the loader starts every message with the
    file's name and names a line when it knows one."""
    start = 0
    while (cut := problem.find(": ", start)) > 0:
        if Path(problem[:cut]).is_file():  # the first prefix that is a file: names may hold ': ' themselves
            where = problem[cut + 2:].split(": ", 1)[0]  # 'rule 2 (POL-X-001), line 31'; not the message after it
            match = _LINE.search(where)
            if match is None:
                return PackProblem(problem, problem[:cut])
            return PackProblem(problem, problem[:cut], int(match[1]), int(match[2]) if match[2] else None)
        start = cut + 2
    return PackProblem(problem)
