"""Widgets for single answers, generated from the question catalogue.

Every widget is a view of one answer in the canonical project. Its value is written into
the widget's state only when the widget is new or when the answer changed elsewhere (another
widget showing the same answer, a reload, an edit merged from someone else). Re-writing it on
every rerun would make Streamlit push that value to the browser and replace what a person is
typing in that field at that moment: a rerun started by the previous field would then wipe,
or move, the next answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import BaseModel

from lifecycle.questions import Question, questions_of

from . import state
from .text import plain

YES, NO = "Yes", "No"
REQUIRED = " (required)"
SYNCED = "widget_synced"  # widget key -> the answer's value when the widget was last given it
_UNSET = object()


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


def bind(key: str, value: Any) -> None:
    """Give widget ``key`` the answer's ``value`` if it is new, or if the answer changed since."""
    synced: dict[str, Any] = st.session_state.setdefault(SYNCED, {})
    if key not in st.session_state or synced.get(key, _UNSET) != value:
        st.session_state[key] = value
        synced[key] = value


def mark_synced(key: str, value: Any) -> None:
    """The widget already shows ``value`` (the user just committed it): no need to send it back."""
    st.session_state.setdefault(SYNCED, {})[key] = value


def label_of(question: Question) -> str:
    return question.label + (REQUIRED if question.required else "")


def render_widget(question: Question, key: str, on_change: Callable[..., None], args: tuple[Any, ...]) -> None:
    """The input for one question; its value must already be bound to ``key``."""
    common: dict[str, Any] = dict(
        label=label_of(question), key=key, help=question.help or None, on_change=on_change, args=args
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


def _on_change(key: str, path: state.Path, question: Question) -> None:
    if state.set_answer(path, from_widget(question, st.session_state[key])):
        mark_synced(key, to_widget(question, state.value_at(path)))


def render_question(question: Question, path: state.Path, *, key_prefix: str = "q") -> None:
    """A widget bound to the answer at ``path``; several widgets may show the same answer
    (each with its own ``key_prefix``) and stay in step through the canonical project."""
    if question.kind == "table":
        from .tables import render_table  # tables render their cells with this module's widgets

        render_table(question, path, key_prefix=key_prefix)
        return
    key = f"{key_prefix}:{state.epoch()}:{state.path_key(path)}"
    bind(key, to_widget(question, state.value_at(path)))
    render_widget(question, key, _on_change, (key, path, question))
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
