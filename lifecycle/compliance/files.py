"""Writing the Annex IV Markdown for ``lifecycle export --annex-iv FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import Project
from .annex_iv import coverage
from .markdown import to_markdown
from .screening import screen

EXIT_OK, EXIT_FAILED = 0, 2


def write_annex_iv(project: Project, target: str | Path) -> int:
    """Write the file and one line on stdout; 2 and the reason on stderr if it cannot be written."""
    covered = coverage(project)
    try:
        Path(target).write_text(to_markdown(project, covered), encoding="utf-8")
    except OSError as exc:
        print(f"{target}: cannot write the Annex IV documentation ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_FAILED
    print(f"{target}: Annex IV technical documentation, {covered.covered} of {covered.total} points documented "
          f"(risk tier: {screen(project).label})")
    return EXIT_OK
