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


def policy_packs_or_explain(given: Sequence[str] | None) -> tuple[Any, ...] | None:
    """The packs ``LIFECYCLE_POLICY_PACKS`` names plus those given with ``--policy``, or None after printing
    every problem (file, rule and key) on stderr."""
    from ..policies import configured_paths, load_packs

    paths = list(dict.fromkeys(Path(p).resolve() for p in [*configured_paths(), *(given or [])]))
    result = load_packs(paths)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return None if result.problems else result.packs
