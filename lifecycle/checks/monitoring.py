"""Monitoring checks: drift and quality signals, silent failures, owners, retraining, long-term effects."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AlertAction, Project, RetrainingTrigger, SignalKind
from .facts import placeholder, quoted, row_name, sensitive_features, signal_kinds, started
from .finding import Severity
from .registry import Hit, check

PHASE = "monitoring"

# Checks on the *content* of the signal list wait until it has rows: an empty list is
# the Monitoring gate's finding, not one finding per missing kind.


def _blank(text: str) -> bool:
    return not text.strip() or placeholder(text)


_UNMEASURED = re.compile(r"\b(?:not\s+(?:yet\s+)?(?:measured|tested|estimated|checked|known)|unmeasured|a\s+guess)\b",
                         re.IGNORECASE)
_NOBODY_LOOKS = re.compile(r"\b(?:nobody|no\s+one|no-one)\s+(?:\w+\s+)?(?:reviews?|looks?|checks?|inspects?|reads?)\b",
                           re.IGNORECASE)


def _signals_named(project: Project) -> str:
    names = [row_name(signal, i) for i, signal in enumerate(project.monitoring.signals)]
    return quoted(names, limit=4)


@check("MN-001", "No data-drift monitoring", phase=PHASE, severity=Severity.BLOCKER, rules=(10,),
       refs=("ML Test Score Monitor 2",))
def no_data_drift(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none watches the input distributions (data drift).

    When the population or an upstream source shifts, the model keeps answering with
    confidence and nothing errors; only a drift signal on the inputs reveals it early
    (Rule 10, ML Test Score Monitor 2).
    """
    if project.monitoring.signals and SignalKind.DATA_DRIFT not in signal_kinds(project):
        yield Hit(
            message=f"None of the monitoring signals ({_signals_named(project)}) watches input data drift.",
            fix="Add a data-drift signal on the key features (e.g. PSI or Wasserstein distance against the "
                "training data) with a threshold, an action and an owner.",
            field="monitoring.signals",
        )


