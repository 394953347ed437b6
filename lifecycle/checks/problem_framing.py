"""Problem Framing checks: baseline, metrics, heuristics, label, objective, decision costs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import (
    BaselineKind,
    DataAvailability,
    GateDecision,
    HeuristicDisposition,
    LabelType,
    MetricLogging,
    MetricStatus,
    Project,
)
from ..text import ASSERTED, HEDGED, Quantity, analyse, asserted, mentions, negated, numbers, sentence_at
from ..text.comparisons import admits_unmeasured, figure_from_document
from ..text.judgement import people_judge
from ..text.analysis import clause_at
from ..text.cues import refers_back
from ..text.metrics import content_words, parse_metric, same_metric
from .facts import (
    PROBABILITY_TASKS, SUPERVISED_TASKS, about_people, blank, delay_contradiction, evidence, first_asserted, row_name, started,
    texts_of, unowned,
)
from .finding import CROSS, TEXT, Severity
from .registry import Hit, check

PHASE = "problem_framing"


@check("PF-001", "ML planned without labelled data", phase=PHASE, severity=Severity.WARNING, rules=(1,))
def ml_without_labels(project: Project) -> Iterator[Hit]:
    """The plan says there is no labelled history yet but goes on to a learned model.

    Without labelled examples the first launch is better served by the heuristic or
    manual process, which also starts collecting the outcomes a model will later need
    (Rule 1).
    """
    if project.problem_framing.labelled_data is DataAvailability.NONE:
        yield Hit(
            message="'Labelled data available?' is 'No labelled data yet', yet the plan builds a learned model "
                    "first.",
            fix="Launch the non-ML baseline first and log its outcomes as labels; plan the model once there is "
                "labelled history (or say how labels will be collected before training).",
            field="problem_framing.labelled_data",
        )


@check("PF-002", "No real non-ML baseline", phase=PHASE, severity=Severity.WARNING, rules=(1,),
       refs=("ML Test Score Model 5",), reads=("problem_framing.non_ml_baseline", "modeling.baseline_comparison"))
def baseline_is_placeholder(project: Project) -> Iterator[Hit]:
    """There is no baseline to beat: its kind is 'not applicable', or the non-ML baseline answer is a
    placeholder ('none', 'TBD') or puts it off ('to be defined with the business').

    A model is only worth its cost if it beats what is done today; with no baseline there is
    nothing to compare against and no fallback if the model fails (Rule 1, ML Test Score
    Model 5: a simpler model is not better). Even a new product has a trivial baseline
    (majority class, most popular item, last value). Also read from the comparison with the
    baseline when it says there is nothing to compare with.
    """
    framing = project.problem_framing
    if framing.baseline_kind is BaselineKind.NOT_APPLICABLE:
        yield Hit(
            message="The baseline the model must beat is 'not applicable': the model has nothing to be compared "
                    "with.",
            fix="Name today's rule or manual process, or a trivial predictor (majority class, most popular item, "
                "last value), and measure it on the evaluation data.",
            field="problem_framing.baseline_kind",
        )
        return
    for field, text in (("problem_framing.non_ml_baseline", framing.non_ml_baseline),
                        ("modeling.baseline_comparison", project.modeling.baseline_comparison)):
        gap = blank(text, "baseline_words")
        if gap and gap.kind == "denied" and _measured_elsewhere(text, gap.sentence):
            gap = None  # after a measured comparison: 'the report's 31 % is for context only, not for the comparison'
        if text.strip() and gap:
            yield Hit(
                message=f"The plan gives no baseline to beat ({gap.describe()}): the model has nothing to be compared "
                        "with.",
                fix="Describe today's rule or manual process and its current performance; if there is none, define a "
                    "simple heuristic (e.g. most popular item, last value) and measure it.",
                field=field,
                evidence=evidence(gap.sentence),
                basis=TEXT,
            )
            return


def _measured_elsewhere(text: str, denial: str) -> bool:
    """Another sentence of the answer gives a measured figure: the denial is about some other number."""
    return any(numbers(sentence.text) for sentence in analyse(text).sentences if sentence.text != denial)


@check("PF-003", "Business metric is not measured", phase=PHASE, severity=Severity.WARNING, rules=(2,))
def metric_not_measured(project: Project) -> Iterator[Hit]:
    """A business metric is marked 'Not measured', with no logging planned.

    Metrics must be instrumented before the model exists, so there is history to compare
    with and the launch can be judged (Rule 2).
    """
    for index, metric in enumerate(project.problem_framing.business_metrics):
        if metric.logging is MetricLogging.NONE:
            name = row_name(metric, index)
            yield Hit(
                message=f"Business metric '{name}' is not measured today and no logging is planned.",
                fix=f"Plan how '{name}' will be logged, and start logging it now so a baseline exists before the "
                    "model launches.",
                field=f"problem_framing.business_metrics[{index}].logging",
                subject=name,
            )


@check("PF-004", "No business metric is signed off", phase=PHASE, severity=Severity.WARNING, rules=(2,),
       refs=("ML Test Score Model 2",))
def no_signed_off_metric(project: Project) -> Iterator[Hit]:
    """Business metrics are listed but none is signed off by the business owner.

    The phase's deliverable is a problem statement with a signed-off metric; a metric
    nobody on the business side has agreed to can be disowned after launch (Rule 2).
    """
    metrics = project.problem_framing.business_metrics
    statuses = [metric.status for metric in metrics if metric.status is not None]
    if statuses and MetricStatus.SIGNED_OFF not in statuses:
        names = [row_name(metric, i) for i, metric in enumerate(metrics)]
        yield Hit(
            message=f"None of the business metrics ({', '.join(names)}) is signed off by its business owner.",
            fix="Get the primary metric and its target signed off by the owner named on it.",
            field="problem_framing.business_metrics",
        )


@check("PF-005", "No way to A/B test outcomes", phase=PHASE, severity=Severity.ADVICE, rules=(2, 39),
       refs=("ML Test Score Model 2",))
def no_ab_testing(project: Project) -> Iterator[Hit]:
    """The team says outcomes cannot be A/B tested against today's system.

    Without experiment bucketing, offline gains cannot be tied to business impact and
    launch decisions rest on offline proxies alone (Rules 2 and 39, ML Test Score Model 2).
    """
    if project.problem_framing.ab_testing_available is False:
        yield Hit(
            message="Outcomes cannot be A/B tested, so the model's business impact cannot be compared with "
                    "today's system.",
            fix="Plan experiment bucketing (or at least a holdout group kept on the current process) before "
                "launch.",
            field="problem_framing.ab_testing_available",
        )


@check("PF-006", "Heuristic with no decided fate", phase=PHASE, severity=Severity.WARNING, rules=(7,),
       applies=lambda p: bool(p.problem_framing.heuristics))
def heuristic_undecided(project: Project) -> Iterator[Hit]:
    """An existing heuristic is marked 'Undecided'.

    Each rule in use today should become a pre-filter, a feature, raw inputs, part of
    the label, or be retired; left undecided it either competes with the model or its
    knowledge is lost (Rule 7).
    """
    for index, heuristic in enumerate(project.problem_framing.heuristics):
        if heuristic.disposition is HeuristicDisposition.UNDECIDED:
            name = row_name(heuristic, index)
            yield Hit(
                message=f"Heuristic '{name}' has no decided fate in the ML system.",
                fix=f"Decide whether '{name}' becomes a pre-filter, a feature, raw inputs, part of the label, "
                    "or is retired.",
                field=f"problem_framing.heuristics[{index}].disposition",
                subject=name,
            )


@check("PF-007", "First objective is not directly observed", phase=PHASE, severity=Severity.WARNING, rules=(13,))
def indirect_label(project: Project) -> Iterator[Hit]:
    """The label is an indirect or latent outcome rather than an action the system caused.

    Indirect effects (next-week visits, satisfaction) are slow, noisy and hard to
    attribute to the model; the first objective should be a direct, observable action,
    with indirect effects tracked as metrics (Rule 13).
    """
    label_type = project.problem_framing.label_type
    if label_type in (LabelType.INDIRECT, LabelType.LATENT):
        yield Hit(
            message=f"The label is '{label_type.label.split(':')[0]}': the first model learns from an outcome the "
                    "system does not directly cause or observe.",
            fix="Train the first model on a directly observed, attributable action and track the indirect "
                "outcome as a business metric or in A/B tests.",
            field="problem_framing.label_type",
        )


@check("PF-008", "Supervised task with no labels", phase=PHASE, severity=Severity.BLOCKER, rules=(13,))
def supervised_without_labels(project: Project) -> Iterator[Hit]:
    """The task learns from labels (classification, regression, ranking...) but the label type is 'No labels'.

    The plan contradicts itself: such a model cannot be trained or evaluated until an
    outcome is defined and recorded (Rule 13).
    """
    framing = project.problem_framing
    if framing.label_type is LabelType.NONE and framing.ml_task in SUPERVISED_TASKS:
        yield Hit(
            message=f"The task is '{framing.ml_task.label}', which learns from labels, but the label type is "
                    "'No labels'.",
            fix="Define the observed outcome the model learns from, or choose an unsupervised task.",
            field="problem_framing.label_type",
        )


@check("PF-009", "Training objective blends several metrics", phase=PHASE, severity=Severity.ADVICE, rules=(12,),
       reads=("problem_framing.training_objective",))
def blended_objective(project: Project) -> Iterator[Hit]:
    """The training objective reads like a hand-weighted blend of several metrics.

    Early on most metrics move together; tuning weights between them wastes time. Pick
    one simple objective and track the others as metrics (Rule 12). Read from wording
    such as 'weighted sum of', 'a blend of', 'composite score' or '0.7*clicks'.
    """
    objective = project.problem_framing.training_objective
    mention = asserted(objective, "blended_objective")
    if mention:
        yield Hit(
            message=f"The training objective combines several metrics with weights ('{mention.words}').",
            fix="Optimise a single objective for the first model and report the other quantities as metrics.",
            field="problem_framing.training_objective",
            evidence=evidence(mention.sentence),
            basis=TEXT,
        )


@check("PF-010", "Gate passed with a metric still proposed", phase=PHASE, severity=Severity.WARNING, rules=(2,))
def gate_passed_with_proposed_metric(project: Project) -> Iterator[Hit]:
    """The Problem Framing gate says 'go' while a business metric is still only 'proposed'.

    A metric nobody has agreed to yet cannot judge the model later; the gate should wait
    until every metric it relies on is at least agreed by the team (Rule 2).
    """
    framing = project.problem_framing
    if framing.gate.decision is not GateDecision.GO:
        return
    for index, metric in enumerate(framing.business_metrics):
        if metric.status is MetricStatus.PROPOSED:
            name = row_name(metric, index)
            yield Hit(
                message=f"The Problem Framing gate is 'go', but business metric '{name}' is still only proposed.",
                fix=f"Agree '{name}' and its target with its owner, or drop it from the success metrics.",
                field=f"problem_framing.business_metrics[{index}].status",
                subject=name,
            )


_LABEL_TEXTS = ("problem_framing.label_definition", "data.label_source")


def _rule_in_label(project: Project):
    """(path, mention) of a label sentence that counts a rule's decision as the label ('plus claims the red-flag
    engine scored 5 or more', 'tickets the triggers routed keep the trigger's queue')."""
    for path, text in texts_of(project, _LABEL_TEXTS):
        for mention in mentions(text, "rule_output"):
            if mention.asserted and asserted(mention.sentence, "label_clause") and not asserted(
                    mention.sentence, "outcome_labelled") and not negated(mention.sentence, "label_clause"):
                return path, mention
    return None


def _people_judge(heuristic) -> bool:
    """A listed 'heuristic' that is people judging each case (volunteers' votes, a reviewer's call): labelling."""
    return people_judge(f"{heuristic.name} {heuristic.description}")


@check("PF-011", "Labels are produced by a rule or another model", phase=PHASE, severity=Severity.WARNING,
       rules=(7, 13), refs=("Leakage L2",), reads=_LABEL_TEXTS)
def heuristic_labels(project: Project) -> Iterator[Hit]:
    """Labels are the output of a heuristic, a rule or another model rather than an observed outcome.

    A model trained on a rule's decisions learns to imitate the rule, mistakes included, and
    an evaluation against those labels measures agreement with the rule, not quality: it
    cannot show the model beats the heuristic it copies (Rules 7 and 13). Read from the
    'labels produced by a rule' answer, a heuristic whose output is the label, or a label
    definition that says the label comes from a rule, a scorecard or weak supervision. When
    the plan answers that no label comes from a rule but its label prose says one does, it
    is a blocker: the imitation would go unnoticed. A listed 'heuristic' that is people
    judging each case (volunteers' votes, a reviewer's call) is labelling, not a rule.
    """
    framing = project.problem_framing
    for index, heuristic in enumerate(framing.heuristics):
        if heuristic.disposition is HeuristicDisposition.LABEL_SOURCE and not _people_judge(heuristic):
            name = row_name(heuristic, index)
            yield Hit(
                message=f"Heuristic '{name}' produces the labels: the model will learn to copy it and cannot be "
                        "shown to beat it.",
                fix=f"Label examples with the observed outcome instead of '{name}''s output (or a sample labelled "
                    "by people), and keep the rule as a feature or baseline.",
                field=f"problem_framing.heuristics[{index}].disposition",
                subject=name,
            )
            return
    found = first_asserted(project, _LABEL_TEXTS, "heuristic_label") or _rule_in_label(project)
    if framing.labels_from_heuristic:
        yield Hit(
            message="Labels are produced by a rule or another model rather than an observed outcome: the model "
                    "learns to imitate that rule.",
            fix="Train and evaluate on observed outcomes (or a sample labelled by people), and keep the rule as a "
                "feature or baseline to beat.",
            field="problem_framing.labels_from_heuristic",
            evidence=evidence(found[1].sentence) if found else "",
        )
    elif found:
        path, mention = found
        yield Hit(
            message=f"The labels come from a rule or another model ('{mention.words}')"
                    + (", although the plan answers that no label is produced by a rule"
                       if framing.labels_from_heuristic is False else "")
                    + ": the model learns to imitate that rule.",
            fix="Train and evaluate on observed outcomes (or a sample labelled by people), and keep the rule as a "
                "feature or baseline to beat.",
            field=path,
            evidence=evidence(mention.sentence),
            basis=CROSS if framing.labels_from_heuristic is False else TEXT,
            # the team answered that no label comes from a rule: nobody will report metrics on observed outcomes
            severity=Severity.BLOCKER if framing.labels_from_heuristic is False else None,
        )


def _cost_threshold(project: Project) -> float | None:
    framing = project.problem_framing
    fp, fn = framing.false_positive_cost, framing.false_negative_cost
    if fp is None or fn is None or fp + fn <= 0:
        return None
    return fp / (fp + fn)


@check("PF-012", "Decision threshold ignores the decision costs", phase=PHASE, severity=Severity.WARNING,
       rules=(25,), refs=("Decision costs",), applies=lambda p: _cost_threshold(p) is not None,
       reads=("problem_framing.threshold_rule",))
def threshold_ignores_costs(project: Project) -> Iterator[Hit]:
    """The costs of a false positive and a false negative are given, but the threshold does not follow from them.

    With costs C_FP and C_FN, acting when p > C_FP / (C_FP + C_FN) minimises the expected
    cost of a calibrated model. A threshold set where F1 peaks, the default 0.5, or a number
    far from the cost ratio optimises something else (Rule 25: choose on the decision the
    model drives). Read from the threshold answer: 'where F1 is highest', 'p > 0.5', or a
    probability more than 0.1 away from the cost-derived one with no cost reasoning given.
    For a regression or forecast, the quantile quoted is compared with either cost ratio. A
    threshold set by capacity (the top 35 a day, until the slots are used) is left alone.
    """
    framing = project.problem_framing
    target = _cost_threshold(project)
    fp, fn = framing.false_positive_cost, framing.false_negative_cost
    rule = framing.threshold_rule
    unit = f" {framing.cost_unit.strip()}" if framing.cost_unit.strip() else ""
    costs = f"a false positive costs {fp:g}{unit} and a false negative {fn:g}{unit}"
    fix = (f"Set the threshold from the costs (act when p > {target:.2f}, re-checked on calibrated validation scores) "
           "and record how it was derived.")
    if not rule.strip():
        if framing.ml_task in PROBABILITY_TASKS:
            yield Hit(
                message=f"The decision costs are given ({costs}) but not how the decision threshold follows from "
                        "them.",
                fix=fix, field="problem_framing.threshold_rule", severity=Severity.ADVICE,
            )
        return
    asymmetric = max(fp, fn) >= 2 * max(min(fp, fn), 1e-9)
    classifier = framing.ml_task in PROBABILITY_TASKS
    if asserted(rule, "cost_based_threshold"):
        return
    for concept in ("f1_peak", "default_threshold"):
        mention = asserted(rule, concept)
        if mention and classifier and (asymmetric or concept == "f1_peak"):
            yield Hit(
                message=f"The threshold is set at {mention.words!r} while {costs}: the cost-minimising threshold "
                        f"is about {target:.2f}.",
                fix=fix, field="problem_framing.threshold_rule", evidence=evidence(mention.sentence), basis=CROSS,
            )
            return
    if asserted(rule, "capacity_rule"):
        return  # a threshold set by how many cases can be handled follows from the capacity, not the costs
    probabilities = [q for q in numbers(rule) if q.unit == "" and 0 < q.value < 1 and q.high is None]
    if not probabilities and (asymmetric or not classifier):  # a forecast's quantile follows from any cost pair
        yield Hit(
            message=f"The decision rule does not follow from the costs ({costs}): it names no cost-based threshold "
                    f"(about {target:.2f}).",
            fix=fix, field="problem_framing.threshold_rule", evidence=evidence(analyse(rule).sentences[0].text),
            basis=CROSS,
        )
        return
    # For a regression or a forecast the cost-optimal quantile is C_under / (C_under + C_over), and which of the
    # two errors the plan calls 'false positive' is a convention: accept either ratio there.
    targets = (target,) if classifier else (target, 1 - target)
    if probabilities and all(abs(q.value - t) > 0.1 for q in probabilities for t in targets):
        q = probabilities[0]
        yield Hit(
            message=f"The threshold {q.text} does not follow from the costs ({costs}): the cost-minimising "
                    f"threshold is about {target:.2f}.",
            fix=fix, field="problem_framing.threshold_rule", evidence=evidence(sentence_at(rule, q.start)),
            basis=CROSS,
        )


@check("PF-013", "Decision costs not stated", phase=PHASE, severity=Severity.ADVICE, rules=(25,),
       refs=("Decision costs",), applies=lambda p: p.problem_framing.ml_task in PROBABILITY_TASKS,
       reads=("problem_framing.cost_of_errors",))
def costs_not_quantified(project: Project) -> Iterator[Hit]:
    """A classifier drives a decision, but neither error has a cost and the prose gives no number.

    Without the cost of a false positive and of a false negative (in money, minutes or
    harm) the threshold, the metric to select on and the break-even precision cannot be
    chosen; they default to whatever the tooling does (Rule 25). Only reported once the
    Problem Framing phase is started.
    """
    framing = project.problem_framing
    if framing.ml_task not in PROBABILITY_TASKS or not started(framing):
        return
    if framing.false_positive_cost is not None or framing.false_negative_cost is not None:
        return
    if any(q.is_money or q.is_duration for q in numbers(framing.cost_of_errors)):
        return
    yield Hit(
        message="Neither the cost of a false positive nor of a false negative is stated, so the threshold cannot be "
                "set from them.",
        fix="Estimate both costs in one unit (money, minutes of work, harm), say who bears them, and derive the "
            "decision threshold from their ratio.",
        field="problem_framing.false_positive_cost",
    )


@check("PF-014", "Label delay contradicts the label definition", phase=PHASE, severity=Severity.WARNING,
       refs=("Label delay",), applies=lambda p: p.problem_framing.label_delay_typical_days is not None
       or p.problem_framing.label_delay_worst_days is not None,
       reads=("problem_framing.label_definition", "problem_framing.prediction_target"))
def label_delay_contradicted(project: Project) -> Iterator[Hit]:
    """The label-delay answers cannot be right: the worst case is below the typical case, or the label definition
    (or the prediction target) says the outcome takes far longer, or far less, to be known.

    The label delay decides the gap between training and test data, the retraining cadence
    and how soon monitoring sees quality drop; a wrong delay (minutes typed into a days
    field, a 60-day outcome given as 1 day) makes every one of those comparisons wrong.
    Read from durations the definition ties to the outcome being known or to its window
    ('known 12 months after drawdown', 'a failure within the next 60 days', 'known within the
    hour'); fires when the answer is off by more than a factor of two. While it fires, the
    checks that compare other numbers with the label delay stand aside.
    """
    found = delay_contradiction(project)
    if found:
        message, field, sentence = found
        yield Hit(
            message=message,
            fix="Give the label delay the definition describes (typical and worst case, in days), so the split gap, "
                "the retraining cadence and the monitoring lag are planned on it.",
            field=field,
            evidence=evidence(sentence),
            basis=CROSS,
        )


def _metric_names(project: Project) -> list[str]:
    return [m.name for m in project.modeling.offline_metrics if m.name.strip()] + [
        row.metric for row in project.deployment.quality_gate_checks if row.metric.strip()]


def _names_agree(a: str, b: str) -> bool:
    """Two metric names refer to the same measure: the same known metric, or mostly the same words."""
    if same_metric(a, b):
        return True
    left, right = content_words(a), content_words(b)
    return bool(left and right) and len(left & right) >= max(2, min(len(left), len(right)) // 2 + 1)


@check("PF-015", "Baseline not measured", phase=PHASE, severity=Severity.WARNING, rules=(1, 2),
       refs=("ML Test Score Model 5",),
       applies=lambda p: p.problem_framing.baseline_kind not in (None, BaselineKind.NOT_APPLICABLE),
       reads=("problem_framing.non_ml_baseline",))
def baseline_unmeasured(project: Project) -> Iterator[Hit]:
    """A baseline is named but not measured: no value, a value that is someone's impression ('the leads reckon
    about 70 %'), a figure taken from a report, a paper or someone's estimation, a description that admits the
    figure was never scored on this project's data, or a value in a metric the model is not judged on.

    The whole case for the model rests on beating the baseline; that comparison only means
    something when the baseline is measured on the evaluation data with the metric the model
    is held to (Rules 1 and 2, ML Test Score Model 5).
    """
    framing = project.problem_framing
    if framing.baseline_kind in (None, BaselineKind.NOT_APPLICABLE):
        return
    fix = ("Measure the baseline on the same evaluation data, with the metric the model must beat, and record its "
           "value.")
    guess = asserted(framing.non_ml_baseline, "baseline_guess")
    if guess:
        yield Hit(message=f"The baseline's value is an impression, not a measurement ('{guess.words}').", fix=fix,
                  field="problem_framing.non_ml_baseline", evidence=evidence(guess.sentence), basis=TEXT)
        return
    documented = figure_from_document(framing.non_ml_baseline)
    unmeasured = admits_unmeasured(framing.non_ml_baseline)
    if documented or unmeasured:
        yield Hit(message="The baseline's value is "
                          + (f"taken from '{documented.source}', not measured on this project's evaluation data."
                             if documented else "said not to have been measured on this project's data."),
                  fix=fix, field="problem_framing.non_ml_baseline",
                  evidence=evidence(documented.sentence if documented else unmeasured), basis=TEXT)
        return
    if framing.baseline_value is None:
        yield Hit(message=f"The baseline ('{framing.baseline_kind.label}') has no measured value.", fix=fix,
                  field="problem_framing.baseline_value")
        return
    metric = framing.baseline_metric.strip()
    names = _metric_names(project)
    volume = asserted(metric, "volume_metric") if metric and parse_metric(metric) is None else None
    if volume:
        yield Hit(message=f"The baseline is measured as a volume ('{metric}'), not with a quality metric the model can "
                          "be compared on.", fix=fix, field="problem_framing.baseline_metric", basis=CROSS)
        return
    if not metric:
        yield Hit(message=f"The baseline's value {framing.baseline_value:g} does not say which metric it is "
                          "measured with.", fix=fix, field="problem_framing.baseline_metric")
    elif names and (known := parse_metric(metric)) and not any(
            (other := parse_metric(name)) and other.key == known.key for name in names) and not any(
            _names_agree(metric, name) for name in names):
        yield Hit(message=f"The baseline is measured with '{metric}', which is none of the metrics the model is "
                          "judged on.", fix=fix, field="problem_framing.baseline_metric", basis=CROSS)


@check("PF-016", "Business metric without a confirmed owner", phase=PHASE, severity=Severity.WARNING, rules=(2,),
       applies=lambda p: bool(p.problem_framing.business_metrics),
       reads=("problem_framing.business_metrics[*].owner",))
def metric_owner_unconfirmed(project: Project) -> Iterator[Hit]:
    """A business metric's owner is 'TBC', 'to be nominated' or the like.

    A success metric nobody on the business side answers for cannot be signed off, and can
    be disowned after launch (Rule 2).
    """
    for index, metric in enumerate(project.problem_framing.business_metrics):
        gap = unowned(metric.owner)
        if gap:
            name = row_name(metric, index)
            yield Hit(
                message=f"Business metric '{name}' has no confirmed owner ({gap.describe()}).",
                fix=f"Name the person on the business side who answers for '{name}' and agree its target with them.",
                field=f"problem_framing.business_metrics[{index}].owner",
                subject=name,
                evidence=evidence(gap.sentence),
                basis=TEXT,
            )


def _described(target: str, concept: str):
    """A mention in the prediction target; targets are written as conditionals ('the probability that a moderator
    would remove it'), so a 'would' there is not a hedge."""
    return next((m for m in mentions(target, concept) if m.polarity in (ASSERTED, HEDGED)), None)


@check("PF-017", "Label does not match what is predicted", phase=PHASE, severity=Severity.WARNING, rules=(13,),
       reads=("problem_framing.label_definition", "problem_framing.prediction_target"))
def label_mismatch(project: Project) -> Iterator[Hit]:
    """The label counts a different thing from the prediction target: every kind of outcome for a target limited to
    one kind ('any admission' for an unplanned readmission), every kind lumped in on purpose for a target that is
    not about every kind ('whatever the cause code', 'no filter by article status'), or cases dropped or capped
    because of their outcome (orders cancelled for lateness left out, sales on days the shelf was empty counted as
    demand), or outcomes of any size for a target with a floor ('any adjustment, however small' for 'additional
    tax of at least EUR 1,500').

    The model then learns the wrong thing very well: outcomes the decision cannot change,
    or a label that hides exactly the cases the prediction matters for (Rule 13).
    """
    framing = project.problem_framing
    definition, target = framing.label_definition, framing.prediction_target
    fix = ("Make the label count exactly what the prediction is about: leave out outcomes the decision cannot change, "
           "and keep (as censored) rather than drop or cap cases whose outcome is cut short.")
    least = next((q for q in numbers(target) if q.comparator in ("ge", "gt") and not q.is_duration), None)
    any_size = asserted(definition, "any_amount") if least else None
    if any_size:
        yield Hit(
            message=f"The target counts outcomes of {least.text}, but the label counts one of any size "
                    f"('{any_size.words}'): small outcomes the decision is not about become positives.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(any_size.sentence), basis=CROSS,
        )
        return
    universal = asserted(definition, "universal_label") or asserted(definition, "unfiltered_label")
    restricted = _described(target, "restricted_target")
    if universal and restricted:
        yield Hit(
            message=f"The target is limited to '{restricted.words}' outcomes, but the label counts "
                    f"'{universal.words}'.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(universal.sentence), basis=CROSS,
        )
        return
    if universal and not asserted(target, "universal_label"):
        # The kinds are lumped on purpose ('whatever the cause code', 'no filter by article status'), and the
        # target does not say it is about every kind: some of them the decision cannot change.
        yield Hit(
            message=f"The label counts every kind of outcome ('{universal.words}'), but the prediction target does "
                    "not say it is about every kind: outcomes the decision cannot change become positives.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(universal.sentence), basis=TEXT,
        )
        return
    noisy = asserted(f"{definition} {project.data.label_source}", "noisy_label")
    if noisy:
        yield Hit(
            message=f"The label counts events before they are checked ('{noisy.words}'): invalid, fraudulent or "
                    "refunded cases become positives, and the model learns to predict them.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(noisy.sentence), basis=TEXT,
        )
        return
    selected = asserted(definition, "selection_label")
    outcome = _described(target, "outcome_target")
    if selected and outcome:
        yield Hit(
            message=f"The target is an outcome ('{outcome.words}'), but the label is a person's decision to let the "
                    f"case go further ('{selected.words}'): the model learns to copy past decisions, not the outcome.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(selected.sentence), basis=CROSS,
            # copying past screening of people carries its biases into every future decision
            severity=Severity.BLOCKER if about_people(project) else None,
        )
        return
    sales = asserted(definition, "sales_label")
    if sales and asserted(target, "demand_target") and not asserted(definition, "censoring_handled"):
        yield Hit(
            message=f"The target is demand, but the label counts what was sold ('{sales.words}'): when a shelf runs "
                    "empty, sales understate demand and the model learns the stock-outs.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(sales.sentence), basis=CROSS,
        )
        return
    censored = next((m for m in mentions(definition, "censored_label")
                     if m.asserted and not mentions(m.sentence, "censoring_handled")), None)
    if censored:
        yield Hit(
            message=f"The label leaves out or caps cases because of their outcome ('{censored.words}'): the model "
                    "learns from a label that hides the cases it matters most for.",
            fix=fix, field="problem_framing.label_definition", evidence=evidence(censored.sentence), basis=TEXT,
        )


def _amounts(text: str) -> list[tuple[float, str, str, str]]:
    """(value, unit kind, 'fp' | 'fn' | '', sentence) for each money or time amount in the cost prose; the side is
    the error named last before the amount in its sentence ('False positive: ... costs about $310')."""
    found = []
    previous = None  # the last amount with a unit in this sentence: 'costs 25 minutes, one sent to triage about 6'
    for q in numbers(text):
        if not (q.is_money or q.is_duration):
            if previous is None or not _elliptical(text, q, previous):
                continue
            q = replace(previous, value=q.value, high=q.high, text=q.text, start=q.start, end=q.end)
        else:
            previous = q
        sentence = sentence_at(text, q.start)
        offset = text.find(sentence)
        before = text[offset:q.start] if offset >= 0 else clause_at(text, q.start)
        sides = [(m.start, "fp") for m in mentions(before, "fp_words") if m.asserted] + [
            (m.start, "fn") for m in mentions(before, "fn_words") if m.asserted]
        if not sides:  # the error may be named after the amount: '€0.80 of lost margin per over-quoted order'
            after = clause_at(text, q.start)
            sides = [(0, "fp") for m in mentions(after, "fp_words") if m.asserted] + [
                (0, "fn") for m in mentions(after, "fn_words") if m.asserted]
        if not sides and offset > 0 and refers_back(before):
            # '... (we count this as the false positive). We put this at 120 SEK': the error of the sentence before
            earlier = sentence_at(text, max(0, offset - 2))
            sides = [(m.start, "fp") for m in mentions(earlier, "fp_words") if m.asserted] + [
                (m.start, "fn") for m in mentions(earlier, "fn_words") if m.asserted]
        side = max(sides)[1] if sides else ""
        value = q.days * 1440 if q.is_duration else q.value
        found.append((value, "time" if q.is_duration else "money", side, sentence))
    return found


def _elliptical(text: str, q: Quantity, previous: Quantity) -> bool:
    """A bare whole number in the same sentence as an amount with a unit, not part of a formula ('25 / 31')."""
    if q.unit or q.value < 1 or q.value != int(q.value) or sentence_at(text, q.start) != sentence_at(
            text, previous.start):
        return False
    around = text[max(0, q.start - 2):q.start] + text[q.end:q.end + 2]
    return not any(c in around for c in "/+=*()%")


_TIME_WORDS = ("minute", "hour", "day", "time")
_MONEY_WORDS = ("eur", "usd", "gbp", "€", "$", "£", "dollar", "pound", "euro", "chf", "sek", "kr", "money", "cost")


def _unit_kind(unit: str) -> str:
    """'time', 'money' or '' for a cost unit, by the kind it names first: 'EUR-equivalent per student (adviser time
    priced at EUR 60 an hour)' is money, 'ranger-hours per alert' is time."""
    first = {kind: min((unit.find(w) for w in words if w in unit), default=len(unit) + 1)
             for kind, words in (("time", _TIME_WORDS), ("money", _MONEY_WORDS))}
    if first["time"] > len(unit) and first["money"] > len(unit):
        return ""
    return "time" if first["time"] < first["money"] else "money"


def _time_scale(unit: str) -> float:
    """Minutes per one of the cost unit's time units ('ranger-hours per alert' -> 60); minutes when none is named."""
    for word, minutes in (("week", 10080.0), ("day", 1440.0), ("hour", 60.0), ("minute", 1.0)):
        if word in unit:
            return minutes
    return 1.0


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.15 * max(abs(a), abs(b), 1e-9)


@check("PF-018", "Decision costs contradict the prose", phase=PHASE, severity=Severity.WARNING, rules=(25,),
       refs=("Decision costs",), applies=lambda p: _cost_threshold(p) is not None,
       reads=("problem_framing.cost_of_errors", "problem_framing.threshold_rule"))
def costs_contradicted(project: Project) -> Iterator[Hit]:
    """The costs of a false positive and a false negative given as numbers disagree with the costs the prose
    describes: swapped, off by a large factor, or in another unit.

    Every threshold derived from the numbers is then wrong (Rule 25). Read from money and
    time amounts in the cost of wrong predictions and the threshold rule, and which error
    each sentence is about: named as such, as an action nobody needed ('an urgent order that
    was not necessary') or a case nobody acted on ('a stock-out we did not anticipate'), or in
    the sentence before ('… the false positive. We put this at 120 SEK').
    """
    framing = project.problem_framing
    fp, fn = framing.false_positive_cost, framing.false_negative_cost
    if fp is None or fn is None:
        return
    amounts = _amounts(framing.cost_of_errors) + _amounts(framing.threshold_rule)
    if len(amounts) < 2:
        return
    unit = framing.cost_unit.lower()
    unit_kind = _unit_kind(unit)
    field = "problem_framing.false_positive_cost"
    scale = _time_scale(unit) if unit_kind == "time" else 1.0  # prose durations are in minutes, the answers in the unit
    amounts = [(value / scale if kind == "time" else value, kind, side, sentence)
               for value, kind, side, sentence in amounts]
    matching = [a for a in amounts if _close(fp, a[0]) or _close(fn, a[0])]
    other = "money" if unit_kind == "time" else "time"
    if unit_kind and matching and all(kind == other for _, kind, _, _ in matching):
        yield Hit(message=f"The cost unit is '{framing.cost_unit.strip()}', but the prose gives those costs in "
                          f"{other}.",
                  fix="Give both costs in the unit the prose uses, and derive the threshold again.",
                  field="problem_framing.cost_unit", evidence=evidence(matching[0][3]), basis=CROSS)
        return
    kind = unit_kind or max(("money", "time"), key=lambda k: sum(a[1] == k for a in amounts))
    amounts = [a for a in amounts if a[1] == kind] or amounts
    sided: dict[str, list[float]] = {}
    for value, _, side, _ in amounts:
        if side:
            sided.setdefault(side, []).append(value)

    def says(side: str, value: float) -> bool:
        return any(_close(value, v) for v in sided.get(side, ()))

    swapped = not _close(fp, fn) and (
        (says("fp", fn) and not says("fp", fp)) or (says("fn", fp) and not says("fn", fn)))
    if swapped:
        yield Hit(message=f"The costs look swapped: the prose puts the other error at the amounts the answers give "
                          f"(a false positive {fp:g}, a false negative {fn:g}).",
                  fix="Swap the two cost answers back and derive the threshold again.", field=field,
                  evidence=evidence(amounts[0][3]), basis=CROSS)
        return
    for side, given, name in (("fp", fp, "false positive"), ("fn", fn, "false negative")):
        said = sided.get(side)
        if said and not says(side, given) and min(
                max(given, v) / max(min(given, v), 1e-9) for v in said) >= 3:
            said = said[0]
            yield Hit(message=f"The cost of a {name} is given as {given:g}, but the prose puts it at {said:g}.",
                      fix="Give the costs the prose describes (same unit, same scale) and derive the threshold again.",
                      field=field, evidence=evidence(amounts[0][3]), basis=CROSS)
            return
    values = [value for value, _, _, _ in amounts]
    if len(values) < 2:
        return
    for given, name in ((fp, "false positive"), (fn, "false negative")):
        if not any(_close(given, v) for v in values):
            nearest = min(values, key=lambda v: abs(v - given))
            ratio = max(given, nearest) / max(min(given, nearest), 1e-9)
            if ratio >= 3:
                yield Hit(message=f"The cost of a {name} is given as {given:g}, but the prose's amounts are "
                                  f"{', '.join(f'{v:g}' for v in values[:4])}.",
                          fix="Give the costs the prose describes (same unit, same scale) and derive the threshold "
                              "again.", field=field, evidence=evidence(amounts[0][3]), basis=CROSS)
                return
