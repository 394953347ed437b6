"""Monitoring checks: drift and quality signals, silent failures, owners, retraining, long-term effects."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AlertAction, Project, RetrainingTrigger, SignalKind
from ..text import DEFERRED, NEGATED, Gap, asserted, mentions, numbers, sentence_at
from ..text.evaluation_sets import staleness_measured
from .facts import (
    DELAY_TOLERANCE, about_people, blank, days, evidence, label_delay, quoted, row_name, sensitive_features,
    signal_kinds, started, unowned, unsettled_plan,
)
from .finding import ANSWER, CROSS, TEXT, Severity
from .registry import Hit, check

PHASE = "monitoring"

# Checks on the *content* of the signal list wait until it has rows: an empty list is
# the Monitoring gate's finding, not one finding per missing kind.


def _blank(text: str, concept: str = "") -> bool:
    return blank(text, concept) is not None


def _has_signals(project: Project) -> bool:
    return bool(project.monitoring.signals)


def unsettled_signal(signal) -> tuple[str, str] | None:
    """(why, sentence) when a signal exists on paper only: its threshold (or name) is deferred, a placeholder or
    too vague to test ('when it looks off', 'to be defined once we have live data')."""
    for text in (signal.threshold, signal.name):
        gap = unowned(text) if text.strip() else None  # short answers: a placeholder or a deferral, not length
        if gap and gap.kind in ("placeholder", "deferred"):
            return gap.describe(), gap.sentence
    vague = asserted(signal.threshold, "vague_threshold")
    if vague and not numbers(signal.threshold):
        return f"its threshold is '{vague.words}'", signal.threshold
    return None


def _working(project: Project, kinds: set) -> list:
    """The signals of these kinds that have a real threshold."""
    return [s for s in project.monitoring.signals if s.kind in kinds and not unsettled_signal(s)]


def _paper_signal(project: Project, kinds: set) -> tuple[int, str, str] | None:
    """(index, why, sentence) of the first signal of these kinds that exists on paper only."""
    for index, signal in enumerate(project.monitoring.signals):
        if signal.kind in kinds:
            found = unsettled_signal(signal)
            if found:
                return index, *found
    return None


def _signals_named(project: Project) -> str:
    names = [row_name(signal, i) for i, signal in enumerate(project.monitoring.signals)]
    return quoted(names, limit=4)


@check("MN-001", "No data-drift monitoring", phase=PHASE, severity=Severity.BLOCKER, rules=(10,),
       refs=("ML Test Score Monitor 2",), applies=_has_signals)
def no_data_drift(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none watches the input distributions (data drift).

    When the population or an upstream source shifts, the model keeps answering with
    confidence and nothing errors; only a drift signal on the inputs reveals it early
    (Rule 10, ML Test Score Monitor 2). A warning rather than a blocker when a working signal
    watches the predictions' distribution: that sees a shifted population too, only later.
    """
    # a signal of another kind that watches the inputs' distribution (unseen categories, PSI) is a drift watch
    watched = any(asserted(f"{s.name}. {s.threshold}", "input_drift") for s in _working(project, set(SignalKind)))
    if project.monitoring.signals and SignalKind.DATA_DRIFT not in signal_kinds(project) and not watched:
        # a working watch on the predictions' distribution sees a shifted population too, only later and less
        # precisely: a gap to close, not a blind spot
        proxy = bool(_working(project, {SignalKind.PREDICTION_DISTRIBUTION}))
        yield Hit(
            message=f"None of the monitoring signals ({_signals_named(project)}) watches input data drift"
                    + (" (the watch on the predictions' distribution only shows a shift once it moves the scores)."
                       if proxy else "."),
            fix="Add a data-drift signal on the key features (e.g. PSI or Wasserstein distance against the "
                "training data) with a threshold, an action and an owner.",
            field="monitoring.signals", severity=Severity.WARNING if proxy else None,
        )


