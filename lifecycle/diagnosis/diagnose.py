"""From symptoms in the monitoring data to the gaps in the lifecycle plan that let them through.

Each symptom of an ``Analysis`` is read against the project's own answers: which phase
should have prevented it or caught it, what the plan says there, which Rules of ML apply,
and which findings of the checks engine (``lifecycle.checks``) already point at the gap.
The remediation plan then says what to change, phase by phase, with owners taken from the
plan where it names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Project, RetrainingTrigger, Sensitivity, SignalKind, SplitStrategy
from ..phases import PHASES, PHASES_BY_KEY
from .analysis import Analysis, Symptom, SymptomKind
from .concept import AUC_DROP
from .costs import DecisionCosts
from .drift import PSI_MAJOR, PSI_MODERATE
from .fairness import DI_THRESHOLD, EO_THRESHOLD

# Findings of the checks engine that bear on each kind of symptom.
RELATED_CHECKS: dict[str, tuple[str, ...]] = {
    "data_drift": ("MN-001", "MN-003", "MN-006", "MN-014", "DA-012", "MN-011"),
    "concept_drift": ("MN-002", "MN-003", "MN-005", "MO-003", "MN-014", "MN-008", "DE-007"),
    "fairness": ("MO-011", "DA-015", "DA-016", "MN-013", "MO-010", "MO-013", "MO-018", "DE-007"),
}


# Words in feature names that say nothing about which group is meant.
_GENERIC_WORDS = frozenset({"applicant", "customer", "client", "user", "band", "group", "rate", "default", "score",
                            "level", "code", "flag", "the", "and"})


@dataclass(frozen=True)
class Gap:
    """Something the plan lacks (or gets wrong) that let a symptom happen or go unnoticed."""

    phase: str  # key of the phase, e.g. "monitoring"
    field: str  # the answer concerned, e.g. "monitoring.signals"
    problem: str  # what the plan says, in this project's terms
    rules: tuple[int, ...] = ()  # Rules of ML
    checks: tuple[str, ...] = ()  # finding ids of lifecycle.checks open on this project

    @property
    def phase_title(self) -> str:
        return PHASES_BY_KEY[self.phase].title


@dataclass(frozen=True)
class SymptomGaps:
    symptom: Symptom
    gaps: tuple[Gap, ...]

    @property
    def rules(self) -> tuple[int, ...]:
        return tuple(sorted({r for g in self.gaps for r in g.rules}))

    @property
    def checks(self) -> tuple[str, ...]:
        seen: list[str] = []
        for gap in self.gaps:
            seen.extend(c for c in gap.checks if c not in seen)
        return tuple(seen)


@dataclass(frozen=True)
class Action:
    phase: str
    action: str
    owner: str
    addresses: tuple[SymptomKind, ...]

    @property
    def phase_title(self) -> str:
        return PHASES_BY_KEY[self.phase].title


@dataclass(frozen=True)
class FindingRef:
    """The parts of a ``lifecycle.checks`` finding the diagnosis quotes."""

    check_id: str
    title: str
    message: str
    rules: tuple[int, ...]
    phase: str
    field: str


@dataclass
class Diagnosis:
    project_name: str
    analysis: Analysis
    symptoms: list[SymptomGaps]
    plan: list[Action]
    findings: dict[str, FindingRef] = field(default_factory=dict)  # open findings by check id
    checks_available: bool = True
    costs: DecisionCosts | None = None  # the plan's prices of wrong decisions, when it gives both
    checks_hidden: bool = False  # practice mode: the learner finds the plan's gaps, so no finding is named here

    def plan_by_phase(self) -> dict[str, list[Action]]:
        grouped: dict[str, list[Action]] = {p.key: [] for p in PHASES}
        for action in self.plan:
            grouped[action.phase].append(action)
        return {k: v for k, v in grouped.items() if v}


# ---------------------------------------------------------------- reading the plan


def _open_findings(project: Project) -> tuple[dict[str, FindingRef], bool]:
    """Open findings of the checks engine by id (first one per id), or ({}, False) if it is unavailable."""
    try:
        from ..checks import run_checks
    except ImportError:  # the checks engine is optional for the diagnosis
        return {}, False
    found: dict[str, FindingRef] = {}
    for finding in run_checks(project):
        if finding.accepted or finding.check_id in found:
            continue
        found[finding.check_id] = FindingRef(finding.check_id, finding.title, finding.message, tuple(finding.rules),
                                             finding.phase, finding.field)
    return found, True


def _signals_of(project: Project, *kinds: SignalKind) -> list[str]:
    return [s.name or f"row {i + 1}" for i, s in enumerate(project.monitoring.signals) if s.kind in kinds]


def _signal_list(project: Project) -> str:
    signals = project.monitoring.signals
    if not signals:
        return "the plan lists no monitoring signals at all"
    shown = [f"'{s.name or f'row {i + 1}'}' ({s.kind.value if s.kind else 'no kind'})" for i, s in enumerate(signals)]
    return "the signals are " + ", ".join(shown[:6]) + (f" and {len(shown) - 6} more" if len(shown) > 6 else "")


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _feature(project: Project, name: str):  # type: ignore[no-untyped-def]
    wanted = name.strip().casefold()
    return next((f for f in project.data.features if f.name.strip().casefold() == wanted), None)


def _sensitive(project: Project) -> list[tuple[str, Sensitivity]]:
    return [(f.name, f.sensitivity) for f in project.data.features
            if f.sensitivity in (Sensitivity.PROTECTED, Sensitivity.PROXY)]


def _retraining_gap(project: Project, checks: tuple[str, ...]) -> Gap | None:
    trigger = project.monitoring.retraining_trigger
    if trigger in (None, RetrainingTrigger.NONE, RetrainingTrigger.AD_HOC, RetrainingTrigger.SCHEDULE):
        said = trigger.label if trigger else "not answered"
        cadence = project.monitoring.retraining_cadence.strip()
        detail = f"; cadence: '{_clip(cadence, 80)}'" if cadence else ""
        return Gap("monitoring", "monitoring.retraining_trigger",
                   f"Retraining trigger is '{said}'{detail}: nothing retrains the model when a signal fires.",
                   (8,), checks)
    return None


def _with_checks(wanted: tuple[str, ...], findings: dict[str, FindingRef]) -> tuple[str, ...]:
    return tuple(c for c in wanted if c in findings)


def _data_drift_gaps(symptom: Symptom, project: Project, findings: dict[str, FindingRef]) -> list[Gap]:
    gaps = []
    drift_signals = _signals_of(project, SignalKind.DATA_DRIFT)
    if not drift_signals:
        gaps.append(Gap("monitoring", "monitoring.signals",
                        f"No data-drift signal in Monitoring.signals ({_signal_list(project)}): nothing watches the "
                        "input distributions.", (10,), _with_checks(("MN-001", "MN-014"), findings)))
    else:
        covered = any(symptom.subject.casefold() in name.casefold() for name in drift_signals)
        if not covered:
            gaps.append(Gap("monitoring", "monitoring.signals",
                            f"The data-drift signal(s) {', '.join(repr(n) for n in drift_signals)} do not name "
                            f"{symptom.subject}.", (10,), _with_checks(("MN-014",), findings)))
    feature = _feature(project, symptom.subject)
    if feature is not None and feature.sensitivity is not None and feature.sensitivity is not Sensitivity.NONE:
        gaps.append(Gap("data", "data.features",
                        f"{symptom.subject} is marked '{feature.sensitivity.label}' in Data.features: a change in "
                        "its mix changes who is approved.", (), _with_checks(("DA-015",), findings)))
    if project.data.schema_validation is not True:
        answer = "no" if project.data.schema_validation is False else "not answered"
        gaps.append(Gap("data", "data.schema_validation",
                        f"Data schema validated: {answer}. No validation layer checks incoming batches against "
                        "the training data.", (), _with_checks(("DA-012",), findings)))
    elif not drift_signals:
        gaps.append(Gap("data", "data.schema_validation",
                        "The schema is validated, but only types and ranges: distributions are not compared with "
                        "the training data, so a valid-looking shift passes.", (), ()))
    retraining = _retraining_gap(project, _with_checks(("MN-003",), findings))
    if retraining:
        gaps.append(retraining)
    return gaps


def _concept_gaps(symptom: Symptom, project: Project, findings: dict[str, FindingRef]) -> list[Gap]:
    gaps = []
    quality = _signals_of(project, SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_QUALITY)
    if not quality:
        lagging = _signals_of(project, SignalKind.BUSINESS_KPI)
        extra = (f" The nearest is the business KPI {', '.join(repr(n) for n in lagging[:2])}, which lags by months."
                 if lagging else "")
        gaps.append(Gap("monitoring", "monitoring.signals",
                        f"No concept-drift or prediction-quality signal in Monitoring.signals: nothing compares "
                        f"predictions with outcomes as they arrive.{extra}", (10,),
                        _with_checks(("MN-002", "MN-014"), findings)))
    if project.data.time_ordered and project.modeling.evaluation_split in (SplitStrategy.RANDOM, SplitStrategy.GROUPED):
        gaps.append(Gap("modeling", "modeling.evaluation_split",
                        f"Evaluation split '{project.modeling.evaluation_split.label}' on time-ordered data: the "
                        "offline AUC measured the past, not future applicants, so decay was never estimated.",
                        (33,), _with_checks(("MO-003",), findings)))
    impact = project.monitoring.staleness_impact.strip()
    if not impact or "low" in impact.casefold()[:20] or "MN-005" in findings:
        said = f"'{_clip(impact, 100).rstrip('.')}'" if impact else "not answered"
        gaps.append(Gap("monitoring", "monitoring.staleness_impact",
                        f"Impact of a stale model: {said}. It was assumed, not measured.", (8,),
                        _with_checks(("MN-005",), findings)))
    retraining = _retraining_gap(project, _with_checks(("MN-003",), findings))
    if retraining:
        gaps.append(retraining)
    guardrails = [c.metric for c in project.deployment.launch_criteria]
    outcome_words = ("default", "auc", "loss", "delinquen", "error", "quality", "precision", "recall")
    if not any(any(w in m.casefold() for w in outcome_words) for m in guardrails):
        gaps.append(Gap("deployment", "deployment.launch_criteria",
                        "Launch criteria have no outcome guardrail ("
                        + (", ".join(repr(m) for m in guardrails[:4]) if guardrails else "none listed")
                        + "): the release could not be stopped on quality.", (39,),
                        _with_checks(("DE-007",), findings)))
    return gaps


def _fairness_gaps(symptom: Symptom, project: Project, findings: dict[str, FindingRef]) -> list[Gap]:
    gaps = []
    sensitive = _sensitive(project)
    bias = project.modeling.bias_testing.strip()
    if not bias:
        gaps.append(Gap("modeling", "modeling.bias_testing",
                        "Modeling.bias_testing is empty: no group, fairness metric or threshold was checked before "
                        "launch.", (27,), _with_checks(("MO-011",), findings)))
    elif symptom.subject.casefold() not in bias.casefold():
        gaps.append(Gap("modeling", "modeling.bias_testing",
                        f"Bias testing ('{_clip(bias, 80)}') does not cover {symptom.subject}.", (27,),
                        _with_checks(("MO-011",), findings)))
    if sensitive:
        named = ", ".join(f"{name} ({kind.label.lower()})" for name, kind in sensitive)
        gaps.append(Gap("data", "data.features",
                        f"Protected or proxy features in Data.features feed the model: {named}"
                        + (" with no bias testing." if not bias else "."), (),
                        _with_checks(("DA-015", "DA-016"), findings)))
    if not _signals_of(project, SignalKind.FAIRNESS):
        gaps.append(Gap("monitoring", "monitoring.signals",
                        "No fairness signal in Monitoring.signals: approval rates per group are not watched after "
                        "launch.", (10,), _with_checks(("MN-013",), findings)))
    slices = project.modeling.slices.strip()
    words = {w for name in (symptom.subject, *(n for n, _ in sensitive))
             for w in re.findall(r"[a-z]+", name.casefold()) if len(w) > 2 and w not in _GENERIC_WORDS}
    if not any(re.search(rf"\b{w}", slices.casefold()) for w in words):
        gaps.append(Gap("modeling", "modeling.slices",
                        f"Important slices ('{_clip(slices, 90) or 'none'}') include no protected group or proxy, so "
                        "quality and approval rates were never compared across them.", (),
                        _with_checks(("MO-010",), findings)))
    holdout = project.modeling.filter_holdout_percent
    if project.modeling.feedback_loop and not holdout:
        gaps.append(Gap("modeling", "modeling.filter_holdout_percent",
                        "Only approved applicants get outcomes (feedback loop) and no traffic bypasses the model "
                        f"(held out: {f'{holdout:g}%' if holdout is not None else 'not answered'}): the model never "
                        "learns that declined applicants would have repaid.", (34,),
                        _with_checks(("MO-018", "MO-013"), findings)))
    feedback = project.monitoring.feedback_collection.strip()
    if not feedback or "not receive" in feedback.casefold() or "does not" in feedback.casefold():
        gaps.append(Gap("monitoring", "monitoring.feedback_collection",
                        f"Feedback from users: '{_clip(feedback, 120) or 'not answered'}'. Complaints about unequal "
                        "treatment do not reach the model team.", (), ()))
    return gaps


GAP_READERS = {"data_drift": _data_drift_gaps, "concept_drift": _concept_gaps, "fairness": _fairness_gaps}


# ---------------------------------------------------------------- the remediation plan


def _owner(project: Project, *candidates: str) -> str:
    for candidate in candidates:
        if candidate.strip():
            return candidate.strip()
    return "to be named"


def _kinds(kinds: set[str]) -> tuple[SymptomKind, ...]:
    return tuple(sorted(kinds))  # type: ignore[arg-type]


def _plan(analysis: Analysis, project: Project) -> list[Action]:
    kinds: set[str] = {s.kind for s in analysis.symptoms}
    drifted = [s.subject for s in analysis.symptoms_of("data_drift")]
    groups = [s.subject for s in analysis.symptoms_of("fairness")]
    alert_owner = project.monitoring.alert_owner
    model_owner = _owner(project, project.modeling.gate.decided_by, project.info.owner)
    plan: list[Action] = []
    if "data_drift" in kinds:
        owners = sorted({f.owner for name in drifted if (f := _feature(project, name)) is not None and f.owner})
        plan.append(Action(
            "monitoring",
            f"Add a data-drift signal per key feature (first {', '.join(drifted)}): PSI against the training sample "
            f"each week, ticket at {PSI_MODERATE:g}, page at {PSI_MAJOR:g}, confirmed by a KS or chi-square test.",
            _owner(project, alert_owner), ("data_drift",)))
        plan.append(Action(
            "data",
            "Put a data validation layer in front of scoring: schema, ranges and missing values on every request, "
            "and the batch distribution against the training data daily; a failed check holds the batch for review.",
            _owner(project, ", ".join(owners), alert_owner), ("data_drift",)))
    if "concept_drift" in kinds:
        plan.append(Action(
            "monitoring",
            f"Add a prediction-quality signal: AUC, precision and recall on each month's matured outcomes; ticket "
            f"when AUC falls {AUC_DROP:g} below the validation AUC. Track the outcome rate per feature bin to tell "
            "concept drift from data drift.", _owner(project, alert_owner), ("concept_drift",)))
        plan.append(Action(
            "modeling",
            "Re-estimate the model on recent outcomes with a temporal split (train on older months, test on the "
            "newest) so the offline AUC predicts live AUC; measure how fast quality decays with model age.",
            model_owner, ("concept_drift",)))
        plan.append(Action(
            "problem_framing",
            "Use an earlier outcome (e.g. missed payments in the first three months) as a monitoring proxy label, so "
            "quality is known months before the 12-month default.",
            _owner(project, *(m.owner for m in project.problem_framing.business_metrics)), ("concept_drift",)))
    if kinds & {"data_drift", "concept_drift"}:
        plan.append(Action(
            "monitoring",
            "Replace the ad hoc retraining with a trigger: retrain when a drift or quality signal fires, and on a "
            "schedule no longer than the measured staleness allows; each retrained model passes the release gate.",
            _owner(project, alert_owner), _kinds(kinds & {"data_drift", "concept_drift"})))
    if "fairness" in kinds:
        protected = [name for name, kind in _sensitive(project)]
        plan.append(Action(
            "modeling",
            f"Add bias testing to the evaluation report: approval rate, TPR and FPR per group of {', '.join(groups)}; "
            f"disparate impact ratio (screen at {DI_THRESHOLD:g}) and equal opportunity difference (at most "
            f"{EO_THRESHOLD:g}) as release blockers, with legal review of what the thresholds mean for credit.",
            model_owner, ("fairness",)))
        if protected:
            plan.append(Action(
                "modeling",
                f"Retrain with fairness constraints: drop {', '.join(protected)} as inputs (keep them only to test), "
                "refresh or remove the proxy, and constrain or post-process so the equal opportunity difference "
                "stays under the threshold; compare the default rate at the same approval rate.",
                model_owner, ("fairness",)))
        plan.append(Action(
            "monitoring",
            f"Add a fairness signal: monthly approval rate per group of {', '.join(groups)} with the disparate "
            "impact ratio and, once outcomes mature, the equal opportunity difference; route complaints about "
            "unequal treatment to the model team.", _owner(project, alert_owner), ("fairness",)))
        if project.modeling.feedback_loop or project.problem_framing.acts_as_filter:
            plan.append(Action(
                "modeling",
                "Break the filter's feedback loop: approve a small random share of would-be declines (within a loss "
                "budget) and use bureau outcomes of declined applicants for reject inference, so the next model "
                "learns how declined groups really repay.", model_owner, ("fairness", "concept_drift")))
    if kinds:
        plan.append(Action(
            "deployment",
            "Release the retrained model in shadow and then as a canary, with launch criteria on outcomes (AUC, "
            "default rate at the target approval rate) and on fairness (the ratio and difference above), not only "
            "approval rate and latency.",
            _owner(project, project.deployment.gate.decided_by, alert_owner), _kinds(kinds)))
    return plan


def diagnose(analysis: Analysis, project: Project) -> Diagnosis:
    """Map every symptom of ``analysis`` to the gaps in ``project`` and draw up the remediation plan."""
    hidden = project.practice.active
    # In practice mode the checks' findings stay hidden here too: the mapping reads the plan's own answers only.
    findings, available = ({}, True) if hidden else _open_findings(project)
    mapped = []
    for symptom in analysis.symptoms:
        gaps = GAP_READERS[symptom.kind](symptom, project, findings)
        listed = {c for g in gaps for c in g.checks}
        for check_id in RELATED_CHECKS[symptom.kind]:
            ref = findings.get(check_id)
            if ref is not None and check_id not in listed:
                gaps.append(Gap(ref.phase, ref.field, f"{ref.title}: {ref.message}", ref.rules, (check_id,)))
        mapped.append(SymptomGaps(symptom, tuple(gaps)))
    return Diagnosis(project.info.name or "Untitled project", analysis, mapped, _plan(analysis, project),
                     findings, available, decision_costs(project), checks_hidden=hidden)


def decision_costs(project: Project) -> DecisionCosts | None:
    framing = project.problem_framing
    if framing.false_positive_cost is None or framing.false_negative_cost is None:
        return None
    return DecisionCosts(framing.false_positive_cost, framing.false_negative_cost,
                         framing.cost_unit.strip() or "per application")

