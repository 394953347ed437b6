"""The Model Card page: the nine sections of Model Cards for Model Reporting and the five the Hugging Face
template adds, the results and glossary tables, and two downloads (Markdown, and a Hugging Face README.md
whose metadata is checked by parsing it back)."""

from __future__ import annotations

import streamlit as st
import yaml

from lifecycle.handoff import build_model_card, hf_readme, split_front_matter, to_markdown, validate_hf_card
from lifecycle.model import Project

from . import router, state
from .datasheet_view import MODEL_CARD_PAGE, file_stem, render_completeness, render_doc_section
from .doc_focus import render_document_focus
from .practice_flags import render_page_flags
from .text import plain


def _render_hub_listing(project: Project, metadata: dict) -> None:
    """Under which task and library the Hub lists the model, and why one is missing."""
    parts = []
    if metadata.get("pipeline_tag"):
        parts.append(f"listed under the task `{metadata['pipeline_tag']}`")
    elif project.problem_framing.ml_task is None:
        parts.append("no Hub task yet: answer the ML task in Problem Framing")
    else:
        parts.append(f"no Hub task fits a {plain(project.problem_framing.ml_task.label.lower())} model with these "
                     "inputs, so it is listed by its tags")
    library = project.model_card.details.library.strip()
    if metadata.get("library_name"):
        parts.append(f"library `{metadata['library_name']}`")
    elif library:
        parts.append(f"no `library_name`: the Hub has no library id for “{plain(library)}”")
    else:
        parts.append("no `library_name`: name the library in section 1")
    st.caption("On the Hub: " + "; ".join(parts) + ".")


def _render_hub_check(readme: str, project: Project) -> None:
    problems = validate_hf_card(readme)
    metadata, _ = split_front_matter(readme) if not problems else ({}, "")
    if problems:
        st.error("The Hugging Face metadata would be refused: " + plain("; ".join(problems)), icon=":material/error:")
    elif "model-index" not in metadata:
        st.info(
            "The Hugging Face README has a licence, tags and the data set, but no `model-index` yet: add rows to "
            "“Results per slice” (section 7) to publish the results.",
            icon=":material/info:",
        )
    else:
        count = len(metadata["model-index"][0]["results"][0]["metrics"])
        st.success(
            f"The Hugging Face metadata parses back and is valid: a `model-index` with {count} result"
            f"{'s' if count != 1 else ''}.",
            icon=":material/check_circle:",
        )
    if not problems:
        _render_hub_listing(project, metadata)
    if metadata:
        with st.expander("Hugging Face metadata (YAML front matter)"):
            st.code(yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True), language="yaml")


def render_model_card_page() -> None:
    router.require_router()
    st.title("Model Card")
    st.caption(
        "A model card in the nine sections of Model Cards for Model Reporting, then the five the Hugging Face card "
        "template adds (how to get started, model examination, environmental impact, glossary, card authors). What "
        "your Problem Framing, Data, Modeling, Deployment and Monitoring answers already say is filled in on the "
        "left of each section; answer the rest, including the results per slice, on the right."
    )
    render_document_focus("model_card", MODEL_CARD_PAGE)  # a link from Annex IV or a finding names the question
    render_page_flags("model_card")  # practice mode: its answers and rows, and those it quotes, can be flagged
    project = state.project()
    document = build_model_card(project)
    render_completeness(document)
    stem = file_stem(project.info.name)
    readme = hf_readme(project)
    left, right = st.columns(2)
    left.download_button(
        "Download the Model Card (Markdown)", data=to_markdown(document), file_name=f"{stem}-model-card.md",
        mime="text/markdown", icon=":material/download:", key="model-card-download",
    )
    right.download_button(
        "Download as Hugging Face README.md", data=readme, file_name="README.md", mime="text/markdown",
        icon=":material/download:", key="model-card-hf-download",
    )
    _render_hub_check(readme, project)
    for section in document.sections:
        render_doc_section(section)