@check("MN-002", "No concept-drift or prediction-quality monitoring", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Monitor 7",), applies=_has_signals)
def no_quality_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none compares predictions with actual outcomes (concept drift or quality).

    Inputs can look stable while the relation between inputs and outcome changes; only
    quality measured against outcomes as they arrive shows the model has decayed
    (ML Test Score Monitor 7).
    """
    kinds = signal_kinds(project)
    quality = {SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_QUALITY}
    if kinds & quality and not _working(project, quality):
        index, why, sentence = _paper_signal(project, quality)
        name = row_name(project.monitoring.signals[index], index)
        yield Hit(
            message=f"The quality signal '{name}' exists on paper only ({why}): nothing measures the model against "
                    "outcomes yet.",
            fix="Give the signal a threshold on outcomes as they arrive (e.g. weekly precision on matured cases below "
                "0.8) and an action that reaches its owner.",
            field=f"monitoring.signals[{index}]", subject=name, evidence=evidence(sentence), basis=TEXT,
        )
        return
    if project.monitoring.signals and not kinds & quality:
        yield Hit(
            message=f"None of the monitoring signals ({_signals_named(project)}) measures prediction quality "
                    "against outcomes or concept drift.",
            fix="Add a signal that joins predictions with outcomes as they become known (e.g. weekly AUC or error "
                "rate on matured cases) with a threshold and an action.",
            field="monitoring.signals",
        )


@check("MN-003", "No retraining trigger", phase=PHASE, severity=Severity.WARNING, rules=(8,),
       refs=("ML Test Score Monitor 4",), reads=("monitoring.retraining_cadence",))
def no_retraining(project: Project) -> Iterator[Hit]:
    """No retraining is planned, or it happens only when someone decides to.

    Every model ages; without a schedule or a signal-driven trigger it silently goes stale
    (Rule 8, ML Test Score Monitor 4). Also read from a cadence that puts retraining off until
    someone has a free sprint or the roadmap allows, whatever the trigger answer says.
    """
    monitoring = project.monitoring
    trigger = monitoring.retraining_trigger
    cadence = monitoring.retraining_cadence
    if trigger not in (None, RetrainingTrigger.NONE, RetrainingTrigger.AD_HOC) and cadence.strip():
        gap = unsettled_plan(cadence)
        casual = asserted(cadence, "ad_hoc_cadence")
        if casual and not (gap and gap.kind == "deferred"):
            gap = Gap("deferred", casual.sentence)
        if gap and gap.kind == "deferred":
            yield Hit(
                message=f"Retraining waits until someone has time ({gap.describe()}), whatever the trigger "
                        f"'{trigger.label}' says.",
                fix="Retrain on a schedule matched to how fast the model goes stale, or automatically when a drift or "
                    "quality signal fires, with the time to do it planned in.",
                field="monitoring.retraining_cadence", evidence=evidence(gap.sentence), basis=CROSS,
            )
            return
    if trigger in (RetrainingTrigger.NONE, RetrainingTrigger.AD_HOC):
        yield Hit(
            message=f"The retraining trigger is '{trigger.label}': the model will go stale unnoticed.",
            fix="Retrain on a schedule matched to how fast the model goes stale, or when a drift or quality signal "
                "fires.",
            field="monitoring.retraining_trigger",
        )


@check("MN-004", "Alerts with no real owner", phase=PHASE, severity=Severity.BLOCKER, rules=(10,),
       refs=("ML Test Score Monitor 7",), reads=("monitoring.alert_owner", "monitoring.signals[*].owner"))
def alert_owner_placeholder(project: Project) -> Iterator[Hit]:
    """The alert owner, or the owner of a signal, is 'TBD', 'nobody', or an owner still to be confirmed ('the
    platform team will pick someone', 'pending agreement with SRE').

    An alert nobody is answerable for is a silent failure with extra steps; each signal
    and the model as a whole need a named person or rota (Rule 10). A blocker when nobody is
    named; a warning when a team is named but the person or rota is still to be agreed, or
    the owner is a channel or mailbox. Empty owners are reported by the gate check.
    """
    monitoring = project.monitoring
    fix = "Name the person or on-call rota answerable for the model, agreed with them."
    owner = monitoring.alert_owner
    gap = unowned(owner)
    if gap:
        yield Hit(
            message=f"The alert owner is not a confirmed person or rota ({gap.describe()}): nobody answers for the "
                    "model in production.",
            fix=fix, field="monitoring.alert_owner", evidence=evidence(gap.sentence), basis=TEXT,
            severity=None if gap.kind in ("placeholder", "denied") else Severity.WARNING,
        )
    for index, signal in enumerate(monitoring.signals):
        gap = unowned(signal.owner)
        if gap:
            name = row_name(signal, index)
            yield Hit(
                message=f"Signal '{name}' has no confirmed owner ({gap.describe()}): nobody acts when it fires.",
                fix=f"Name who is alerted by '{name}'.",
                field=f"monitoring.signals[{index}].owner",
                subject=name,
                evidence=evidence(gap.sentence),
                basis=TEXT,
            )


def retraining_interval(project: Project) -> tuple[float, str, str] | None:
    """The retraining interval in days, the answer it came from, and the sentence when read from the cadence text."""
    monitoring = project.monitoring
    if monitoring.retraining_interval_days is not None:
        return monitoring.retraining_interval_days, "monitoring.retraining_interval_days", ""
    text = monitoring.retraining_cadence
    for q in numbers(text):
        if q.days is not None and (q.cadence or q.comparator == ""):
            return q.days, "monitoring.retraining_cadence", sentence_at(text, q.start)
    return None


@check("MN-005", "Staleness impact or cadence unknown", phase=PHASE, severity=Severity.WARNING, rules=(8,),
       refs=("ML Test Score Model 4",), reads=("monitoring.staleness_impact", "monitoring.retraining_cadence"))
def staleness_unknown(project: Project) -> Iterator[Hit]:
    """The impact of a stale model is unknown, a guess or put off, or retraining is scheduled with no cadence.

    How fast quality drops with model age decides how often to retrain and how urgent a
    broken pipeline is (Rule 8, ML Test Score Model 4). An answer that says it was 'not yet
    measured', is 'probably fine' or 'an assumption', or will be looked at later, counts as
    unknown; a remark that things 'move slowly' beside a back-test that measured the decay does not.
    """
    monitoring = project.monitoring
    impact = monitoring.staleness_impact
    gap = unsettled_plan(impact) if impact.strip() else None
    guess = asserted(impact, "unmeasured")
    if guess and not gap and staleness_measured(impact):
        guess = None  # 'pay moves slowly week to week' beside a back-test that measured the decay
    if gap or guess:
        sentence = gap.sentence if gap else guess.sentence
        yield Hit(
            message="The impact of a stale model is not measured"
                    + (f" ({gap.describe()})." if gap else f" ('{guess.words}')."),
            fix="Estimate it: train on older data and measure today's quality for models a day, a week and a "
                "quarter old.",
            field="monitoring.staleness_impact",
            evidence=evidence(sentence),
            basis=TEXT,
        )
    if monitoring.retraining_trigger is RetrainingTrigger.SCHEDULE and retraining_interval(project) is None:
        quote = evidence(monitoring.retraining_cadence) if monitoring.retraining_cadence.strip() else ""
        yield Hit(
            message="Retraining is on a schedule, but the cadence is not given.",
            fix="State the cadence (e.g. every 30 days) and check it against the staleness impact and the label "
                "delay.",
            field="monitoring.retraining_interval_days",
            evidence=quote,
            basis=TEXT if quote else ANSWER,
        )


@check("MN-006", "No watch for silent failures", phase=PHASE, severity=Severity.WARNING, rules=(10,),
       refs=("ML Test Score Monitor 2",), applies=_has_signals)
def no_coverage_or_freshness(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none watches feature coverage or data freshness.

    A stale joined table or a feature whose coverage drops degrades the model gradually
    without any error (Rule 10).
    """
    kinds = signal_kinds(project)
    named = any(asserted(f"{s.name} {s.threshold}", "coverage_words") for s in project.monitoring.signals)
    # comparing served features with recomputed ones catches a feature gone missing at serving, though not a
    # source table gone stale for both: then the gap is a tip
    compared = bool(_working(project, {SignalKind.TRAINING_SERVING_SKEW}))
    if project.monitoring.signals and not kinds & {SignalKind.FEATURE_COVERAGE, SignalKind.FRESHNESS} and not named:
        yield Hit(
            message="No signal watches feature coverage (missing values) or the freshness of input tables"
                    + (" (the served-versus-recomputed comparison catches missing values at serving, not a source "
                       "that stopped updating)." if compared else "."),
            fix="Add a signal on the share of missing values per key feature and on the last update time of each "
                "source.",
            field="monitoring.signals",
            severity=Severity.ADVICE if compared else None,
        )


@check("MN-007", "No periodic manual inspection", phase=PHASE, severity=Severity.ADVICE, rules=(10,),
       reads=("monitoring.manual_inspection",))
def no_manual_inspection(project: Project) -> Iterator[Hit]:
    """Nobody is planned to look at live predictions and inputs from time to time, the answer says nobody does, or
    it puts the decision off.

    Some failures are obvious to a person reading a sample of predictions long before any
    metric moves (Rule 10). Only reported once the Monitoring phase is started.
    """
    monitoring = project.monitoring
    text = monitoring.manual_inspection
    if not started(monitoring):
        return
    nobody = asserted(text, "nobody_reviews")
    gap = blank(text, "manual_inspection")
    if nobody or gap:
        sentence = nobody.sentence if nobody else gap.sentence
        yield Hit(
            message="Periodic manual inspection of live predictions is missing or partial"
                    + (f" ('{nobody.words}')." if nobody else f" ({gap.describe()})."),
            fix="Name who reviews a sample of live predictions and inputs, and how often.",
            field="monitoring.manual_inspection",
            evidence=evidence(sentence),
            basis=TEXT if sentence else ANSWER,
        )


@check("MN-008", "Training/serving skew not measured", phase=PHASE, severity=Severity.WARNING, rules=(37,),
       refs=("ML Test Score Monitor 3",), applies=_has_signals)
def no_skew_signal(project: Project) -> Iterator[Hit]:
    """Monitoring signals are listed, but none compares training, holdout and live performance or feature values.

    A gap between holdout and live quality usually means an engineering bug; tracking it
    is the way to find one (Rule 37, ML Test Score Monitor 3).
    """
    skew = {SignalKind.TRAINING_SERVING_SKEW}
    if SignalKind.TRAINING_SERVING_SKEW in signal_kinds(project) and not _working(project, skew):
        index, why, sentence = _paper_signal(project, skew)
        name = row_name(project.monitoring.signals[index], index)
        yield Hit(
            message=f"The skew signal '{name}' exists on paper only ({why}).",
            fix="Compare feature values and quality between training, holdout and live traffic with a fixed "
                "threshold, and alert on the gap.",
            field=f"monitoring.signals[{index}]", subject=name, evidence=evidence(sentence), basis=TEXT,
        )
        return
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


@check("MN-010", "No objective review", phase=PHASE, severity=Severity.ADVICE, rules=(38,),
       reads=("monitoring.objective_review",))
def no_objective_review(project: Project) -> Iterator[Hit]:
    """There is no periodic check of the training objective against the product goals.

    When gains stall because the objective and the product goal have drifted apart, more
    features will not help (Rule 38). Only reported once the Monitoring phase is started.
    """
    monitoring = project.monitoring
    if started(monitoring) and _blank(monitoring.objective_review):
        gap = blank(monitoring.objective_review)
        yield Hit(
            evidence=evidence(gap.sentence) if gap else "",
            basis=TEXT if gap and gap.sentence else ANSWER,
            message="No periodic review of the training objective against the product goals is planned.",
            fix="Review, e.g. quarterly, whether the objective still moves the business metrics.",
            field="monitoring.objective_review",
        )


@check("MN-011", "Upstream changes not notified", phase=PHASE, severity=Severity.ADVICE,
       refs=("ML Test Score Monitor 1",), applies=_has_signals)
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
       refs=("ML Test Score Monitor 6",), applies=_has_signals)
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
       refs=("ML Test Score Model 7", "Fairness"), applies=lambda p: bool(p.monitoring.signals and sensitive_features(p)))
