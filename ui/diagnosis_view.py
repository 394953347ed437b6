"""The Diagnosis page: monitoring data in, symptoms, lifecycle gaps and a stakeholder memo out.

Results live in ``st.session_state`` under a digest of the input bytes and column roles,
so reruns (switching tabs, choosing a chart) never recompute, and one user's data is
never shared with another session (no ``cache_resource``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from lifecycle.diagnosis import charts
from lifecycle.diagnosis.analysis import Analysis, analyse
from lifecycle.diagnosis.bundled import SAMPLE_KEY, load_bundled
from lifecycle.diagnosis.data import (
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_BYTES, MAX_GROUP_CHARS, MAX_ROWS, MAX_TOTAL_CELLS, Batch, DataError, Roles,
    check_total, column_kind, read_csv,
)
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.diagnosis.fairness import FOUR_FIFTHS_CAVEAT
from lifecycle.diagnosis.memo import gap_rows, memo_markdown
from lifecycle.diagnosis.memo_pdf import memo_pdf
from lifecycle.model import Project
from lifecycle.samples import load_sample

from . import diagnosis_exercise as exercise
from . import router, state
from .errors import describe, show_failure
from .text import plain

log = logging.getLogger(__name__)

RESULT = "diagnosis_result"
ERRORS = "diagnosis_errors"
REQUEST = "diagnosis_request"
ACTIVE = "diagnosis_active"  # which input the user chose last: "bundled" or "upload"
MEMO = "diagnosis_memo"
READ = "diagnosis_read"  # the uploaded files parsed, under a digest of their bytes (not re-read on reruns)
MAX_MB = MAX_CSV_BYTES // 1_048_576
MAX_BATCH_FILES = 24
NONE = "(none)"
LIMITS_TEXT = (f"Limits: {MAX_COLUMNS} columns, {MAX_ROWS:,} rows per file, {MAX_TOTAL_CELLS:,} cells in all, "
               f"{MAX_CELL_CHARS:,} characters per cell, {MAX_GROUP_CHARS} per group value.")
SYMPTOM_ICONS = {"data_drift": ":material/stacked_line_chart:", "concept_drift": ":material/trending_down:",
                 "fairness": ":material/balance:"}


@dataclass
class Result:
    """One finished analysis and everything the page shows from it."""

    digest: str
    origin: str  # "bundled" or "upload"
    reference: Batch
    batches: list[Batch]
    analysis: Analysis
    control: Analysis | None = None
    files: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- inputs


def _digest(parts: list[bytes], roles: Roles) -> str:
    digest = hashlib.sha256(repr(roles).encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _request_bundled() -> None:
    st.session_state[REQUEST] = "bundled"
    st.session_state[ACTIVE] = "bundled"


def _uploads_changed() -> None:
    st.session_state[ACTIVE] = "upload"


def _fail(key: str, messages: list[str]) -> None:
    """Errors belong to the inputs they are about (``key``): shown while those inputs are on the page, and
    the failing analysis is not re-run on every rerun; new inputs, or none, leave them behind."""
    st.session_state[ERRORS] = {"key": key, "messages": messages}


def _failed(key: str) -> bool:
    errors = st.session_state.get(ERRORS)
    return bool(errors) and errors["key"] == key


def _files_key(files: list[Any]) -> str:
    return "files:" + _digest([f.name.encode() + b"\0" + f.getvalue() for f in files], Roles())


def _read_uploads(reference_file: Any, files: list[Any], key: str) -> tuple[Batch | None, list[Batch]] | None:
    """The uploaded files parsed (once per set of files, kept in the session), or None after recording why not."""
    cached = st.session_state.get(READ)
    if cached and cached["key"] == key:
        return cached["reference"], cached["batches"]
    errors: list[str] = []
    given = ([reference_file] if reference_file is not None else []) + files
    try:
        check_total([(f.name, f.getvalue()) for f in given])
    except DataError as exc:
        _fail(key, [f"{exc.source}: {exc.problem}"])
        return None
    reference: Batch | None = None
    batches: list[Batch] = []
    with st.status("Reading the files…", expanded=len(given) > 2) as status:
        bar = st.progress(0.0, text="Reading")
        for index, uploaded in enumerate(given):
            bar.progress(index / len(given), text=f"Reading {plain(uploaded.name)} ({index + 1} of {len(given)})")
            try:
                batch = read_csv(uploaded.getvalue(), uploaded.name)
            except DataError as exc:
                errors.append(f"{exc.source}: {exc.problem}")
                continue
            if uploaded is reference_file:
                reference = batch
            else:
                batches.append(batch)
        status.update(label=f"Read {len(given)} file(s)", state="error" if errors else "complete", expanded=False)
    if errors:
        _fail(key, errors)
        return None
    st.session_state[READ] = {"key": key, "reference": reference, "batches": batches}
    return reference, batches


def _roles_for(reference: Batch) -> Roles:
    """Column roles chosen on the page for uploaded files (defaults: the loan data's names)."""
    columns = list(reference.frame.columns)
    default = Roles()
    options = [NONE, *columns]

    def pick(label: str, key: str, wanted: str | None, help_text: str) -> str | None:
        index = options.index(wanted) if wanted in columns else 0
        value = st.selectbox(label, options, index=index, key=key, help=help_text)
        return None if value == NONE else value

    with st.expander("Columns of the uploaded files", icon=":material/view_column:"):
        left, middle, right = st.columns(3)
        with left:
            score = pick("Model score", "diagnosis-role-score", default.score,
                         "Higher means the bad outcome is more likely (e.g. probability of default).")
        with middle:
            decision = pick("Decision", "diagnosis-role-decision", default.decision,
                            "The decision taken on the score; fairness compares its approval rates.")
            approve = st.text_input("Favourable decision value", value=default.approve_value, max_chars=60,
                                    key="diagnosis-role-approve")
        with right:
            outcome = pick("Outcome (1 = bad, 0 = good, empty = unknown)", "diagnosis-role-outcome", default.outcome,
                           "Empty cells are outcomes not known yet.")
        candidates = [c for c in columns if c not in {score, decision, outcome}]
        groups = st.multiselect("Protected attributes and proxies to compare groups over", candidates,
                                default=[g for g in default.groups if g in candidates], key="diagnosis-role-groups")
    return Roles(score=score, decision=decision, approve_value=approve.strip() or "approve", outcome=outcome,
                 groups=tuple(groups))


def _run(origin: str, reference: Batch, batches: list[Batch], roles: Roles, digest: str,
         control: Batch | None = None) -> None:
    with st.status("Analysing the monitoring data…", expanded=True) as status:
        bar = st.progress(0.0, text="Starting")

        def progress(message: str, done: float) -> None:
            bar.progress(done, text=message)

        try:
            analysis = analyse(reference, batches, roles, progress=progress)
            if control is not None:
                progress("Checking the control batch", 1.0)
            control_analysis = analyse(reference, [control], roles) if control is not None else None
        except DataError as exc:
            status.update(label="The files could not be analysed", state="error", expanded=False)
            _fail(digest, [f"{exc.source}: {exc.problem}"])
            return
        except Exception as exc:  # a bug must not show a traceback; the log keeps it
            log.exception("diagnosis failed")
            status.update(label="The analysis failed", state="error", expanded=False)
            _fail(digest, [f"The analysis failed on these files ({describe(exc)}). Check that they are CSV exports "
                           "with one row per prediction and the same columns."])
            return
        status.update(label=f"Analysed {len(batches)} batch(es) against {plain(reference.name)}", state="complete",
                      expanded=False)
    st.session_state.pop(ERRORS, None)
    st.session_state[RESULT] = Result(digest, origin, reference, batches, analysis, control_analysis,
                                      [reference.source, *(b.source for b in batches)])
    st.session_state.pop(MEMO, None)


def _render_inputs() -> str | None:
    """The input controls; runs the analysis when the inputs changed. Returns the key of the inputs on the
    page (None when there are none), which errors are matched against."""
    st.subheader("Monitoring data", divider="gray")
    left, right = st.columns([2, 3])
    with left:
        st.markdown("**Practice data.** Six months of Harbourline Bank's loan decisions after launch, with a "
                    "reference sample from validation and an undrifted control month.")
        st.button("Use the bundled loan monitoring data", key="diagnosis-bundled", on_click=_request_bundled,
                  icon=":material/database:", type="primary")
    with right:
        st.markdown("**Your own data.** A reference CSV (what the model was validated on) and one CSV per "
                    "production batch, in time order by file name.")
        reference_file = st.file_uploader("Reference CSV", type=["csv"], key="diagnosis-reference",
                                          max_upload_size=MAX_MB, help=f"CSV up to {MAX_MB} MB.",
                                          on_change=_uploads_changed)
        batch_files = st.file_uploader("Batch CSVs", type=["csv"], key="diagnosis-batches",
                                       accept_multiple_files=True, max_upload_size=MAX_MB, on_change=_uploads_changed,
                                       help=f"Up to {MAX_BATCH_FILES} files of up to {MAX_MB} MB each.")
        st.caption(LIMITS_TEXT)

    if st.session_state.get(ACTIVE) == "bundled":
        if st.session_state.pop(REQUEST, None) != "bundled":
            return "bundled"
        try:
            bundled = load_bundled()
        except (DataError, OSError) as exc:
            _fail("bundled", [f"The bundled data could not be read: {exc}"])
            return "bundled"
        digest = "bundled:" + _digest([b.frame.to_csv().encode() for b in [bundled.reference, *bundled.months]],
                                      Roles())
        current = st.session_state.get(RESULT)
        if current is None or current.digest != digest:
            _run("bundled", bundled.reference, bundled.months, Roles(), digest, control=bundled.control)
        return digest if _failed(digest) else "bundled"

    if st.session_state.get(ACTIVE) != "upload" or (reference_file is None and not batch_files):
        return None
    files = sorted(batch_files or [], key=lambda f: f.name)
    if len(files) > MAX_BATCH_FILES:
        key = _files_key(files)
        _fail(key, [f"{len(files)} batch files were given; at most {MAX_BATCH_FILES} are analysed at once."])
        return key
    key = _files_key(([reference_file] if reference_file is not None else []) + files)
    if _failed(key):
        return key
    read = _read_uploads(reference_file, files, key)
    if read is None:
        return key
    reference, batches = read
    if reference is None or not batches:
        st.info("Add " + ("a reference CSV" if reference is None else "at least one batch CSV") + " to start.",
                icon=":material/upload_file:")
        return key
    roles = _roles_for(reference)
    digest = "upload:" + _digest([reference_file.getvalue(), *(f.getvalue() for f in files)], roles)
    current = st.session_state.get(RESULT)
    if (current is None or current.digest != digest) and not _failed(digest):
        _run("upload", reference, batches, roles, digest)
    return digest


def _render_errors(key: str | None) -> None:
    errors = st.session_state.get(ERRORS)
    if errors and errors["key"] != key:
        st.session_state.pop(ERRORS, None)  # about inputs that are no longer on the page
        return
    if errors:
        kept = " The analysis below is the previous one, unchanged." if st.session_state.get(RESULT) else ""
        st.error(f"Could not analyse the files.{kept}\n\n" + "\n".join(f"- {plain(e)}" for e in errors["messages"]),
                 icon=":material/error:")


# ---------------------------------------------------------------- results


def _project_for(result: Result) -> tuple[Project, str]:
    open_project = state.project()
    options = {"open": f"The open project ({plain(open_project.info.name or 'untitled')})",
               "sample": "The loan practice scenario (Harbourline Bank ClearLend)"}
    default = "sample" if result.origin == "bundled" else "open"
    choice = st.radio("Map the symptoms to the lifecycle plan of", list(options), format_func=options.get,
                      index=list(options).index(default), key=f"diagnosis-plan-{result.origin}", horizontal=True)
    if choice == "sample":
        return load_sample(SAMPLE_KEY), "sample"
    return open_project, "open"


def _symptom_cards(analysis: Analysis) -> None:
    columns = st.columns(3)
    for column, (kind, title) in zip(columns, (("data_drift", "Data drift"), ("concept_drift", "Concept drift"),
                                                ("fairness", "Fairness violation"))):
        found = analysis.symptoms_of(kind)  # type: ignore[arg-type]
        with column, st.container(border=True):
            if found:
                st.markdown(f"{SYMPTOM_ICONS[kind]} **{title}** :red-badge[found]")
                for symptom in found:
                    first = symptom.evidence.split("; ")[0]
                    lead = "" if symptom.subject == "model" else f"**{plain(symptom.subject)}**: "
                    st.markdown(lead + plain(first), help=plain(symptom.evidence))
            else:
                st.markdown(f"{SYMPTOM_ICONS[kind]} **{title}** :green-badge[not found]")
                st.caption("Nothing crossed the thresholds.")


def _control_line(control: Analysis | None) -> None:
    if control is None:
        return
    name = control.batches[0]
    drift = control.drift[name]
    perf = control.performance[name]
    ratios = [f"{plain(a)} {r[name].di_ratio:.2f}" for a, r in control.fairness.items()
              if name in r and r[name].di_ratio is not None]
    auc = f"AUC {perf.auc:.2f}" if perf.auc is not None else "AUC not measured"
    text = f"{len(drift.drifted)} of {len(drift.columns)} inputs drifted, {auc}" + (
        f", disparate impact ratios {', '.join(ratios)}" if ratios else "")
    if control.symptoms:
        st.warning(f"The control batch raised {len(control.symptoms)} alarm(s): {text}.", icon=":material/warning:")
    else:
        st.success(f"Control batch (drawn like the reference): no alarm. {text}.", icon=":material/verified:")


def _drift_tab(result: Result) -> None:
    analysis = result.analysis
    batch = st.selectbox("Batch", analysis.batches, index=len(analysis.batches) - 1, key="diagnosis-drift-batch")
    report = analysis.drift[batch]
    st.plotly_chart(charts.psi_figure(report), key="diagnosis-psi-chart")
    st.dataframe(pd.DataFrame([{
        "Input": c.column, "Kind": c.kind, "PSI": round(c.psi, 3), "Test": c.test,
        "Statistic": round(c.statistic, 4), "p-value": "< 0.001" if c.p_value < 0.001 else f"{c.p_value:.3f}",
        "Verdict": c.verdict,
    } for c in sorted(report.columns, key=lambda c: -c.psi)]), hide_index=True, key="diagnosis-drift-table",
        column_config={"Verdict": st.column_config.TextColumn(width="medium")})
    share = report.share_drifted
    # One wording for one fact: the symptom cards say "data drift" for drifted inputs, so this line never says
    # "no dataset drift" beside them; the 50% share (drift across the whole dataset) is stated as a share.
    drifted = ", ".join(c.column for c in sorted(report.drifted, key=lambda c: -c.psi))
    st.caption(f"{len(report.drifted)} of {len(report.columns)} inputs drifted in {plain(batch)}"
               + (f" ({plain(drifted)})" if drifted else "") + f": {share:.0%} of the inputs. "
               + ("That is half or more: the whole dataset has moved." if report.dataset_drift else
                  "Data drift in these inputs, not (yet) across the whole dataset, which would take half of them."
                  if report.drifted else "No data drift in this batch."))
    prediction = analysis.prediction_drift.get(batch)
    if prediction is not None:
        st.caption(f"Prediction drift (the score itself): PSI {prediction.psi:.3f}, {prediction.verdict}.")
    names = [c.column for c in sorted(report.columns, key=lambda c: -c.psi)]
    if names:
        chosen = st.selectbox("Input to compare", names, key="diagnosis-drift-feature")
        frame = next(b.frame for b in result.batches if b.name == batch)
        kind = column_kind(result.reference.frame[chosen])
        st.plotly_chart(charts.distribution_figure(result.reference.frame, frame, chosen, kind, result.reference.name,
                                                   batch), key="diagnosis-distribution-chart")


def _concept_tab(result: Result) -> None:
    analysis = result.analysis
    st.plotly_chart(charts.auc_figure(analysis), key="diagnosis-auc-chart")
    rows = []
    for name in [analysis.reference, *analysis.batches]:
        perf = analysis.reference_performance if name == analysis.reference else analysis.performance[name]
        concept = analysis.concept.get(name)
        rows.append({
            "Batch": name, "Rows": perf.rows, "With outcome": perf.labelled,
            "AUC": None if perf.auc is None else round(perf.auc, 3),
            "Precision": None if perf.precision is None else round(perf.precision, 3),
            "Recall": None if perf.recall is None else round(perf.recall, 3),
            "Approval rate": None if perf.approval_rate is None else round(perf.approval_rate, 3),
            "Bad rate among approved": None if perf.bad_rate_approved is None else round(perf.bad_rate_approved, 3),
            "Verdict": "reference" if concept is None else concept.verdict,
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="diagnosis-performance-table",
                 column_config={"Verdict": st.column_config.TextColumn(width="large")})
    st.caption("Precision and recall read a decline as a prediction of the bad outcome. Batches without outcomes "
               "(label delay) are not measured yet.")
    changed = [(n, r) for n in analysis.batches for r in analysis.concept[n].changed_relations]
    if changed:
        st.markdown("**Outcome rate per bin that changed beyond the overall change**")
        st.dataframe(pd.DataFrame([{
            "Batch": name, "Input": relation.column, "Bin": b.label,
            "Reference rate": round(b.reference_rate, 3), "Batch rate": round(b.current_rate, 3),
            "Change beyond overall (points)": round(100 * b.adjusted_change, 1), "z": round(b.z, 1),
        } for name, relation in changed for b in relation.bins if b.significant]), hide_index=True,
            key="diagnosis-relation-table")


def _fairness_tab(result: Result) -> None:
    analysis = result.analysis
    if not analysis.fairness:
        st.info("No protected attribute or proxy column to compare groups over.")
        return
    attribute = st.selectbox("Attribute", list(analysis.fairness), key="diagnosis-fairness-attribute")
    st.plotly_chart(charts.selection_rate_figure(analysis, attribute), key="diagnosis-selection-chart")
    st.plotly_chart(charts.disparate_impact_figure(analysis), key="diagnosis-di-chart")
    rows = []
    for name, result_ in analysis.fairness[attribute].items():
        for group in result_.groups:
            rows.append({
                "Batch": name, "Group": group.group, "Rows": group.rows,
                "Approval rate": round(group.selection_rate, 3),
                "TPR (approved | repaid)": None if group.tpr is None else round(group.tpr, 3),
                "FPR (approved | defaulted)": None if group.fpr is None else round(group.fpr, 3),
                "DI ratio": None if result_.di_ratio is None else round(result_.di_ratio, 3),
                "DP difference": None if result_.dp_difference is None else round(result_.dp_difference, 3),
                "EO difference": None if result_.eo_difference is None else round(result_.eo_difference, 3),
                "Flagged": result_.flagged,
            })
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="diagnosis-fairness-table")
    st.info(FOUR_FIFTHS_CAVEAT, icon=":material/gavel:")


def _gaps_tab(diagnosis: Diagnosis) -> None:
    if not diagnosis.symptoms:
        st.success("No symptom to map to the plan.")
        return
    st.markdown("Each symptom read against the plan's own answers. *Checks* are open findings of the Rules of ML "
                "checks for this plan (see the Checks page)."
                + (" They are hidden in practice mode, as on every page, until you submit your flags."
                   if diagnosis.checks_hidden else ""))
    table = pd.DataFrame([[plain(cell) for cell in row] for row in gap_rows(diagnosis)],
                         columns=["Symptom", "Phase", "Gap in the plan", "Rules of ML", "Checks"])
    st.table(table.style.hide(axis="index"), border="horizontal")
    st.markdown("**Remediation plan**")
    for phase, actions in diagnosis.plan_by_phase().items():
        with st.container(border=True):
            st.markdown(f"**{plain(actions[0].phase_title)}**")
            for action in actions:
                st.markdown(f"- {plain(action.action)} *Owner: {plain(action.owner)}*")


def _memo(result: Result, diagnosis: Diagnosis, which: str) -> dict[str, Any]:
    today = dt.date.today()
    key = (result.digest, which, hashlib.sha256(
        diagnosis_key(diagnosis).encode()).hexdigest(), today.isoformat())
    cached = st.session_state.get(MEMO)
    if cached and cached["key"] == key:
        return cached
    memo = {"key": key, "markdown": memo_markdown(diagnosis, today).encode("utf-8"), "pdf": None, "pdf_error": None}
    try:
        memo["pdf"] = memo_pdf(diagnosis, today)
    except Exception as exc:  # the Markdown memo is still offered
        log.exception("the memo PDF failed")
        memo["pdf_error"] = describe(exc)
    st.session_state[MEMO] = memo
    return memo


def diagnosis_key(diagnosis: Diagnosis) -> str:
    return repr([(s.symptom.title, [g.problem for g in s.gaps]) for s in diagnosis.symptoms]) + repr(
        [(a.action, a.owner) for a in diagnosis.plan]) + diagnosis.project_name


def _memo_tab(result: Result, diagnosis: Diagnosis, which: str) -> None:
    st.markdown("The memo for stakeholders: the technical failure with its numbers, the business impact, the gaps "
                "in the lifecycle plan and the revised plan by phase.")
    memo = _memo(result, diagnosis, which)
    left, right, _ = st.columns([1, 1, 2])
    left.download_button("Download memo (Markdown)", memo["markdown"], file_name="diagnosis-memo.md",
                         mime="text/markdown", key="diagnosis-memo-md", icon=":material/description:",
                         on_click="ignore")
    if memo["pdf"] is not None:
        right.download_button("Download memo (PDF)", memo["pdf"], file_name="diagnosis-memo.pdf",
                              mime="application/pdf", key="diagnosis-memo-pdf", icon=":material/picture_as_pdf:",
                              on_click="ignore")
    else:
        show_failure("making the memo PDF (the Markdown memo above is complete)", memo["pdf_error"])


def _render_result(result: Result) -> None:
    analysis = result.analysis
    exercise.render_feedback(result)
    st.subheader("Symptoms", divider="gray")
    st.caption("Analysed: " + plain(", ".join(result.files)))
    _symptom_cards(analysis)
    _control_line(result.control)
    if analysis.warnings:
        with st.expander(f"Data warnings ({len(analysis.warnings)})", icon=":material/warning:"):
            for warning in analysis.warnings:
                st.markdown("- " + plain(str(warning)))
    project, which = _project_for(result)
    diagnosis = diagnose(analysis, project)
    drift_tab, concept_tab, fairness_tab, gaps_tab, memo_tab = st.tabs(
        ["Data drift", "Concept drift", "Fairness", "Lifecycle gaps", "Memo"])
    with drift_tab:
        _drift_tab(result)
    with concept_tab:
        _concept_tab(result)
    with fairness_tab:
        _fairness_tab(result)
    with gaps_tab:
        _gaps_tab(diagnosis)
    with memo_tab:
        _memo_tab(result, diagnosis, which)


def render_diagnosis_page() -> None:
    router.require_router()
    st.title("Diagnosis")
    st.caption("Diagnose a model in production from its monitoring data: data drift, concept drift and fairness, "
               "each mapped back to the gaps in the lifecycle plan that let it through, with a memo for "
               "stakeholders.")
    key = _render_inputs()
    _render_errors(key)
    result = st.session_state.get(RESULT)
    if result is None:
        if not st.session_state.get(ERRORS):
            st.info("Load the bundled loan data or upload your own files to start.", icon=":material/info:")
        return
    if exercise.pending(result):  # the loan exercise: the learner names the symptoms before seeing them
        exercise.render_exercise(result)
        return
    try:
        _render_result(result)
    except Exception as exc:  # an analysis that cannot be shown is dropped, so the next visit starts clean
        log.exception("showing the diagnosis failed")
        st.session_state.pop(RESULT, None)
        st.session_state.pop(MEMO, None)
        show_failure("showing the analysis", exc)
