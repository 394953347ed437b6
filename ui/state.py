"""The open project for this browser session, and its autosave to the project store.

One canonical copy of the project lives in ``st.session_state`` as plain data
(``project_document``); every widget is a view of it. Widgets get their value from
it before each render and write back through a callback, so answers survive page
switches (Streamlit drops the state of widgets that are not on screen) and every
write is validated by the pydantic model.

Every accepted change is saved to the store at once (autosave). The project's id lives
in the URL (``?pid=``), so a refresh or a shared link reopens it. Saves carry the version
they were based on; if someone else saved meanwhile, the save is refused, the user's
answers stay on screen, and the conflict is shown until the user resolves it.
"""

from __future__ import annotations

import copy
import os
from typing import Any

import streamlit as st
from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from lifecycle.model import Project
from lifecycle.samples import samples
from lifecycle.storage import ProjectFileError, project_document
from lifecycle.store import ProjectNotFound, ProjectStore, VersionConflict, store_url_from_env

from .text import plain

PROJECT = "project"
CLEAN = "project_clean"  # the document as last persisted (stored or downloaded), to tell unsaved edits
SOURCE = "project_source"
EPOCH = "project_epoch"  # bumped when the project is replaced, so widgets re-read their values
ERRORS = "field_errors"
PENDING = "pending_replace"
NOTICE = "notice"
PID = "project_id"  # id in the store; None until the project is first saved
VERSION = "project_version"  # stored version this session's copy is based on
CONFLICT = "save_conflict"  # set when another session saved first
SAVE_ERROR = "save_error"
SEED_ENV = "LIFECYCLE_SEED_SAMPLES"  # "0" keeps a new store empty

Path = tuple[str | int, ...]


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ProjectStore:
    # Shared by all sessions on purpose: it holds a connection pool, no user data.
    store = ProjectStore(url)
    if os.environ.get(SEED_ENV, "1") != "0":
        store.seed_once(sample.load() for sample in samples())  # a new store starts with the scenarios
    return store


def store() -> ProjectStore:
    return _store(store_url_from_env())


def init() -> None:
    if PROJECT in st.session_state:
        return
    pid = st.query_params.get("pid")
    if pid:
        try:
            stored = store().get(pid)
        except ProjectNotFound:
            _install(Project(), "New project")
            notify("The project in the link no longer exists; a new project was started.")
            return
        except SQLAlchemyError:
            _install(Project(), "New project")
            st.session_state[SAVE_ERROR] = "The project store cannot be reached, so the linked project was not opened."
            return
        except ProjectFileError as exc:  # a stored document this workbook can no longer read
            _install(Project(), "New project")
            problems = plain("; ".join(exc.problems[:3]))
            st.session_state[SAVE_ERROR] = f"The linked project could not be opened: {problems}"
            return
        _install(stored.project, stored.project.info.name or "a stored project", pid=pid, version=stored.version)
        return
    _install(Project(), "New project")


def _install(project: Project, source: str, *, pid: str | None = None, version: int = 0) -> None:
    document = project_document(project)
    st.session_state[PROJECT] = document
    # Freshly opened, a project has nothing unsaved: a stored one is in the store, a sample or blank
    # one can be opened again. Its first change stores it.
    st.session_state[CLEAN] = copy.deepcopy(document)
    st.session_state[SOURCE] = source
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    st.session_state[ERRORS] = {}
    st.session_state[PID] = pid
    st.session_state[VERSION] = version
    for key in (PENDING, CONFLICT, SAVE_ERROR):
        st.session_state.pop(key, None)


def sync_url() -> None:
    """Keep ``?pid=`` in the address bar; Streamlit drops query params on page switches."""
    pid = st.session_state.get(PID)
    if pid and st.query_params.get("pid") != pid:
        st.query_params["pid"] = pid
    elif not pid and "pid" in st.query_params:
        del st.query_params["pid"]


def project() -> Project:
    return Project.model_validate(st.session_state[PROJECT])


def document() -> dict[str, Any]:
    return st.session_state[PROJECT]


def source() -> str:
    return st.session_state[SOURCE]


def epoch() -> int:
    return st.session_state[EPOCH]


def project_id() -> str | None:
    return st.session_state.get(PID)


def version() -> int:
    return st.session_state.get(VERSION, 0)


def conflict() -> dict[str, Any] | None:
    return st.session_state.get(CONFLICT)


def save_error() -> str | None:
    return st.session_state.get(SAVE_ERROR)


def has_unsaved_changes() -> bool:
    return st.session_state[PROJECT] != st.session_state[CLEAN]


def mark_saved() -> None:
    st.session_state[CLEAN] = copy.deepcopy(st.session_state[PROJECT])


def _persist() -> None:
    """Save the session's project to the store (create it on first save)."""
    if st.session_state.get(CONFLICT):
        return  # resolve the conflict first; the answers stay in this session meanwhile
    current = project()
    try:
        pid = st.session_state.get(PID)
        if pid is None:
            stored = store().create(current)
            st.session_state[PID], st.session_state[VERSION] = stored.id, stored.version
        else:
            st.session_state[VERSION] = store().save(pid, current, expected_version=version())
    except VersionConflict as exc:
        st.session_state[CONFLICT] = {"current": exc.current}
        return
    except ProjectNotFound:
        # Deleted by someone else: keep the work by storing it as a new project.
        stored = store().create(current)
        st.session_state[PID], st.session_state[VERSION] = stored.id, stored.version
        notify("The stored project was deleted elsewhere; your answers were saved as a new project.")
    except SQLAlchemyError as exc:
        st.session_state[SAVE_ERROR] = f"Your answers could not be saved ({type(exc).__name__}); they are kept here."
        return
    st.session_state.pop(SAVE_ERROR, None)
    mark_saved()


def reload_stored() -> None:
    """Conflict resolution: discard this session's edits and take the stored version."""
    pid = st.session_state.get(PID)
    if pid:
        stored = store().get(pid)
        _install(stored.project, source(), pid=pid, version=stored.version)
        notify(f"Loaded the saved version {stored.version}.")


def overwrite_stored() -> None:
    """Conflict resolution: save this session's answers over the newer stored version."""
    pid = st.session_state.get(PID)
    if pid:
        st.session_state[VERSION] = store().version(pid)
        st.session_state.pop(CONFLICT, None)
        _persist()
        notify(f"Your answers were saved as version {version()}.")


def open_stored(pid: str) -> None:
    stored = store().get(pid)
    _install(stored.project, stored.project.info.name or "a stored project", pid=pid, version=stored.version)
    notify(f"Opened {stored.project.info.name or 'the project'}.")


def request_replace(new: Project, source: str, *, persist: bool = False) -> None:
    """Open another project; ask first only when that would throw away answers that are not saved."""
    if has_unsaved_changes() or st.session_state.get(CONFLICT):
        st.session_state[PENDING] = {"document": project_document(new), "source": source, "persist": persist}
    else:
        _open(new, source, persist)


def _open(new: Project, source: str, persist: bool) -> None:
    _install(new, source)
    if persist:
        _persist()
    notify(f"Opened {source}.")


def pending_replace() -> dict[str, Any] | None:
    return st.session_state.get(PENDING)


def confirm_replace() -> None:
    pending = st.session_state.get(PENDING)
    if pending:
        _open(Project.model_validate(pending["document"]), pending["source"], pending["persist"])


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
    """Write one answer through the model and autosave. On a validation error the project is left
    as it was and the message is kept for the field, so the widget can keep showing what was typed."""
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
    _persist()
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