def no_fairness_signal(project: Project) -> Iterator[Hit]:
    """Protected attributes or likely proxies are used and tested for bias before launch, but no monitoring signal
    watches fairness across groups afterwards.

    A model fair at launch can drift into unequal treatment as the population changes;
    the groups tested before launch should be watched after it. Quiet when the bias testing
    itself says it is repeated in production; with no bias testing at all, MO-011 comes first
    and this is a tip (the groups to watch are not known yet).
    """
    sensitive = sensitive_features(project)
    tested = not unsettled_plan(project.modeling.bias_testing, "bias_test")
    # for a decision about people, monitoring prose that waves fairness off (denies it, defers it, leaves it to a
    # yearly audit) is a gap of its own, whether or not testing came first
    waved = _fairness_waved(project) if about_people(project) else None
    ongoing = tested and asserted(project.modeling.bias_testing, "ongoing")
    if sensitive and project.monitoring.signals and SignalKind.FAIRNESS not in signal_kinds(project) \
            and not ongoing:
        names = [item.name for item in sensitive]
        yield Hit(
            message=f"{quoted(names)} feed the model, but no monitoring signal compares outcomes across groups.",
            fix="Add a fairness signal (the metric used in bias testing, per group) with a threshold and an owner.",
            field="monitoring.signals",
            severity=None if tested or waved else Severity.ADVICE,
            evidence=evidence(waved) if waved else "", basis=TEXT if waved else ANSWER,
        )


