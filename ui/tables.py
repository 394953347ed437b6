"""Table answers: the rows shown as a table, and one row at a time edited in labelled fields.

Why not type into the grid (``st.data_editor``): the grid keeps its edits in the browser as
positions (row n, column k) and loses or shifts them when a rerun reaches it while someone is
typing; a rerun started by the previous answer is enough to put the second cell's value in the
first column. Here every cell is an ordinary input, bound to the row's stable id and to its
column by name, so a value can only ever land in the cell it was typed into, whatever runs
meanwhile (see ``ui/forms.py`` for how inputs keep what is being typed).

A new row is a draft with its id chosen in advance; its first answer adds it to the table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lifecycle.model import ROW_ID, new_row_id
from lifecycle.questions import Question

from . import state
from .forms import REQUIRED, Binding, bind, render_widget, to_widget
from .text import plain

DRAFTS = "table_drafts"  # table widget key -> id the next new row will get
UNDO = "table_undo"  # table widget key -> (position, row) of the row just deleted
FIELDS_PER_LINE = 3


def cell_text(column: Question, value: Any) -> str:
    """A cell as a person reads it in the table: labels for choices, Yes/No, nothing when unanswered."""
    if value is None or value == "":
        return ""
    if column.kind == "choice":
        return next((c.label for c in column.choices if c.value == value), str(value))
    if column.kind == "flag":
        return "Yes" if value else "No"
    if column.kind in ("integer", "number") and isinstance(value, (int, float)):
        return f"{value:,}" if isinstance(value, int) or float(value).is_integer() else f"{value:,.6g}"
    return str(value)


def table_frame(rows: list[dict[str, Any]], question: Question) -> pd.DataFrame:
    """The rows as text, one column per question column, with a row number people can refer to."""
    labels = ["#"] + [c.label + (" *" if c.required else "") for c in question.columns]
    data = [[str(i)] + [cell_text(c, row.get(c.name)) for c in question.columns] for i, row in enumerate(rows, 1)]
    return pd.DataFrame(data, columns=labels, dtype="object")


def row_title(rows: list[dict[str, Any]], row_id: str, question: Question) -> str:
    for number, row in enumerate(rows, 1):
        if row.get(ROW_ID) == row_id:
            first = cell_text(question.columns[0], row.get(question.columns[0].name))
            return f"Row {number}: {first}" if first else f"Row {number} (no {question.columns[0].label.lower()} yet)"
    # Numbered, so the next draft is not called what the previous one was (see render_table).
    return f"New row {len(rows) + 1}"


def _draft(table: str) -> str:
    drafts: dict[str, str] = st.session_state.setdefault(DRAFTS, {})
    return drafts.setdefault(table, new_row_id())


def _picker(table: str) -> str:
    return f"{table}:row"


def commit_row(binding: Binding, changes: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
    """Write cells of the row ``binding.row_id`` (called by ``forms.commit``): whether they were stored,
    and the row as stored.

    Only the table's draft may become a new row: cells of a row deleted meanwhile (here or in another
    session) are dropped rather than bringing the row back.
    """
    assert binding.row_id is not None and binding.table is not None
    st.session_state.setdefault(UNDO, {}).pop(binding.table, None)
    drafts: dict[str, str] = st.session_state.setdefault(DRAFTS, {})
    is_draft = drafts.get(binding.table) == binding.row_id
    if not is_draft and not any(r.get(ROW_ID) == binding.row_id for r in state.value_at(binding.path)):
        return True, None
    if not state.set_row_cells(binding.path, binding.row_id, changes, error_column=binding.question.name):
        return False, None
    row = next(r for r in state.value_at(binding.path) if r.get(ROW_ID) == binding.row_id)
    if is_draft:  # the draft is a row now: keep editing it, and prepare the next one
        drafts[binding.table] = new_row_id()
        st.session_state[_picker(binding.table)] = binding.row_id
    return True, row


def _delete(path: state.Path, row_id: str, table: str) -> None:
    removed = state.delete_row(path, row_id)
    if removed is not None:
        st.session_state.setdefault(UNDO, {})[table] = removed
        st.session_state[_picker(table)] = _draft(table)


def _undo(path: state.Path, table: str) -> None:
    removed = st.session_state.setdefault(UNDO, {}).pop(table, None)
    if removed is not None and state.restore_row(path, *removed):
        st.session_state[_picker(table)] = removed[1][ROW_ID]


def _new_row(table: str) -> None:
    st.session_state[_picker(table)] = _draft(table)


def select_row(path: state.Path, row_id: str, *, key_prefix: str = "q") -> None:
    """Open the row ``row_id`` in the table's editor (used by "Go to the answer")."""
    st.session_state[_picker(f"{key_prefix}:{state.epoch()}:{state.path_key(path)}")] = row_id


