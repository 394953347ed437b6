"""Reading and writing project files (YAML or JSON).

Every way a file can be wrong ends in ``ProjectFileError`` with messages that name
the place (line, or field path) and the problem, so the UI and CLI can show them
as they are and leave the open project untouched. The structure is checked by the
bounded reader (``lifecycle.reader``) before the model validates the answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .model import Project
from .reader import LIMITS, FileFormat, ProjectFileError, read_bounded, read_document
from .reader.guard import path_text, shown

MAX_FILE_BYTES = LIMITS.max_bytes  # a rich project is ~30 KB; 2 MB leaves room and refuses accidents
MAX_PROBLEMS = 20  # listed one by one; a file with more is summed up after them

__all__ = [
    "MAX_FILE_BYTES", "FileFormat", "ProjectFileError", "dump_project", "load_project", "parse_project",
    "project_document", "save_project", "validation_problems",
]


def _date_problem(where: str, item: dict[str, Any]) -> str:
    reason = item["msg"].split(", ", 1)[1] if ", " in item["msg"] else item["msg"]
    return f"{where}: {shown(item['input'])} is not a valid date ({reason}); write dates as YYYY-MM-DD"


def validation_problems(error: ValidationError) -> list[str]:
    """One readable line per validation error, its field path first; long inputs are cut in the message."""
    problems = []
    for item in error.errors(include_url=False):
        where = path_text(item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"{where}: unknown field (not part of the project format; check the spelling)")
        elif item["type"] == "enum":
            expected = item.get("ctx", {}).get("expected", "")
            problems.append(f"{where}: {shown(item['input'])} is not one of the allowed answers ({expected})")
        elif item["type"].startswith(("date_", "datetime_")) and isinstance(item.get("input"), str):
            problems.append(_date_problem(where, item))
        else:
            problems.append(f"{where}: {item['msg']}")
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"… and {len(problems) - MAX_PROBLEMS} more problems"]
    return problems


def parse_project(data: bytes, name: str = "project file") -> Project:
    """Turn uploaded or read bytes into a validated Project, or raise ProjectFileError."""
    document = read_document(data, name)
    if not isinstance(document, dict):
        kind = "a list" if isinstance(document, list) else (
            "no data (only comments)" if document is None else f"a single value ({type(document).__name__})")
        raise ProjectFileError(name, [f"the file holds {kind}; a project file is a mapping with keys such as "
                                      "'info' and 'data'"])
    try:
        return Project.model_validate(document)  # also upgrades older formats (lifecycle.model.migrations)
    except ValidationError as exc:
        raise ProjectFileError(name, validation_problems(exc)) from None
    except ValueError as exc:  # e.g. a format version from a newer workbook
        raise ProjectFileError(name, [str(exc)]) from None


def load_project(path: str | Path) -> Project:
    path = Path(path)
    return parse_project(read_bounded(path), path.name)


def project_document(project: Project) -> dict[str, Any]:
    """The project as plain data (strings, numbers, lists), in declaration order."""
    return project.model_dump(mode="json")


def dump_project(project: Project, fmt: FileFormat = "yaml") -> str:
    document = project_document(project)
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def save_project(project: Project, path: str | Path) -> None:
    path = Path(path)
    fmt: FileFormat = "json" if path.suffix.lower() == ".json" else "yaml"
    path.write_text(dump_project(project, fmt), encoding="utf-8")
