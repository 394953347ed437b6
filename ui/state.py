"""The open project for this browser session.

One canonical copy of the project lives in ``st.session_state`` as plain data
(``project_document``); every widget is a view of it. Widgets get their value from
it before each render and write back through a callback, so answers survive page
switches (Streamlit drops the state of widgets that are not on screen) and every
write is validated by the pydantic model.
"""

from __future__ import annotations

import copy
from typing import Any

import streamlit as st
from pydantic import ValidationError

from lifecycle.model import Project
from lifecycle.storage import project_document

PROJECT = "project"
CLEAN = "project_clean"  # the document as last opened or downloaded, to tell unsaved edits
SOURCE = "project_source"
EPOCH = "project_epoch"  # bumped when the project is replaced, so widgets re-read their values
ERRORS = "field_errors"
PENDING = "pending_replace"
NOTICE = "notice"

Path = tuple[str | int, ...]


def init() -> None:
    if PROJECT not in st.session_state:
        _install(Project(), "New project")


def _install(project: Project, source: str) -> None:
    document = project_document(project)
    st.session_state[PROJECT] = document
    st.session_state[CLEAN] = copy.deepcopy(document)
    st.session_state[SOURCE] = source
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    st.session_state[ERRORS] = {}
    st.session_state.pop(PENDING, None)


def project() -> Project:
    return Project.model_validate(st.session_state[PROJECT])


def document() -> dict[str, Any]:
    return st.session_state[PROJECT]


def source() -> str:
    return st.session_state[SOURCE]


def epoch() -> int:
    return st.session_state[EPOCH]


def has_unsaved_changes() -> bool:
    return st.session_state[PROJECT] != st.session_state[CLEAN]


def mark_saved() -> None:
    st.session_state[CLEAN] = copy.deepcopy(st.session_state[PROJECT])


def request_replace(new: Project, source: str) -> None:
    """Open another project; ask first when that would throw away unsaved answers."""
    if has_unsaved_changes():
        st.session_state[PENDING] = {"document": project_document(new), "source": source}
    else:
        _install(new, source)
        notify(f"Opened {source}.")


def pending_replace() -> dict[str, Any] | None:
    return st.session_state.get(PENDING)


def confirm_replace() -> None:
    pending = st.session_state.get(PENDING)
    if pending:
        _install(Project.model_validate(pending["document"]), pending["source"])
        notify(f"Opened {pending['source']}.")


def cancel_replace() -> None:
    st.session_state.pop(PENDING, None)


def notify(message: str) -> None:
    st.session_state[NOTICE] = message


def take_notice() -> str | None:
    return st.session_state.pop(NOTICE, None)


def path_key(path: Path) -> str:
    return ".".join(str(p) for p in path)


def value_at(path: Path) -> Any:
    node: Any = st.session_state[PROJECT]
    for part in path:
        node = node[part]
    return node


def set_answer(path: Path, value: Any) -> bool:
    """Write one answer through the model. On a validation error the project is left as it was
    and the message is kept for the field, so the widget can keep showing what was typed."""
    candidate = copy.deepcopy(st.session_state[PROJECT])
    node = candidate
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    errors: dict[str, str] = st.session_state[ERRORS]
    try:
        validated = Project.model_validate(candidate)
    except ValidationError as exc:
        errors[path_key(path)] = "; ".join(_readable(e) for e in exc.errors(include_url=False))
        return False
    errors.pop(path_key(path), None)
    st.session_state[PROJECT] = project_document(validated)
    return True


def _readable(error: dict[str, Any]) -> str:
    loc = [str(p) for p in error["loc"]]
    # Row errors: name the row (1-based, as people count) and the column.
    row = next((int(p) for p in error["loc"] if isinstance(p, int)), None)
    column = loc[-1] if loc else ""
    if row is not None:
        return f"row {row + 1}, {column}: {error['msg']}"
    return error["msg"]


def error_for(path: Path) -> str | None:
    return st.session_state[ERRORS].get(path_key(path))
