"""The Practice page: the brief, the learner's flags, submitting them, the feedback, the history of scores,
and the step after: fixing the plan with the checks shown."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lifecycle.checks.rules import RULE_TITLES
from lifecycle.model.practice import MAX_ATTEMPTS
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.practice import Feedback, GapResult, home_area, load_brief, load_key, score_attempt
from lifecycle.practice.targets import label_of
from lifecycle.samples import samples

from . import nav, practice_mode, review, router, state
from .answer_links import page_of_field
from .practice_brief import brief_caption, render_brief
from .practice_drill import render_drill
from .text import plain



def _feedback() -> Feedback | None:
    key = load_key(practice_mode.scenario())
    if key is None:
        return None
    return score_attempt(state.project(), key, review.findings())


def _submit() -> None:
    feedback = _feedback()
    if feedback is None:
        return
    attempts = list(state.value_at(("practice", "attempts")))
    attempts.append({
        "submitted_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "found": feedback.found, "missed": feedback.missed, "false_flags": len(feedback.false_flags),
        "score": feedback.score, "band": feedback.band, "found_gaps": feedback.found_ids,
    })
    attempts = attempts[-MAX_ATTEMPTS:]  # the history keeps the latest submissions
    state.set_answer(("practice", "attempts"), attempts)


def _retry() -> None:
    with state.one_save():
        state.set_answer(("practice", "flags"), [])
        state.set_answer(("practice", "active"), True)


def _fix_the_plan() -> None:
    practice_mode.set_active(False)
    st.session_state[nav.GOTO] = (nav.CHECKS, None)  # straight to the checks, now shown (as a go_button does)


def _render_start() -> None:
    st.info("No scenario is open for practice. Pick one: it opens as your own copy, with the checks hidden "
            "until you submit your review.", icon=":material/school:")
    columns = st.columns(3)
    for column, sample in zip(columns, samples()):
        brief = load_brief(sample.key)
        if brief is None:
            continue
        with column, st.container(border=True):
            st.markdown(f"**{plain(brief.title)}**")
            st.caption(brief_caption(brief))
            st.button("Practise", key=f"practice-page:open:{sample.key}", on_click=practice_mode.open_for_practice,
                      args=(sample.key,), type="primary", width="stretch", icon=":material/school:")


def _render_flags() -> None:
    project = state.project()
    flags = project.practice.flags
    st.subheader(f"Your flags ({len(flags)})", divider="gray")
    if not flags:
        st.caption("Nothing flagged yet. Open a phase page and flag the answers or rows you think are wrong.")
    for flag in flags:
        area = home_area(flag.field)
        where = label_of(project, area, flag.field, flag.flagged_row)
        rule = f" · Rule #{flag.rule}" if flag.rule else ""
        line, action = st.columns([5, 1], vertical_alignment="center")
        line.markdown(f":material/flag: **{plain(area.title if area else '')}: {plain(where)}**  \n"
                      f"{plain(flag.reason)}{rule}")
        action.button("Remove", key=f"practice-page:remove:{flag.row_id}", on_click=practice_mode.remove_flag,
                      args=(flag.row_id,))


def _rules(numbers: list[int]) -> str:
    named = "; ".join(f"#{n} {RULE_TITLES[n].rstrip('.')}" for n in numbers)
    return named or "No Rule of ML; a matter of law or good practice"


def _render_gap(result: GapResult, position: int) -> None:
    gap = result.gap
    badge = ":green-badge[:material/check: found]" if result.found else ":red-badge[:material/close: missed]"
    with st.container(border=True, key=f"gap-{gap.id}"):
        st.markdown(f"{badge} **{plain(gap.title)}** · {PHASES_BY_KEY[gap.phase].title} · {gap.severity}")
        st.markdown("**Why it matters.** " + plain(gap.why))
        st.markdown("**A good answer.** " + plain(gap.good_answer))
        checks = ", ".join(result.check_ids) if result.check_ids else "no check catches this yet"
        st.caption(f"Rules of ML: {plain(_rules(gap.rules))} · The checks: {plain(checks)}")
        if result.fields:
            field = result.fields[0]
            nav.go_button(page_of_field(field), "Go to the answer", key=f"gap:{gap.id}:goto:{position}",
                          icon=":material/edit:", query_params={"focus": field})


def _render_feedback(feedback: Feedback) -> None:
    project = state.project()
    attempts = project.practice.attempts
    st.subheader(f"Feedback on attempt {len(attempts)}", divider="gray")
    cols = st.columns(4)
    cols[0].metric("Score", f"{feedback.score}/100")
    cols[1].metric("Found", f"{feedback.found} of {len(feedback.gaps)}")
    cols[2].metric("Missed", feedback.missed)
    cols[3].metric("False flags", len(feedback.false_flags))
    st.markdown(f"**{plain(feedback.band)}.** A false flag costs half a found gap.")
    table = pd.DataFrame(
        [{"Phase": p.title, "Planted gaps": p.gaps, "Found": p.found, "Missed": p.missed, "False flags": p.false_flags}
         for p in feedback.phases]
        + [{"Phase": "Overall", "Planted gaps": len(feedback.gaps), "Found": feedback.found, "Missed": feedback.missed,
            "False flags": len(feedback.false_flags)}]
    )
    st.dataframe(table, hide_index=True, key="practice-phases")
    missed = [r for r in feedback.gaps if not r.found]
    found = [r for r in feedback.gaps if r.found]
    st.markdown(f"**What you missed ({len(missed)})**")
    for position, result in enumerate(missed):
        _render_gap(result, position)
    st.markdown(f"**What you found ({len(found)})**")
    for position, result in enumerate(found):
        _render_gap(result, position)
    if feedback.false_flags:
        st.markdown(f"**Flags that point at no planted gap ({len(feedback.false_flags)})**")
        for index in feedback.false_flags:
            flag = project.practice.flags[index]
            where = label_of(project, home_area(flag.field), flag.field, flag.flagged_row)
            st.markdown(f"- {plain(where)}: “{plain(flag.reason)}”. The answer key has no gap here; read this "
                        "answer again against the brief.")


def _render_history() -> None:
    attempts = state.project().practice.attempts
    st.subheader("Your attempts", divider="gray")
    history = pd.DataFrame([
        {"Attempt": n, "Submitted (UTC)": a.submitted_at.strftime("%Y-%m-%d %H:%M") if a.submitted_at else "",
         "Score": a.score, "Band": a.band, "Found": a.found, "Missed": a.missed, "False flags": a.false_flags}
        for n, a in enumerate(attempts, start=1)
    ])
    st.dataframe(history, hide_index=True, key="practice-history")


def render_practice_page() -> None:
    router.require_router()
    st.title("Practice")
    st.caption("Review a scenario the way a reviewer would: flag what is wrong, submit, and see what you found, "
               "what you missed and why. Then fix the plan with the checks shown.")
    exercise, drill = st.tabs(["Scenario exercise", "Interview drill"])
    with exercise:
        _render_exercise()
    with drill:
        render_drill()


def _render_toggle() -> None:
    key = f"practice-toggle:{state.epoch()}"
    st.toggle("Practice mode: hide the checks' findings, readiness and counts", key=key,
              value=state.project().practice.active,
              on_change=lambda: practice_mode.set_active(bool(st.session_state.get(key))))


def _render_exercise() -> None:
    scenario = practice_mode.scenario()
    brief = load_brief(scenario) if scenario else None
    project = state.project()
    if brief is None:
        if project.practice.active:  # a file that says "practice" without a scenario of ours: let it be turned off
            _render_toggle()
        _render_start()
        return
    folded = bool(project.practice.attempts)
    with st.expander(f"Your brief: {plain(brief.title)}", expanded=not folded, icon=":material/school:"):
        render_brief(brief, key="practice", heading=False)  # folded once there is feedback to read
    _render_toggle()
    _render_flags()
    st.button("Submit my flags", key="practice:submit", on_click=_submit, type="primary", icon=":material/send:",
              disabled=not project.practice.flags, help="Score your flags against the scenario's answer key.")
    attempts = project.practice.attempts
    if not attempts:
        st.caption("The answer key stays hidden until your first submission.")
        return
    feedback = _feedback()
    last = attempts[-1]
    if feedback is not None and (last.found_gaps != feedback.found_ids
                                 or last.false_flags != len(feedback.false_flags)):
        # Flags changed since the last submission (a retry): the key would show what to flag; it waits for a submit.
        st.info(f"Your flags changed since attempt {len(attempts)}: submit them to see your feedback. The answer key "
                "stays hidden until then; your earlier scores are below.", icon=":material/visibility_off:")
    elif feedback is not None:
        _render_feedback(feedback)
    _render_history()
    st.subheader("Next", divider="gray")
    retry, fix = st.columns(2)
    retry.button("Try again: clear my flags, keep my scores", key="practice:retry", on_click=_retry,
                 icon=":material/replay:", width="stretch")
    fix.button("Fix the plan: show the checks", key="practice:fix", on_click=_fix_the_plan, type="primary",
               icon=":material/build:", width="stretch")
    if not project.practice.active:
        st.caption("Practice mode is off: the checks are shown on every page. Edit the plan until its gates pass.")
