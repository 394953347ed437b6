"""Practice mode in the session: whether it is on, opening a scenario for practice, and the learner's flags.

Everything a learner does here is written to their own copy of the scenario through ``state.set_answer``,
so flags and scores are saved with their project and never reach the shared scenario file.
"""

from __future__ import annotations

import streamlit as st

from lifecycle.model import Practice
from lifecycle.practice import load_brief
from lifecycle.samples import samples
from lifecycle.storage import ProjectFileError

from . import nav, state

PRACTICE_PAGE = nav.PRACTICE
OPEN_ERROR = "practice_open_error"


def active() -> bool:
    """Whether the checks' findings, readiness and counts are hidden from the learner."""
    return state.project().practice.active


def scenario() -> str:
    return state.project().practice.scenario


def set_active(on: bool) -> None:
    state.set_answer(("practice", "active"), on)


def open_for_practice(key: str) -> None:
    """Open a fresh copy of scenario ``key`` with practice mode on (a button callback)."""
    try:
        project = next(s for s in samples() if s.key == key).load()
    except (StopIteration, ProjectFileError):
        st.session_state[OPEN_ERROR] = f"The scenario '{key}' could not be opened."
        return
    st.session_state.pop(OPEN_ERROR, None)
    project = project.model_copy(update={"practice": Practice(scenario=key, active=True)})
    brief = load_brief(key)
    state.request_replace(project, f"the {brief.title if brief else key} exercise")


def add_flag(field: str, row_id: str, reason: str, rule: int | None) -> None:
    flags = list(state.value_at(("practice", "flags")))
    flags.append({"field": field, "flagged_row": row_id, "reason": reason, "rule": rule})
    state.set_answer(("practice", "flags"), flags)


def remove_flag(flag_id: str) -> None:
    flags = [f for f in state.value_at(("practice", "flags")) if f["row_id"] != flag_id]
    state.set_answer(("practice", "flags"), flags)


def render_hidden_notice(where: str) -> None:
    """In place of what practice mode hides: why it is hidden and the way to the Practice page."""
    st.info(
        "Practice mode is on, so the checks' findings and the readiness score are hidden: finding the gaps is "
        "the exercise. Submit your flags on the Practice page to see what you found and missed; turn practice "
        "mode off there to see the checks.",
        icon=":material/school:",
    )
    nav.go_button(PRACTICE_PAGE, "Go to the practice page", key=f"{where}:practice", icon=":material/school:",
                  primary=True)


def render_sidebar() -> None:
    """The sidebar's line in practice mode, where the findings counts would be."""
    flags = len(state.project().practice.flags)
    nav.go_button(PRACTICE_PAGE, f"Practice mode · {flags} flag{'s' if flags != 1 else ''}", key="sidebar:practice",
                  icon=":material/school:", width="stretch")
    st.caption("Findings and counts are hidden until you submit.")
