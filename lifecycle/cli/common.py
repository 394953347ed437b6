"""What the CLI subcommands share: exit codes and reading the project file."""

from __future__ import annotations

import sys
from pathlib import Path

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
