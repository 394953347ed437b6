"""Reading and writing project files (YAML or JSON).

Every way a file can be wrong ends in ``ProjectFileError`` with messages that name
the place (line, or field path) and the problem, so the UI and CLI can show them
as they are and leave the open project untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from .model import Project

MAX_FILE_BYTES = 2 * 1024 * 1024  # a rich project is ~30 KB; 2 MB leaves room and refuses accidents
FileFormat = Literal["yaml", "json"]


class ProjectFileError(ValueError):
    """A project file that cannot be opened, with one readable message per problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class _NoAliasSafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases: a project file never needs them,
    and nested aliases can make a tiny file expand into an enormous document."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed in project files", event.start_mark
            )
        return super().compose_node(parent, index)


def _format_for(name: str, text: str) -> FileFormat:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip().startswith("{") else "yaml"


def _location(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _validation_problems(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        where = _location(item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"{where}: unknown field (not part of the project format; check the spelling)")
        elif item["type"] == "enum":
            expected = item.get("ctx", {}).get("expected", "")
            problems.append(f"{where}: {item['input']!r} is not one of the allowed answers ({expected})")
        else:
            problems.append(f"{where}: {item['msg']}")
    return problems


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise ProjectFileError(source, ["this is a binary file, not a YAML or JSON project file"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(
            source, [f"byte {exc.start} is not valid UTF-8; save the file as UTF-8 text (YAML or JSON)"]
        ) from None


def _parse_text(text: str, fmt: FileFormat, source: str) -> Any:
    if not text.strip():
        raise ProjectFileError(source, ["the file is empty"])
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProjectFileError(source, [f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"]) from None
    try:
        return yaml.load(text, Loader=_NoAliasSafeLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = exc.problem or exc.context or "invalid YAML"
        raise ProjectFileError(source, [f"{where}invalid YAML ({what})"]) from None
    except yaml.YAMLError as exc:
        raise ProjectFileError(source, [f"invalid YAML ({exc})"]) from None


def _check_size(size: int, source: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ProjectFileError(
            source,
            [f"the file is {size / 1_048_576:.1f} MB; project files are limited to {MAX_FILE_BYTES // 1_048_576} MB"],
        )


def parse_project(data: bytes, name: str = "project file") -> Project:
    """Turn uploaded or read bytes into a validated Project, or raise ProjectFileError."""
    _check_size(len(data), name)
    text = _decode(data, name)
    document = _parse_text(text, _format_for(name, text), name)
    if not isinstance(document, dict):
        kind = "a list" if isinstance(document, list) else f"a single value ({type(document).__name__})"
        raise ProjectFileError(name, [f"the file holds {kind}; a project file is a mapping with keys such as 'info' and 'data'"])
    try:
        return Project.model_validate(document)
    except ValidationError as exc:
        raise ProjectFileError(name, _validation_problems(exc)) from None


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        _check_size(path.stat().st_size, path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(str(path), [exc.strerror or str(exc)]) from None
    return parse_project(data, path.name)


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
