"""Modeling & Evaluation checks: first model, evaluation leakage, selection, fairness, feedback loops."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import HumanEvaluation, MLTask, ModelFamily, PositionBias, Project, SelectionBasis, SplitStrategy
from ..text import ASSERTED, DEFERRED, asserted, mentions, numbers
from ..text.comparisons import figure_from_document, figures_dated_apart
from ..text.evaluation_sets import calls_it_the_test, tuned_on_named_test
from ..text.metrics import parse_metric, same_metric
from ..text.numbers import as_fraction
from ..text.selection import outcomes_only_where_acted
from .facts import (
    DELAY_TOLERANCE,
    PROBABILITY_TASKS,
    RANKING_TASKS,
    all_asserted,
    blank,
    days,
    evidence,
    features,
    name_tokens,
    first_asserted,
    label_delay,
    texts_of,
    unsettled_plan,
    quoted,
    row_name,
    sensitive_features,
    started,
)
from .finding import ANSWER, CROSS, TEXT, Severity
from .registry import Hit, check

PHASE = "modeling"


def _blank(text: str, concept: str = "") -> bool:
    return blank(text, concept) is not None


def _gap_evidence(text: str, concept: str = "") -> tuple[str, str]:
    """(the sentence that shows the gap, its basis) for a prose answer that does not give ``concept``."""
    gap = blank(text, concept)
    if gap and gap.sentence:
        return evidence(gap.sentence), TEXT
    return "", ANSWER


def _perceptual_inputs(project: Project):
    """The mention of images, sound or video as what the model reads, or None."""
    texts = (project.problem_framing.prediction_target, project.modeling.model_description,
             *(source.name for source in project.data.sources), *(f.description for f in project.data.features))
    return next((m for m in (asserted(text, "perceptual_inputs") for text in texts) if m), None)


@check("MO-001", "First model is complex", phase=PHASE, severity=Severity.WARNING, rules=(4, 14),
       refs=("ML Test Score Model 5",),
       reads=("problem_framing.prediction_target", "modeling.model_description", "data.features[*].description"))
def complex_first_model(project: Project) -> Iterator[Hit]:
    """The first model is a neural network or an ensemble of several models.

    The first version should prove the pipeline end to end with a simple, interpretable
    model; complexity hides infrastructure bugs and makes debugging harder (Rules 4, 14).
    A tip only when the model reads images, sound or video: there a small pretrained network
    is the simple first model.
    """
    family = project.modeling.model_family
    if family in (ModelFamily.NEURAL_NETWORK, ModelFamily.ENSEMBLE):
        # a simple model that came first and stays as fallback or reference is the debugging anchor Rule 4 asks for
        simple = asserted(project.modeling.model_description, "simple_model_first")
        perceptual = family is ModelFamily.NEURAL_NETWORK and not simple and _perceptual_inputs(project)
        if perceptual:
            yield Hit(
                message=f"The first model is a neural network on {perceptual.words!r}: for such inputs a small "
                        "pretrained network is the simple first model; keep its pipeline simple and its training "
                        "recipe standard, so data and serving bugs stay visible.",
                fix="Fine-tune a standard pretrained network with default settings first, and keep it as the "
                    "reference later models must beat.",
                field="modeling.model_family", evidence=evidence(perceptual.sentence), basis=TEXT,
                severity=Severity.ADVICE,
            )
            return
        yield Hit(
            message=f"The first model is '{family.label}'"
                    + (f", with a simpler model kept beside it ('{simple.words}'): keep comparing against it, so "
                       "data and serving bugs stay distinguishable from modelling problems." if simple else
                       ": bugs in data and serving will be hard to tell from modelling problems."),
            fix="Start with a linear/logistic model or a small tree-based model, get the pipeline right, and keep "
                "the complex model for a later iteration that must beat it.",
            field="modeling.model_family",
            evidence=evidence(simple.sentence) if simple else "",
            basis=TEXT if simple else ANSWER,
            severity=Severity.ADVICE if simple else None,
        )


@check("MO-002", "Calibration not checked", phase=PHASE, severity=Severity.WARNING, rules=(14,))
def calibration_unchecked(project: Project) -> Iterator[Hit]:
    """Predicted scores are not compared with observed rates (answered 'no'; for classifiers, also when not stated).

    Calibrated probabilities make bugs visible (predicted vs observed rate per bucket) and
    are what thresholds and expected-cost decisions rely on (Rule 14).
    """
    modeling = project.modeling
    unstated = (
        modeling.calibration_checked is None
        and project.problem_framing.ml_task in PROBABILITY_TASKS
        and started(modeling)
    )
    if modeling.calibration_checked is False or unstated:
        yield Hit(
            message="The model's predicted probabilities (scores) are not checked against observed rates.",
            fix="Compare predicted probabilities with observed rates per bucket (reliability curve) on the test "
                "set.",
            field="modeling.calibration_checked",
        )


_SPLIT_TEXTS = (
    "modeling.model_description", "modeling.baseline_comparison", "modeling.error_analysis",
    "modeling.offline_metrics[*].slice", "modeling.offline_metrics[*].threshold", "data.quality_notes",
    "modeling.gate.rationale", "model_card.evaluation_data.evaluation_dataset",
)
_TIME_TEXTS = ("data.label_source", "data.quality_notes", "problem_framing.label_definition",
               "problem_framing.prediction_target", "data.features[*].description")


def _random_split_in_text(project: Project) -> tuple[str, str] | None:
    """(path, sentence) of prose that describes a shuffled, random or k-fold evaluation split, if any.

    A random split used only to tune inside the training period (not for the figures reported), next to a test
    set taken after it, is not a leak; nor is a sentence that also describes a later test period.
    """
    found = all_asserted(project, _SPLIT_TEXTS, "random_split") + [
        (path, m) for path, m in all_asserted(project, _SPLIT_TEXTS, "random_selection")
        if mentions(_clause(m), "eval_context")
    ]
    for path, mention in found:
        if asserted(mention.sentence, "temporal_split"):
            continue
        if asserted(_clause(mention), "tuning_context") and not asserted(mention.sentence, "reported_evaluation"):
            continue  # tuning only; the sentence does not say the reported figures come from it
        return path, mention.sentence
    return None


def _clause(mention) -> str:
    """The clause of the sentence around a mention (for context words that must sit close to it)."""
    from ..text import analyse

    for sentence in analyse(mention.sentence).sentences:
        offset = mention.sentence.find(mention.words)
        for clause in sentence.clauses:
            if clause.start <= offset < clause.end:
                return clause.text
    return mention.sentence


def _time_ordered(project: Project) -> tuple[bool, str]:
    """Whether the data is time-ordered, and the sentence that says so when only the prose does."""
    if project.data.time_ordered is not None:
        return project.data.time_ordered, ""
    found = first_asserted(project, _TIME_TEXTS, "time_ordered_data")
    return (True, found[1].sentence) if found else (False, "")


@check("MO-003", "Random split on time-ordered data", phase=PHASE, severity=Severity.BLOCKER, rules=(33,),
       refs=("Leakage L3.1",), applies=lambda p: _time_ordered(p)[0], reads=_SPLIT_TEXTS)
def random_split_on_time(project: Project) -> Iterator[Hit]:
    """The data is time-ordered but test examples are not taken from after the training period.

    A random (or only grouped) split lets the model train on the future of its test
    examples; offline scores overstate what it will do on next month's data (Rule 33,
    temporal leakage L3.1). Found from the split answer, and from the modelling prose when
    it describes shuffled rows, a random hold-out or k-fold cross-validation as the
    evaluation, even when the split answer says 'temporal'. A random split that is only
    considered, rejected or used for tuning inside the training period is not a finding.
    """
    time_ordered, why = _time_ordered(project)
    if not time_ordered:
        return
    split = project.modeling.evaluation_split
    fix = ("Train on data up to a cut-off date and test on data after it (temporal split, grouped by entity where "
           "entities repeat), and describe the evaluation that way.")
    if split in (SplitStrategy.RANDOM, SplitStrategy.GROUPED):
        yield Hit(
            message=f"The data is time-ordered but the evaluation split is '{split.label}': the model is tested on "
                    "examples older than some of its training data.",
            fix=fix, field="modeling.evaluation_split", evidence=evidence(why), basis=TEXT if why else ANSWER,
        )
        return
    found = _random_split_in_text(project)
    if found:
        path, sentence = found
        contradicts = split in (SplitStrategy.TEMPORAL, SplitStrategy.TEMPORAL_GROUPED)
        yield Hit(
            message="The evaluation is described as a shuffled or random split of time-ordered data"
                    + (f", although the split answer says '{split.label}'" if contradicts else "")
                    + ": the test score overstates performance on future data.",
            fix=fix, field=path if not contradicts else "modeling.evaluation_split", evidence=evidence(sentence),
            basis=CROSS if contradicts else TEXT,
        )


_PREPROCESS_TEXTS = ("modeling.model_description", "data.quality_notes", "modeling.error_analysis",
                     "data.features[*].description", "modeling.baseline_comparison")


@check("MO-004", "Preprocessing fitted before the split", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L1.2", "Leakage L1.3"), reads=_PREPROCESS_TEXTS)
def preprocessing_before_split(project: Project) -> Iterator[Hit]:
    """Imputation, scaling, resampling or feature selection is fitted on data that includes the test set.

    Statistics learnt from the test set leak into training and inflate the offline score
    (leakage L1.2, L1.3). Also read from prose that says scaling, imputation, target encoding,
    SMOTE or feature selection was done on the full data before it was split.
    """
    modeling = project.modeling
    fix = ("Split first; fit imputers, scalers, encoders, resamplers and feature selection on the training set only "
           "(e.g. inside a pipeline).")
    found = next(((path, m) for path, text in texts_of(project, _PREPROCESS_TEXTS)
                  for m in [asserted(text, "preprocess_all")] if m), None)
    if modeling.fit_on_train_only is False:
        yield Hit(
            message="Preprocessing is fitted on data including the test set: test information leaks into training.",
            fix=fix, field="modeling.fit_on_train_only", evidence=evidence(found[1].sentence) if found else "",
        )
    elif found:
        path, fitted = found
        claimed = modeling.fit_on_train_only is True
        yield Hit(
            message=f"Preprocessing is fitted on all the data before the split ('{fitted.words}')"
                    + (", although the plan answers that it is fitted on training data only" if claimed else "")
                    + ": test information leaks into training.",
            fix=fix, field="modeling.fit_on_train_only" if claimed else path, evidence=evidence(fitted.sentence),
            basis=CROSS if claimed else TEXT,
        )


@check("MO-005", "Offline metric measured on training data", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L1.1",), applies=lambda p: bool(p.modeling.offline_metrics),
       reads=("modeling.offline_metrics[*].slice",))
def metric_on_training_data(project: Project) -> Iterator[Hit]:
    """An offline metric's slice says it is measured on the training data (or in-sample).

    A score on data the model has seen says nothing about new data; the go/no-go must use
    a separate test set (leakage L1.1: no test set).
    """
    for index, metric in enumerate(project.modeling.offline_metrics):
        where = metric.slice
        on_train = asserted(where, "training_data_eval")
        if on_train and not mentions(where, "held_out"):
            name = row_name(metric, index)
            yield Hit(
                message=f"Offline metric '{name}' is measured on '{where.strip()}', i.e. on data the model was "
                        "trained on.",
                fix=f"Measure '{name}' on a held-out test set that training never sees.",
                field=f"modeling.offline_metrics[{index}].slice",
                subject=name,
                evidence=evidence(on_train.sentence),
                basis=TEXT,
            )


@check("MO-006", "Models chosen on loss or accuracy", phase=PHASE, severity=Severity.WARNING, rules=(25,),
       refs=("ML Test Score Model 2",))
def loss_based_selection(project: Project) -> Iterator[Hit]:
    """Models are selected on loss, log-loss or plain accuracy.

    What matters is the decision the model drives (precision at the operating threshold,
    ranking quality, cost); a better loss does not guarantee a better decision (Rule 25).
    """
    if project.modeling.selection_basis is SelectionBasis.LOSS_OR_ACCURACY:
        yield Hit(
            message="Models are chosen by loss or accuracy rather than by the decision the model drives.",
            fix="Select on a decision metric: precision/recall at the operating threshold, ranking quality "
                "(e.g. NDCG@k) or expected cost.",
            field="modeling.selection_basis",
        )


@check("MO-007", "Only the team judges the model", phase=PHASE, severity=Severity.WARNING, rules=(23,))
def internal_judges_only(project: Project) -> Iterator[Hit]:
    """Human evaluation is only the internal team's review, or none is planned once modelling has started.

    The team is not a typical user; near-launch changes should be judged by raters, live
    experiments or usability tests with real users (Rule 23).
    """
    modeling = project.modeling
    chosen = set(modeling.human_evaluation)
    if chosen == {HumanEvaluation.INTERNAL_TEAM}:
        message = "The only human evaluation is the internal team's review."
    elif not chosen and started(modeling):
        message = "No human evaluation is planned besides offline metrics."
    else:
        return
    yield Hit(
        message=message,
        fix="Add external raters, a live A/B experiment or a usability test with real users.",
        field="modeling.human_evaluation",
    )


@check("MO-008", "No error analysis planned", phase=PHASE, severity=Severity.ADVICE, rules=(26,),
       reads=("modeling.error_analysis",))
def no_error_analysis(project: Project) -> Iterator[Hit]:
    """The plan does not say how wrong predictions will be inspected.

    Looking at the examples the model gets wrong is where new, useful features come from
    (Rule 26). Only reported once the Modeling phase is started.
    """
    modeling = project.modeling
    if started(modeling) and _blank(modeling.error_analysis):
        quote, basis = _gap_evidence(modeling.error_analysis)
        yield Hit(
            message="No error analysis is planned.",
            fix="Plan a review of misclassified or badly ranked examples, grouped into patterns, after each "
                "training run.",
            field="modeling.error_analysis",
            evidence=quote,
            basis=basis,
        )


@check("MO-009", "Undesirable behaviour is not measured", phase=PHASE, severity=Severity.ADVICE, rules=(27,))
def no_undesirable_behaviours(project: Project) -> Iterator[Hit]:
    """No known undesirable behaviour is listed with a way to measure it.

    Complaints the loss does not capture (offensive results, repetitive recommendations)
    must be turned into numbers before they can be optimised (Rule 27). Only reported once
    the Modeling phase is started.
    """
    modeling = project.modeling
    if started(modeling) and not modeling.undesirable_behaviours:
        yield Hit(
            message="No undesirable behaviour is listed with a measurement.",
            fix="List behaviours users or reviewers would object to, each with how it is counted.",
            field="modeling.undesirable_behaviours",
        )


@check("MO-010", "Model quality not checked per slice", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Model 6",))
def no_slices(project: Project) -> Iterator[Hit]:
    """No important slices are named, or slices are named but every offline metric is measured overall.

    A good average can hide a model that fails a region, a device or a customer segment;
    the gate asks that the model beat the baseline on every important slice (ML Test Score
    Model 6). Also found when the slices answer says there is one figure for everything ('one
    global figure', 'we do not divide the list'), for now or for good ('overall only for v1').
    """
    modeling = project.modeling
    if not started(modeling):
        return
    gap = unsettled_plan(modeling.slices, "slicing") if modeling.slices.strip() else None
    # 'overall only for v1' is overall only today, whatever a later version may add
    overall = next((m for m in mentions(modeling.slices, "overall_only") if m.polarity in (ASSERTED, DEFERRED)), None)
    if gap or overall:
        sentence = gap.sentence if gap else overall.sentence
        yield Hit(
            message="Quality is not measured per slice yet"
                    + (f" ({gap.describe()})." if gap else f" ('{overall.words}')."),
            fix="Name the segments the model must work for and add offline metrics (with thresholds) per slice.",
            field="modeling.slices", evidence=evidence(sentence), basis=TEXT,
        )
        return
    severity = None
    if _blank(modeling.slices, "slicing"):
        message, field = "No important data slices are named for evaluation.", "modeling.slices"
    elif modeling.offline_metrics and all(
        metric.slice.strip().lower() in ("", "overall", "all", "global") for metric in modeling.offline_metrics
    ):
        # slices named in prose with no restriction are measured; only their thresholds are missing: a tip
        message = "Important slices are named, but every offline metric threshold is set overall only."
        field, severity = "modeling.offline_metrics", Severity.ADVICE
    else:
        return
    yield Hit(
        message=message,
        fix="Name the segments the model must work for and add offline metrics (with thresholds) per slice.",
        field=field, severity=severity,
    )


@check("MO-011", "Sensitive features with no bias testing", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Model 7", "Fairness"), applies=lambda p: bool(sensitive_features(p)),
       reads=("modeling.bias_testing", "data.features[*].description"))
def no_bias_testing(project: Project) -> Iterator[Hit]:
    """Protected attributes or likely proxies feed the model, but no bias testing is planned (or it is put off).

    A model using such features can treat groups unequally; before it ships, the team
    must say which groups are compared, on which fairness metric and with which threshold
    (ML Test Score Model 7). Features count whatever their sensitivity answer says when
    their name or description looks like a protected attribute or a proxy (where someone
    lives, their name, language or school). A blocker when a protected attribute or a
    strong proxy is involved; a warning when only weak proxies are (device, browser, city).
    """
    sensitive = sensitive_features(project)
    text = project.modeling.bias_testing
    gap = unsettled_plan(text, "bias_test")
    if not sensitive or not gap:
        return
    names = [f"{item.name} ({item.reason})" for item in sensitive]
    quote, basis = (evidence(gap.sentence), TEXT) if gap.sentence else ("", ANSWER)
    yield Hit(
        message=f"{quoted(names)} feed the model, but no bias testing is planned.",
        fix="Plan bias testing: the groups compared, the fairness metric (e.g. equal opportunity difference) and the "
            "threshold that blocks the release.",
        field="modeling.bias_testing",
        evidence=quote,
        basis=basis,
        severity=None if any(item.strong for item in sensitive) else Severity.WARNING,
    )


@check("MO-012", "Training is not reproducible", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Infra 1", "Technical debt: reproducibility debt"))
def not_reproducible(project: Project) -> Iterator[Hit]:
    """Training is not reproducible (answered 'no', or not stated once modelling has started).

    If the same data and code do not give the same model, regressions cannot be traced
    and a rollback target cannot be rebuilt (ML Test Score Infra 1).
    """
    modeling = project.modeling
    if modeling.reproducible_training is False or (modeling.reproducible_training is None and started(modeling)):
        stated = "is not reproducible" if modeling.reproducible_training is False else "reproducibility is not stated"
        yield Hit(
            message=f"Training {stated}.",
            fix="Fix seeds, pin library versions and record the data version and code commit with each model.",
            field="modeling.reproducible_training",
        )


_LOOP_TEXTS = ("data.quality_notes", "data.label_source", "problem_framing.label_definition",
               "modeling.model_description", "modeling.error_analysis", "problem_framing.decision_supported",
               "monitoring.feedback_collection")


_MITIGATION_TEXTS = ("modeling.model_description", "modeling.ranking_feedback_mitigation", "deployment.rollout_plan",
                     "monitoring.feedback_collection", "data.label_source", "data.quality_notes",
                     "problem_framing.decision_supported", "monitoring.objective_review")


def _loop_countered(project: Project) -> bool:
    modeling = project.modeling
    if (modeling.filter_holdout_percent or 0) > 0 or project.monitoring.long_term_holdout:
        return True
    if not _blank(modeling.ranking_feedback_mitigation):
        return True
    return first_asserted(project, _MITIGATION_TEXTS, "loop_mitigation") is not None


def _only_where_acted(project: Project):
    """(path, mention) when the prose says plainly that the cases nobody acted on have no outcome."""
    for path, text in texts_of(project, ("data.label_source", "problem_framing.label_definition",
                                         "data.quality_notes")):
        mention = outcomes_only_where_acted(text)
        if mention:
            return path, mention
    return None


def _labels_from_the_action(project: Project):
    """(path, mention) when labels come from the follow-up the model's decision triggers: outcomes of the
    investigations, reviews or inspections it refers cases to exist only for the cases it referred."""
    action = first_asserted(project, ("problem_framing.decision_supported", "problem_framing.prediction_target"),
                            "model_action")
    if not action:
        return None
    return first_asserted(project, ("data.label_source", "problem_framing.label_definition"), "investigation_label")


@check("MO-013", "Feedback loop with no counter-measure", phase=PHASE, severity=Severity.WARNING,
       refs=("Technical debt: direct feedback loops",), reads=_LOOP_TEXTS)
def unmitigated_feedback_loop(project: Project) -> Iterator[Hit]:
    """Predictions influence future training data, and the plan has no counter-measure.

    When only the cases the model approved get outcomes, the next model learns from a
    biased sample and can lock in its own mistakes. Counter-measures: traffic held out from
    the model's decisions, a long-term holdout, or a written mitigation. Also found when the
    feedback-loop answer is 'no' (or missing) but the prose says outcomes are only seen for
    the cases let through ('only approved loans have an outcome', 'cases never audited have no
    label', 'every row is an offer the rules actually sent') or that the model's own
    outputs, or corrections of them, become the next labels: that is a warning (a blocker
    when outcomes are selected and the answer denies the loop), while a
    loop the team has acknowledged is advice to add a counter-measure. Also a warning when
    the answer is 'no' but the decision has people act on the cases the model ranks or puts
    above a cut (urgent orders for the listed lines, patrols of the top spans): the action
    changes the outcomes that become the next labels. Filters are left to MO-018 and
    rankings to MO-015, which ask for the same in their own terms.
    """
    modeling = project.modeling
    framing = project.problem_framing
    if modeling.feedback_loop:
        if _loop_countered(project):
            return
        if framing.acts_as_filter or framing.ml_task in RANKING_TASKS:
            return  # a filter's feedback loop is MO-018's finding, a ranking's is MO-015's
        yield Hit(
            message="Predictions shape the data the next model is trained on, and nothing corrects for it yet.",
            fix="Keep a small share of traffic outside the model's decisions to collect unbiased labels, or keep a "
                "long-term holdout.",
            field="modeling.feedback_loop",
            severity=Severity.ADVICE,  # acknowledged by the team: a counter-measure is good practice, not a gap
        )
        return
    selected = first_asserted(project, _LOOP_TEXTS, "selective_labels") or _only_where_acted(project) or \
        _labels_from_the_action(project)
    found = selected or first_asserted(project, _LOOP_TEXTS, "performative")
    echoed = None if found else first_asserted(project, _LOOP_TEXTS, "outputs_become_labels")
    # A loop the answers deny is a gap whatever else the plan does: the counter-measures were not chosen for it.
    if (found or echoed) and (modeling.feedback_loop is False or not _loop_countered(project)):
        _, mention = found or echoed
        said = ("outcomes are only seen for some cases" if selected else
                "the decision acts on the outcome it predicts" if found else
                "the model's own outputs become training labels")
        yield Hit(
            message=f"The plan says {said} ({mention.words!r})"
                    + (", although it answers that predictions do not influence future training data"
                       if modeling.feedback_loop is False else "")
                    + ": the next model learns from a sample the current decisions chose.",
            fix="Keep a small share of cases outside the model's (or today's) decisions to observe their outcomes, or "
                "correct for the selection (e.g. reject inference, propensity weights).",
            field="modeling.feedback_loop",
            evidence=evidence(mention.sentence),
            basis=CROSS if modeling.feedback_loop is False else TEXT,
            # outcomes only for the cases the model picks, and the answer denies any loop: it will go unchecked
            severity=Severity.BLOCKER if selected and modeling.feedback_loop is False else None,
        )
        return
    if modeling.feedback_loop is False and not (framing.acts_as_filter or framing.ml_task in RANKING_TASKS):
        # The answer denies a loop, yet people act on the cases the model ranks before their outcome is known:
        # what they do (an order, a repair, a call) changes the outcomes the next model learns from. As above, a
        # holdout kept elsewhere in the plan was not chosen for a loop the answer denies.
        acted = asserted(framing.decision_supported, "acts_on_selection")
        if acted:
            yield Hit(
                message=f"The plan answers that predictions do not influence future training data, but people act on "
                        f"the cases the model selects ('{acted.words}') before their outcome is known: the outcomes "
                        "the next model learns from are shaped by those actions.",
                fix="Record which cases were acted on and how, keep a small random share of cases outside the "
                    "model's selection to observe untreated outcomes, and answer the feedback-loop question 'yes'.",
                field="modeling.feedback_loop", evidence=evidence(acted.sentence), basis=CROSS,
            )


_POSITION_TOKENS = frozenset({"position", "slot", "rank", "ranking", "placement"})


# A rank that places a person or a thing on some other scale ('selection_rank', 'credit_rank') is not a slot on screen.
_OTHER_RANKS = frozenset({"selection", "admission", "entry", "academic", "class", "credit", "merit", "percentile",
                          "sales", "popularity", "seniority", "league", "risk", "priority"})


def _shown_in_positions(project: Project) -> str:
    """A feature that records where the item was shown (a slot, a rank): the task is ranked even when it is
    answered as a click classifier."""
    for _, feature, name in features(project):
        tokens = set(name_tokens(feature.name))
        if _POSITION_TOKENS & tokens and not (tokens & {"rank", "ranking"} and tokens & _OTHER_RANKS
                                                 and not tokens & {"position", "slot", "placement"}):
            return name
    return ""


def _ranked(project: Project) -> bool:
    return project.problem_framing.ml_task in RANKING_TASKS or bool(_shown_in_positions(project))


@check("MO-014", "Position bias not handled", phase=PHASE, severity=Severity.WARNING, rules=(36,),
       when="ranking and recommendation tasks, and models with a display-position feature", applies=_ranked,
       reads=("modeling.ranking_feedback_mitigation",))
def position_bias(project: Project) -> Iterator[Hit]:
    """A ranking or recommendation model (or one trained with the slot an item was shown in) does not handle
    position bias: answered 'not handled' or not stated, or 'other' with a mitigation that removes no bias.

    Items shown higher get more clicks whatever their quality; trained naively the model
    learns its own ranking back. Train with position as a feature and serve with a fixed
    default, uncrossed with other features (Rule 36).
    """
    task = project.problem_framing.ml_task
    handling = project.modeling.position_bias
    what = f"a {task.label.lower()} task" if task in RANKING_TASKS else \
        f"a model trained on where items were shown ('{_shown_in_positions(project)}')"
    fix = ("Add the display position as a training feature with a fixed default at serving time, and do not cross it "
           "with other features.")
    if handling in (None, PositionBias.NONE):
        yield Hit(
            message=f"This is {what} and position bias is "
                    f"{'not handled' if handling else 'not addressed'}: clicks on top slots will be learnt as "
                    "relevance.",
            fix=fix, field="modeling.position_bias",
        )
        return
    text = project.modeling.ranking_feedback_mitigation
    if handling is PositionBias.OTHER and not asserted(text, "position_handled"):
        yield Hit(
            message=f"This is {what}, and the position-bias answer is 'other' with no correction named"
                    + (f" ('{evidence(text)}')" if text.strip() else "") + ": the model still learns its own ranking.",
            fix=fix, field="modeling.position_bias", evidence=evidence(text) if text.strip() else "",
            basis=TEXT if text.strip() else ANSWER,
        )


@check("MO-015", "Ranking feedback skew not addressed", phase=PHASE, severity=Severity.WARNING, rules=(35,),
       when="ranking and recommendation tasks", applies=lambda p: p.problem_framing.ml_task in RANKING_TASKS,
       reads=("modeling.ranking_feedback_mitigation",))
def ranking_skew(project: Project) -> Iterator[Hit]:
    """A ranking or recommendation model has no stated mitigation for learning from its own rankings.

    Changing the ranking changes what users see and therefore the next training data;
    the plan should name a mitigation (exploration, regularising broad features,
    unbiased logging) (Rule 35).
    """
    task = project.problem_framing.ml_task
    if task in RANKING_TASKS and _blank(project.modeling.ranking_feedback_mitigation):
        yield Hit(
            message=f"This is a {task.label.lower()} task and nothing says how the model copes with training on "
                    "data its own rankings produced.",
            fix="Name a mitigation: a small exploration share of traffic, logging with propensities, or stronger "
                "regularisation of item-only features.",
            field="modeling.ranking_feedback_mitigation",
        )


@check("MO-016", "Ensemble is not kept simple", phase=PHASE, severity=Severity.ADVICE, rules=(40,),
       when="ensembles", applies=lambda p: p.modeling.model_family is ModelFamily.ENSEMBLE)
def complex_ensemble(project: Project) -> Iterator[Hit]:
    """An ensemble is planned without confirming it is simple (answered 'no', or not stated).

    Each model should be either a base model or a simple, monotonic combiner over
    calibrated inputs, never both, so that a better base model cannot make the ensemble
    worse (Rule 40). Advice: an ensemble as the first model is already MO-001's warning.
    """
    modeling = project.modeling
    if modeling.model_family is ModelFamily.ENSEMBLE and modeling.ensemble_simple is not True:
        yield Hit(
            message="The model is an ensemble and the plan does not confirm the combiner is simple and monotonic.",
            fix="Keep one layer of base models under a simple monotonic combiner over calibrated scores, and say "
                "so.",
            field="modeling.ensemble_simple",
        )


_POLICY_TEXTS = ("problem_framing.out_of_scope", "modeling.model_description", "problem_framing.non_ml_baseline",
                 "deployment.end_to_end_path", "monitoring.retraining_cadence",
                 "problem_framing.heuristics[*].description")


@check("MO-017", "Abuse handling mixed into the quality model", phase=PHASE, severity=Severity.WARNING,
       rules=(15,), when="projects with adversarial or abusive inputs",
       applies=lambda p: p.problem_framing.adversarial_content is not False, reads=_POLICY_TEXTS)
def no_policy_layer(project: Project) -> Iterator[Hit]:
    """Inputs can be adversarial, but spam/abuse filtering is not separated into a policy layer.

    Abuse changes fast and needs its own rules and model; a quality model that also fights
    spam is neither good at quality nor quick to react (Rule 15). Also found when a policy
    layer is claimed but the plan says the rules are frozen, folded into the model or
    switched off, and when the problem is fraud or abuse but the adversarial answer is missing.
    """
    framing, modeling = project.problem_framing, project.modeling
    if modeling.policy_layer and framing.adversarial_content is not False:
        removed = first_asserted(project, _POLICY_TEXTS, "policy_layer_removed")
        if removed:
            _, mention = removed
            yield Hit(
                message=f"Abuse handling is said to sit in a separate policy layer, but the plan says "
                        f"'{mention.words}': new schemes then wait for the next retrain.",
                fix="Keep the rules as a separate policy layer its owners can change within days, and remove abusive "
                    "examples from the model's training data.",
                field="modeling.policy_layer", evidence=evidence(mention.sentence), basis=CROSS,
            )
        return
    adversarial, why = framing.adversarial_content, ""
    if adversarial is None:
        found = first_asserted(project, ("problem_framing.problem_statement", "problem_framing.prediction_target"),
                               "adversarial")
        adversarial, why = (True, found[1].sentence) if found else (False, "")
    if adversarial and modeling.policy_layer is not True:
        yield Hit(
            evidence=evidence(why), basis=TEXT if why else ANSWER,
            message="Inputs can be adversarial, and abuse filtering is not kept in a separate policy layer.",
            fix="Filter abuse in its own layer (rules and/or a dedicated model) and remove abusive examples from "
                "the quality model's training data.",
            field="modeling.policy_layer",
        )


@check("MO-018", "Filter with no held-out traffic", phase=PHASE, severity=Severity.WARNING, rules=(34,),
       when="models that filter or block items", applies=lambda p: bool(p.problem_framing.acts_as_filter))
def filter_without_holdout(project: Project) -> Iterator[Hit]:
    """The model filters or blocks items, but no traffic bypasses it to collect unbiased labels.

    What a filter rejects is never seen again, so future training data only contains what
    passed; letting a small share (e.g. 1%) through gives clean labels (Rule 34).
    """
    modeling = project.modeling
    if project.problem_framing.acts_as_filter and not (modeling.filter_holdout_percent or 0) > 0:
        held = "0%" if modeling.filter_holdout_percent == 0 else "not stated"
        yield Hit(
            message=f"The model filters items, and the share of traffic held out from the filter is {held}.",
            fix="Let a small share of traffic (e.g. 1%) bypass the filter and label it, to train the next model on "
                "unbiased data.",
            field="modeling.filter_holdout_percent",
        )


_TEMPORAL = (SplitStrategy.TEMPORAL, SplitStrategy.TEMPORAL_GROUPED)


@check("MO-019", "Gap between training and test shorter than the label delay", phase=PHASE,
       severity=Severity.WARNING, rules=(33,), refs=("Leakage L3.1", "Label delay"),
       when="temporal splits with a stated gap",
       applies=lambda p: p.modeling.evaluation_split in _TEMPORAL and p.modeling.split_gap_days is not None
       and label_delay(p) is not None)
def gap_shorter_than_delay(project: Project) -> Iterator[Hit]:
    """A temporal split leaves less time between the last training example and the first test example than
    outcomes take to be known.

    In production, a model trained today has outcomes only for examples older than the
    label delay; a test set that starts right after the training cut-off lets training use
    outcomes that would not have been known yet, and scores the model on a period it
    partly 'saw' (Rule 33, temporal leakage L3.1). Leave a gap at least as long as the
    typical label delay.
    """
    gap = project.modeling.split_gap_days
    found = label_delay(project)
    if gap is None or found is None or project.modeling.evaluation_split not in _TEMPORAL:
        return
    delay, _ = found
    if gap < delay:
        yield Hit(
            message=f"The gap between training and test data is {days(gap)}, shorter than the {days(delay)} it "
                    "takes for an outcome to be known.",
            fix=f"Leave at least {days(delay)} between the training cut-off and the start of the test period (or "
                "train only on examples whose outcome was known at the cut-off).",
            field="modeling.split_gap_days",
        )


@check("MO-020", "Test period shorter than the label delay", phase=PHASE, severity=Severity.WARNING,
       rules=(33,), refs=("Label delay",), when="temporal splits with a stated test period",
       applies=lambda p: p.modeling.test_period_days is not None and label_delay(p) is not None)
def test_period_shorter_than_delay(project: Project) -> Iterator[Hit]:
    """The test period is shorter than the time it takes for an outcome to be known.

    A test period shorter than one outcome cycle is either built from examples whose
    outcome is still open (counted as negatives) or covers so little time that it cannot
    show how quality moves between retrainings; both flatter the model (Rule 33).
    """
    period = project.modeling.test_period_days
    found = label_delay(project)
    if period is None or found is None:
        return
    delay, _ = found
    if period < delay * DELAY_TOLERANCE:
        yield Hit(
            message=f"The test period is {days(period)}, shorter than the {days(delay)} label delay: it covers less "
                    "than one outcome cycle, and its latest examples may not have an outcome yet.",
            fix=f"Test on a period at least as long as the label delay ({days(delay)}), using only examples whose "
                "outcome is known.",
            field="modeling.test_period_days",
        )


# Words that name a time window or the test data as a whole ('most recent complete cohort'), not a segment of it.
_WHOLE_PERIOD = frozenset("""the a most recent latest last newest complete completed full matured whole entire test
holdout hold-out held-out cohort cohorts period periods month months week weeks quarter quarters year years window
season intake""".split())


def is_overall(slice_: str) -> bool:
    """A metric measured on everything ('', 'overall', 'all', 'overall (last 8 weeks)', 'most recent complete
    cohort'), not on one segment."""
    text = slice_.strip().lower()
    if not text or text.startswith(("overall", "all", "global", "total", "whole", "entire", "test")):
        return True
    words = text.replace("(", " ").replace(")", " ").replace(",", " ").split()
    return all(word in _WHOLE_PERIOD or word.isdigit() for word in words)


def threshold_value(text: str) -> tuple[float, str] | None:
    """The first number in a threshold answer, and how it is written ('>= 0.92 with coverage >= 70%' → 0.92)."""
    for q in numbers(text):
        if q.unit in ("", "%") and q.high is None:
            return (q.value / 100 if q.unit == "%" else q.value), q.text
    return None


def majority_share(project: Project) -> float | None:
    """What always predicting the majority class scores on accuracy (0..1), from the positive class share.

    With two classes the other class holds the rest; with several, the rest is spread over classes of unknown
    size, so only a share above one half says what the majority class scores."""
    share = project.problem_framing.positive_class_share_percent
    if share is None:
        return None
    if project.problem_framing.ml_task is MLTask.MULTICLASS_CLASSIFICATION:
        return share / 100 if share > 50 else None
    return max(share, 100 - share) / 100


@check("MO-021", "Accuracy target a trivial model would meet", phase=PHASE, severity=Severity.WARNING,
       rules=(25,), refs=("ML Test Score Model 5", "Class balance"),
       when="classification with a stated positive class share",
       applies=lambda p: majority_share(p) is not None and p.problem_framing.ml_task in PROBABILITY_TASKS)
def accuracy_below_majority(project: Project) -> Iterator[Hit]:
    """An offline accuracy target is no higher than what always predicting the majority class scores.

    With 3.8 % positives, a model that always says 'no' is 96.2 % accurate; a target of 95 %
    accuracy is met by a model that never finds a single positive (ML Test Score Model 5: a
    simpler model is not better). Also when accuracy is the target on strongly imbalanced
    classes (minority under 20 %), where it barely moves with the model's real quality. Name
    a metric of the positive class instead (precision and recall at the operating threshold,
    PR AUC). A release gate row a trivial model passes is DE-012's blocker.
    """
    majority = majority_share(project)
    if majority is None or project.problem_framing.ml_task not in PROBABILITY_TASKS:
        return
    for index, metric in enumerate(project.modeling.offline_metrics):
        parsed = parse_metric(metric.name)
        target = threshold_value(metric.threshold)
        if not parsed or parsed.key not in ("accuracy", "error_rate") or target is None:
            continue
        value, written = target
        value = as_fraction(value)
        if parsed.key == "error_rate":
            value = 1 - value  # an error rate of at most 15 % is an accuracy of at least 85 %
        name = row_name(metric, index)
        fix = ("Judge the model on the positive class: precision and recall at the operating threshold, or PR AUC, "
               "with targets above what the baseline reaches.")
        if value <= majority:
            yield Hit(
                message=f"Offline metric '{name}' targets {written}, but always predicting the majority class already "
                        f"scores {majority:.1%} accuracy.",
                fix=fix, field=f"modeling.offline_metrics[{index}].threshold", subject=name, basis=CROSS,
            )
        elif 1 - majority < 0.2:
            yield Hit(
                message=f"Offline metric '{name}' is accuracy on imbalanced classes ({1 - majority:.1%} in the "
                        f"minority): {written} is only {value - majority:.1%} above always predicting the majority "
                        "class.",
                fix=fix, field=f"modeling.offline_metrics[{index}].threshold", subject=name, basis=CROSS,
            )


def beats(metric_name: str, value: float, baseline: float) -> bool | None:
    """Whether a target ``value`` is better than the baseline on this metric (None when the metric is unknown)."""
    parsed = parse_metric(metric_name)
    if parsed is None:
        return None
    if parsed.bounded:
        value, baseline = as_fraction(value), as_fraction(baseline)
    return value > baseline if parsed.higher_is_better else value < baseline


@check("MO-022", "Target does not beat the baseline", phase=PHASE, severity=Severity.WARNING, rules=(1,),
       refs=("ML Test Score Model 5",), when="plans with a measured baseline",
       applies=lambda p: p.problem_framing.baseline_value is not None and bool(p.problem_framing.baseline_metric.strip()))
def target_below_baseline(project: Project) -> Iterator[Hit]:
    """An offline metric's target is no better than the baseline's measured value on the same metric.

    A model that only has to match the rule or process it replaces adds cost and risk for
    nothing; its targets must beat the baseline measured on the same evaluation data
    (Rule 1, ML Test Score Model 5: a simpler model is not better).
    """
    framing = project.problem_framing
    if framing.baseline_value is None or not framing.baseline_metric.strip():
        return
    for index, metric in enumerate(project.modeling.offline_metrics):
        target = threshold_value(metric.threshold)
        if not same_metric(metric.name, framing.baseline_metric) or target is None or not is_overall(metric.slice):
            continue
        value, written = target
        if beats(metric.name, value, framing.baseline_value) is False:
            name = row_name(metric, index)
            yield Hit(
                message=f"Offline metric '{name}' targets {written}, no better than the baseline's measured "
                        f"{framing.baseline_value:g} on {framing.baseline_metric.strip()}.",
                fix=f"Set the target for '{name}' above the baseline's value (by a margin that pays for the model), "
                    "measured on the same evaluation data.",
                field=f"modeling.offline_metrics[{index}].threshold",
                subject=name,
                basis=CROSS,
            )


_COMPARISON_TEXTS = ("modeling.baseline_comparison",)


@check("MO-023", "Baseline figure taken from other data", phase=PHASE, severity=Severity.WARNING, rules=(1, 25),
       refs=("ML Test Score Model 5",), reads=_COMPARISON_TEXTS)
def baseline_from_elsewhere(project: Project) -> Iterator[Hit]:
    """The model is compared with a baseline figure from somewhere else: a paper, another site, last year's report,
    a dashboard, an industry benchmark.

    A comparison only means something on the same test data with the same metric; a
    published or last year's figure describes another population and period (Rule 1,
    ML Test Score Model 5). Also found when the comparison dates its figures in different
    years ('the 2019 review put the list at 12 %; the model reaches 28 % on 2023/24'), whatever
    it calls the baseline's source, or takes a figure from a document or an estimate (an audit, a
    vendor's case study, published studies) in a part of a sentence that does not say it was
    measured on the test data. Quiet when the comparison also says both were scored on the
    same test data, or quotes the other figure for context only.
    """
    text = project.modeling.baseline_comparison
    if asserted(text, "same_data"):
        return
    fix = "Score the baseline on the same test data with the same metric as the model, and compare those two numbers."
    elsewhere = asserted(text, "external_figure")
    if elsewhere:
        yield Hit(
            message=f"The model is compared with a baseline figure from elsewhere ('{elsewhere.words}'), not with the "
                    "baseline scored on the same test data.",
            fix=fix, field="modeling.baseline_comparison", evidence=evidence(elsewhere.sentence), basis=TEXT,
        )
        return
    documented = figure_from_document(text)
    if documented:
        yield Hit(
            message=f"The baseline's figure is taken from a document ('{documented.source}'), not measured on the "
                    "test data the model was scored on.",
            fix=fix, field="modeling.baseline_comparison", evidence=evidence(documented.sentence), basis=TEXT,
        )
        return
    apart = figures_dated_apart(text)
    if apart:
        yield Hit(
            message=f"The comparison dates its figures in different years ({apart.earlier} and {apart.later}): the "
                    "baseline and the model were not scored on the same test data.",
            fix=fix, field="modeling.baseline_comparison", evidence=evidence(apart.sentence), basis=TEXT,
        )


_TUNING_TEXTS = ("modeling.error_analysis", "modeling.model_description", "modeling.baseline_comparison",
                 "problem_framing.threshold_rule", "modeling.offline_metrics[*].slice")


_ENTITY_TEXTS = ("modeling.model_description", "data.quality_notes", "data.label_source", "modeling.error_analysis")


@check("MO-024", "Same entities in training and test", phase=PHASE, severity=Severity.WARNING, rules=(33,),
       refs=("Leakage L3.2",), reads=_ENTITY_TEXTS)
def entity_overlap(project: Project) -> Iterator[Hit]:
    """The same customers, patients, machines or stores contribute rows to both the training and the test data.

    The model is rewarded for recognising entities it has seen rather than for generalising
    to new ones (non-independence, leakage L3.2). Read from prose that says entities appear
    in both sets, or that rows repeat per entity (one row per customer-month, several scans
    per patient) while the split is random and nothing says it is grouped. A temporal
    split, where existing customers are scored on later data, is not a finding; a random
    split of time-ordered data is MO-003's.
    """
    split = project.modeling.evaluation_split
    if split in (SplitStrategy.TEMPORAL, SplitStrategy.TEMPORAL_GROUPED):
        return
    fix = ("Split by entity (every row of a customer, patient or machine on one side, e.g. GroupKFold), temporally "
           "as well when the data is time-ordered, and report the score on entities the model has not seen.")
    overlap = first_asserted(project, _ENTITY_TEXTS, "entity_overlap")
    if overlap:
        path, mention = overlap
        grouped = split is SplitStrategy.GROUPED
        yield Hit(
            message=f"The plan says the same entities are in training and test data ('{mention.words}')"
                    + (", although the split answer says it is grouped by entity" if grouped else "")
                    + ": the test score rewards recognising them.",
            fix=fix, field="modeling.evaluation_split" if grouped else path, evidence=evidence(mention.sentence),
            basis=CROSS if grouped else TEXT,
        )
        return
    if split is not SplitStrategy.RANDOM or _time_ordered(project)[0]:
        return
    if first_asserted(project, _ENTITY_TEXTS, "grouped_by_entity"):
        return
    ungrouped = next((m for _, text in texts_of(project, _ENTITY_TEXTS)
                      for m in mentions(text, "grouped_by_entity") if m.polarity == "negated"), None)
    repeated = ungrouped or next((m for _, m in all_asserted(project, _ENTITY_TEXTS, "repeated_entity")), None)
    if repeated:
        yield Hit(
            message=f"Rows repeat per entity ('{repeated.words}') and the split is random, so the same entities "
                    "end up in training and test data.",
            fix=fix, field="modeling.evaluation_split", evidence=evidence(repeated.sentence), basis=CROSS,
        )


@check("MO-025", "Test set used to tune the model", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L1.1", "Lones 4.3"), reads=_TUNING_TEXTS)
def test_set_tuning(project: Project) -> Iterator[Hit]:
    """Features, settings, the checkpoint or the threshold are chosen by looking at the test set, which is then
    reported as if it were unseen.

    Each round of 'look at the test score, adjust, run again' fits the model to the test
    set; its score then overstates what happens on new data (leakage L1.1, sequential
    overfitting). Tune on a validation period and score the test set once. Also read across
    sentences: one names the test set ('test on May-Jun 2025 departures'), a later one tunes on
    it by pointing back ('picked on those May-Jun departures', 'early stopping uses that same
    window') or by its months.
    """
    for path, text in texts_of(project, _TUNING_TEXTS):
        tuned = asserted(text, "test_tuning")
        if not tuned:
            tuned = next((m for m in mentions(text, "tune_on_period")
                          if m.asserted and calls_it_the_test(m.sentence, m.words)), None)
        fix = ("Tune features, settings and thresholds on a validation set or period, and score the test set once, "
               "at the end.")
        if tuned:
            yield Hit(
                message=f"The test set is used to choose the model ('{tuned.words}'): its score is no longer an "
                        "estimate on unseen data.",
                fix=fix, field=path, evidence=evidence(tuned.sentence), basis=TEXT,
            )
            return
        again = tuned_on_named_test(text)
        if again:
            yield Hit(
                message="Settings are chosen, round after round, on the test set this answer names: its score is no "
                        "longer an estimate on unseen data.",
                fix=fix, field=path, evidence=evidence(again.text), basis=TEXT,
            )
            return
