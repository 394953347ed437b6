"""The Checks page: readiness, every finding grouped by phase and severity, and every check's outcome."""

from __future__ import annotations

import streamlit as st

from lifecycle.charts.readiness import readiness_figure
from lifecycle.checks import Outcome, Review, Severity, by_phase, counts, review, unmatched_acceptances
from lifecycle.phases import PHASES

from . import practice_mode, router, state
from .findings_view import finding_key, render_finding
from .review import findings as shared_findings
from .text import plain

LEVELS = {"Blockers only": Severity.BLOCKER, "Warnings and up": Severity.WARNING, "Everything": Severity.ADVICE}


def render_checks_page() -> None:
    router.require_router()
    st.title("Checks")
    st.caption(
        "The plan checked against Google's Rules of ML, the ML Test Score and known leakage and technical-debt "
        "patterns, reading the structured answers and the prose. Each finding names the rule it enforces, what is "
        "wrong in this project and how to fix it; a finding read from the prose quotes the sentence it read. "
        "A finding the team takes on deliberately can be accepted with a written reason; it stays listed."
    )
    if practice_mode.active():
        practice_mode.render_hidden_notice("checks")
        return
    project = state.project()
    result = review(project, shared_findings())  # the findings of this change, computed once for every view
    findings = list(result.findings)
    score = result.readiness
    total = counts(findings)

    open_ = [f for f in findings if f.is_open]
    cols = [*st.columns(3), *st.columns(3)]  # two rows of three: six in a row cut their labels below 1280 px
    cols[0].metric("Readiness", f"{score.score}/100", help=score.band.meaning)
    cols[1].metric("Blocking findings", sum(f.severity is Severity.BLOCKER and not f.is_missing_answer for f in open_),
                   help="Anti-patterns that should stop the phase's gate until fixed or accepted.")
    cols[2].metric("Gate answers missing", sum(f.is_missing_answer for f in open_),
                   help="Answers a stage gate needs that are not given yet.")
    cols[3].metric("Warnings", total["warning"])
    cols[4].metric("Advice", total["advice"])
    cols[5].metric("Accepted", total["accepted"])
    st.markdown(f"**{score.band.label}.** {score.band.meaning}")
    tally = result.counts()
    st.caption(
        f"{len(result.outcomes)} checks: " + ", ".join(f"{tally[o.value]} {o.label.lower()}" for o in Outcome)
        + (f"; {len(result.needs_human)} answers need a human reviewer." if result.needs_human else ".")
    )
    st.plotly_chart(readiness_figure(score), key="readiness-chart")

    for entry in unmatched_acceptances(project, findings):
        st.warning(
            f"The project file accepts {plain(entry.check_id)}"
            + (f" for {plain(entry.subject)}" if entry.subject else "")
            + ", but no such finding is open any more; the acceptance can be removed.",
            icon=":material/info:",
        )

    st.subheader("Findings", divider="gray")
    left, middle, right = st.columns([3, 2, 2], vertical_alignment="bottom")
    titles = {p.key: p.title for p in PHASES}
    chosen = left.multiselect("Phases", list(titles), default=list(titles), format_func=titles.get, key="checks-phases")
    level = middle.selectbox("Show", list(LEVELS), index=2, key="checks-level")
    show_accepted = right.toggle("Show accepted", value=True, key="checks-accepted",
                                  help="Findings the team accepted with a written reason")
    search = st.text_input("Search findings", key="checks-search", placeholder="a feature, metric, rule number…")

    needle = search.strip().casefold()
    shown = [
        f for f in findings
        if f.phase in chosen
        and f.severity.at_least(LEVELS[level])
        and (show_accepted or not f.accepted)
        and (not needle or needle in " ".join(
            [f.check_id, f.title, f.message, f.fix, f.references(), f.evidence]).casefold())
    ]
    if not shown:
        st.success("No findings match these filters." if findings else "No findings: the plan passes every check.")
    for phase_key, items in by_phase(shown).items():
        if not items:
            continue
        st.markdown(f"#### {titles[phase_key]} ({len(items)})")
        for finding in items:
            render_finding(finding, finding_key(finding))

    _render_human(result, chosen, titles)
    _render_outcomes(result, chosen)


def _render_human(result: Review, chosen: list[str], titles: dict[str, str]) -> None:
    """Answers the review could not judge, per phase: a person has to read them."""
    st.subheader("Needs a human reviewer", divider="gray")
    items = [item for item in result.needs_human if item.phase in chosen]
    if not items:
        st.caption("Every required prose answer of these phases gave the review something to judge.")
        return
    st.caption(
        "The review passes these answers only because it recognised nothing it could judge in them. A person "
        "should read each one; a phase whose deliverable rests only on such prose cannot read \"Ready\"."
    )
    for phase in PHASES:
        mine = [item for item in items if item.phase == phase.key]
        if not mine:
            continue
        with st.expander(f"{titles[phase.key]}: {len(mine)} to read", expanded=True):
            for item in mine:
                head, link = st.columns([5, 2])
                head.markdown(f"**{plain(item.label)}**")
                head.caption(plain(item.reason) + (" It holds the phase below Ready." if item.blocks_ready else ""))
                with link:
                    st.page_link(page_for_field(item.field), label="Go to the answer", icon=":material/edit:",
                                 query_params={"focus": item.field})


def page_for_field(field: str) -> str:
    from lifecycle.phases import PHASES_BY_KEY

    from . import nav

    phase = PHASES_BY_KEY.get(field.split(".", 1)[0])
    return nav.phase_page(phase) if phase else nav.HOME


def _render_outcomes(result: Review, chosen: list[str]) -> None:
    """The checks that did not report an open issue: passed, not applicable, suppressed (collapsed)."""
    st.subheader("Every check", divider="gray")
    for outcome in (Outcome.PASSED, Outcome.NOT_APPLICABLE, Outcome.SUPPRESSED):
        entries = [o for o in result.with_outcome(outcome) if o.check.phase in chosen]
        with st.expander(f"{outcome.label} ({len(entries)})", expanded=False):
            if not entries:
                st.caption("None.")
            for entry in entries:
                line = f"**{entry.check.id}** {plain(entry.check.title)}"
                if entry.reason:
                    line += f" — {plain(entry.reason)}"
                if outcome is Outcome.SUPPRESSED:
                    line += " — accepted: " + "; ".join(plain(f.accepted_reason) for f in entry.findings)
                st.markdown(line)
