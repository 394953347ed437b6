"""The open project for this browser session, and its autosave to the project store.

One canonical copy of the project lives in ``st.session_state`` as plain data
(``project_document``); every widget is a view of it. Widgets get their value from
it before each render and write back through a callback, so answers survive page
switches (Streamlit drops the state of widgets that are not on screen) and every
write is validated by the pydantic model.

Every accepted change is saved to the store at once (autosave). The project's id lives
in the URL (``?pid=``), so a refresh or a shared link reopens it. Saves carry the version
they were based on; if someone else saved meanwhile, this session's edits are merged three
ways with theirs (``lifecycle.collab``): edits of different answers or rows are saved
together silently; the same answer changed differently by both is a conflict, shown per
answer until the user chooses, and nothing is saved until then (the answers stay on screen).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from lifecycle.checks import run_checks
from lifecycle.collab import Conflict
from lifecycle.collab.sync import Conflicted, Saved, Unmergeable, save_merged
from lifecycle.collab import value_at as value_in
from lifecycle.model import ROW_ID, Project
from lifecycle.samples import samples
from lifecycle.storage import ProjectFileError, project_document
from lifecycle.store import ProjectNotFound, ProjectStore, VersionConflict, store_url_from_env
from lifecycle.store.summary import summarise

from .text import plain
from .uninterrupted import uninterrupted

PROJECT = "project"
CLEAN = "project_clean"  # the revision last persisted (stored or downloaded), to tell unsaved edits
SOURCE = "project_source"
EPOCH = "project_epoch"  # bumped when the project is replaced, so widgets re-read their values
REVISION = "project_revision"  # bumped on every change of the document, for what is derived from it
MODEL = "project_model"  # (revision, validated Project) so a rerun validates the document once
ERRORS = "field_errors"
PENDING = "pending_replace"
NOTICE = "notice"
PID = "project_id"  # id in the store; None until the project is first saved
VERSION = "project_version"  # stored version this session's copy is based on
CONFLICT = "save_conflict"  # set when another session saved first
SAVE_ERROR = "save_error"
DEFERRED_SAVE = "deferred_save"  # set inside one_save(): True once something is waiting to be saved
SEED_ENV = "LIFECYCLE_SEED_SAMPLES"  # "0" keeps a new store empty
IDENTITY = "display_name"  # who this browser session is (ui/identity.py), recorded on every save
MERGE_ATTEMPTS = 5  # others saving again while we restore: try again, a few times
AUTHOR_LOOKBACK = 20  # versions searched for who changed a conflicting answer

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
    _replace_document(document, project)
    # Freshly opened, a project has nothing unsaved: a stored one is in the store, a sample or blank
    # one can be opened again. Its first change stores it.
    st.session_state[CLEAN] = revision()
    st.session_state[SOURCE] = source
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    st.session_state[ERRORS] = {}
    st.session_state[PID] = pid
    st.session_state[VERSION] = version
    for key in (PENDING, CONFLICT, SAVE_ERROR):
        st.session_state.pop(key, None)


def sync_url() -> None:
    """Keep ``?pid=`` (and the display name, ui/identity.py) in the address bar; Streamlit drops query
    params on page switches."""
    from . import identity  # identity keeps its name in this module's session keys

    identity.sync()
    pid = st.session_state.get(PID)
    if pid and st.query_params.get("pid") != pid:
        st.query_params["pid"] = pid
    elif not pid and "pid" in st.query_params:
        del st.query_params["pid"]


REVIEW_CACHE = "review_cache"  # read by ui/review.py
DERIVED = (MODEL, REVIEW_CACHE)  # caches of what is computed from the document


FRESH = "derived_fresh"  # caches written by a change made since the run started (callbacks)


def begin_run() -> None:
    """Called by the entrypoint at the start of every run: what the previous run derived from the
    document is computed afresh once (the document may have been changed between runs), but what
    the callbacks of this interaction just derived from the new version is kept."""
    fresh: set[str] = st.session_state.setdefault(FRESH, set())
    for key in DERIVED:
        if key not in fresh:
            st.session_state.pop(key, None)
    fresh.clear()


def _keep_fresh(key: str) -> None:
    st.session_state.setdefault(FRESH, set()).add(key)


def revision() -> int:
    return st.session_state.get(REVISION, 0)


def _replace_document(document: dict[str, Any], validated: Project | None = None) -> None:
    st.session_state[PROJECT] = document
    st.session_state[REVISION] = revision() + 1
    if validated is not None:
        st.session_state[MODEL] = (revision(), validated)
        _keep_fresh(MODEL)


def project() -> Project:
    """The open project, validated once per change. Shared by the whole rerun: treat it as read-only
    (domain functions that change a project return a copy)."""
    cached = st.session_state.get(MODEL)
    if cached is None or cached[0] != revision():
        cached = (revision(), Project.model_validate(st.session_state[PROJECT]))
        st.session_state[MODEL] = cached
    return cached[1]


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


def who() -> str:
    """The display name of this session, recorded with every version it saves."""
    return st.session_state.get(IDENTITY, "")


def has_unsaved_changes() -> bool:
    return st.session_state.get(CLEAN) != revision()


def mark_saved() -> None:
    st.session_state[CLEAN] = revision()


def save_leftovers() -> None:
    """Inside ``one_save()``: store changes an earlier run made but did not store (a run can be
    stopped between the two, see ui/uninterrupted.py). Not while a conflict or a save error is
    shown: those are saved once the user decides or with the next change."""
    if has_unsaved_changes() and not st.session_state.get(CONFLICT) and not st.session_state.get(SAVE_ERROR):
        if st.session_state.get(DEFERRED_SAVE) is not None:
            st.session_state[DEFERRED_SAVE] = True


@uninterrupted()
def _persist() -> None:
    """Save the session's project to the store (create it on first save)."""
    if st.session_state.get(CONFLICT):
        return  # resolve the conflict first; the answers stay in this session meanwhile
    current = project()
    findings = run_checks(current)
    # The review of this version is needed by the rerun anyway: compute it once, for both.
    st.session_state[REVIEW_CACHE] = {"revision": revision(), "findings": findings}
    _keep_fresh(REVIEW_CACHE)
    summary = summarise(current, findings)
    try:
        pid = st.session_state.get(PID)
        if pid is None:
            stored = store().create(current, summary=summary, by=who())
            st.session_state[PID], st.session_state[VERSION] = stored.id, stored.version
        else:
            st.session_state[VERSION] = store().save(
                pid, current, expected_version=version(), summary=summary, by=who()
            )
    except VersionConflict:
        _merge_and_save({})
        return
    except ProjectNotFound:
        _save_as_new(current)
    except SQLAlchemyError as exc:
        st.session_state[SAVE_ERROR] = f"Your answers could not be saved ({type(exc).__name__}); they are kept here."
        return
    st.session_state.pop(SAVE_ERROR, None)
    mark_saved()


