"""The MLflow section of the Deployment page, the measured values on the Modeling page, and the
Portfolio's registry column.

The link (server URL, registered model, production aliases, version, metric pairings) is
edited here and saved like any answer. "Import" reads the registry and, only if that
succeeds, stores the snapshot and fills the Model Card; "Write back" puts the plan's
documents on the version's run and the gate sign-offs on its tags. A failure shows what
failed and leaves the project as it was. The MLflow client is an optional extra: without
it the section says how to install it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lifecycle.integrations.mlflow import client
from lifecycle.integrations.mlflow.names import canonical_metric, parse_metric_key, readable_slice, slice_words
from lifecycle.integrations.mlflow.portfolio import unplanned
from lifecycle.integrations.mlflow.targets import Outcome, TargetResult, compare_targets, shown_value
from lifecycle.model import Project
from lifecycle.model.integrations import RegistrySnapshot
from lifecycle.phases import PHASES_BY_KEY, Phase
from lifecycle.storage import project_document

from . import nav, state
from .text import plain

LINK: state.Path = ("integrations", "mlflow")
MESSAGE = "mlflow:message"
PENDING = "mlflow:pending"  # the action a button asked for; run where the page can show its progress
AUTO = ""  # the version choice "production alias, else newest"
UNPAIRED = "— not paired —"
OUTCOME_LABEL = {
    # Plain symbols, not emoji: a browser without an emoji font shows emoji as empty boxes.
    Outcome.MET: "✓ met",
    Outcome.MISSED: "✗ missed",
    Outcome.NOT_LOGGED: "⚠ not logged",
    Outcome.NOT_COMPARABLE: "– not comparable",
}


def render_section(phase: Phase) -> None:
    """The phase page hook: the registry section on Deployment, the measured values on Modeling."""
    if phase.key == "deployment":
        render_deployment_section()
    elif phase.key == "modeling":
        render_measured_on_modeling()


# --- messages that survive the rerun after an action ------------------------------------------------


def _say(kind: str, text: str, notes: list[str] | None = None) -> None:
    st.session_state[MESSAGE] = {"epoch": state.epoch(), "kind": kind, "text": text, "notes": notes or []}


def _show_message() -> None:
    message = st.session_state.get(MESSAGE)
    if not message or message["epoch"] != state.epoch():
        return
    show = {"success": st.success, "error": st.error, "warning": st.warning}[message["kind"]]
    icon = {"success": ":material/check_circle:", "error": ":material/error:", "warning": ":material/warning:"}
    show(plain(message["text"]), icon=icon[message["kind"]])
    for note in message["notes"]:
        st.caption(":material/info: " + plain(note))


# --- the link's fields ---------------------------------------------------------------------------------


def _key(name: str) -> str:
    return f"mlflow:{state.epoch()}:{name}"


def _on_text(name: str) -> None:
    state.set_answer((*LINK, name), st.session_state[_key(name)])


def _text_field(name: str, label: str, help: str, placeholder: str) -> None:
    path = (*LINK, name)
    key = _key(name)
    if state.error_for(path) is None:
        st.session_state[key] = state.value_at(path)
    st.text_input(label, key=key, help=help, placeholder=placeholder, max_chars=300, on_change=_on_text,
                  args=(name,))
    error = state.error_for(path)
    if error:
        st.error(plain(f"{label}: {error}"), icon=":material/error:")


def _on_aliases() -> None:
    typed = st.session_state[_key("production_aliases")] or ""
    state.set_answer((*LINK, "production_aliases"), [part.strip() for part in typed.split(",") if part.strip()])


def _aliases_field() -> None:
    path = (*LINK, "production_aliases")
    key = _key("production_aliases")
    if state.error_for(path) is None:
        st.session_state[key] = ", ".join(state.value_at(path))
    st.text_input(
        "Production aliases", key=key, on_change=_on_aliases, max_chars=300,
        help="Registry aliases that mean 'serving production', separated by commas. A version holding one needs a "
             "signed Deployment gate.",
    )
    error = state.error_for(path)
    if error:
        st.error(plain(f"Production aliases: {error}"), icon=":material/error:")


# --- actions ---------------------------------------------------------------------------------------------


def _request(action: str) -> None:
    st.session_state[PENDING] = action


def _store(updated: Project, parts: tuple[str, ...]) -> None:
    document = project_document(updated)
    for part in parts:
        state.set_answer((part,), document[part])


def _import() -> None:
    from lifecycle.integrations.mlflow.importer import apply_import, read_registry

    project = state.project()
    link = project.integrations.mlflow
    with st.spinner(f"Reading '{link.registered_model.strip()}' from {link.tracking_uri.strip()}…"):
        try:
            result = read_registry(link)
        except client.RegistryError as error:
            _say("error", str(error) + " Nothing in the project was changed.")
            return
    updated, report = apply_import(project, result.snapshot, result.notes)
    _store(updated, ("model_card", "integrations"))
    _say("success", report.summary(), report.notes)


def _write_back() -> None:
    from lifecycle.integrations.mlflow.writeback import record_write_back, write_back

    project = state.project()
    with st.status("Writing the plan back to MLflow…", expanded=True) as status:
        try:
            result = write_back(project, project_id=state.project_id(), progress=st.write)
        except client.RegistryError as error:
            status.update(label="Write-back failed", state="error")
            _say("error", str(error) + " Nothing in the project was changed.")
            return
        status.update(label="Written back to MLflow", state="complete")
    updated = record_write_back(project, result, state.project_id())
    _store(updated, ("integrations",))
    record = result.record
    where = f" and {len(record.artifacts)} documents to run {record.run_id}" if record.artifacts else ""
    signed = sorted({key.split(".")[2] for key in record.tags if key.startswith("lifecycle.gate.")})
    gates = ", ".join(signed) if signed else "no gate is signed yet"
    _say("success", f"Wrote the tags of version {record.version}{where}. Signed gates recorded: {gates}.",
         result.notes + ([f"Removed the withdrawn sign-off tags: {', '.join(result.removed_tags)}."]
                         if result.removed_tags else []))


# --- what was imported ----------------------------------------------------------------------------------


def _sign_off_cell(tags: dict[str, str]) -> str:
    by = tags.get("lifecycle.gate.deployment.signed_by", "")
    return f"{by} ({tags.get('lifecycle.gate.deployment.signed_on', '')})" if by else ""


def _versions_table(snapshot: RegistrySnapshot) -> None:
    rows = [
        {
            "Version": v.version,
            "Aliases": ", ".join(v.aliases),
            "Plan describes": "●" if v.version == snapshot.version else "",
            "Deployment sign-off": _sign_off_cell(v.tags),
            "Status": v.status,
            "Registered": v.created_at,
            "Run": v.run_id,
            "Tags": "; ".join(f"{k}={val}" for k, val in v.tags.items() if not k.startswith("lifecycle.")),
        }
        for v in snapshot.versions
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="mlflow-versions", column_config={
        "Registered": st.column_config.DatetimeColumn("Registered", format="YYYY-MM-DD HH:mm"),
    })
    if snapshot.versions_left_out:
        st.caption(f"{snapshot.versions_left_out} older versions are not listed.")


def _on_version() -> None:
    state.set_answer((*LINK, "version"), st.session_state[_key("version")])


def _version_choice(snapshot: RegistrySnapshot) -> None:
    options = [AUTO, *[v.version for v in snapshot.versions]]
    key = _key("version")
    current = state.value_at((*LINK, "version"))
    st.session_state[key] = current if current in options else AUTO
    aliases = {v.version: v.aliases for v in snapshot.versions}

    def label(option: str) -> str:
        if option == AUTO:
            return "The version holding a production alias, else the newest"
        held = aliases.get(option) or []
        return f"Version {option}" + (f" ({', '.join(held)})" if held else "")

    st.selectbox("Version the plan describes", options, key=key, format_func=label, on_change=_on_version,
                 help="Its run fills the Model Card and is compared with the plan's targets; write-back goes to it.")
    if current and current != snapshot.version:
        st.info(f"Import again to read the run of version {current}; the values below are version "
                f"{snapshot.version}'s.", icon=":material/sync:")


def _metrics_table(snapshot: RegistrySnapshot) -> None:
    run = snapshot.run
    if run is None:
        return
    rows = []
    for key, value in sorted(run.metrics.items()):
        name = parse_metric_key(key)
        reads = ""
        if name is not None:
            reads = f"{name.metric} · {readable_slice(name.slice) if name.slice else 'overall'}"
            if name.bound:
                reads += f" · CI {name.bound} bound"
            if name.is_training:
                reads += " · training"
        rows.append({"Metric key": key, "Value": value, "Reads as": reads or "system metric (left out)"})
    st.markdown(f"**Run {plain(run.run_name or run.run_id)}** ({plain(run.status.lower() or 'unknown')}) "
                f"logged {len(run.metrics)} metrics")
    st.dataframe(pd.DataFrame(rows, columns=["Metric key", "Value", "Reads as"]), hide_index=True,
                 key="mlflow-metrics", column_config={"Value": st.column_config.NumberColumn("Value", format="%.4g")})
    if run.datasets:
        st.markdown("**Logged datasets**")
        st.dataframe(pd.DataFrame([
            {"Dataset": d.name, "Used for": d.context, "Digest": d.digest, "Source": d.source} for d in run.datasets
        ]), hide_index=True, key="mlflow-datasets")
    if run.params:
        with st.expander(f"Parameters ({len(run.params)})"):
            st.dataframe(pd.DataFrame([{"Parameter": k, "Value": v} for k, v in run.params.items()]),
                         hide_index=True, key="mlflow-params")


def _targets_frame(results: list[TargetResult]) -> pd.DataFrame:
    return pd.DataFrame([
        {
            "Target": r.kind,
            "Metric": r.metric,
            "Slice": r.slice or "overall",
            "Must be": r.target,
            "Measured": shown_value(r),
            "Logged as": r.measured.key if r.measured else "",
            "Result": OUTCOME_LABEL[r.outcome],
            "Why": r.note,
        }
        for r in results
    ], columns=["Target", "Metric", "Slice", "Must be", "Measured", "Logged as", "Result", "Why"])


def _target_id(metric: str, slice_: str) -> tuple[str, frozenset[str]]:
    # The same target in both tables (e.g. 'overall' and 'overall (last 8 weeks)') shares one pairing.
    return canonical_metric(metric), slice_words(slice_)


def _pair(result: TargetResult, key: str) -> None:
    chosen = st.session_state[key]
    pairings = [
        row for row in state.value_at((*LINK, "metric_keys"))
        if _target_id(row["metric"], row["slice"]) != _target_id(result.metric, result.slice)
    ]
    if chosen != UNPAIRED:
        pairings.append({"metric": result.metric, "slice": result.slice, "key": chosen})
    state.set_answer((*LINK, "metric_keys"), pairings)


def _pairings(project: Project, results: list[TargetResult], snapshot: RegistrySnapshot) -> None:
    run = snapshot.run
    if run is None:
        return
    link = project.integrations.mlflow
    paired = {_target_id(p.metric, p.slice): p.key for p in link.metric_keys}
    open_ = [r for r in results if r.outcome is Outcome.NOT_LOGGED or _target_id(r.metric, r.slice) in paired]
    if not open_:
        return
    st.markdown("**Pair a target with the metric that measures it**")
    st.caption("Where the plan and the run name a metric differently, say which logged metric measures the target; "
               "the pairing is saved with the project.")
    keys = sorted(k for k in run.metrics if not k.casefold().startswith("system/"))
    seen: set[tuple[str, frozenset[str]]] = set()
    for index, result in enumerate(open_):
        ident = _target_id(result.metric, result.slice)
        if ident in seen:
            continue  # the same metric and slice in both tables: one pairing serves both
        seen.add(ident)
        key = _key(f"pair:{index}")
        current = paired.get(ident, UNPAIRED)
        options = [UNPAIRED, *keys] if current in keys or current == UNPAIRED else [UNPAIRED, current, *keys]
        st.session_state[key] = current
        st.selectbox(f"{result.name} ({result.kind})", options, key=key, on_change=_pair, args=(result, key))


def _unwritten_sign_offs(project: Project, snapshot: RegistrySnapshot) -> None:
    """Say so when the gates signed in the plan differ from the sign-off tags the version carries, and when a
    gate was signed for another version (write-back will not tag this one with it)."""
    from lifecycle.integrations.mlflow.writeback import GATE_TAG_PREFIX, elsewhere_note, gate_tags

    elsewhere = elsewhere_note(project)
    if elsewhere:
        st.warning(plain(elsewhere), icon=":material/rule:")
    wanted = gate_tags(project)
    described = next((v for v in snapshot.versions if v.version == snapshot.version), None)
    have = {k: v for k, v in (described.tags if described else {}).items() if k.startswith(GATE_TAG_PREFIX)}
    differing = {key.split(".")[2] for key in set(wanted) | set(have) if wanted.get(key) != have.get(key)}
    if differing:
        titles = [PHASES_BY_KEY[key].title for key in PHASES_BY_KEY if key in differing]
        st.caption(f":material/sync: The sign-offs of {', '.join(titles)} are not in MLflow yet: write back to record "
                   f"them on version {plain(snapshot.version)}.")


def _write_back_record(project: Project) -> None:
    record = project.integrations.mlflow.write_back
    if record is None or record.written_at is None:
        return
    when = record.written_at.strftime("%Y-%m-%d %H:%M UTC")
    where = f" and documents {', '.join(record.artifacts)} to run {record.run_id}" if record.artifacts else ""
    st.caption(f":material/cloud_upload: Last written back {when}: tags of version {plain(record.version)}"
               f"{plain(where)}.")


def render_deployment_section() -> None:
    project = state.project()
    link = project.integrations.mlflow
    installed = client.available()
    st.subheader("MLflow model registry", divider="gray")
    st.caption("Link the plan to its registered model: import the versions, aliases and measured metrics, and write "
               "the plan's documents and gate sign-offs back to MLflow.")
    if not installed:
        st.info(f"The MLflow client is not installed, so this workbook cannot reach a registry. Install the MLflow "
                f"extra with `{client.INSTALL_HINT}` (the light mlflow-skinny client) and restart the app. The link "
                "can be filled in meanwhile; it is saved with the project.", icon=":material/extension:")
    left, right = st.columns(2)
    with left:
        _text_field("tracking_uri", "Tracking server URL", "The MLflow tracking server. Credentials come from the "
                    "app's environment (MLFLOW_TRACKING_USERNAME and _PASSWORD, or MLFLOW_TRACKING_TOKEN).",
                    "https://mlflow.example.com")
    with right:
        _text_field("registered_model", "Registered model", "The model's name in the MLflow Model Registry.",
                    "e.g. clearlend-pd")
    _aliases_field()
    buttons = st.columns([1, 1, 2])
    ready = installed and link.is_linked
    snapshot = link.current_snapshot()
    import_label = "Import from MLflow" if snapshot is None else "Import again"
    buttons[0].button(import_label, type="primary", disabled=not ready, key="mlflow-import",
                      icon=":material/cloud_download:", on_click=_request, args=("import",))
    buttons[1].button("Write back to MLflow", disabled=not (ready and snapshot is not None),
                      key="mlflow-write-back", icon=":material/cloud_upload:", on_click=_request, args=("write_back",),
                      help="Attach the lifecycle map, Model Card, Data Sheet and project file to the version's run, "
                           "and tag the version with the gate sign-offs.")
    action = st.session_state.pop(PENDING, None)
    if action == "import" and ready:
        _import()
        st.rerun()
    elif action == "write_back" and ready and snapshot is not None:
        _write_back()
        st.rerun()
    if installed and not link.is_linked:
        buttons[2].caption("Give the server URL and the registered model to import.")
    _show_message()
    if link.snapshot is not None and snapshot is None:
        st.warning("The last import was from another server or model than the link names now; import again to "
                   "compare the plan with it.", icon=":material/sync_problem:")
    if snapshot is None:
        return
    imported = snapshot.imported_at.strftime("%Y-%m-%d %H:%M UTC") if snapshot.imported_at else "at an unknown time"
    st.caption(f"Imported {imported} from {plain(snapshot.tracking_uri)}: {len(snapshot.versions)} versions of "
               f"'{plain(snapshot.model)}'; the plan describes version {plain(snapshot.version)}.")
    _versions_table(snapshot)
    _version_choice(snapshot)
    results = compare_targets(project)
    if snapshot.run is None:
        st.info(f"Version {snapshot.version} has no run to read metrics from.", icon=":material/info:")
    else:
        st.markdown(f"**The plan's targets against version {plain(snapshot.version)}**")
        if results:
            st.dataframe(_targets_frame(results), hide_index=True, key="mlflow-targets")
        else:
            st.caption("The plan names no offline metric or quality-gate check yet.")
        _pairings(project, results, snapshot)
        _metrics_table(snapshot)
    _unwritten_sign_offs(project, snapshot)
    _write_back_record(project)


def render_measured_on_modeling() -> None:
    project = state.project()
    results = [r for r in compare_targets(project) if r.kind == "offline metric"]
    snapshot = project.integrations.mlflow.current_snapshot()
    if not results or snapshot is None:
        return
    st.subheader("Measured in MLflow", divider="gray")
    st.caption(f"The offline metrics beside the values the run of version {plain(snapshot.version)} of "
               f"'{plain(snapshot.model)}' logged. Import and pairings are on the Deployment page.")
    st.dataframe(_targets_frame(results).drop(columns=["Target"]), hide_index=True, key="mlflow-measured")
    nav.go_link(nav.phase_page(PHASES_BY_KEY["deployment"]), "Open the MLflow section", icon=":material/hub:")


# --- the Portfolio -------------------------------------------------------------------------------------


def render_portfolio_registry(summaries: list[Any]) -> None:
    """Registered models that no plan links, from the projects' last imports."""
    missing = unplanned([getattr(s, "registry", None) or {} for s in summaries])
    if not missing:
        return
    with st.expander(f"Registered models with no plan: {len(missing)}", icon=":material/link_off:"):
        st.caption("Seen on a linked tracking server at the last import, and linked by no project here and by no "
                   "written-back plan (check DE-103).")
        st.dataframe(pd.DataFrame([{"Tracking server": server, "Registered model": model}
                                   for server, model in missing]), hide_index=True, key="portfolio-unplanned")

