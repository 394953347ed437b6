"""The Policy packs page: which organisation packs apply, any problems reading them, and each rule's result
for the open project. The findings themselves are on the Checks page, beside the built-in checks."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lifecycle.checks import apply_accepted
from lifecycle.compliance.screening import screen
from lifecycle.policies import ENV_VAR, configured_packs, configured_paths, evaluate
from lifecycle.policies.evaluate import applies, holds
from lifecycle.model import Project
from lifecycle.phases import PHASES_BY_KEY

from . import nav, router, state
from .text import plain

EXAMPLE = "sample_projects/policies"


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
    if not paths:
        st.info(
            f"No policy pack is configured. Set {ENV_VAR} to one or more pack files or folders (separated by "
            f"“:”) before starting the app, e.g. `{ENV_VAR}={EXAMPLE} make run`; the command line takes "
            "`lifecycle check project.yaml --policy PACK.yaml`.",
            icon=":material/policy:",
        )
        return
    st.caption("Configured: " + plain(", ".join(str(p) for p in paths)))
    if loaded.problems:
        st.error("Some packs cannot be read, and their rules are not applied until they are fixed:",
                 icon=":material/error:")
        for problem in loaded.problems:
            st.markdown(f"- {plain(problem)}")
    project = state.project()
    for pack in loaded.packs:
        st.subheader(pack.name, divider="gray")
        st.caption(plain(pack.source) + (f" · {plain(pack.description)}" if pack.description else ""))
        findings = evaluate(pack, project)
        st.markdown(f"**{len(pack.rules)}** rules · **{len(findings)}** findings for "
                    f"{plain(project.info.name or 'this project')}")
        st.dataframe(_results(pack, project), hide_index=True, key=f"policy-rules-{pack.source}")
    nav.go_link(nav.CHECKS, "See the findings on the Checks page", icon=":material/rule:")
