"""Bytes of a project file to plain data: size, encoding, format, then the structural read."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import NotReadError, Refused
from .guard import Guard
from .json_reader import read_json
from .limits import LIMITS, Limits
from .source import decode, too_large
from .yaml_reader import read_yaml

log = logging.getLogger(__name__)
FileFormat = Literal["yaml", "json"]


def format_for(name: str, text: str) -> FileFormat:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


def read_document(data: bytes, name: str = "project file", limits: Limits = LIMITS,
                  fmt: FileFormat | None = None) -> Any:
    """The plain data (dicts, lists, str, int, float, bool, None) of a project file, or ``NotReadError``
    (a ``ProjectFileError``).

    Nothing here knows the project's fields; the caller validates the result with the model.
    """
    if len(data) > limits.max_bytes:
        raise too_large(name, limits, len(data))
    text = decode(data, name)
    if not text.strip():
        raise NotReadError(name, ["the file is empty"])
    fmt = fmt or format_for(name, text)
    guard = Guard(limits)
    try:
        return read_json(text, guard) if fmt == "json" else read_yaml(text, guard)
    except Refused as refused:
        raise NotReadError(name, [refused.message]) from None
    except json.JSONDecodeError as exc:
        raise NotReadError(name, [f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in what:  # libyaml's own limit (1,000 levels) can come before ours
            raise NotReadError(name, [f"{where}nested more than {limits.max_depth} levels deep; "
                                      f"{limits.wording.depth}"]) from None
        raise NotReadError(name, [f"{where}invalid YAML ({what})"]) from None
    except yaml.YAMLError as exc:
        raise NotReadError(name, [f"invalid YAML ({exc})"]) from None
    except Exception as exc:  # a reader bug must still end in a message (the CLI's exit 2), never a traceback
        log.exception("reading %s failed", name)
        raise NotReadError(name, [f"the file could not be read ({type(exc).__name__})"]) from None
