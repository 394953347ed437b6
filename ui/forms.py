"""Widgets for single answers, generated from the question catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from pydantic import BaseModel

from lifecycle.questions import Question, questions_of

from . import state
from .text import plain
from .tables import render_table

YES, NO = "Yes", "No"


def _to_widget(question: Question, value: Any) -> Any:
    if question.kind == "flag":
        return None if value is None else (YES if value else NO)
    if question.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if question.kind == "number" and value is not None:
        return float(value)  # number_input refuses to mix int and float
    return value


def _from_widget(question: Question, value: Any) -> Any:
    if question.kind == "flag":
        return None if value is None else value == YES
    if question.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def _on_change(key: str, path: state.Path, question: Question) -> None:
    state.set_answer(path, _from_widget(question, st.session_state[key]))


def _label(question: Question) -> str:
    return question.label + (" :red[*]" if question.required else "")


def render_question(question: Question, path: state.Path, *, key_prefix: str = "q") -> None:
    """A widget bound to the answer at ``path``; several widgets may show the same answer
    (each with its own ``key_prefix``) and stay in step through the canonical project."""
    if question.kind == "table":
        render_table(question, path)
        return
    key = f"{key_prefix}:{state.epoch()}:{state.path_key(path)}"
    # Keep what the user typed while it is invalid; otherwise show the stored answer.
    if state.error_for(path) is None:
        st.session_state[key] = _to_widget(question, state.value_at(path))
    common: dict[str, Any] = dict(
        label=_label(question), key=key, help=question.help or None, on_change=_on_change, args=(key, path, question)
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
    error = state.error_for(path)
    if error:
        st.error(f"{question.label}: {plain(error)}")


def render_section(model: type[BaseModel], path: state.Path, *, groups: bool = True) -> None:
    """All questions of a section, under their group headings, in declaration order."""
    current_group = None
    for question in questions_of(model):
        if groups and question.group and question.group != current_group:
            current_group = question.group
            st.subheader(current_group, divider="gray")
        render_question(question, (*path, question.name))
