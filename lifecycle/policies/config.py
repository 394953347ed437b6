"""Which policy packs apply by default: those named by ``LIFECYCLE_POLICY_PACKS``.

The variable holds one or more paths separated by the system's path separator (``:`` on
Linux and macOS, ``;`` on Windows); a directory stands for every ``*.yaml`` and ``*.yml``
file in it, in name order. The app and ``lifecycle check`` both read it, so a CI job and
the workshop see the same organisation rules. Packs are re-read only when a file changes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .loader import LoadResult, load_packs

ENV_VAR = "LIFECYCLE_POLICY_PACKS"


def configured_paths(value: str | None = None) -> list[Path]:
    value = os.environ.get(ENV_VAR, "") if value is None else value
    paths: list[Path] = []
    for part in value.split(os.pathsep):
        if not part.strip():
            continue
        path = Path(part.strip()).expanduser()
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()))
        else:
            paths.append(path)  # a missing file is reported by the loader
    return paths


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _load(stamps: tuple[tuple[str, int, int], ...]) -> LoadResult:
    return load_packs(path for path, _, _ in stamps)


def configured_packs() -> LoadResult:
    """The packs the environment names, read once per version of their files."""
    paths = configured_paths()
    if not paths:
        return LoadResult()
    return _load(tuple(_stamp(path) for path in paths))