def render_table(question: Question, path: state.Path, *, key_prefix: str = "q", only_row: str | None = None) -> None:
    """The table and an editor for one of its rows. ``only_row`` shows just that row's fields."""
    table = f"{key_prefix}:{state.epoch()}:{state.path_key(path)}"
    rows: list[dict[str, Any]] = state.value_at(path)
    draft = _draft(table)
    if only_row is None:
        st.markdown(f"**{plain(question.label)}**" + (REQUIRED if question.required else ""),
                    help=question.help or None)
        # Always an element here, even with no rows, so the inputs below keep their place on the page.
        st.dataframe(table_frame(rows, question), hide_index=True, width="stretch",
                     height=min(36 + 35 * max(len(rows), 1), 400))
        ids = [row[ROW_ID] for row in rows] + [draft]
        picker = _picker(table)
        chosen = st.session_state.get(picker)
        shown: dict[str, str] = st.session_state.get(f"{picker}:labels", {})
        if chosen not in ids:
            # The browser reports the choice by its label, and a label changes when its row is renamed or
            # renumbered (a row added above it): find the row by a label it had when it was chosen. The
            # report can also be stale: a draft's first answer makes it a row and selects it here, and the
            # browser may send its next answer before it has seen that, still naming the draft's old label.
            # That label is the row's, never the next draft's, because drafts are numbered.
            st.session_state[picker] = shown.get(chosen, draft) if isinstance(chosen, str) else draft
            if st.session_state[picker] not in ids:
                st.session_state[picker] = draft
        titles = {row_id: row_title(rows, row_id, question) for row_id in ids}
        # Earlier labels of rows still here are kept (the newest wins a clash), for reports made before a redraw.
        st.session_state[f"{picker}:labels"] = {
            **{title: row_id for title, row_id in shown.items() if row_id in ids},
            **{title: row_id for row_id, title in titles.items()},
        }
        selected = st.selectbox(f"Row of “{question.label}” to edit", ids, key=picker, format_func=titles.__getitem__)
    else:
        selected = only_row
    row = next((r for r in rows if r.get(ROW_ID) == selected), None)
    # The key gives the editor a stable CSS class (st-key-…), which the browser tests use to find it.
    with st.container(border=True, key=f"{key_prefix}-table-{state.path_key(path).replace('.', '-')}"):
        _render_fields(question, path, table, selected, row)
        notes = st.container()  # errors and notices go here, below the inputs, never above them
        undo = (st.session_state.get(UNDO) or {}).get(table)
        actions = st.columns([1, 1, 3])
        if row is not None:
            actions[0].button("Delete this row", key=f"{table}:{selected}:delete", icon=":material/delete:",
                              on_click=_delete, args=(path, selected, table))
            actions[1].button("Add a row", key=f"{table}:add", icon=":material/add:", on_click=_new_row,
                              args=(table,))
        else:
            actions[2].caption("The row is added to the table as soon as one of its answers is filled in.")
        if undo is not None:
            index, removed = undo
            name = cell_text(question.columns[0], removed.get(question.columns[0].name))
            with notes:
                st.info(f"Deleted the row “{plain(name)}”." if name else "Deleted the row.")
                st.button("Undo the delete", key=f"{table}:undo", on_click=_undo, args=(path, table))
        for column in question.columns:
            error = state.error_for_key(state.cell_key(path, selected, column.name))
            if error:
                notes.error(f"{column.label}: {plain(error)}. What you typed is kept above but was not saved.")


def _render_fields(question: Question, path: state.Path, table: str, row_id: str, row: dict[str, Any] | None) -> None:
    columns = question.columns
    for start in range(0, len(columns), FIELDS_PER_LINE):
        # One st.columns per line keeps the tab order left to right, then down.
        line = st.columns(FIELDS_PER_LINE)
        for slot, column in zip(line, columns[start:start + FIELDS_PER_LINE]):
            key = f"{table}:{row_id}:{column.name}"
            value = to_widget(column, None if row is None else row.get(column.name))
            bind(key, value, Binding(state.epoch(), column, path, row_id=row_id, table=table))
            with slot:
                render_widget(column, key)