_YEARLY = re.compile(r"\b(?:annual(?:ly)?|yearly|once\s+a\s+year|every\s+year|each\s+year)\b", re.IGNORECASE)


def _fairness_waved(project: Project) -> str:
    """The monitoring sentence that denies or defers watching groups, or leaves it to a yearly audit; or ''."""
    monitoring = project.monitoring
    for text in (monitoring.manual_inspection, monitoring.feedback_collection):
        for mention in mentions(text, "bias_test"):
            if mention.polarity in (NEGATED, DEFERRED):
                return mention.sentence
            if mention.asserted and _YEARLY.search(mention.sentence):
                return mention.sentence
    return ""


_MUST_ACT = frozenset({
    SignalKind.DATA_DRIFT, SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_QUALITY, SignalKind.TRAINING_SERVING_SKEW,
    SignalKind.FAIRNESS,
})


@check("MN-014", "Drift or quality signal only on a dashboard", phase=PHASE, severity=Severity.WARNING,
       rules=(10,), refs=("ML Test Score Monitor 2", "ML Test Score Monitor 7"), applies=_has_signals)
def dashboard_only(project: Project) -> Iterator[Hit]:
    """A drift, quality, skew or fairness signal's only action is a dashboard.

    A dashboard nobody is paged or ticketed about is looked at after the damage is done;
    signals that mean the model is going wrong need an action that reaches a person or a
    pipeline (Rule 10).
    """
    for index, signal in enumerate(project.monitoring.signals):
        vague = asserted(signal.threshold, "vague_threshold")
        # predicted against observed is a quality signal whatever its kind says
        must_act = signal.kind in _MUST_ACT or (signal.kind is SignalKind.PREDICTION_DISTRIBUTION and asserted(
            f"{signal.name}. {signal.threshold}", "calibration_words"))
        if must_act and vague and not numbers(signal.threshold) \
                and signal.action is not AlertAction.DASHBOARD:
            name = row_name(signal, index)
            yield Hit(
                message=f"Signal '{name}' fires '{signal.threshold.strip()}': nobody can tell when it has fired.",
                fix=f"Give '{name}' a number to compare with (e.g. PSI above 0.2, weekly precision below 0.8).",
                field=f"monitoring.signals[{index}].threshold", subject=name, evidence=evidence(signal.threshold),
                basis=TEXT,
            )
            continue
        if must_act and signal.action is AlertAction.DASHBOARD:
            name = row_name(signal, index)
            kind = signal.kind.label.split(' (')[0].lower() if signal.kind in _MUST_ACT else "calibration"
            yield Hit(
                message=f"Signal '{name}' ({kind}) only updates a dashboard: "
                        "nobody is told when it fires.",
                fix=f"Give '{name}' an action that reaches its owner (ticket, page) or starts retraining.",
                field=f"monitoring.signals[{index}].action",
                subject=name,
            )


