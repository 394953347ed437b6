"""On a phase page, the Plan, the Data Sheet and the Model Card in practice mode: the learner flags an answer
or a table row, and sees their flags.

One picker per page rather than a flag button beside every question: the page stays as light as it is
without practice mode, and the learner's flags are in one place.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.checks.rules import RULE_TITLES
from lifecycle.model.practice import MAX_FLAGS
from lifecycle.phases import Phase
from lifecycle.practice import AREAS, Area, home_area, targets_in
from lifecycle.practice.targets import label_of

from . import practice_mode, state
from .nav import go_button
from .text import plain

NO_RULE = 0
FLAG_ERROR = "practice_flag_error"


def rule_label(rule: int) -> str:
    return "No rule named" if rule == NO_RULE else f"#{rule} {RULE_TITLES[rule]}"


def _keys(area: Area) -> tuple[str, str, str]:
    prefix = f"flag:{state.epoch()}:{area.key}"
    return f"{prefix}:target", f"{prefix}:reason", f"{prefix}:rule"


def _flag(area: Area) -> None:
    target_key, reason_key, rule_key = _keys(area)
    choice = st.session_state.get(target_key)
    reason = (st.session_state.get(reason_key) or "").strip()
    if choice is None:
        st.session_state[FLAG_ERROR] = (area.key, "Pick the answer or row you think is wrong.")
        return
    if not reason:
        st.session_state[FLAG_ERROR] = (area.key, "Say in a few words why it is wrong; the feedback shows it back.")
        return
    if len(state.project().practice.flags) >= MAX_FLAGS:
        st.session_state[FLAG_ERROR] = (area.key, f"You have {MAX_FLAGS} flags, the most one attempt holds; "
                                                   "remove some on the Practice page.")
        return
    field, row_id = choice
    rule = st.session_state.get(rule_key) or None
    practice_mode.add_flag(field, row_id, reason, rule)
    st.session_state.pop(FLAG_ERROR, None)
    st.session_state[reason_key] = ""  # ready for the next flag; the picker keeps its place
    st.session_state[rule_key] = NO_RULE


def render_flag_panel(where: Phase | Area) -> None:
    """The flag picker of a page: ``where`` is its phase, or one of ``lifecycle.practice.AREAS``."""
    area = AREAS[where.key]
    project = state.project()
    targets = targets_in(project, area.key)
    labels = {(t.field, t.row_id): t.label for t in targets}
    # A flag is listed where it can be picked, and on its own page even once its row is gone.
    mine = [f for f in project.practice.flags
            if (f.field, f.flagged_row) in labels or getattr(home_area(f.field), "key", None) == area.key]
    where_text = "in this phase" if area.key == area.phase else "on this page"
    with st.container(border=True, key=f"practice-flags-{area.key}"):
        st.markdown(f":material/flag: **Practice mode: flag what is wrong** · {len(mine)} flagged {where_text}")
        st.caption("The checks' findings are hidden until you submit on the Practice page.")
        target_key, reason_key, rule_key = _keys(area)
        st.selectbox("Answer or row", list(labels), key=target_key, index=None, format_func=lambda k: labels[k],
                     placeholder="Pick an answer or a table row")
        st.text_input("Why it is wrong", key=reason_key, max_chars=300, placeholder="One sentence")
        st.selectbox("Rule of ML it breaks (optional)", [NO_RULE, *RULE_TITLES], key=rule_key, format_func=rule_label)
        left, right = st.columns([1, 3])
        left.button("Flag it", key=f"flag:{area.key}:add", on_click=_flag, args=(area,), icon=":material/flag:",
                    type="primary")
        with right:
            go_button(practice_mode.PRACTICE_PAGE, "Review my flags and submit", key=f"flag:{area.key}:practice",
                      icon=":material/school:")
        failed = st.session_state.get(FLAG_ERROR)
        if failed and failed[0] == area.key:
            st.error(failed[1])
        for flag in mine:
            line, action = st.columns([5, 1], vertical_alignment="center")
            rule = f" · Rule #{flag.rule}" if flag.rule else ""
            line.markdown(f":material/flag: **{plain(label_of(project, area, flag.field, flag.flagged_row))}**: "
                          f"{plain(flag.reason)}{rule}")
            action.button("Remove", key=f"flag:{area.key}:remove:{flag.row_id}", on_click=practice_mode.remove_flag,
                          args=(flag.row_id,))


def render_page_flags(area: str) -> None:
    """On the Plan, the Data Sheet or the Model Card: the flag panel while practising, nothing otherwise."""
    if practice_mode.active():
        render_flag_panel(AREAS[area])
