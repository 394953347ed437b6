"""The Policy packs page: which organisation packs apply, any problems reading them, and each rule's result
for the open project. The findings themselves are on the Checks page, beside the built-in checks.

In practice mode the rules are listed without their results or findings counts: whether a rule passes would
tell a learner where the gaps are."""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from lifecycle.checks import apply_accepted
from lifecycle.compliance.screening import screen
from lifecycle.policies import ENV_VAR, configured_packs, configured_paths, evaluate
from lifecycle.policies.evaluate import applies, holds
from lifecycle.model import Project
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.settings import CONFIG_FILE, POLICY_PACKS, read_settings

from . import nav, practice_mode, router, state
from .text import plain

EXAMPLE = "sample_projects/policies"


def _rules(pack) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """The pack's rules alone, without what they find in the project (practice mode)."""
    return pd.DataFrame([{"Rule": rule.id, "Title": rule.title, "Phase": PHASES_BY_KEY[rule.phase].title,
                          "Severity": rule.severity.value} for rule in pack.rules])


def _results(pack, project: Project) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    screening = screen(project)
    accepted = {f.check_id for f in apply_accepted(project, evaluate(pack, project, screening)) if f.accepted}
    rows = []
    for rule in pack.rules:
        if not applies(rule, project, screening):
            result = "Does not apply"
        elif holds(rule.require, project):
            result = "Passes"
        else:
            result = f"Finding ({rule.severity.value}{', accepted' if rule.id in accepted else ''})"
        rows.append({"Rule": rule.id, "Title": rule.title, "Phase": PHASES_BY_KEY[rule.phase].title,
                     "Severity": rule.severity.value, "This project": result})
    return pd.DataFrame(rows)


def render_policy_page() -> None:
    router.require_router()
    st.title("Policy packs")
    st.caption(
        "Organisation rules declared as YAML, applied beside the built-in checks. Their findings carry the rule's "
        "own id (POL-…) on the Checks page, in the command line output and in the lifecycle map, and can be "
        "accepted with a reason like any finding."
    )
    paths = configured_paths()
    loaded = configured_packs()
    if not paths and loaded.ok:  # a broken lifecycle.toml names no pack, but its problems are shown below
        st.info(
            f"No policy pack is configured. List pack files or folders in `{CONFIG_FILE}`, in the folder the app "
            f"is started from: `{POLICY_PACKS} = [\"{EXAMPLE}\"]`. Set {ENV_VAR} to one or more pack files or "
            f"folders (separated by “:”) to add packs for one run, e.g. `{ENV_VAR}={EXAMPLE} make run`. The "
            "command line reads both, and takes `lifecycle check project.yaml --policy PACK.yaml`.",
            icon=":material/policy:",
        )
        return
    origins = [o for o in (read_settings().source, ENV_VAR if os.environ.get(ENV_VAR, "").strip() else "") if o]
    st.caption("Configured: " + plain(", ".join(str(p) for p in paths) or "no pack")
               + (f" (from {plain(' and '.join(origins))})" if origins else ""))
    if loaded.problems:
        st.error("Some packs cannot be read, and their rules are not applied until they are fixed:",
                 icon=":material/error:")
        for problem in loaded.problems:
            st.markdown(f"- {plain(problem)}")
    project = state.project()
    practising = practice_mode.active()
    if practising and loaded.packs:
        practice_mode.render_hidden_notice("policies")
    for pack in loaded.packs:
        st.subheader(pack.name, divider="gray")
        st.caption(plain(pack.source) + (f" · {plain(pack.description)}" if pack.description else ""))
        if practising:
            st.markdown(f"**{len(pack.rules)}** rules")
            st.dataframe(_rules(pack), hide_index=True, key=f"policy-rules-{pack.source}")
            continue
        findings = evaluate(pack, project)
        st.markdown(f"**{len(pack.rules)}** rules · **{len(findings)}** findings for "
                    f"{plain(project.info.name or 'this project')}")
        st.dataframe(_results(pack, project), hide_index=True, key=f"policy-rules-{pack.source}")
    if not practising:  # the Checks page shows only the practice notice meanwhile
        nav.go_link(nav.CHECKS, "See the findings on the Checks page", icon=":material/rule:")
