"""Widgets for single answers, generated from the question catalogue, and how their values reach the project.

Every widget is a view of one answer in the canonical project, registered here with what it
is bound to (an answer's path, or a table cell addressed by its row's id and column name).

Two rules keep what people type from being lost or misplaced:

- A widget's value is written into its state only when the widget is new or when the answer
  changed elsewhere (another widget showing the same answer, a reload, an edit merged from
  someone else). Re-writing it on every rerun would make Streamlit push the value to the browser
  and replace what is being typed in that field at that moment.
- A change is committed by the widget's callback, and again, if that did not happen, by
  ``reconcile()`` at the start of every run. When interactions come quickly (an answer, then at
  once a click on Yes/No or Next) while a slow run is going on, Streamlit keeps every widget's
  latest value but can skip callbacks; reading the values themselves never misses one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import BaseModel

from lifecycle.questions import Question, questions_of

from . import state
from .text import plain
from .uninterrupted import uninterrupted

YES, NO = "Yes", "No"
REQUIRED = " (required)"
SYNCED = "widget_synced"  # widget key -> the answer's value (as the widget shows it) when last in step
BINDINGS = "widget_bindings"  # widget key -> Binding
REJECTED = "widget_rejected"  # widget key -> a value the model refused (not tried again until it changes)
_UNSET = object()


@dataclass(frozen=True)
class Binding:
    """What a widget edits: the answer at ``path``, or, with ``row_id``, one cell of a table row."""

    epoch: int  # the project it was drawn for; a widget of a project since replaced commits nothing
    question: Question
    path: state.Path
    row_id: str | None = None
    table: str | None = None  # the table editor's key, to turn its draft row into a row


def to_widget(question: Question, value: Any) -> Any:
    if question.kind == "flag":
        return None if value is None else (YES if value else NO)
    if question.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    if question.kind == "number" and value is not None:
        return float(value)  # number_input refuses to mix int and float
    if question.kind in ("text", "long_text") and value is None:
        return ""
    return value


def from_widget(question: Question, value: Any) -> Any:
    if question.kind == "flag":
        return None if value is None else value == YES
    if question.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def bind(key: str, value: Any, binding: Binding) -> None:
    """Register widget ``key`` as a view of ``binding``; give it the answer's ``value`` if it is new,
    or if the answer changed since the widget was last in step with it."""
    st.session_state.setdefault(BINDINGS, {})[key] = binding
    synced: dict[str, Any] = st.session_state.setdefault(SYNCED, {})
    if key not in st.session_state or synced.get(key, _UNSET) != value:
        st.session_state[key] = value
        synced[key] = value
        st.session_state.setdefault(REJECTED, {}).pop(key, None)


def commit(key: str) -> None:
    """Write widget ``key``'s value to the project if it changed since the widget was in step."""
    if key in st.session_state:
        _commit(key, st.session_state[key], st.session_state.setdefault(SYNCED, {}),
                st.session_state.setdefault(REJECTED, {}), state.epoch())


def _commit(key: str, value: Any, synced: dict[str, Any], rejected: dict[str, Any], epoch: int) -> None:
    if value == synced.get(key, _UNSET) or (key in rejected and rejected[key] == value):
        return
    binding: Binding | None = st.session_state.get(BINDINGS, {}).get(key)
    if binding is None or binding.epoch != epoch:
        return
    question = binding.question
    if binding.row_id is None:
        ok = state.set_answer(binding.path, from_widget(question, value))
        if ok:
            synced[key] = to_widget(question, state.value_at(binding.path))
            rejected.pop(key, None)
        else:
            rejected[key] = value
        return
    # A table cell. Cells of one row are checked together (an interval's two bounds, say), so a
    # cell refused alone is kept pending and tried again with the row's next cell.
    from .tables import commit_row

    bindings: dict[str, Binding] = st.session_state.get(BINDINGS, {})
    pending = {
        other: b for other, b in bindings.items()
        if b.table == binding.table and b.row_id == binding.row_id and b.epoch == binding.epoch
        and other in st.session_state and st.session_state[other] != synced.get(other, _UNSET)
    }
    pending[key] = binding
    changes = {b.question.name: from_widget(b.question, st.session_state[other]) for other, b in pending.items()}
    ok, row = commit_row(binding, changes)
    for other, b in pending.items():
        if ok:
            synced[other] = to_widget(b.question, None if row is None else row.get(b.question.name))
            rejected.pop(other, None)
        else:
            rejected[other] = st.session_state[other]


