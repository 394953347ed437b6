"""Table answers edited with ``st.data_editor``.

The editor is given a fixed snapshot of the rows (its *base*) for as long as it is on
screen; its widget state holds the user's edits as a delta against that base. Feeding
it the already-edited rows instead would make Streamlit apply the same delta twice
(duplicated added rows). The base is re-taken whenever the editor is new: after a page
switch (Streamlit forgets off-screen widgets) or when another project is opened.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import streamlit as st

from lifecycle.questions import Question

from . import state
from .text import plain

BASES = "table_bases"


def apply_delta(base: list[dict[str, Any]], delta: dict[str, Any], columns: list[str]) -> list[dict[str, Any]]:
    """Rows after applying a data_editor delta (edited, added, deleted rows) to ``base``."""
    rows = [dict(row) for row in base]
    for index, changes in (delta.get("edited_rows") or {}).items():
        position = int(index)
        if 0 <= position < len(rows):
            rows[position].update(changes)
    deleted = {int(i) for i in delta.get("deleted_rows") or []}
    rows = [row for i, row in enumerate(rows) if i not in deleted]
    rows += [dict(added) for added in delta.get("added_rows") or []]
    return [_clean_row(row, columns) for row in rows if any(_present(row.get(c)) for c in columns)]


def _present(value: Any) -> bool:
    return value not in (None, "") and not (isinstance(value, float) and math.isnan(value))


def _clean_row(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    # Only model columns survive; empty cells become "not answered" (None) except text, which stays "".
    return {c: (row.get(c) if _present(row.get(c)) else None) for c in columns}


def _column_config(question: Question) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for col in question.columns:
        label = col.label + (" *" if col.required else "")
        if col.kind in ("text", "long_text"):
            config[col.name] = st.column_config.TextColumn(label, help=col.help or None, max_chars=col.max_length)
        elif col.kind == "choice":
            labels = {c.value: c.label for c in col.choices}
            config[col.name] = st.column_config.SelectboxColumn(
                label, help=col.help or None, options=list(labels), format_func=lambda v, labels=labels: labels.get(v, v)
            )
        elif col.kind == "flag":
            config[col.name] = st.column_config.CheckboxColumn(label, help=col.help or None)
        elif col.kind in ("integer", "number"):
            config[col.name] = st.column_config.NumberColumn(
                label, help=col.help or None, min_value=col.minimum, max_value=col.maximum,
                step=1 if col.kind == "integer" else None,
            )
        elif col.kind == "date":
            config[col.name] = st.column_config.DateColumn(label, help=col.help or None)
    return config


def _text_defaults(rows: list[dict[str, Any]], question: Question) -> list[dict[str, Any]]:
    text_columns = [c.name for c in question.columns if c.kind in ("text", "long_text")]
    return [{**row, **{c: row.get(c) or "" for c in text_columns}} for row in rows]


def _on_change(key: str, path: state.Path, question: Question) -> None:
    base = st.session_state[BASES][key]
    columns = [c.name for c in question.columns]
    rows = apply_delta(base, st.session_state[key], columns)
    state.set_answer(path, _text_defaults(rows, question))


def render_table(question: Question, path: state.Path) -> None:
    key = f"table:{state.epoch()}:{state.path_key(path)}"
    bases: dict[str, list[dict[str, Any]]] = st.session_state.setdefault(BASES, {})
    if key not in st.session_state or key not in bases:
        bases[key] = [dict(row) for row in state.value_at(path)]
    columns = [c.name for c in question.columns]
    frame = pd.DataFrame(bases[key], columns=columns)
    for col in question.columns:  # the project holds ISO date strings; DateColumn edits date objects
        if col.kind == "date":
            dates = [dt.date.fromisoformat(v) if isinstance(v, str) and v else v for v in frame[col.name]]
            frame[col.name] = pd.Series(dates, index=frame.index, dtype="object")
    st.markdown(f"**{question.label}**" + (" :red[*]" if question.required else ""), help=question.help or None)
    st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config=_column_config(question),
        on_change=_on_change,
        args=(key, path, question),
    )
    error = state.error_for(path)
    if error:
        st.error(f"{question.label}: {plain(error)}. Your edit is shown above but was not saved.")
