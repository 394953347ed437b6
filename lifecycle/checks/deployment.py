"""Deployment checks: rollback, pre-export quality gate, gradual rollout, skew-safe serving, launch criteria."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Comparator, InfraTest, Project, RollbackMechanism, RolloutStrategy, ServingMode
from ..text import ASSERTED, DEFERRED, Gap, Mention, analyse, asserted, cues, mentions, numbers, sentence_at
from ..text.analysis import clause_at, deferred_after
from ..text.code import LANGUAGES, display_name, language_families, one_code_path
from ..text.metrics import parse_metric, same_metric
from ..text.rollout import SHADOW, controlled_first_step, names_a_step, time_taken
from .facts import (
    about_people, all_asserted, blank, evidence, first_asserted, placeholder, row_name, started, texts_of, unsettled_plan,
)
from .finding import ANSWER, CROSS, TEXT, Severity
from .modeling import beats, is_overall, majority_share, threshold_value
from .registry import Hit, check

PHASE = "deployment"
ONLINE_MODES = (ServingMode.ONLINE, ServingMode.STREAMING, ServingMode.EDGE)


def _blank(text: str, concept: str = "") -> bool:
    return blank(text, concept) is not None


def _gap_evidence(text: str, concept: str = "") -> tuple[str, str]:
    gap = blank(text, concept)
    if gap and gap.sentence:
        return evidence(gap.sentence), TEXT
    return "", ANSWER


@check("DE-001", "No rollback plan", phase=PHASE, severity=Severity.BLOCKER, refs=("ML Test Score Infra 7",),
       reads=("deployment.rollback_plan",))
def no_rollback(project: Project) -> Iterator[Hit]:
    """There is no way back to the previous model: the mechanism is 'No rollback', or the rollback plan says there
    is none or puts it off ('to be agreed with the platform team', 'we will decide later').

    A model that misbehaves in production must be replaceable by the previous version
    quickly and by a named person; without that, every release is a one-way door
    (ML Test Score Infra 7). An empty answer is reported by the gate check instead; an answer
    that merely starts with 'None' or 'No' ("None of the steps needs approval; rollback is
    one command") is read as the plan it describes.
    """
    deployment = project.deployment
    fix = ("Keep the previous model deployable and say how to switch back (e.g. a registry alias or a traffic "
           "switch), how fast, and who may trigger it; rehearse it once.")
    if deployment.rollback_mechanism is RollbackMechanism.NONE:
        yield Hit(message="The rollback mechanism is 'No rollback': a bad model could not be taken back quickly.",
                  fix=fix, field="deployment.rollback_mechanism")
        return
    plan = deployment.rollback_plan
    gap = unsettled_plan(plan, "rollback")
    ignored = asserted(plan, "ignore_output")
    # 'if we need to undo it, people can ignore the ranking' names undoing only as the condition
    if not gap and ignored and not any(m.asserted and m.sentence != ignored.sentence
                                       for m in mentions(plan, "rollback")):
        gap = Gap("ignore", ignored.sentence)
    if plan.strip() and gap:
        chosen = deployment.rollback_mechanism
        yield Hit(
            message=f"The rollback plan does not give one ({gap.describe()})"
                    + (f", although the mechanism is '{chosen.label}'" if chosen else "")
                    + ": a bad model could not be taken back quickly.",
            fix=fix, field="deployment.rollback_plan", evidence=evidence(gap.sentence),
            basis=CROSS if chosen else TEXT,
        )


@check("DE-002", "No pre-export quality gate", phase=PHASE, severity=Severity.BLOCKER, rules=(9,),
       refs=("ML Test Score Infra 4",), reads=("deployment.quality_gate",))
def no_quality_gate(project: Project) -> Iterator[Hit]:
    """The pre-release quality gate says there is none, that it is not enforced yet ('automation to follow; for
    now the team eyeballs the metrics'), or that a failing model can still be waved through (a committee may
    approve it anyway, the results are informational, someone gives a thumbs-up).

    Sanity checks on held-out quality at export time stop a broken model before users see
    it (Rule 9, ML Test Score Infra 4). With no gate rows it is a blocker. Gate rows whose
    notes say a miss can still be approved, or that only a person reads the numbers, are a
    warning, and a blocker where the model decides about people (credit, claims, care…).
    Notes that describe what the gate computes and where its results go, but never say that
    a failing model is stopped (not promoted, the alias stays, the build fails), are a warning:
    a gate is defined by what happens on a miss. An empty answer is reported by the gate check.
    """
    deployment = project.deployment
    notes = deployment.quality_gate
    gap = unsettled_plan(notes, "quality_gate") if notes.strip() else None
    soft = asserted(notes, "gate_overridable")
    if not soft and not asserted(notes, "quality_gate"):
        soft = asserted(notes, "manual_gate")  # a person reading the numbers is the gate only when nothing blocks
    if soft and not gap:
        gap = Gap("soft", soft.sentence)
    silent = bool(notes.strip()) and not gap and not asserted(notes, "gate_blocks")
    if silent:
        # what the gate computes is described, but not what happens to a model that fails it
        gap = Gap("silent", analyse(notes).sentences[0].text)
    if not notes.strip() or not gap:
        return
    rows = deployment.quality_gate_checks
    if silent:
        message = ("The pre-release quality gate's notes describe what is computed and where it is shown, but never "
                   "say that a model failing a check is stopped: nothing shows that a broken model would be held back.")
    else:
        message = (("The pre-release quality gate has rows, but its notes say it is not enforced"
                    if rows else "There is no pre-release quality gate")
                   + f" ({gap.describe()}): a broken model would be exported unchecked.")
    yield Hit(
        message=message,
        fix="Block export unless held-out metrics (e.g. AUC, precision at threshold) meet a fixed threshold and do "
            "not drop against the current model, and run that check automatically in the release pipeline.",
        field="deployment.quality_gate",
        evidence=evidence(gap.sentence),
        basis=CROSS if rows else TEXT,
        # rows that can be waved through still warn; where the model decides about people it is no gate at all
        severity=Severity.WARNING if silent or (rows and not about_people(project)) else None,
    )


@check("DE-003", "Released to everyone at once", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Infra 6",), reads=("deployment.rollout_plan",))
def all_at_once(project: Project) -> Iterator[Hit]:
    """The rollout is all at once: no canary, shadow or staged release.

    Releasing to a small share of traffic (or in shadow) first catches serving problems
    while they affect few users (ML Test Score Infra 6). Also read from a rollout plan that
    switches every store, ward or user on the same day, whatever the strategy answer says, and
    from a blue/green switch whose plan has no shadow, canary or staged step: blue/green makes
    going back quick, but the switch itself sends all traffic to the new model at once.
    """
    deployment = project.deployment
    fix = "Run in shadow or on a small canary share first, with a bake time and stop criteria, then ramp up."
    if deployment.rollout_strategy is RolloutStrategy.ALL_AT_ONCE:
        yield Hit(
            message="The model is released to all traffic at once: a serving bug or bad model hits every user.",
            fix=fix, field="deployment.rollout_strategy",
        )
        return
    if deployment.rollout_strategy is RolloutStrategy.BLUE_GREEN and not names_a_step(deployment.rollout_plan):
        yield Hit(
            message="The rollout is a blue/green switch with no shadow, canary or staged step in its plan: the switch "
                    "moves all traffic to the new model at once; it only makes going back quick.",
            fix=fix, field="deployment.rollout_strategy",
        )
        return
    everyone = asserted(deployment.rollout_plan, "all_at_once") or _large_first_step(deployment.rollout_plan)
    if everyone:
        strategy = deployment.rollout_strategy
        yield Hit(
            message=f"The rollout plan sends everyone to the new model at once ('{everyone.words}')"
                    + (f", although the strategy is '{strategy.label}'" if strategy else "") + ".",
            fix=fix, field="deployment.rollout_plan", evidence=evidence(everyone.sentence),
            basis=CROSS if strategy else TEXT,
        )


def _large_first_step(plan: str) -> Mention | None:
    """The rollout's first exposed share when it is over a quarter of the traffic ('50% of searches from day
    one', 'all of our two biggest markets, 58% of revenue'): a canary in name only. Shares in shadow do not count;
    up to half is a cautious step when the rest is kept as a comparison and a stop rule is named."""
    for q in numbers(plan):
        if q.unit != "%":
            continue
        clause = clause_at(plan, q.start)
        if SHADOW.search(clause):
            continue
        if q.value <= (50 if controlled_first_step(plan) else 25):  # a quarter after a shadow period is a cautious
            return None  # first step; up to half when the rest stays on the old way as a comparison and a stop rule
        sentence = sentence_at(plan, q.start)
        return Mention("all_at_once", q.text, sentence, ASSERTED, q.start, q.end)
    return None


_CODE_TEXTS = (
    "deployment.serving_environment", "deployment.end_to_end_path", "deployment.quality_gate", "deployment.fallback",
    "modeling.model_description", "data.quality_notes", "data.features[*].description", "deployment.rollout_plan",
)


def _two_languages(project: Project):
    """A sentence pair of one answer that puts training in one language and serving in another, when the answer does
    not say both run the same transformation code."""
    for path, text in texts_of(project, ("deployment.end_to_end_path", "deployment.serving_environment")):
        plain = " ".join(s.text for s in analyse(text).sentences
                         if not (cues.HEDGE_BEFORE.search(s.text) or cues.CRITICISM_AFTER.search(s.text)))
        found = language_families(plain)
        if len(found) >= 2 and asserted(text, "training_side") and asserted(text, "serving_side") \
                and not one_code_path(text):
            sentence = next(s.text for s in analyse(text).sentences if LANGUAGES.search(s.text))
            names = " and ".join(sorted(display_name(family) for family in found))
            return path, Mention("feature_code_divergent", names, sentence, "asserted", 0, 0)
    return None


@check("DE-004", "Feature code not shared by training and serving", phase=PHASE, severity=Severity.WARNING,
       rules=(32,), refs=("ML Test Score Monitor 3",), reads=_CODE_TEXTS)
def feature_code_not_shared(project: Project) -> Iterator[Hit]:
    """Training and serving compute features with different code (answered 'no', not stated, or described so).

    Two implementations of the same feature drift apart and cause training/serving skew
    (Rule 32). Also found when the answer says the code is shared but the prose says the
    features are re-implemented, ported or rewritten for serving, or recomputed separately
    for training: a blocker, since the answer hides the skew from everyone who relies on it.
    """
    deployment = project.deployment
    shared = deployment.shared_feature_code
    fix = "Use one feature library (or a feature store) for both training and serving, in the same language."
    if shared is False or (shared is None and started(deployment)):
        found = first_asserted(project, _CODE_TEXTS, "feature_code_divergent")
        stated = "different code computes" if shared is False else "the plan does not say whether the same code computes"
        yield Hit(message=f"For training and serving, {stated} the features.", fix=fix,
                  field="deployment.shared_feature_code", evidence=evidence(found[1].sentence) if found else "")
        return
    if shared:
        found = first_asserted(project, _CODE_TEXTS, "feature_code_divergent") or _two_languages(project)
        if found:
            _, mention = found
            yield Hit(
                message=f"The plan says training and serving share feature code, but it also says {mention.words!r}: "
                        "two implementations of a feature drift apart.",
                fix=fix, field="deployment.shared_feature_code", evidence=evidence(mention.sentence), basis=CROSS,
                severity=Severity.BLOCKER,  # the answer hides the skew, so nobody will look for it
            )


_RULE5_TESTS = (InfraTest.FEATURES_POPULATED, InfraTest.SAME_SCORE, InfraTest.MODEL_LOADS)


@check("DE-005", "Infrastructure not tested apart from the model", phase=PHASE, severity=Severity.WARNING,
       rules=(5,), refs=("ML Test Score Infra 2", "ML Test Score Infra 3"))
def infra_tests_missing(project: Project) -> Iterator[Hit]:
    """The plan lacks a basic infrastructure test: features populated, same score in training and serving, model loads.

    Testing the data-in and model-out paths on their own separates pipeline bugs from
    model quality (Rule 5). Only reported once the Deployment phase is started.
    """
    deployment = project.deployment
    if not started(deployment):
        return
    missing = [test for test in _RULE5_TESTS if test not in deployment.infra_tests]
    if missing:
        names = "; ".join(test.label.lower() for test in missing)
        yield Hit(
            message=f"Infrastructure tests not planned: {names}.",
            fix="Add tests that feature columns are populated, that training and serving give the same score for "
                "the same example, and that a fixed model loads and serves.",
            field="deployment.infra_tests",
        )


@check("DE-006", "New model not diffed against production", phase=PHASE, severity=Severity.ADVICE, rules=(24,))
def no_model_diff(project: Project) -> Iterator[Hit]:
    """No comparison of the new model's outputs with production's before release (answered 'no', or not stated).

    Measuring how much the outputs change (after checking a model against itself gives
    about zero) tells the team how big a change users will see (Rule 24).
    """
    deployment = project.deployment
    diff = deployment.model_diff_check
    if diff is False or (diff is None and started(deployment)):
        yield Hit(
            message="The new model's outputs are not compared with the production model's before release.",
            fix="Before release, measure the share of changed predictions (or ranking overlap) between the new "
                "and current model, after a self-diff sanity check.",
            field="deployment.model_diff_check",
        )


@check("DE-007", "Launch rests on a single metric", phase=PHASE, severity=Severity.WARNING, rules=(39,))
def single_launch_metric(project: Project) -> Iterator[Hit]:
    """Only one launch criterion is listed.

    Launch decisions stand in for long-term product health and weigh several metrics and
    guardrails; a single number invites a launch that wins it and loses elsewhere (Rule 39).
    """
    criteria = project.deployment.launch_criteria
    if len(criteria) == 1:
        only = criteria[0].metric.strip() or "the only criterion"
        yield Hit(
            message=f"The launch depends on one metric ('{only}') with no guardrails.",
            fix="Add guardrail metrics that must not drop (e.g. revenue, complaints, latency) next to the target "
                "metric.",
            field="deployment.launch_criteria",
            subject=only,
        )


@check("DE-008", "Single launch, no iteration planned", phase=PHASE, severity=Severity.ADVICE, rules=(16,))
def no_iteration_plan(project: Project) -> Iterator[Hit]:
    """No follow-up versions or relaunch cadence are planned.

    A model is a stream of launches; planning for iteration keeps features easy to add and
    remove and the pipeline easy to rerun (Rule 16). Only reported once the Deployment
    phase is started.
    """
    deployment = project.deployment
    plan = deployment.iteration_plan
    if started(deployment) and (not plan.strip() or placeholder(plan)):  # iteration plans are future by nature
        yield Hit(
            message="The plan stops at the first launch: no follow-up versions or relaunch cadence.",
            fix="Sketch the next two iterations (features, data, model) and how often a new model is launched.",
            field="deployment.iteration_plan",
        )


_WAIT_TEXTS = ("deployment.serving_environment", "deployment.end_to_end_path", "deployment.expected_volume",
               "problem_framing.decision_supported", "deployment.fallback", "problem_framing.users")


def person_waiting(project: Project) -> tuple[bool, str]:
    """Whether a person waits on the prediction, and the sentence that says so when only the prose does."""
    if project.deployment.person_waiting is not None:
        return project.deployment.person_waiting, ""
    found = first_asserted(project, _WAIT_TEXTS, "person_waiting")
    return (True, found[1].sentence) if found else (False, "")


@check("DE-009", "Online serving with no latency budget", phase=PHASE, severity=Severity.ADVICE,
       refs=("ML Test Score Monitor 6",), when="online, streaming and edge serving",
       applies=lambda p: p.deployment.serving_mode in ONLINE_MODES, reads=_WAIT_TEXTS)
def no_latency_budget(project: Project) -> Iterator[Hit]:
    """The model serves requests online (or on events/devices) but no latency budget is set.

    Without a budget, a slower model or feature lookup degrades the product unnoticed
    (ML Test Score Monitor 6). Severity follows the context: a blocker when a person waits
    on the prediction (a customer at checkout, an agent on a call), advice otherwise; an
    overnight batch needs none.
    """
    deployment = project.deployment
    if deployment.serving_mode not in ONLINE_MODES or deployment.latency_budget_ms is not None:
        return
    waiting, why = person_waiting(project)
    yield Hit(
        message=f"Serving is '{deployment.serving_mode.label.split(':')[0]}' and no latency budget is set"
                + (", while a person waits on each prediction." if waiting else "."),
        fix="Set the latency budget (e.g. p99 in ms) the model and its feature lookups must meet, within the time "
            "the decision can wait.",
        field="deployment.latency_budget_ms",
        evidence=evidence(why),
        basis=TEXT if why else ANSWER,
        severity=Severity.BLOCKER if waiting else None,
    )


@check("DE-010", "Consumers of the predictions not declared", phase=PHASE, severity=Severity.ADVICE,
       refs=("Technical debt: undeclared consumers",), reads=("deployment.consumers",))
def undeclared_consumers(project: Project) -> Iterator[Hit]:
    """The systems that read the model's output are not listed.

    Undeclared consumers couple silently to the model; changing it then breaks systems
    nobody knew about (hidden technical debt). Advice when the list is missing (once the
    Deployment phase is started); a warning when the prose names a reader nobody has agreed
    with ('the pricing team has started pulling the scores', 'whoever reads the table').
    """
    deployment = project.deployment
    consumers = deployment.consumers
    # 'declined for now' puts nothing off: a refused or gated request is handled, whatever its time words
    def handled(sentence: str) -> bool:
        return any(m.polarity in (ASSERTED, DEFERRED) for m in mentions(sentence, "handled_consumer"))

    unagreed = next((m for m in mentions(consumers, "unagreed_consumer") if m.asserted and not handled(m.sentence)),
                    None)
    deferred = next((sentence for sentence in analyse(consumers).sentences if sentence.deferral
                     and not handled(sentence.text)), None) if consumers.strip() and not _blank(consumers) else None
    if unagreed or deferred:
        sentence = unagreed.sentence if unagreed else deferred.text
        yield Hit(
            message="A system or team reads the predictions without having been declared and agreed"
                    + (f" ('{unagreed.words}')." if unagreed else "."),
            fix="Agree with every reader of the predictions what they may use them for (or refuse access), list them, "
                "and restrict access to the prediction store.",
            field="deployment.consumers", evidence=evidence(sentence), basis=TEXT, severity=Severity.WARNING,
        )
        return
    if started(deployment) and _blank(consumers):
        quote, basis = _gap_evidence(consumers)
        yield Hit(
            evidence=quote,
            basis=basis,
            message="The consumers of the predictions are not declared.",
            fix="List every system or team that reads the predictions, and restrict access to them.",
            field="deployment.consumers",
        )


@check("DE-011", "Rollback is slow, unrehearsed or a retrain", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Infra 7",), applies=lambda p: p.deployment.rollback_mechanism not in (
           None, RollbackMechanism.NONE), reads=("deployment.rollback_plan",))
def rollback_not_ready(project: Project) -> Iterator[Hit]:
    """The way back exists on paper but would not work quickly: it means retraining, it has not been rehearsed, or it
    takes longer than an hour for a model people use online.

    A rollback is only a safety net if it restores the last good model in minutes and the
    team has done it before; retraining and redeploying takes hours and may not reproduce
    the old model (ML Test Score Infra 7). The stage gate asks for 'a rollback that has been
    tried'. Also found when the rehearsal answer is 'yes' but the plan says it has not been
    done or is still to be scheduled.
    """
    deployment = project.deployment
    plan = deployment.rollback_plan
    if deployment.rollback_mechanism is RollbackMechanism.RETRAIN:
        yield Hit(
            message="The rollback mechanism is 'Retrain and redeploy': bringing a good model back would take a "
                    "training run, and may not reproduce the old one.",
            fix="Keep the previous model artefact deployable and switch back to it (registry alias, traffic switch or "
                "flag); retraining is the fix that follows, not the rollback.",
            field="deployment.rollback_mechanism",
        )
    denial = next((m for m in mentions(plan, "rehearsal")
                   if m.polarity in ("negated", "deferred") or deferred_after(m)), None)
    if deployment.rollback_rehearsed is False:
        yield Hit(message="The rollback has not been rehearsed: the first attempt would be during an incident.",
                  fix="Rehearse the rollback once in staging or production and time it.",
                  field="deployment.rollback_rehearsed")
    elif deployment.rollback_rehearsed and denial and not any(
            m.asserted and not deferred_after(m) for m in mentions(plan, "rehearsal")):
        yield Hit(message="The rollback is marked as rehearsed, but the plan says the rehearsal has not happened "
                          f"({denial.words!r}).",
                  fix="Rehearse the rollback and time it before the release.",
                  field="deployment.rollback_rehearsed", evidence=evidence(denial.sentence), basis=CROSS)
    elif deployment.rollback_rehearsed is None and started(deployment):
        yield Hit(message="The plan does not say whether the rollback has been rehearsed.",
                  fix="Rehearse the rollback once and time it.", field="deployment.rollback_rehearsed",
                  severity=Severity.ADVICE)
    minutes = deployment.rollback_minutes
    if minutes is not None:
        slow = next((q for q in numbers(plan) if q.days is not None and not q.cadence
                     and q.days * 1440 > 4 * max(minutes, 1) and q.days * 1440 >= 60
                     and time_taken(clause_at(plan, q.start), q.text)), None)
        if slow:
            yield Hit(message=f"A rollback is given as {minutes:g} minutes, but the plan says it takes {slow.text}.",
                      fix="Make the rollback fast enough to match the answer (a flag, an alias or a traffic switch), "
                          "or give the time it really takes.",
                      field="deployment.rollback_minutes", evidence=evidence(sentence_at(plan, slow.start)),
                      basis=CROSS)
    if minutes is not None and minutes > 60 and deployment.serving_mode in ONLINE_MODES:
        yield Hit(message=f"A rollback takes {minutes:g} minutes while the model serves users online.",
                  fix="Keep the previous model warm and switch back by alias, flag or traffic routing in minutes.",
                  field="deployment.rollback_minutes")


_LOWER_IS_BETTER_SIGNS = (Comparator.LE, Comparator.LT)


def _gate_problem(project: Project, metric: str, comparator: Comparator, threshold: float,
                  overall: bool = True) -> tuple[str, bool] | None:
    """What makes a quality-gate row unable to stop a bad model, and whether it is a blocker."""
    parsed = parse_metric(metric)
    if parsed is None:
        return None
    lower_sign = comparator in _LOWER_IS_BETTER_SIGNS
    if parsed.higher_is_better == lower_sign:
        better = "higher" if parsed.higher_is_better else "lower"
        return f"'{metric}' is better when {better}, but the gate asks for it to be {comparator.label.split()[0]} " \
               f"{threshold:g}", True  # it lets worse models through and stops better ones
    value = threshold / 100 if parsed.bounded and threshold > 1 else threshold
    if parsed.key == "auc" and value <= 0.5:
        return f"an AUC of {threshold:g} is what random guessing scores", True
    majority = majority_share(project)
    if parsed.key == "accuracy" and majority is not None and value <= majority:
        return f"always predicting the majority class already scores {majority:.1%} accuracy", True
    framing = project.problem_framing
    if framing.baseline_value is not None and same_metric(framing.baseline_metric, metric) and overall:
        if beats(metric, threshold, framing.baseline_value) is False:
            return f"the baseline already scores {framing.baseline_value:g} on {framing.baseline_metric.strip()}", True
    return None


@check("DE-012", "Quality gate would pass a model that is no better than trivial", phase=PHASE,
       severity=Severity.WARNING, rules=(9,), refs=("ML Test Score Infra 4", "ML Test Score Model 5"),
       applies=lambda p: bool(p.deployment.quality_gate_checks))
def weak_quality_gate(project: Project) -> Iterator[Hit]:
    """A row of the pre-release quality gate cannot stop a bad model: it compares in the wrong direction, or its
    threshold is met by chance, by always predicting the majority class, or by the baseline.

    A gate is only a gate if a model worse than what exists today fails it (Rule 9, ML Test
    Score Infra 4 and Model 5). A threshold a trivial model or the baseline already meets
    (AUC 0.5, accuracy at the majority share, the measured baseline value) is a blocker; a
    comparison in the wrong direction is a warning.
    """
    for index, row in enumerate(project.deployment.quality_gate_checks):
        if row.comparator is None or row.threshold is None or not row.metric.strip():
            continue
        problem = _gate_problem(project, row.metric, row.comparator, row.threshold, is_overall(row.slice))
        if problem:
            reason, blocker = problem
            name = row_name(row, index)
            yield Hit(
                message=f"Quality-gate check '{name}' would let a bad model through: {reason}.",
                fix=f"Set '{name}' so that only a model better than the baseline (and clearly better than chance or "
                    "the majority class) passes, compared in the direction in which the metric improves.",
                field=f"deployment.quality_gate_checks[{index}].threshold",
                subject=name,
                basis=CROSS,
                severity=Severity.BLOCKER if blocker else None,
            )


@check("DE-013", "Latency budget longer than the decision can wait", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Monitor 6",),
       applies=lambda p: p.deployment.latency_budget_ms is not None and p.deployment.decision_deadline_ms is not None)
def latency_over_deadline(project: Project) -> Iterator[Hit]:
    """The latency budget is longer than the time the decision can wait for a prediction.

    A model allowed 800 ms to answer a decision that must be made in 300 ms times out on
    every slow request and falls back silently (ML Test Score Monitor 6). A blocker when a
    person waits on the prediction, a warning otherwise.
    """
    deployment = project.deployment
    budget, deadline = deployment.latency_budget_ms, deployment.decision_deadline_ms
    if budget is None or deadline is None or budget <= deadline:
        return
    waiting, why = person_waiting(project)
    yield Hit(
        message=f"The latency budget ({budget:,} ms) is longer than the decision can wait ({deadline:,} ms).",
        fix="Bring the latency budget (model and feature lookups together) under the decision deadline, with room "
            "for the network, or precompute the prediction.",
        field="deployment.latency_budget_ms",
        evidence=evidence(why),
        basis=CROSS,
        severity=Severity.BLOCKER if waiting else None,
    )


_SERVING_TEXTS = ("deployment.serving_environment", "deployment.end_to_end_path", "deployment.expected_volume",
                  "deployment.fallback", "problem_framing.decision_supported")


@check("DE-014", "Serving mode contradicted by the plan", phase=PHASE, severity=Severity.WARNING, rules=(4,),
       applies=lambda p: p.deployment.serving_mode is not None or p.deployment.person_waiting is False,
       reads=_SERVING_TEXTS)
def serving_mode_contradicted(project: Project) -> Iterator[Hit]:
    """The serving-mode answer and the prose disagree: 'batch' while the prose has predictions made on request or
    while a person waits (and no scheduled scoring run), 'online' while the prose describes only a scheduled
    scoring run, or 'nobody waits' while the prose puts a customer at checkout. Scores precomputed on a schedule
    and looked up when a page loads are batch serving.

    Latency budgets, fallbacks, feature freshness and monitoring all follow from how
    predictions are served; a plan that says two things gets half of them wrong (Rule 4:
    get the end-to-end path right first).
    """
    deployment = project.deployment
    mode = deployment.serving_mode
    online = first_asserted(project, _SERVING_TEXTS, "serving_online")
    waiting = first_asserted(project, _SERVING_TEXTS, "person_waiting")
    # precomputed scores read when a page loads are batch serving: the request only looks them up
    precomputed = mode is ServingMode.BATCH and bool(all_asserted(project, _SERVING_TEXTS, "serving_batch"))
    fix = "Settle how predictions are served (scheduled batch or on request) and make the answers and the prose agree."
    if mode is ServingMode.BATCH and (online or waiting) and not precomputed:
        _, mention = online or waiting
        yield Hit(
            message=f"Serving is 'batch', but the plan describes predictions made on request ({mention.words!r}).",
            fix=fix, field="deployment.serving_mode", evidence=evidence(mention.sentence), basis=CROSS,
        )
        return
    if mode in ONLINE_MODES and not online and not waiting:
        batch = all_asserted(project, _SERVING_TEXTS, "serving_batch")
        if batch:
            _, mention = batch[0]
            yield Hit(
                message=f"Serving is '{mode.label.split(':')[0]}', but the plan only describes scheduled scoring "
                        f"({mention.words!r}).",
                fix=fix, field="deployment.serving_mode", evidence=evidence(mention.sentence), basis=CROSS,
            )
            return
    if deployment.person_waiting is False and waiting and not precomputed:
        _, mention = waiting
        yield Hit(
            message=f"The plan answers that nobody waits for the prediction, but it describes {mention.words!r}.",
            fix="Say whether a person waits on the prediction, and set the latency budget and fallback for it.",
            field="deployment.person_waiting", evidence=evidence(mention.sentence), basis=CROSS,
        )


@check("DE-015", "No working fallback", phase=PHASE, severity=Severity.WARNING, refs=("ML Test Score Infra 7",),
       reads=("deployment.fallback",))
def no_fallback(project: Project) -> Iterator[Hit]:
    """What the product does when the model is down or returns nonsense is not settled: the answer puts it off,
    denies it is needed ('three replicas, it will not fail'), or only says someone will notice and fix it.

    A model will fail; without a fallback (the old rule, the last good output, a safe
    default) every outage is an outage of the product (ML Test Score Infra 7). A blocker when
    a person waits on the prediction; a warning otherwise. An empty answer is the gate
    check's finding.
    """
    text = project.deployment.fallback
    if not text.strip():
        return
    gap = unsettled_plan(text, "fallback")
    reactive = asserted(text, "reactive_only")
    if not gap and reactive and not asserted(text, "fallback"):
        gap = Gap("reactive", reactive.sentence)
    if not gap:
        return
    waiting, _ = person_waiting(project)
    yield Hit(
        message=f"There is no working fallback when the model fails ({gap.describe()}).",
        fix="Say what the product shows or does when the model is slow, down or out of range (today's rule, the last "
            "good output, a safe default), and make it happen automatically.",
        field="deployment.fallback",
        evidence=evidence(gap.sentence),
        basis=TEXT,
        severity=Severity.BLOCKER if waiting else None,
    )
