"""The EU AI Act risk screening on the Problem Framing page, the tier wherever it is shown, and what the
tier adds to each phase's stage gate."""

from __future__ import annotations

import streamlit as st

from lifecycle.compliance.annex_iv import coverage
from lifecycle.compliance.paths import is_answered, resolve
from lifecycle.compliance.screening import DISCLAIMER, Screening, Tier, screen
from lifecycle.compliance.templates import TEMPLATE_TITLES, requirements, template_keys
from lifecycle.model import Project, RiskScreening
from lifecycle.model.risk import reference_of
from lifecycle.phases import Phase
from lifecycle.questions import questions_of

from . import nav, state
from .answer_links import ANNEX_IV_PAGE, page_of_field, query_for
from .forms import render_question
from .text import plain

SCREENING_PATH = ("ai_act", "screening")
TIER_STYLE = {
    Tier.PROHIBITED: ("red", ":material/block:"),
    Tier.HIGH_RISK: ("red", ":material/warning:"),
    Tier.TRANSPARENCY: ("orange", ":material/visibility:"),
    Tier.MINIMAL: ("green", ":material/check_circle:"),
}
UNSCREENED_STYLE = ("gray", ":material/help:")


def tier_badge(screening: Screening) -> str:
    colour, icon = TIER_STYLE.get(screening.tier, UNSCREENED_STYLE) if screening.tier else UNSCREENED_STYLE
    return f":{colour}-badge[{icon} {plain(screening.label)}]"


def render_tier_box(screening: Screening) -> None:
    """The tier, each reason with its article or annex point, and what is still to answer."""
    with st.container(border=True, key="risk-tier-box"):
        st.markdown(f"**EU AI Act risk tier:** {tier_badge(screening)}")
        for reason in screening.reasons:
            st.markdown(f"- {plain(reason.text)} · *{plain(reason.reference)}*" if reason.reference
                        else f"- {plain(reason.text)}")
        for reason in screening.obligations:
            if reason not in screening.reasons:
                st.markdown(f"- Also: {plain(reason.text)} · *{plain(reason.reference)}*")
        for note in screening.notes:
            st.caption(plain(note.text))
        if screening.missing:
            labels = ", ".join(f"“{resolve(path).question.label}”" for path in screening.missing)
            st.caption(("Answer the screening to place the use case: " if screening.tier is None
                        else "Still to answer, which could change the tier: ") + plain(labels))
        st.caption(plain(DISCLAIMER))


def _render_screening_focus() -> None:
    field = st.query_params.get("focus") or ""
    if not field.startswith("ai_act.screening."):
        return
    try:
        path = resolve(field)
    except ValueError:
        return
    with st.container(border=True):
        st.markdown(f":material/my_location: **Fixing: {plain(path.question.label)}**")
        render_question(path.question, (*SCREENING_PATH, path.steps[-1].name), key_prefix="focus")


def render_screening(project: Project) -> None:
    st.subheader("EU AI Act risk screening", divider="gray", anchor="risk-screening")
    st.caption(
        "Where the use case sits among the Act's tiers: prohibited practices (Article 5), high-risk uses "
        "(Article 6 with Annexes I and III), transparency obligations (Article 50), or minimal risk. Each question "
        "names the article it concerns; the tier is worked out from the answers. " + DISCLAIMER
    )
    _render_screening_focus()
    questions = questions_of(RiskScreening)
    group = None
    for question in questions:
        if question.group != group:
            group = question.group
            refs = dict.fromkeys(reference_of(RiskScreening, q.name) for q in questions if q.group == group)
            st.markdown(f"**{plain(group)}** · :small[{plain('; '.join(refs))}]")
        render_question(question, (*SCREENING_PATH, question.name))
    render_tier_box(screen(state.project()))


def render_gate_requirements(phase: Phase, project: Project) -> None:
    """What the screening adds to this phase's gate, with each missing answer linked to its question."""
    screening = screen(project)
    needed = requirements(screening, phase.key) if template_keys(screening) else ()
    if not needed:
        return
    missing = [r for r in needed if not is_answered(project, r.path)]
    whom = " and ".join(TEMPLATE_TITLES[key] for key in template_keys(screening)
                        if any(r.template == key for r in needed))
    with st.container(border=True, key=f"gate-template-{phase.key}"):
        st.markdown(f"**EU AI Act: what {plain(whom)} also needs at this gate** "
                    f"({len(needed) - len(missing)} of {len(needed)} answered)")
        st.caption("Answers no phase gate already requires count toward this gate's answers above; the Annex IV "
                   "page shows every point.")
        if not missing:
            st.markdown(":green[:material/check_circle: All answered.]")
        seen_points: set[str] = set()
        for requirement in needed:
            if requirement.point is not None:
                if requirement.point.id in seen_points:
                    continue
                seen_points.add(requirement.point.id)
                items = [r for r in needed if r.point is not None and r.point.id == requirement.point.id]
                open_items = [r for r in items if r in missing]
                mark = ":green[:material/check:]" if not open_items else ":orange[:material/radio_button_unchecked:]"
                st.markdown(f"{mark} Annex IV {plain(requirement.point.id)}: {plain(requirement.point.title)} "
                            f"({len(items) - len(open_items)} of {len(items)})")
                for item in open_items:
                    _render_missing(item, phase)
            elif requirement in missing:
                st.markdown(f":orange[:material/radio_button_unchecked:] {plain(requirement.why)}")
                _render_missing(requirement, phase)
    nav.go_link(ANNEX_IV_PAGE, "All Annex IV points", icon=":material/gavel:", key=f"gate-annex:{phase.key}")


def _render_missing(requirement, phase: Phase) -> None:  # type: ignore[no-untyped-def]
    path = requirement.path
    if path.top == "ai_act":  # asked nowhere else: answer it right here
        render_question(path.question, tuple(step.name for step in path.steps), key_prefix=f"gate-{phase.key}")
        return
    nav.go_link(page_of_field(path.path), f"Answer “{path.question.label}” ({path.source})", icon=":material/edit:",
                query_params=query_for(path.focus), key=f"gate-answer:{phase.key}:{path.path}")


def render_phase_extras(phase: Phase) -> None:
    """Below a phase's questions: the risk screening (Problem Framing), then what the tier adds to the gate."""
    if phase.key == "problem_framing":
        render_screening(state.project())
    render_gate_requirements(phase, state.project())


def render_tier_summary() -> None:
    """The Overview's line: the tier with its references, links to the screening and to Annex IV."""
    project = state.project()
    screening = screen(project)
    covered = coverage(project)
    with st.container(border=True, key="overview-risk-tier"):
        refs = "; ".join(screening.references)
        st.markdown(f"**EU AI Act risk tier:** {tier_badge(screening)}" + (f" · {plain(refs)}" if refs else ""))
        left, right = st.columns(2)
        with left:
            nav.go_link(page_of_field("ai_act.screening.prohibited_practices"), "Risk screening (Problem Framing)",
                        icon=":material/fact_check:")
        with right:
            nav.go_link(ANNEX_IV_PAGE, f"Annex IV: {covered.covered} of {covered.total} points documented",
                        icon=":material/gavel:")
