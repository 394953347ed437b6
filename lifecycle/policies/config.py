"""Which policy packs apply by default: those ``lifecycle.toml`` lists, and those ``LIFECYCLE_POLICY_PACKS`` names.

``lifecycle.toml`` (see ``lifecycle.settings``) is the app's configuration kept in git beside the project;
the variable suits a one-off run or a deployment that sets its environment. It holds one or more paths separated
by the system's path separator (``:`` on Linux and macOS, ``;`` on Windows). In both, a directory stands for every
``*.yaml`` and ``*.yml`` file in it, in name order, and a pack named twice is applied once. The app and
``lifecycle check`` both read them, so a CI job and the workshop see the same organisation rules. Packs are
re-read only when a file changes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..settings import Settings, read_settings
from .loader import LoadResult, load_packs

ENV_VAR = "LIFECYCLE_POLICY_PACKS"


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
    return [path]  # a missing file is reported by the loader


def configured_paths(value: str | None = None, settings: Settings | None = None) -> list[Path]:
    """The pack files of ``lifecycle.toml`` (``settings``), then of the variable (``value``), each once."""
    value = os.environ.get(ENV_VAR, "") if value is None else value
    settings = read_settings() if settings is None else settings
    named = [*settings.policy_packs, *(Path(p.strip()).expanduser() for p in value.split(os.pathsep) if p.strip())]
    paths: dict[Path, Path] = {}  # by resolved path, so a pack in both places is not read twice (its ids would clash)
    for path in (p for entry in named for p in _expand(entry)):
        paths.setdefault(path.resolve(), path)
    return list(paths.values())


def configuration_problems() -> tuple[str, ...]:
    """What is wrong in ``lifecycle.toml`` itself (a pack's own problems come from loading it)."""
    return read_settings().problems


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
    """The configured packs, read once per version of their files; a broken ``lifecycle.toml`` is one of the
    problems, so it is reported like a broken pack rather than silently applying nothing."""
    paths = configured_paths()
    loaded = _load(tuple(_stamp(path) for path in paths)) if paths else LoadResult()
    problems = configuration_problems()
    return LoadResult(loaded.packs, problems + loaded.problems) if problems else loaded
