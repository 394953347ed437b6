"""The "Fixing: …" box at the top of the Data Sheet and Model Card pages, opened by ``?focus=<answer path>``.

The Annex IV page links each missing Data Sheet or Model Card answer here, and so does a finding about one.
Without the box the link only opened a page of up to fourteen sections; with it the question is answered where
the reader lands, as on the phase pages and the Annex IV page. The widget is a second view of the same answer
(its own key prefix), so the form below stays in step.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.model import ROW_ID

from . import nav, practice_mode, review, state
from .answer_links import document_question
from .forms import render_question
from .tables import render_table
from .text import plain


def render_document_focus(document: str, page: str) -> None:
    """The focused question of ``document`` ('datasheet' or 'model_card'), if the address names one of its answers."""
    field = st.query_params.get("focus") or ""
    target = document_question(field) if field.startswith(document + ".") else None
    if target is None:
        return
    question, path, row = target
    with st.container(border=True, key=f"{document.replace('_', '-')}-focus"):
        st.markdown(f":material/my_location: **Fixing: {plain(question.label)}**")
        if question.help:
            st.caption(plain(question.help))
        # a learner finds the gaps alone: no finding is shown while practising, as on the phase pages
        for finding in [] if practice_mode.active() else review.findings():
            if finding.field == field and not finding.accepted:
                st.markdown(plain(finding.message))
                st.caption("How to fix: " + plain(finding.fix))
        rows = state.value_at(path) if question.kind == "table" else []
        if row is not None and row < len(rows):
            st.caption(f"Row {row + 1} of “{plain(question.label)}”.")
            render_table(question, path, key_prefix="focus", only_row=rows[row][ROW_ID])
        else:  # a whole table is shown with its row editor, so a first row can be added right here
            render_question(question, path, key_prefix="focus")
        nav.go_link(page, "Done", icon=":material/close:")
