"""The Portfolio page: every stored project at a glance, and managing them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lifecycle.charts.portfolio import portfolio_heatmap
from lifecycle.compliance.screening import TIER_KEYS, tier_label
from lifecycle.model import Project
from lifecycle.phases import PHASES
from lifecycle.samples import load_sample, samples
from lifecycle.storage import ProjectFileError
from lifecycle.store import ProjectNotFound
from lifecycle.store.store import ListedProject, copy_name
from lifecycle.store.table import HIDDEN, portfolio_csv, portfolio_rows

from . import login, mlflow_view, nav, router, state
from .errors import guarded
from .text import plain

HEATMAP_ROWS = 40  # more rows than this stop being readable; filters narrow the list
ALL = "All"
TARGET = "portfolio-target"
CONFIRM_DELETE = "portfolio-confirm-delete"
GO_HOME = "portfolio-go-home"
MESSAGE = "portfolio-message"  # what the last action could not do, shown once on the next run
GONE = "That project was deleted meanwhile (perhaps in another session); nothing was changed."


def _label(item: ListedProject) -> str:
    name = item.summary.name or "Untitled project"
    return f"{name} · {item.summary.owner or 'no owner'} · {item.id[:8]}"


def _refuse(message: str) -> None:
    st.session_state[MESSAGE] = message


@guarded("opening the project")
def _open(pid: str) -> None:
    try:
        state.open_stored(pid)
    except ProjectNotFound:
        _refuse(GONE)
        return
    except ProjectFileError as exc:
        _refuse("That project could not be opened: " + "; ".join(exc.problems[:3]))
        return
    st.session_state[GO_HOME] = True


@guarded("creating a project")
def _create_blank() -> None:
    stored = state.store().create(Project.model_validate({"info": {"name": "Untitled project"}}))
    _open(stored.id)


@guarded("creating a copy of the scenario")
def _create_from_sample() -> None:
    key = st.session_state.get("portfolio-sample")
    project = load_sample(key)
    document = project.model_dump(mode="json")
    document["info"]["name"] = copy_name(project.info.name)
    _open(state.store().create(Project.model_validate(document)).id)


@guarded("duplicating the project")
def _duplicate(pid: str) -> None:
    try:
        copy = state.store().duplicate(pid)  # named "<name> (copy)", fitted to the name's length limit
    except ProjectNotFound:
        _refuse(GONE)
        return
    except ProjectFileError as exc:
        _refuse("That project could not be read, so it was not duplicated: " + "; ".join(exc.problems[:3]))
        return
    st.session_state[TARGET] = copy.id
    state.notify(f"Duplicated as {copy.project.info.name}.")


@guarded("archiving the project")
def _archive(pid: str, archived: bool) -> None:
    try:
        state.store().set_archived(pid, archived)
    except ProjectNotFound:
        _refuse(GONE)
        return
    state.notify("Archived." if archived else "Restored from the archive.")


def _ask_delete(pid: str) -> None:
    st.session_state[CONFIRM_DELETE] = pid


@guarded("deleting the project")
def _delete(pid: str) -> None:
    st.session_state.pop(CONFIRM_DELETE, None)
    try:
        state.store().delete(pid)
    except ProjectNotFound:
        st.session_state.pop(TARGET, None)
        _refuse("That project had already been deleted (perhaps in another session).")
        return
    st.session_state.pop(TARGET, None)
    if state.project_id() == pid:
        st.session_state[state.PID] = None  # the open copy stays on screen; a change stores it anew
    state.notify("Deleted.")


def _table(items: list[ListedProject]) -> pd.DataFrame:
    # Text that a spreadsheet would run as a formula is neutralised here too: the table's own toolbar downloads CSV.
    frame = pd.DataFrame(portfolio_rows(items))
    if (frame["Open blockers"] == HIDDEN).any():  # a practice attempt's "—" beside counts: one type per column
        frame["Open blockers"] = frame["Open blockers"].astype(str)
    return frame


def render_portfolio_page() -> None:
    router.require_router()
    if st.session_state.pop(GO_HOME, False):
        st.switch_page(nav.HOME)
    st.title("Portfolio")
    st.caption("Every project in the store, how complete each phase is, and what still blocks it.")
    message = st.session_state.pop(MESSAGE, None)
    if message:
        st.warning(plain(message), icon=":material/warning:")

    top = st.columns([1, 2, 1], vertical_alignment="bottom")
    top[0].button("New project", icon=":material/add:", on_click=_create_blank, key="portfolio-new")
    choices = {s.key: s.load().info.name for s in samples()}
    top[1].selectbox("Start from a practice scenario", list(choices), format_func=choices.get, key="portfolio-sample")
    top[2].button("Create a copy", on_click=_create_from_sample, key="portfolio-from-sample")

    own_unit = login.business_unit()  # with login on, a provider's business-unit claim limits the list
    everything = state.store().list(include_archived=True, business_unit=own_unit)
    units = sorted({i.summary.business_unit for i in everything if i.summary.business_unit})
    owners = sorted({i.summary.owner for i in everything if i.summary.owner})
    tiers = [key for key in (*TIER_KEYS, "") if any(i.summary.risk_tier == key for i in everything)]
    filters = st.columns([2, 2, 2, 1.6], vertical_alignment="bottom")
    if own_unit:
        filters[0].caption(f"Projects of your business unit: {plain(own_unit)}")
        unit = ALL
    else:
        unit = filters[0].selectbox("Business unit", [ALL, *units], key="portfolio-unit")
    owner = filters[1].selectbox("Owner", [ALL, *owners], key="portfolio-owner")
    tier = filters[2].selectbox("EU AI Act risk tier", [ALL, *tiers], key="portfolio-tier",
                                format_func=lambda key: key if key == ALL else tier_label(key))
    archived = filters[3].toggle("Archived", key="portfolio-archived", help="Also list archived projects")
    items = [
        i for i in everything
        if (archived or not i.archived)
        and (unit == ALL or i.summary.business_unit == unit)
        and (owner == ALL or i.summary.owner == owner)
        and (tier == ALL or i.summary.risk_tier == tier)
    ]
    st.markdown(f"**{len(items)}** of {len(everything)} projects")
    if not items:
        st.info("No project matches. Create one above, or change the filters.")
        return

    st.dataframe(
        _table(items),
        hide_index=True,
        key="portfolio-table",
        column_config={
            **{p.title: st.column_config.ProgressColumn(p.title, min_value=0, max_value=100, format="%d%%")
               for p in PHASES},
            "Updated": st.column_config.DatetimeColumn("Updated", format="YYYY-MM-DD HH:mm"),
        },
    )
    st.download_button(
        "Download the table (CSV)", portfolio_csv(items), file_name="portfolio.csv", mime="text/csv",
        key="portfolio-csv", icon=":material/download:", on_click="ignore",
        help="Text a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading ' so it stays text.",
    )
    mlflow_view.render_portfolio_registry([i.summary for i in items])
    shown = items[:HEATMAP_ROWS]
    st.plotly_chart(portfolio_heatmap([(i.id, i.summary) for i in shown]), key="portfolio-heatmap")
    if len(items) > len(shown):
        st.caption(f"The heatmap shows the {len(shown)} most recently updated; filter to see others.")

    st.subheader("Manage a project", divider="gray")
    by_id = {i.id: i for i in items}
    if st.session_state.get(TARGET) not in by_id:
        st.session_state[TARGET] = items[0].id
    pid = st.selectbox("Project", list(by_id), format_func=lambda k: _label(by_id[k]), key=TARGET)
    chosen = by_id[pid]
    actions = st.columns(4)
    actions[0].button("Open", type="primary", on_click=_open, args=(pid,), key="portfolio-open",
                      icon=":material/folder_open:")
    actions[1].button("Duplicate", on_click=_duplicate, args=(pid,), key="portfolio-duplicate",
                      icon=":material/content_copy:")
    if chosen.archived:
        actions[2].button("Restore", on_click=_archive, args=(pid, False), key="portfolio-unarchive")
    else:
        actions[2].button("Archive", on_click=_archive, args=(pid, True), key="portfolio-archive",
                          icon=":material/archive:")
    actions[3].button("Delete…", key="portfolio-delete", icon=":material/delete:", on_click=_ask_delete, args=(pid,))
    if st.session_state.get(CONFIRM_DELETE) == pid:
        st.warning(f"Delete {plain(chosen.summary.name or 'this project')} and all its saved versions? "
                   "This cannot be undone.")
        yes, no = st.columns(2)
        yes.button("Delete permanently", type="primary", on_click=_delete, args=(pid,), key="portfolio-delete-yes")
        no.button("Cancel", on_click=lambda: st.session_state.pop(CONFIRM_DELETE, None), key="portfolio-delete-no")
