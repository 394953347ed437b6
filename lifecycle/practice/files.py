"""Reading the practice files next to the scenarios: ``sample_projects/practice/<key>.brief.yaml`` and
``<key>.key.yaml``. They sit in a folder of their own so nothing that lists the scenarios' project files
(``sample_projects/*.yaml``) mistakes them for plans."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..samples import SAMPLES_DIR
from .keys import AnswerKey, Brief

PRACTICE_DIR = SAMPLES_DIR / "practice"
_SCENARIO_KEY = re.compile(r"[a-z0-9_]{1,40}")  # a file stem; the key comes from a project file a user may write


class PracticeFileError(ValueError):
    """A brief or answer key that cannot be read; the message names the file and the field."""


def _read(path: Path, model: type[Brief] | type[AnswerKey]):  # type: ignore[no-untyped-def]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PracticeFileError(f"{path.name}: {exc}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise PracticeFileError(f"{path.name}: {problems}") from exc


@cache
def _brief(path: str) -> Brief:
    return _read(Path(path), Brief)


@cache
def _key(path: str) -> AnswerKey:
    return _read(Path(path), AnswerKey)


def load_brief(scenario: str, folder: Path = PRACTICE_DIR) -> Brief | None:
    """The scenario's brief, or None for a scenario without practice files."""
    if not _SCENARIO_KEY.fullmatch(scenario):
        return None
    path = folder / f"{scenario}.brief.yaml"
    return _brief(str(path)) if path.is_file() else None


def load_key(scenario: str, folder: Path = PRACTICE_DIR) -> AnswerKey | None:
    if not _SCENARIO_KEY.fullmatch(scenario):
        return None
    path = folder / f"{scenario}.key.yaml"
    return _key(str(path)) if path.is_file() else None


def practice_scenarios(folder: Path = PRACTICE_DIR) -> list[str]:
    """Scenario keys that have both a brief and an answer key."""
    return sorted(p.name.removesuffix(".brief.yaml") for p in folder.glob("*.brief.yaml")
                  if (folder / p.name.replace(".brief.yaml", ".key.yaml")).is_file())