@check("MN-002", "No concept-drift or prediction-quality monitoring", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Monitor 7",))
def no_quality_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none compares predictions with actual outcomes (concept drift or quality).

    Inputs can look stable while the relation between inputs and outcome changes; only
    quality measured against outcomes as they arrive shows the model has decayed
    (ML Test Score Monitor 7).
    """
    kinds = signal_kinds(project)
    if project.monitoring.signals and not kinds & {SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_QUALITY}:
        yield Hit(
            message=f"None of the monitoring signals ({_signals_named(project)}) measures prediction quality "
                    "against outcomes or concept drift.",
            fix="Add a signal that joins predictions with outcomes as they become known (e.g. weekly AUC or error "
                "rate on matured cases) with a threshold and an action.",
            field="monitoring.signals",
        )


@check("MN-003", "No retraining trigger", phase=PHASE, severity=Severity.WARNING, rules=(8,),
       refs=("ML Test Score Monitor 4",))
def no_retraining(project: Project) -> Iterator[Hit]:
    """No retraining is planned, or it happens only when someone decides to.

    Every model ages; without a schedule or a signal-driven trigger it silently goes stale
    (Rule 8, ML Test Score Monitor 4).
    """
    trigger = project.monitoring.retraining_trigger
    if trigger in (RetrainingTrigger.NONE, RetrainingTrigger.AD_HOC):
        yield Hit(
            message=f"The retraining trigger is '{trigger.label}': the model will go stale unnoticed.",
            fix="Retrain on a schedule matched to how fast the model goes stale, or when a drift or quality signal "
                "fires.",
            field="monitoring.retraining_trigger",
        )


@check("MN-004", "Alerts with no real owner", phase=PHASE, severity=Severity.BLOCKER, rules=(10,),
       refs=("ML Test Score Monitor 7",))
def alert_owner_placeholder(project: Project) -> Iterator[Hit]:
    """The alert owner, or the owner of a signal, is 'TBD', 'nobody' or a similar placeholder.

    An alert nobody is answerable for is a silent failure with extra steps; each signal
    and the model as a whole need a named person or rota (Rule 10). Empty owners are
    reported by the gate check.
    """
    monitoring = project.monitoring
    if placeholder(monitoring.alert_owner) or monitoring.alert_owner.strip().lower() in ("nobody", "no one"):
        yield Hit(
            message=f"The alert owner is '{monitoring.alert_owner.strip()}': nobody answers for the model in "
                    "production.",
            fix="Name the person or on-call rota answerable for the model.",
            field="monitoring.alert_owner",
        )
    for index, signal in enumerate(monitoring.signals):
        owner = signal.owner.strip()
        if owner and (placeholder(owner) or owner.lower() in ("nobody", "no one")):
            name = row_name(signal, index)
            yield Hit(
                message=f"Signal '{name}' alerts '{owner}': nobody acts when it fires.",
                fix=f"Name who is alerted by '{name}'.",
                field=f"monitoring.signals[{index}].owner",
                subject=name,
            )


@check("MN-005", "Staleness impact or cadence unknown", phase=PHASE, severity=Severity.WARNING, rules=(8,),
       refs=("ML Test Score Model 4",))
def staleness_unknown(project: Project) -> Iterator[Hit]:
    """The impact of a stale model is unknown or admitted unmeasured, or retraining is scheduled with no cadence.

    How fast quality drops with model age decides how often to retrain and how urgent a
    broken pipeline is (Rule 8, ML Test Score Model 4). An answer that says it was 'not
    yet measured' or is 'a guess' counts as unknown.
    """
    monitoring = project.monitoring
    impact = monitoring.staleness_impact.strip()
    if placeholder(impact) or _UNMEASURED.search(impact):
        shown = impact if len(impact) <= 80 else impact[:77] + "..."
        yield Hit(
            message=f"The impact of a stale model is not measured ('{shown}').",
            fix="Estimate it: train on older data and measure today's quality for models a day, a week and a "
                "quarter old.",
            field="monitoring.staleness_impact",
        )
    if monitoring.retraining_trigger is RetrainingTrigger.SCHEDULE and _blank(monitoring.retraining_cadence):
        yield Hit(
            message="Retraining is on a schedule, but the cadence is not given.",
            fix="State the cadence (e.g. monthly) and check it against the staleness impact.",
            field="monitoring.retraining_cadence",
        )


@check("MN-006", "No watch for silent failures", phase=PHASE, severity=Severity.WARNING, rules=(10,),
       refs=("ML Test Score Monitor 2",))
def no_coverage_or_freshness(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none watches feature coverage or data freshness.

    A stale joined table or a feature whose coverage drops degrades the model gradually
    without any error (Rule 10).
    """
    kinds = signal_kinds(project)
    if project.monitoring.signals and not kinds & {SignalKind.FEATURE_COVERAGE, SignalKind.FRESHNESS}:
        yield Hit(
            message="No signal watches feature coverage (missing values) or the freshness of input tables.",
            fix="Add a signal on the share of missing values per key feature and on the last update time of each "
                "source.",
            field="monitoring.signals",
        )


@check("MN-007", "No periodic manual inspection", phase=PHASE, severity=Severity.ADVICE, rules=(10,))
def no_manual_inspection(project: Project) -> Iterator[Hit]:
    """Nobody is planned to look at live predictions and inputs from time to time, or the answer says nobody does.

    Some failures are obvious to a person reading a sample of predictions long before any
    metric moves (Rule 10). Only reported once the Monitoring phase is started.
    """
    monitoring = project.monitoring
    text = monitoring.manual_inspection
    if started(monitoring) and (_blank(text) or _NOBODY_LOOKS.search(text)):
        gap = f"'{_NOBODY_LOOKS.search(text)[0]}'" if text.strip() and not _blank(text) else "not planned"
        yield Hit(
            message=f"Periodic manual inspection of live predictions is missing or partial ({gap}).",
            fix="Name who reviews a sample of live predictions and inputs, and how often.",
            field="monitoring.manual_inspection",
        )


@check("MN-008", "Training/serving skew not measured", phase=PHASE, severity=Severity.WARNING, rules=(37,),
       refs=("ML Test Score Monitor 3",))
def no_skew_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none compares training, holdout and live performance or feature values.

    A gap between holdout and live quality usually means an engineering bug; tracking it
    is the way to find one (Rule 37, ML Test Score Monitor 3).
    """
    if project.monitoring.signals and SignalKind.TRAINING_SERVING_SKEW not in signal_kinds(project):
        yield Hit(
            message="No signal measures training/serving skew (training vs holdout vs live).",
            fix="Compare feature values and quality between training, holdout and live traffic and alert on the "
                "gap.",
            field="monitoring.signals",
        )


@check("MN-009", "No long-term holdout", phase=PHASE, severity=Severity.ADVICE, rules=(28,))
def no_long_term_holdout(project: Project) -> Iterator[Hit]:
    """No slice of users is kept on the old system to see long-term effects (answered 'no', or not stated).

    A model can match production in short tests and still differ over months, e.g. by
    never surfacing new items (Rule 28). An unanswered holdout is not reported when the
    team has said it cannot A/B test.
    """
    monitoring = project.monitoring
    unstated = (
        monitoring.long_term_holdout is None
        and project.problem_framing.ab_testing_available is not False
        and started(monitoring)
    )
    if monitoring.long_term_holdout is False or unstated:
        yield Hit(
            message="No long-term holdout is kept, so long-term effects of the model cannot be measured.",
            fix="Keep a small share of users on the previous system for months and compare long-horizon metrics.",
            field="monitoring.long_term_holdout",
        )


@check("MN-010", "No objective review", phase=PHASE, severity=Severity.ADVICE, rules=(38,))
def no_objective_review(project: Project) -> Iterator[Hit]:
    """There is no periodic check of the training objective against the product goals.

    When gains stall because the objective and the product goal have drifted apart, more
    features will not help (Rule 38). Only reported once the Monitoring phase is started.
    """
    monitoring = project.monitoring
    if started(monitoring) and _blank(monitoring.objective_review):
        yield Hit(
            message="No periodic review of the training objective against the product goals is planned.",
            fix="Review, e.g. quarterly, whether the objective still moves the business metrics.",
            field="monitoring.objective_review",
        )


@check("MN-011", "Upstream changes not notified", phase=PHASE, severity=Severity.ADVICE,
       refs=("ML Test Score Monitor 1",))
def no_dependency_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none notifies the team of upstream dependency changes.

    A changed source schema or semantics breaks features silently; owners of sources
    should notify the model's team (ML Test Score Monitor 1).
    """
    if project.monitoring.signals and SignalKind.DEPENDENCY_CHANGE not in signal_kinds(project):
        sources = [row_name(source, i) for i, source in enumerate(project.data.sources)]
        of = f" of {quoted(sources, limit=3)}" if sources else ""
        yield Hit(
            message=f"No signal notifies the team when the upstream sources{of} change.",
            fix="Subscribe to change notices from source owners or alert on schema changes of the inputs.",
            field="monitoring.signals",
        )


@check("MN-012", "Computing performance not monitored", phase=PHASE, severity=Severity.ADVICE,
       refs=("ML Test Score Monitor 6",))
def no_latency_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none watches latency, throughput or resource use.

    Slow leaks in serving latency or memory show up as timeouts and cost long before
    anyone looks (ML Test Score Monitor 6).
    """
    kinds = signal_kinds(project)
    if project.monitoring.signals and not kinds & {SignalKind.LATENCY, SignalKind.RESOURCES}:
        yield Hit(
            message="No signal watches serving latency, throughput or resource use.",
            fix="Add latency (e.g. p99) and resource signals with thresholds tied to the latency budget.",
            field="monitoring.signals",
        )


@check("MN-013", "Fairness not monitored in production", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Model 7", "Fairness"))
def no_fairness_signal(project: Project) -> Iterator[Hit]:
    """Protected attributes or likely proxies are used, but no monitoring signal watches fairness across groups.

    A model fair at launch can drift into unequal treatment as the population changes;
    the groups tested before launch should be watched after it.
    """
    sensitive = sensitive_features(project)
    if sensitive and project.monitoring.signals and SignalKind.FAIRNESS not in signal_kinds(project):
        names = [name for _, _, name in sensitive]
        yield Hit(
            message=f"{quoted(names)} feed the model, but no monitoring signal compares outcomes across groups.",
            fix="Add a fairness signal (the metric used in bias testing, per group) with a threshold and an owner.",
            field="monitoring.signals",
        )


_MUST_ACT = frozenset({
    SignalKind.DATA_DRIFT, SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_QUALITY, SignalKind.TRAINING_SERVING_SKEW,
    SignalKind.FAIRNESS,
})


@check("MN-014", "Drift or quality signal only on a dashboard", phase=PHASE, severity=Severity.WARNING,
       rules=(10,), refs=("ML Test Score Monitor 2", "ML Test Score Monitor 7"))
def dashboard_only(project: Project) -> Iterator[Hit]:
    """A drift, quality, skew or fairness signal's only action is a dashboard.

    A dashboard nobody is paged or ticketed about is looked at after the damage is done;
    signals that mean the model is going wrong need an action that reaches a person or a
    pipeline (Rule 10).
    """
    for index, signal in enumerate(project.monitoring.signals):
        if signal.kind in _MUST_ACT and signal.action is AlertAction.DASHBOARD:
            name = row_name(signal, index)
            yield Hit(
                message=f"Signal '{name}' ({signal.kind.label.split(' (')[0].lower()}) only updates a dashboard: "
                        "nobody is told when it fires.",
                fix=f"Give '{name}' an action that reaches its owner (ticket, page) or starts retraining.",
                field=f"monitoring.signals[{index}].action",
                subject=name,
            )
