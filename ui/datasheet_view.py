"""The Data Sheet page, and the section layout it shares with the Model Card page.

Each section shows, side by side, what the phase answers already say (read-only, with a
link to the page that feeds it) and the questions left, rendered from the model like any
phase form. Completeness is shown per section; the document downloads as Markdown.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.handoff import DocSection, HandoffDocument, Prefilled, build_datasheet, to_markdown
from lifecycle.handoff.huggingface import slug
from lifecycle.phases import PHASES_BY_KEY

from . import nav, practice_mode, router, state
from .answer_links import ANNEX_IV_PAGE, query_for
from .doc_focus import render_document_focus
from .forms import render_section
from .practice_flags import render_page_flags
from .text import plain

DATASHEET_PAGE = "pages/datasheet.py"
MODEL_CARD_PAGE = "pages/model_card.py"
DOCUMENT_PAGES = {"datasheet": DATASHEET_PAGE, "model_card": MODEL_CARD_PAGE}


def page_of(origin: str) -> str:
    """The page where the answers of ``origin`` (a phase key, 'info' or a document) are edited."""
    phase = PHASES_BY_KEY.get(origin)
    if phase:
        return nav.phase_page(phase)
    if origin == "ai_act":  # the Model Card quotes the Annex IV documentation (compute, hardware)
        return ANNEX_IV_PAGE
    return DOCUMENT_PAGES.get(origin, nav.HOME)


def file_stem(project_name: str, fallback: str = "project") -> str:
    return slug(project_name)[:60].strip("-") or fallback


def _render_prefilled(item: Prefilled, where: str) -> None:
    label = f"**{plain(item.label)}**"
    if item.items:
        st.markdown(label + "\n" + "\n".join(f"- {plain(line)}" for line in item.items))
    elif item.answered:
        st.markdown(label + "  \n" + plain(item.text))
    else:
        st.markdown(label + "  \n:orange[Not answered yet]")
        nav.go_link(
            page_of(item.origin), f"Answer it in {item.origin_title}", icon=":material/edit:",
            query_params=query_for(item.source),  # a phase page or the other document focuses the question
            key=f"prefilled:{where}:{item.source}:{item.label}",
        )


def render_completeness(document: HandoffDocument) -> None:
    """Overall completeness, then one bar per section in two columns; in practice mode neither, since a section's
    missing answers point at the scenario's planted gaps (as the sidebar's progress would)."""
    if practice_mode.active():
        st.caption("Practice mode is on: how complete each section is stays hidden, as missing answers are part of "
                   "what you are looking for.")
        return
    st.progress(document.ratio, text=f"{document.answered} of {document.total} answers "
                                     f"({round(100 * document.ratio)}%)")
    columns = st.columns(2)
    for index, section in enumerate(document.sections):
        with columns[index % 2]:
            st.progress(section.ratio, text=f"{section.number}. {section.title}: {section.answered} of {section.total}")


def _render_from_answers(section: DocSection) -> None:
    with st.container(border=True):
        st.markdown(":material/lock: **From your answers** (read-only)")
        if not section.prefilled:
            st.caption("Nothing in the phase forms covers this section.")
        for item in section.prefilled:
            _render_prefilled(item, str(section.number))
        for origin in section.origins:
            title = next(p.origin_title for p in section.prefilled if p.origin == origin)
            nav.go_link(page_of(origin), f"Edit in {title}", icon=":material/arrow_forward:",
                        key=f"edit-in:{section.number}:{origin}")


def _render_questions(section: DocSection) -> None:
    if section.model is None:
        st.caption("Nothing to answer here: the answers from the phase forms describe it.")
        return
    st.markdown(":material/edit_note: **Answered here**")
    render_section(section.model, section.path, groups=False)


def render_doc_section(section: DocSection) -> None:
    """A section: what the phase answers say (read-only, linked) beside the questions left.
    A section with a table is laid out one above the other, so the table gets the full width."""
    st.subheader(f"{section.number}. {section.title}", divider="gray")
    answered = "" if practice_mode.active() else f" {section.answered} of {section.total} answered."
    st.caption(f"{section.purpose}{answered}")
    if section.note:
        st.info(section.note, icon=":material/info:")
    if any(a.question.kind == "table" for a in section.asked):
        _render_from_answers(section)
        _render_questions(section)
        return
    left, right = st.columns(2, gap="large")
    with left:
        _render_from_answers(section)
    with right:
        _render_questions(section)


def render_datasheet_page() -> None:
    router.require_router()
    st.title("Data Sheet")
    st.caption(
        "A data sheet for the training data, in the seven sections of Datasheets for Datasets. What your Problem "
        "Framing and Data answers already say is filled in on the left of each section; answer the rest on the right."
    )
    render_document_focus("datasheet", DATASHEET_PAGE)  # a link from Annex IV or a finding names the question
    render_page_flags("datasheet")  # practice mode: its answers, and those it quotes, can be flagged
    project = state.project()
    document = build_datasheet(project)
    render_completeness(document)
    st.download_button(
        "Download the Data Sheet (Markdown)", data=to_markdown(document),
        file_name=f"{file_stem(project.info.name)}-datasheet.md", mime="text/markdown",
        icon=":material/download:", key="datasheet-download",
    )
    for section in document.sections:
        render_doc_section(section)