@uninterrupted()
def reconcile() -> None:
    """Commit every bound widget whose value changed without its callback having run (see above),
    and store what an earlier run changed but did not get to store."""
    bindings: dict[str, Binding] = st.session_state.get(BINDINGS, {})
    synced: dict[str, Any] = st.session_state.setdefault(SYNCED, {})
    rejected: dict[str, Any] = st.session_state.setdefault(REJECTED, {})
    widgets = st.session_state.to_dict()  # one copy of every widget's value, not two lookups per widget
    epoch = state.epoch()
    with state.one_save():
        for key in list(bindings):
            if key not in widgets:  # Streamlit forgot the widget (it was not drawn in the last run)
                del bindings[key]
                synced.pop(key, None)
                rejected.pop(key, None)
                continue
            _commit(key, widgets[key], synced, rejected, epoch)
        state.save_leftovers()


def label_of(question: Question) -> str:
    return question.label + (REQUIRED if question.required else "")


def render_widget(question: Question, key: str) -> None:
    """The input for one question; ``key`` must already be bound (``bind``)."""
    common: dict[str, Any] = dict(
        label=label_of(question), key=key, help=question.help or None, on_change=commit, args=(key,)
    )
    kind = question.kind
    if kind == "text":
        st.text_input(max_chars=question.max_length, **common)
    elif kind == "long_text":
        st.text_area(max_chars=question.max_length, height=100, **common)
    elif kind == "choice":
        labels = {c.value: c.label for c in question.choices}
        st.selectbox(
            options=list(labels), format_func=lambda v: labels.get(v, v), placeholder="Not answered yet", **common
        )
    elif kind == "multi_choice":
        labels = {c.value: c.label for c in question.choices}
        st.multiselect(options=list(labels), format_func=lambda v: labels.get(v, v), placeholder="None chosen", **common)
    elif kind == "flag":
        # Two options and no preselection: "not answered" is visibly different from "No".
        st.segmented_control(options=[YES, NO], **common)
    elif kind in ("integer", "number"):
        cast = int if kind == "integer" else float
        st.number_input(
            min_value=None if question.minimum is None else cast(question.minimum),
            max_value=None if question.maximum is None else cast(question.maximum),
            step=cast(1),
            placeholder="Not answered yet",
            **common,
        )
    elif kind == "date":
        st.date_input(format="YYYY-MM-DD", **common)
    else:  # a new kind in the catalogue must get a widget here
        raise ValueError(f"no widget for question kind {kind!r}")


def render_question(question: Question, path: state.Path, *, key_prefix: str = "q") -> None:
    """A widget bound to the answer at ``path``; several widgets may show the same answer
    (each with its own ``key_prefix``) and stay in step through the canonical project."""
    if question.kind == "table":
        from .tables import render_table  # tables render their cells with this module's widgets

        render_table(question, path, key_prefix=key_prefix)
        return
    key = f"{key_prefix}:{state.epoch()}:{state.path_key(path)}"
    bind(key, to_widget(question, state.value_at(path)), Binding(state.epoch(), question, path))
    render_widget(question, key)
    error = state.error_for(path)
    if error:
        st.error(f"{question.label}: {plain(error)}. What you typed is kept above but was not saved.")


def render_section(model: type[BaseModel], path: state.Path, *, groups: bool = True) -> None:
    """All questions of a section, under their group headings, in declaration order."""
    current_group = None
    for question in questions_of(model):
        if groups and question.group and question.group != current_group:
            current_group = question.group
            st.subheader(current_group, divider="gray")
        with st.container():  # an error shown under one answer never shifts the inputs after it
            render_question(question, (*path, question.name))
