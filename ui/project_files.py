"""Opening and saving the project: bundled samples, upload, download."""

from __future__ import annotations

import re

import streamlit as st

from lifecycle.model import Practice, Project
from lifecycle.practice import load_brief
from lifecycle.samples import samples
from lifecycle.storage import MAX_FILE_BYTES, ProjectFileError, dump_project, parse_project

from . import practice_mode, state
from .errors import guarded
from .practice_brief import brief_caption
from .text import plain

UPLOAD_ERROR = "upload_error"


def _file_stem() -> str:
    name = state.project().info.name or "lifecycle-project"
    # Browsers mangle non-ASCII download names; keep a plain, readable stem.
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return stem or "lifecycle-project"


def _open_sample(key: str) -> None:
    try:
        project = next(s for s in samples() if s.key == key).load()
    except ProjectFileError as exc:  # a broken bundled file must not take the page down
        st.session_state[UPLOAD_ERROR] = ("sample", f"sample '{key}'", exc.problems)
        return
    if load_brief(key):  # which scenario it is, with practice off: the brief stays one click away
        project = project.model_copy(update={"practice": Practice(scenario=key, active=False)})
    state.request_replace(project, f"the {project.info.name or key} sample")


def _new_project() -> None:
    state.request_replace(Project(), "a new blank project")


def render_samples() -> None:
    top, action = st.columns([4, 1], vertical_alignment="bottom")
    top.subheader("Start")
    action.button("New blank project", key="new-project", on_click=_new_project, icon=":material/add:", width="stretch")
    st.caption("Or open a practice scenario: **Practise** hides the checks until you submit your own review; "
               "**Open** shows the plan with its checks. Either way your changes are saved as your own project.")
    found = samples()
    columns = st.columns(len(found) or 1)
    for column, sample in zip(columns, found):
        with column, st.container(border=True):
            try:
                info = sample.load().info
            except ProjectFileError:
                st.error(f"The bundled file {sample.path.name} could not be read.")
                continue
            st.markdown(f"**{plain(info.name)}**")
            st.caption(plain(info.summary))
            brief = load_brief(sample.key)
            if brief:
                st.caption(f":material/school: {brief_caption(brief)}")
                st.button("Practise", key=f"practise-sample-{sample.key}", on_click=practice_mode.open_for_practice,
                          args=(sample.key,), type="primary", width="stretch", icon=":material/school:")
            st.button("Open", key=f"open-sample-{sample.key}", on_click=_open_sample, args=(sample.key,),
                      width="stretch")
    failed = st.session_state.get(practice_mode.OPEN_ERROR)
    if failed:
        st.error(plain(failed), icon=":material/error:")


@guarded("opening the uploaded file")
def _on_upload() -> None:
    uploaded = st.session_state.get("project_upload")
    if uploaded is None:
        return
    try:
        project = parse_project(uploaded.getvalue(), uploaded.name)
    except ProjectFileError as exc:
        st.session_state[UPLOAD_ERROR] = ("upload", uploaded.name, exc.problems)
        return
    st.session_state.pop(UPLOAD_ERROR, None)
    state.request_replace(project, uploaded.name, persist=True)  # an opened file is stored at once


def render_open_save() -> None:
    st.subheader("Project file")
    save, load = st.columns(2)
    with save:
        st.markdown("**Save** the open project to continue later or keep it in git.")
        stem = _file_stem()
        project = state.project()
        st.download_button(
            "Download YAML", dump_project(project, "yaml"), file_name=f"{stem}.yaml", mime="application/x-yaml",
            key="download-yaml", on_click=state.mark_saved, icon=":material/download:",
        )
        st.download_button(
            "Download JSON", dump_project(project, "json"), file_name=f"{stem}.json", mime="application/json",
            key="download-json", on_click=state.mark_saved, icon=":material/download:",
        )
    with load:
        st.file_uploader(
            "**Open** a project file (YAML or JSON)",
            type=["yaml", "yml", "json"],
            key="project_upload",
            on_change=_on_upload,
            max_upload_size=MAX_FILE_BYTES // 1_048_576,
            help=f"Files up to {MAX_FILE_BYTES // 1_048_576} MB. The open project is kept if the file cannot be read.",
        )
    failed = st.session_state.get(UPLOAD_ERROR)
    if failed and failed[0] != "sample" and st.session_state.get("project_upload") is None:
        # The file it was about is no longer in the uploader (removed, or the page was left): the message goes too.
        st.session_state.pop(UPLOAD_ERROR, None)
        failed = None
    if failed:
        _, name, problems = failed
        st.error(
            f"Could not open {plain(name)}; the open project is unchanged.\n\n" + "\n".join(f"- {plain(p)}" for p in problems),
            icon=":material/error:",
        )


def render_pending_replace() -> None:
    pending = state.pending_replace()
    if not pending:
        return
    with st.container(border=True):
        st.warning(
            f"Opening {plain(pending['source'])} replaces the open project, whose latest answers are not saved. "
            "Download it first if you want to keep them.",
            icon=":material/warning:",
        )
        go_on, keep = st.columns(2)
        go_on.button("Replace the open project", on_click=state.confirm_replace, type="primary", key="confirm-replace")
        keep.button("Keep the open project", on_click=state.cancel_replace, key="cancel-replace")