def _save_as_new(current: Project) -> None:
    # Deleted by someone else: keep the work by storing it as a new project.
    stored = store().create(current, by=who())
    st.session_state[PID], st.session_state[VERSION] = stored.id, stored.version
    notify("The stored project was deleted elsewhere; your answers were saved as a new project.")


@uninterrupted()
def _merge_and_save(choices: dict[str, str]) -> None:
    """Someone saved since this session's version: merge their version and ours against the one we
    started from, and save the result if nothing conflicts; otherwise keep ours and list the conflicts."""
    pid = st.session_state[PID]
    try:
        outcome = save_merged(store(), pid, version(), document(), by=who(), choices=choices)  # type: ignore[arg-type]
    except ProjectNotFound:
        _save_as_new(project())
        st.session_state.pop(SAVE_ERROR, None)
        mark_saved()
        return
    except (SQLAlchemyError, ProjectFileError) as exc:
        st.session_state[SAVE_ERROR] = f"Your answers could not be saved ({type(exc).__name__}); they are kept here."
        return
    if isinstance(outcome, Saved):
        _take(outcome.project, outcome.version, outcome.findings)
    elif isinstance(outcome, Conflicted):
        st.session_state[CONFLICT] = {
            "current": outcome.stored_version, "conflicts": outcome.conflicts, "choices": dict(choices),
            "authors": _authors(pid, version(), outcome.stored_version, outcome.conflicts), "theirs": outcome.theirs,
        }
    elif isinstance(outcome, Unmergeable):
        problems = "; ".join(_readable(e) for e in outcome.error.errors(include_url=False)[:3])
        st.session_state[CONFLICT] = {"current": outcome.stored_version, "conflicts": [], "invalid": problems}
    else:
        st.session_state[SAVE_ERROR] = ("Others are saving this project very often; your answers are kept here and "
                                        "saved with your next change.")


