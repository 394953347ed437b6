"""Modeling & Evaluation checks: first model, evaluation leakage, selection, fairness, feedback loops."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import HumanEvaluation, ModelFamily, PositionBias, Project, SelectionBasis, SplitStrategy
from .facts import (
    PROBABILITY_TASKS,
    RANKING_TASKS,
    placeholder,
    quoted,
    row_name,
    sensitive_features,
    sensitivity_label,
    started,
)
from .finding import Severity
from .registry import Hit, check

PHASE = "modeling"


def _blank(text: str) -> bool:
    return not text.strip() or placeholder(text)


@check("MO-001", "First model is complex", phase=PHASE, severity=Severity.WARNING, rules=(4, 14),
       refs=("ML Test Score Model 5",))
def complex_first_model(project: Project) -> Iterator[Hit]:
    """The first model is a neural network or an ensemble of several models.

    The first version should prove the pipeline end to end with a simple, interpretable
    model; complexity hides infrastructure bugs and makes debugging harder (Rules 4, 14).
    """
    family = project.modeling.model_family
    if family in (ModelFamily.NEURAL_NETWORK, ModelFamily.ENSEMBLE):
        yield Hit(
            message=f"The first model is '{family.label}': bugs in data and serving will be hard to tell from "
                    "modelling problems.",
            fix="Start with a linear/logistic model or a small tree-based model, get the pipeline right, and keep "
                "the complex model for a later iteration that must beat it.",
            field="modeling.model_family",
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


@check("MO-003", "Random split on time-ordered data", phase=PHASE, severity=Severity.BLOCKER, rules=(33,),
       refs=("Leakage L3.1",))
def random_split_on_time(project: Project) -> Iterator[Hit]:
    """The data is time-ordered but test examples are not taken from after the training period.

    A random (or only grouped) split lets the model train on the future of its test
    examples; offline scores overstate what it will do on next month's data (Rule 33,
    temporal leakage L3.1).
    """
    split = project.modeling.evaluation_split
    if project.data.time_ordered and split in (SplitStrategy.RANDOM, SplitStrategy.GROUPED):
        yield Hit(
            message=f"The data is time-ordered but the evaluation split is '{split.label}': the model is tested on "
                    "examples older than some of its training data.",
            fix="Train on data up to a cut-off date and test on data after it (temporal split, grouped by entity "
                "where entities repeat).",
            field="modeling.evaluation_split",
        )


@check("MO-004", "Preprocessing fitted before the split", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L1.2", "Leakage L1.3"))
def preprocessing_before_split(project: Project) -> Iterator[Hit]:
    """Imputation, scaling, resampling or feature selection is fitted on data that includes the test set.

    Statistics learnt from the test set leak into training and inflate the offline score
    (leakage L1.2, L1.3).
    """
    if project.modeling.fit_on_train_only is False:
        yield Hit(
            message="Preprocessing is fitted on data including the test set: test information leaks into "
                    "training.",
            fix="Split first; fit imputers, scalers, resamplers and feature selection on the training set only "
                "(e.g. inside a pipeline).",
            field="modeling.fit_on_train_only",
        )


_TRAINING_SET = re.compile(r"\b(?:train(?:ing)?(?:\s+(?:set|data|split))?|in[- ]sample)\b", re.IGNORECASE)
_HELD_OUT = re.compile(r"\b(?:test|holdout|held[- ]out|validation|out[- ]of[- ]time)\b", re.IGNORECASE)


@check("MO-005", "Offline metric measured on training data", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L1.1",))
def metric_on_training_data(project: Project) -> Iterator[Hit]:
    """An offline metric's slice says it is measured on the training data (or in-sample).

    A score on data the model has seen says nothing about new data; the go/no-go must use
    a separate test set (leakage L1.1: no test set).
    """
    for index, metric in enumerate(project.modeling.offline_metrics):
        where = metric.slice
        if _TRAINING_SET.search(where) and not _HELD_OUT.search(where):
            name = row_name(metric, index)
            yield Hit(
                message=f"Offline metric '{name}' is measured on '{where.strip()}', i.e. on data the model was "
                        "trained on.",
                fix=f"Measure '{name}' on a held-out test set that training never sees.",
                field=f"modeling.offline_metrics[{index}].slice",
                subject=name,
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


@check("MO-008", "No error analysis planned", phase=PHASE, severity=Severity.ADVICE, rules=(26,))
def no_error_analysis(project: Project) -> Iterator[Hit]:
    """The plan does not say how wrong predictions will be inspected.

    Looking at the examples the model gets wrong is where new, useful features come from
    (Rule 26). Only reported once the Modeling phase is started.
    """
    modeling = project.modeling
    if started(modeling) and _blank(modeling.error_analysis):
        yield Hit(
            message="No error analysis is planned.",
            fix="Plan a review of misclassified or badly ranked examples, grouped into patterns, after each "
                "training run.",
            field="modeling.error_analysis",
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
    Model 6).
    """
    modeling = project.modeling
    if not started(modeling):
        return
    if _blank(modeling.slices):
        message, field = "No important data slices are named for evaluation.", "modeling.slices"
    elif modeling.offline_metrics and all(
        metric.slice.strip().lower() in ("", "overall", "all", "global") for metric in modeling.offline_metrics
    ):
        message = "Important slices are named, but every offline metric is measured overall only."
        field = "modeling.offline_metrics"
    else:
        return
    yield Hit(
        message=message,
        fix="Name the segments the model must work for and add offline metrics (with thresholds) per slice.",
        field=field,
    )


