"""The Maturity page: levels on Google's and Microsoft's MLOps models, a radar per dimension,
and the questionnaire with the answers the phase forms imply shown as pre-answers."""

from __future__ import annotations

import streamlit as st

from lifecycle.charts.maturity import maturity_figure
from lifecycle.handoff.document import origin_title
from lifecycle.maturity import DIMENSIONS, LevelAssessment, StatementResult, assess
from lifecycle.model import Agreement

from . import router, state
from .forms import render_question
from .text import plain


def _render_level(assessment: LevelAssessment) -> None:
    framework, level = assessment.framework, assessment.level
    with st.container(border=True):
        st.markdown(f"**{framework.title}**")
        st.markdown(f"### {assessment.headline}")
        st.caption(level.summary)
        if assessment.held:
            reasons = [plain(r.statement.label.lower()) + (" (partly)" if r.effective is Agreement.PARTLY else "")
                       for r in assessment.held]
            st.markdown("**Why this level:** " + "; ".join(reasons) + ".")
        following = assessment.next_level
        if following is None:
            st.success("The top level of this model: keep it there.", icon=":material/emoji_events:")
            return
        st.markdown(f"**Held back from level {following.number} ({following.name}) by:**")
        st.markdown("\n".join(f"- {plain(s.reason)}" for s in assessment.held_back_by))
        st.markdown("**Next steps:**\n" + "\n".join(f"{i}. {plain(step)}" for i, step in
                                                   enumerate(assessment.next_steps, 1)))


def _clear(path: tuple[str, ...]) -> None:
    state.set_answer(path, None)


def _render_statement(result: StatementResult) -> None:
    statement = result.statement
    render_question(statement.question, statement.path)
    pre = result.pre
    if result.origin == "pre-answer" and pre:
        st.caption(
            f":blue-badge[:material/auto_awesome: Pre-answered: {pre.value.label}] from "
            f"{origin_title(pre.source)}: {plain(pre.reason)}. Choose an answer above to override it."
        )
    elif result.overrides and pre:
        st.caption(
            f":orange-badge[Your answer overrides the pre-answer ({pre.value.label})] read off "
            f"{origin_title(pre.source)}: {plain(pre.reason)}."
        )
    elif result.origin == "unanswered":
        st.caption("Not answered: counts as No until it is.")
    if result.given is not None:
        st.button(
            "Use the pre-answer" if pre else "Clear the answer", key=f"maturity:clear:{statement.key}",
            on_click=_clear, args=(statement.path,), icon=":material/undo:",
        )


def render_maturity_page() -> None:
    router.require_router()
    st.title("MLOps maturity")
    st.caption(
        "How far the project's operations are automated, on Google Cloud's MLOps levels (0–2) and Microsoft's MLOps "
        "maturity model (0–4). Answer the statements below once for the project; what your phase forms already "
        "imply is pre-answered and can be overridden."
    )
    assessment = assess(state.project())
    cols = st.columns(3)
    cols[0].metric("Google level", f"{assessment.google.level.number} of 2", help=assessment.google.level.name)
    cols[1].metric("Microsoft level", f"{assessment.microsoft.level.number} of 4", help=assessment.microsoft.level.name)
    cols[2].metric("Statements that hold", f"{assessment.overall}%",
                   help="Partly counts half; not answered counts as No.")
    st.plotly_chart(maturity_figure(assessment), key="maturity-chart")
    left, right = st.columns(2)
    with left:
        _render_level(assessment.google)
    with right:
        _render_level(assessment.microsoft)

    st.subheader("Questionnaire", divider="gray")
    by_key = assessment.by_key
    for dimension, score in zip(DIMENSIONS, assessment.dimensions):
        st.markdown(f"#### {dimension.title} · {score.percent}%")
        columns = st.columns(2, gap="large")
        results = [r for r in assessment.results if r.statement.dimension == dimension.key]
        for index, result in enumerate(results):
            with columns[index % 2]:
                _render_statement(by_key[result.statement.key])