def _take(merged: Project, saved_version: int, findings: list) -> None:
    """This session continues from the merged, saved version. The epoch stays: only the widgets of
    answers that changed get their new value (ui/forms.py), so a field being typed in is not reset."""
    _replace_document(project_document(merged), merged)
    st.session_state[VERSION] = saved_version
    st.session_state[REVIEW_CACHE] = {"revision": revision(), "findings": findings}
    _keep_fresh(REVIEW_CACHE)
    for key in (CONFLICT, SAVE_ERROR):
        st.session_state.pop(key, None)
    mark_saved()


def _authors(pid: str, base_version: int, current: int, conflicts: list[Conflict]) -> dict[str, str]:
    """Conflict key -> who saved the stored answer (the newest version since ours that changed it)."""
    try:
        infos = [v for v in store().versions(pid) if base_version <= v.version <= current][-AUTHOR_LOOKBACK - 1:]
        documents = [project_document(store().get_version(pid, v.version)) for v in infos]
    except (SQLAlchemyError, ProjectFileError, ProjectNotFound):
        return {}
    authors: dict[str, str] = {}
    for conflict in conflicts:
        for index in range(len(infos) - 1, 0, -1):
            if value_in(documents[index], conflict.path) != value_in(documents[index - 1], conflict.path):
                authors[conflict.key] = infos[index].saved_by
                break
    return authors


@uninterrupted()
def resolve(key: str, side: str) -> None:
    """Conflict resolution for one answer: keep "mine" or "theirs". Once every conflict is decided,
    the merge is saved with those choices."""
    conflict = st.session_state.get(CONFLICT)
    if not conflict or side not in ("mine", "theirs"):
        return
    conflict["choices"][key] = side
    if all(c.key in conflict["choices"] for c in conflict["conflicts"]):
        st.session_state.pop(CONFLICT, None)
        _merge_and_save(conflict["choices"])
        if not st.session_state.get(CONFLICT) and not st.session_state.get(SAVE_ERROR):
            notify(f"Your choices were saved as version {version()}.")


@uninterrupted()
def pull_stored() -> bool:
    """Live updates: take the versions others saved since ours. Only when this session has nothing
    unsaved (autosave makes that the usual case), so the stored version is exactly ours plus theirs;
    otherwise the next save merges them. The epoch stays, so only changed answers' widgets change.
    Returns whether the project changed."""
    pid = st.session_state.get(PID)
    if not pid or st.session_state.get(CONFLICT) or has_unsaved_changes():
        return False
    if st.session_state.get(DEFERRED_SAVE) is not None:
        return False
    try:
        if store().version(pid) <= version():  # the cheap question, asked every few seconds
            return False
        stored = store().get(pid)
    except (SQLAlchemyError, ProjectFileError, ProjectNotFound):
        return False  # the next save reports what is wrong
    _replace_document(project_document(stored.project), stored.project)
    st.session_state[VERSION] = stored.version
    mark_saved()
    return True


@uninterrupted()
def restore_version(number: int) -> None:
    """Save the stored version ``number`` again, as the newest version, and continue from it."""
    pid = st.session_state.get(PID)
    if not pid or st.session_state.get(CONFLICT):
        return  # a pending conflict is decided first: restoring would drop those answers unasked
    old = store().get_version(pid, number)
    findings = run_checks(old)
    for _ in range(MERGE_ATTEMPTS):
        try:
            saved = store().save(pid, old, expected_version=store().version(pid), summary=summarise(old, findings),
                                 by=who())
            break
        except VersionConflict:
            continue  # saved by someone else in between: restore on top of theirs
    else:
        st.session_state[SAVE_ERROR] = "Others are saving this project very often; the version was not restored."
        return
    _install(old, source(), pid=pid, version=saved)
    notify(f"Version {number} was restored as version {saved}.")


@uninterrupted()
def reload_stored() -> None:
    """Conflict resolution: discard this session's edits and take the stored version."""
    pid = st.session_state.get(PID)
    if pid:
        stored = store().get(pid)
        _install(stored.project, source(), pid=pid, version=stored.version)
        notify(f"Loaded the saved version {stored.version}.")