@check("MO-011", "Sensitive features with no bias testing", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Model 7", "Fairness"))
def no_bias_testing(project: Project) -> Iterator[Hit]:
    """Protected attributes or likely proxies are used, but no bias testing is planned.

    A model using such features can treat groups unequally; before it ships, the team
    must say which groups are compared, on which fairness metric and with which
    threshold (ML Test Score Model 7).
    """
    sensitive = sensitive_features(project)
    if sensitive and _blank(project.modeling.bias_testing):
        names = [f"{name} ({sensitivity_label(feature)})" for _, feature, name in sensitive]
        yield Hit(
            message=f"{quoted(names)} feed the model, but no bias testing is planned.",
            fix="Plan bias testing: the groups compared, the fairness metric (e.g. equal opportunity difference) "
                "and the threshold that blocks the release.",
            field="modeling.bias_testing",
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


@check("MO-013", "Feedback loop with no counter-measure", phase=PHASE, severity=Severity.WARNING,
       refs=("Technical debt: direct feedback loops",))
def unmitigated_feedback_loop(project: Project) -> Iterator[Hit]:
    """Predictions influence future training data, and the plan has no counter-measure.

    When only the cases the model approved get outcomes, the next model learns from a
    biased sample and can lock in its own mistakes. Counter-measures: traffic held out from
    the model's decisions, a long-term holdout, or a written mitigation. Filters are left
    to MO-018 and rankings to MO-015, which ask for the same in their own terms.
    """
    modeling = project.modeling
    framing = project.problem_framing
    if not modeling.feedback_loop or framing.acts_as_filter or framing.ml_task in RANKING_TASKS:
        return  # a filter's feedback loop is MO-018's finding, a ranking's is MO-015's
    if (modeling.filter_holdout_percent or 0) > 0 or project.monitoring.long_term_holdout:
        return
    if not _blank(modeling.ranking_feedback_mitigation):
        return
    yield Hit(
        message="Predictions shape the data the next model is trained on, and nothing corrects for it.",
        fix="Keep a small share of traffic outside the model's decisions to collect unbiased labels, or keep a "
            "long-term holdout.",
        field="modeling.feedback_loop",
    )


@check("MO-014", "Position bias not handled", phase=PHASE, severity=Severity.WARNING, rules=(36,),
       when="ranking and recommendation tasks")
def position_bias(project: Project) -> Iterator[Hit]:
    """A ranking or recommendation model does not handle position bias (answered 'not handled', or not stated).

    Items shown higher get more clicks whatever their quality; trained naively the model
    learns its own ranking back. Train with position as a feature and serve with a fixed
    default, uncrossed with other features (Rule 36).
    """
    task = project.problem_framing.ml_task
    handling = project.modeling.position_bias
    if task in RANKING_TASKS and handling in (None, PositionBias.NONE):
        yield Hit(
            message=f"This is a {task.label.lower()} task and position bias is "
                    f"{'not handled' if handling else 'not addressed'}: clicks on top slots will be learnt as "
                    "relevance.",
            fix="Add the display position as a training feature with a fixed default at serving time, and do not "
                "cross it with other features.",
            field="modeling.position_bias",
        )


@check("MO-015", "Ranking feedback skew not addressed", phase=PHASE, severity=Severity.WARNING, rules=(35,),
       when="ranking and recommendation tasks")
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


@check("MO-016", "Ensemble is not kept simple", phase=PHASE, severity=Severity.WARNING, rules=(40,),
       when="ensembles")
def complex_ensemble(project: Project) -> Iterator[Hit]:
    """An ensemble is planned without confirming it is simple (answered 'no', or not stated).

    Each model should be either a base model or a simple, monotonic combiner over
    calibrated inputs, never both, so that a better base model cannot make the ensemble
    worse (Rule 40).
    """
    modeling = project.modeling
    if modeling.model_family is ModelFamily.ENSEMBLE and modeling.ensemble_simple is not True:
        yield Hit(
            message="The model is an ensemble and the plan does not confirm the combiner is simple and monotonic.",
            fix="Keep one layer of base models under a simple monotonic combiner over calibrated scores, and say "
                "so.",
            field="modeling.ensemble_simple",
        )


@check("MO-017", "Abuse handling mixed into the quality model", phase=PHASE, severity=Severity.WARNING,
       rules=(15,), when="projects with adversarial or abusive inputs")
def no_policy_layer(project: Project) -> Iterator[Hit]:
    """Inputs can be adversarial, but spam/abuse filtering is not separated into a policy layer.

    Abuse changes fast and needs its own rules and model; a quality model that also fights
    spam is neither good at quality nor quick to react (Rule 15).
    """
    if project.problem_framing.adversarial_content and project.modeling.policy_layer is not True:
        yield Hit(
            message="Inputs can be adversarial, and abuse filtering is not kept in a separate policy layer.",
            fix="Filter abuse in its own layer (rules and/or a dedicated model) and remove abusive examples from "
                "the quality model's training data.",
            field="modeling.policy_layer",
        )


@check("MO-018", "Filter with no held-out traffic", phase=PHASE, severity=Severity.WARNING, rules=(34,),
       when="models that filter or block items")
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
