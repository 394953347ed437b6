"""The Checks page: readiness, and every finding grouped by phase and severity, filterable."""

from __future__ import annotations

import streamlit as st

from lifecycle.charts.readiness import readiness_figure
from lifecycle.checks import Severity, by_phase, counts, readiness, run_checks, unmatched_acceptances
from lifecycle.phases import PHASES

from . import router, state
from .findings_view import finding_key, render_finding
from .text import plain

LEVELS = {"Blockers only": Severity.BLOCKER, "Warnings and up": Severity.WARNING, "Everything": Severity.ADVICE}


def render_checks_page() -> None:
    router.require_router()
    st.title("Checks")
    st.caption(
        "The plan checked against Google's Rules of ML, the ML Test Score and known leakage and technical-debt "
        "patterns. Each finding names the rule it enforces, what is wrong in this project and how to fix it. "
        "A finding the team takes on deliberately can be accepted with a written reason; it stays listed."
    )
    project = state.project()
    findings = run_checks(project)
    score = readiness(project, findings)
    total = counts(findings)

    open_ = [f for f in findings if f.is_open]
    cols = st.columns(6)
    cols[0].metric("Readiness", f"{score.score}/100", help=score.band.meaning)
    cols[1].metric("Blocking findings", sum(f.severity is Severity.BLOCKER and not f.is_missing_answer for f in open_),
                   help="Anti-patterns that should stop the phase's gate until fixed or accepted.")
    cols[2].metric("Gate answers missing", sum(f.is_missing_answer for f in open_),
                   help="Answers a stage gate needs that are not given yet.")
    cols[3].metric("Warnings", total["warning"])
    cols[4].metric("Advice", total["advice"])
    cols[5].metric("Accepted", total["accepted"])
    st.markdown(f"**{score.band.label}.** {score.band.meaning}")
    st.plotly_chart(readiness_figure(score), key="readiness-chart")

    for entry in unmatched_acceptances(project, findings):
        st.warning(
            f"The project file accepts {plain(entry.check_id)}"
            + (f" for {plain(entry.subject)}" if entry.subject else "")
            + ", but no such finding is open any more; the acceptance can be removed.",
            icon=":material/info:",
        )

    st.subheader("Findings", divider="gray")
    left, middle, right = st.columns([3, 2, 2])
    titles = {p.key: p.title for p in PHASES}
    chosen = left.multiselect("Phases", list(titles), default=list(titles), format_func=titles.get, key="checks-phases")
    level = middle.selectbox("Show", list(LEVELS), index=2, key="checks-level")
    show_accepted = right.toggle("Show accepted findings", value=True, key="checks-accepted")
    search = st.text_input("Search findings", key="checks-search", placeholder="a feature, metric, rule number…")

    needle = search.strip().casefold()
    shown = [
        f for f in findings
        if f.phase in chosen
        and f.severity.at_least(LEVELS[level])
        and (show_accepted or not f.accepted)
        and (not needle or needle in " ".join([f.check_id, f.title, f.message, f.fix, f.references()]).casefold())
    ]
    if not shown:
        st.success("No findings match these filters." if findings else "No findings: the plan passes every check.")
    for phase_key, items in by_phase(shown).items():
        if not items:
            continue
        st.markdown(f"#### {titles[phase_key]} ({len(items)})")
        for finding in items:
            render_finding(finding, finding_key(finding))