@uninterrupted()
def overwrite_stored() -> None:
    """Conflict resolution: save this session's answers over the newer stored version."""
    pid = st.session_state.get(PID)
    if pid:
        st.session_state[VERSION] = store().version(pid)
        st.session_state.pop(CONFLICT, None)
        _persist()
        if not st.session_state.get(CONFLICT):
            notify(f"Your answers were saved as version {version()}.")


@uninterrupted()
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


@uninterrupted()
def _open(new: Project, source: str, persist: bool) -> None:
    _install(new, source)
    if persist:
        _persist()
    notify(f"Opened {source}.")


def pending_replace() -> dict[str, Any] | None:
    return st.session_state.get(PENDING)


@uninterrupted()
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


def _with(document: Any, path: Path, value: Any) -> Any:
    """``document`` with ``value`` at ``path``: containers along the path are copied, the rest is
    shared (documents are never changed in place, so sharing is safe and a deep copy is not needed)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    copied = list(document) if isinstance(document, list) else dict(document)
    copied[head] = _with(document[head], rest, value)  # type: ignore[index]
    return copied


@uninterrupted()
def set_answer(path: Path, value: Any, *, error_key: str | None = None) -> bool:
    """Write one answer through the model and autosave. On a validation error the project is left
    as it was and the message is kept for the field (``error_key``, by default the path), so the
    widget can keep showing what was typed."""
    current = st.session_state[PROJECT]
    candidate = _with(current, path, value)
    errors: dict[str, str] = st.session_state[ERRORS]
    where = error_key or path_key(path)
    try:
        validated = Project.model_validate(candidate)
    except ValidationError as exc:
        errors[where] = "; ".join(_readable(e) for e in exc.errors(include_url=False))
        return False
    errors.pop(where, None)
    document = project_document(validated)
    if document == current:
        return True  # nothing changed: no new version, nothing to save
    _replace_document(document, validated)
    if st.session_state.get(DEFERRED_SAVE) is not None:
        st.session_state[DEFERRED_SAVE] = True
    else:
        _persist()
    return True


@contextmanager
def one_save() -> Iterator[None]:
    """Answers written inside are saved to the store together, once, at the end."""
    if st.session_state.get(DEFERRED_SAVE) is not None:
        yield
        return
    st.session_state[DEFERRED_SAVE] = False
    try:
        yield
    finally:
        changed = st.session_state.pop(DEFERRED_SAVE, False)
        if changed:
            _persist()


def cell_key(path: Path, row_id: str, column: str) -> str:
    return f"{path_key(path)}#{row_id}.{column}"


def set_row_cells(path: Path, row_id: str, changes: dict[str, Any], *, error_column: str) -> bool:
    """Write cells of the row ``row_id`` (addressed by id, never by position, so rows added or removed
    meanwhile cannot make them land elsewhere). A row id not in the table adds that row. A refusal is
    reported under ``error_column``; success clears the row's messages."""
    rows = [dict(row) for row in value_at(path)]
    for row in rows:
        if row.get(ROW_ID) == row_id:
            row.update(changes)
            break
    else:
        rows.append({ROW_ID: row_id, **changes})
    if not set_answer(path, rows, error_key=cell_key(path, row_id, error_column)):
        return False
    errors: dict[str, str] = st.session_state[ERRORS]
    prefix = cell_key(path, row_id, "")
    for key in [k for k in errors if k.startswith(prefix)]:
        del errors[key]
    return True


def delete_row(path: Path, row_id: str) -> tuple[int, dict[str, Any]] | None:
    """Remove the row ``row_id``; returns its position and content (for undo), or None if it is gone."""
    rows = list(value_at(path))
    for index, row in enumerate(rows):
        if row.get(ROW_ID) == row_id:
            del rows[index]
            if set_answer(path, rows):
                return index, row
            return None
    return None


def restore_row(path: Path, index: int, row: dict[str, Any]) -> bool:
    """Put a deleted row back where it was (undo), unless a row with its id exists again."""
    rows = list(value_at(path))
    if any(existing.get(ROW_ID) == row.get(ROW_ID) for existing in rows):
        return False
    rows.insert(min(index, len(rows)), row)
    return set_answer(path, rows)


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


def error_for_key(key: str) -> str | None:
    return st.session_state[ERRORS].get(key)
