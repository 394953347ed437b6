"""What the CLI subcommands share: exit codes and reading the project file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Project
from ..storage import ProjectFileError, load_project

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_FILE = 0, 1, 2


def load_or_explain(path: str | Path) -> Project | None:
    """The project in ``path``, or None after printing why it cannot be read (one line per problem, stderr)."""
    try:
        return load_project(path)
    except ProjectFileError as error:
        for problem in error.problems:
            print(f"{error.source}: {problem}", file=sys.stderr)
        return None


def read_policy_packs(given: Sequence[str] | None) -> Any:
    """The packs ``lifecycle.toml`` lists and ``LIFECYCLE_POLICY_PACKS`` names, plus those given with ``--policy``:
    a ``LoadResult`` of the packs that read cleanly and every problem (file, rule and key; or what is wrong in
    ``lifecycle.toml``), each problem also printed on stderr. SARIF and JUnit still report with the clean packs."""
    from ..policies import LoadResult, configuration_problems, configured_paths, load_packs

    paths = list(dict.fromkeys(Path(p).resolve() for p in [*configured_paths(), *(given or [])]))
    result = load_packs(paths)
    problems = configuration_problems() + result.problems
    for problem in problems:
        print(problem, file=sys.stderr)
    return LoadResult(result.packs, problems)


def policy_packs_or_explain(given: Sequence[str] | None) -> tuple[Any, ...] | None:
    """The packs of ``read_policy_packs``, or None when any of them has a problem (printed on stderr)."""
    result = read_policy_packs(given)
    return None if result.problems else result.packs
