"""The Annex IV page: the risk tier, coverage of every Annex IV point with the answers behind it and what is
missing (each gap linked to its question), the questions only Annex IV asks, and the Markdown download."""

from __future__ import annotations

import copy

import streamlit as st

from lifecycle.compliance.annex_iv import COVERED, PARTLY, PointCoverage, coverage
from lifecycle.compliance.markdown import status_line, to_markdown
from lifecycle.compliance.paths import UnknownPath, resolve
from lifecycle.compliance.screening import Tier, screen
from lifecycle.compliance.templates import due_phase
from lifecycle.model import Project, TechnicalDocumentation
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.questions import questions_of

from . import nav, router, state
from .answer_links import ANNEX_IV_PAGE, page_of_field, query_for
from .datasheet_view import file_stem
from .errors import failure_markdown, guarded_download
from .forms import render_question
from .risk_view import render_tier_box
from .text import plain

DOCUMENTATION = ("ai_act", "documentation")
STATUS_ICON = {COVERED: ":material/check_circle:", PARTLY: ":material/timelapse:", "missing": ":material/error:"}
SHOWN_CHARS = 300


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


def _render_focus() -> None:
    field = st.query_params.get("focus") or ""
    if not field.startswith("ai_act.documentation."):
        return
    try:
        path = resolve(field)
    except UnknownPath:
        return
    with st.container(border=True, key="annex-focus"):
        st.markdown(f":material/my_location: **Fixing: {plain(path.question.label)}**")
        st.caption(plain(path.question.help))
        render_question(path.question, (*DOCUMENTATION, path.steps[-1].name), key_prefix="focus")
        nav.go_link(ANNEX_IV_PAGE, "Done", icon=":material/close:")


def _render_point(item: PointCoverage, high_risk: bool) -> None:
    spec = item.spec
    label = f"{spec.id} {spec.title} · {status_line(item)}"
    with st.expander(label, expanded=not item.covered, icon=STATUS_ICON[item.status]):
        st.caption(plain(spec.summary))
        if high_risk:
            st.caption(f"Due at the {PHASES_BY_KEY[due_phase(spec.id)].title} gate.")
        for answer in item.given:
            text = "; ".join(answer.lines)
            st.markdown(f":green[:material/check:] **{plain(answer.path.question.label)}** "
                        f"*({plain(answer.path.source)})*  \n{plain(_shorten(text))}")
        for answer in item.missing:
            path = answer.path
            st.markdown(f":red[:material/close:] **{plain(path.question.label)}** *({plain(path.source)})*: "
                        "not answered yet")
            nav.go_link(page_of_field(path.focus), f"Answer “{path.question.label}”", icon=":material/edit:",
                        query_params=query_for(path.focus), key=f"annex-answer:{item.spec.id}:{path.focus}")


def _render_coverage(project: Project) -> None:
    screening = screen(project)
    high_risk = screening.tier is Tier.HIGH_RISK
    covered = coverage(project)
    cols = st.columns(3)
    cols[0].metric("Points documented", f"{covered.covered} of {covered.total}",
                   help="A point is documented when every answer mapped to it is given.")
    cols[1].metric("Answers given", f"{covered.answers_given} of {covered.answers_total}",
                   help="Distinct answers behind the points; one answer can document two points.")
    cols[2].metric("Risk tier", screening.label)
    if not high_risk:
        st.caption("Annex IV is required of high-risk systems. For this project it is good practice, not an "
                   "obligation; nothing here blocks a gate.")
    st.progress(covered.ratio, text=f"Annex IV coverage: {round(100 * covered.ratio)}% of points")
    single = [section for section in covered.sections if not section.spec.points]
    for section in covered.sections:
        if section.spec.points:
            st.subheader(f"{section.spec.number}. {section.spec.title}", divider="gray")
            st.progress(section.ratio, text=f"{section.covered} of {len(section.points)} points documented")
        elif section is single[0]:  # sections 3 to 9 have no lettered points: one heading for them all
            st.subheader(f"{single[0].spec.number} to {single[-1].spec.number}. Functioning, metrics, risk "
                         "management, changes, standards, conformity, post-market", divider="gray")
            done = sum(s.covered for s in single)
            st.progress(done / len(single), text=f"{done} of {len(single)} sections documented")
        for item in section.points:
            _render_point(item, high_risk)


def _render_questions() -> None:
    st.subheader("Questions only Annex IV asks", divider="gray")
    st.caption("Everything else Annex IV needs comes from the phase pages, the Data Sheet and the Model Card.")
    group = None
    for question in questions_of(TechnicalDocumentation):
        if question.group != group:
            group = question.group
            st.markdown(f"**{plain(group)}**")
        render_question(question, (*DOCUMENTATION, question.name))


def _render_download(project: Project) -> None:
    snapshot = copy.deepcopy(state.document())

    def build() -> str:
        return to_markdown(Project.model_validate(snapshot))

    st.download_button(
        "Download the Annex IV documentation (Markdown)",
        data=guarded_download("the Annex IV documentation", build, failure_markdown),
        file_name=f"{file_stem(project.info.name)}-annex-iv.md", mime="text/markdown", on_click="ignore",
        icon=":material/download:", key="download-annex-iv",
    )


def render_annex_iv_page() -> None:
    router.require_router()
    st.title("EU AI Act: Annex IV technical documentation")
    st.info(
        "A documentation aid, not legal advice. The workbook maps each point of Annex IV to the answers that "
        "document it and shows what is missing; whether the documentation meets the Act is for the provider and "
        "its counsel to decide.",
        icon=":material/gavel:",
    )
    _render_focus()
    project = state.project()
    render_tier_box(screen(project))
    if project.practice.active:
        # What is "not answered yet" here is, for a scenario, a clue to its planted gaps (the map PDF and the canvas
        # leave such lists out in practice mode too); the questions below can still be answered.
        st.info("Practice mode is on: the Annex IV coverage and its download, which list the answers still missing, "
                "are hidden until you submit your flags on the Practice page.", icon=":material/visibility_off:")
    else:
        _render_download(project)
        _render_coverage(project)
    _render_questions()