@check("MN-015", "Retraining more often than outcomes arrive", phase=PHASE, severity=Severity.WARNING, rules=(8,),
       refs=("Label delay", "ML Test Score Monitor 4"),
       applies=lambda p: retraining_interval(p) is not None and label_delay(p) is not None)
def retraining_faster_than_labels(project: Project) -> Iterator[Hit]:
    """Retraining is planned more often than the time it takes for an outcome to be known.

    Each run can only learn from examples whose outcome has arrived; retraining every week
    on a label that takes two months refits nearly the same data (cost without fresher
    labels), and cannot react to a change sooner than the label delay allows (Rule 8). Match
    the cadence to how fast labels mature, or plan faster proxy labels and monitoring for
    the gap. Quiet when the cadence says each run learns only from cases whose outcome is in
    ('on cohorts at least 95 days old', 'on contracts whose review has closed').
    """
    interval = retraining_interval(project)
    found = label_delay(project)
    if interval is None or found is None:
        return
    every, field, sentence = interval
    delay, _ = found
    if asserted(project.monitoring.retraining_cadence, "matured_only"):
        return  # each run learns only from cases whose outcome is in: a run more often than the delay is sound
    if every < delay * DELAY_TOLERANCE:
        yield Hit(
            message=f"Retraining every {days(every)} while outcomes take {days(delay)} to be known: each run adds "
                    "few newly labelled examples, and a change in the world reaches the model no sooner than the "
                    "label delay.",
            fix=f"Retrain at about the pace labels mature (every {days(delay)} or more), or add an earlier proxy "
                "label and monitor quality on it in between.",
            field=field,
            evidence=evidence(sentence),
            basis=CROSS,
        )
