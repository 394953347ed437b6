"""Showing check findings, linking each to the answer to fix, and accepting one with a reason."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lifecycle.checks import CROSS, TEXT, Finding, Severity
from lifecycle.phases import PHASES_BY_KEY

from . import identity, nav, state
from .answer_links import page_of_field
from .text import plain

STYLE = {
    Severity.BLOCKER: ("red", ":material/block:"),
    Severity.WARNING: ("orange", ":material/warning:"),
    Severity.ADVICE: ("blue", ":material/lightbulb:"),
}
ACCEPT_ERROR = "accept_error"
BASIS_BADGE = {
    TEXT: ":violet-badge[:material/format_quote: read from the text]",
    CROSS: ":violet-badge[:material/compare_arrows: answers disagree]",
}


def page_for(finding: Finding) -> str:
    return page_of_field(finding.field)  # phase pages, the Annex IV page, the Plan, Data Sheet, Model Card…


def _accept(finding: Finding, key: str) -> None:
    reason = (st.session_state.get(f"{key}:reason") or "").strip()
    by = identity.named_in(f"{key}:by")
    if not reason or not by:
        st.session_state[ACCEPT_ERROR] = {key: "Write the reason and who accepts it; both are kept in the project file."}
        return
    st.session_state.pop(ACCEPT_ERROR, None)
    entries = list(state.value_at(("accepted_findings",)))
    entries.append(
        {"check_id": finding.check_id, "subject": finding.subject, "reason": reason, "accepted_by": by,
         "accepted_on": dt.date.today().isoformat()}
    )
    state.set_answer(("accepted_findings",), entries)


def _withdraw(finding: Finding) -> None:
    entries = [
        e for e in state.value_at(("accepted_findings",))
        if not (e["check_id"].strip().upper() == finding.check_id
                and e["subject"].strip().casefold() == finding.subject.strip().casefold())
    ]
    state.set_answer(("accepted_findings",), entries)


def render_finding(finding: Finding, key: str, *, link: bool = True) -> None:
    colour, icon = STYLE[finding.severity]
    with st.container(border=True):
        head, refs = st.columns([3, 2])
        head.markdown(
            f":{colour}-badge[{icon} {finding.severity.value}] **{finding.check_id}** {plain(finding.title)}"
            + (" :green-badge[:material/check: accepted]" if finding.accepted else "")
        )
        refs.caption(plain(finding.references()))
        st.markdown(plain(finding.message) + (" " + BASIS_BADGE[finding.basis] if finding.basis in BASIS_BADGE else ""))
        if finding.evidence:
            label = "Read in the plan" if finding.basis == TEXT else "The plan says"
            st.caption(f"{label}: “{plain(finding.evidence)}”")
        st.caption("How to fix: " + plain(finding.fix))
        if finding.accepted:
            st.caption("Accepted: " + plain(finding.accepted_reason))
        # a row that wraps, not fixed columns: at 1024 px with the sidebar open, columns cut the labels short
        actions = st.container(horizontal=True, wrap=True)
        if link:
            with actions:
                nav.go_button(page_for(finding), "Go to the answer", key=f"{key}:goto", icon=":material/edit:",
                              query_params={"focus": finding.field})
        with actions:
            if finding.accepted:
                st.button("Withdraw acceptance", key=f"{key}:withdraw", on_click=_withdraw, args=(finding,))
            else:
                with st.popover("Accept with a reason", icon=":material/gavel:"):
                    st.text_area("Why the team accepts this", key=f"{key}:reason", max_chars=2000)
                    identity.name_field("Accepted by", f"{key}:by")
                    st.button("Accept finding", key=f"{key}:accept", on_click=_accept, args=(finding, key),
                              type="primary")
                    error = (st.session_state.get(ACCEPT_ERROR) or {}).get(key)
                    if error:
                        st.error(error)


def finding_key(finding: Finding) -> str:
    return f"finding:{finding.check_id}:{finding.field}:{finding.subject}"
