"""Problem Framing checks: baseline, metrics, heuristics, label and objective."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import (
    DataAvailability,
    GateDecision,
    HeuristicDisposition,
    LabelType,
    MetricLogging,
    MetricStatus,
    Project,
)
from .facts import SUPERVISED_TASKS, placeholder, row_name
from .finding import Severity
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
       refs=("ML Test Score Model 5",))
def baseline_is_placeholder(project: Project) -> Iterator[Hit]:
    """The non-ML baseline answer is a placeholder such as 'none' or 'TBD'.

    A model is only worth its cost if it beats what is done today; with no baseline
    there is nothing to compare against and no fallback if the model fails (Rule 1,
    ML Test Score Model 5: a simpler model is not better).
    """
    baseline = project.problem_framing.non_ml_baseline
    if placeholder(baseline):
        yield Hit(
            message=f"The non-ML baseline is given as '{baseline.strip()}': the model has nothing to beat.",
            fix="Describe today's rule or manual process and its current performance; if there is none, define a "
                "simple heuristic (e.g. most popular item, last value) and measure it.",
            field="problem_framing.non_ml_baseline",
        )


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
                fix=f"Plan the logging for '{name}' now (set it to 'Logging to be built') so a baseline exists "
                    "before the model launches.",
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
            fix="Get the primary metric and its target signed off by the owner named on it, then set its status "
                "to 'Signed off'.",
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


@check("PF-006", "Heuristic with no decided fate", phase=PHASE, severity=Severity.WARNING, rules=(7,))
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


_BLEND = re.compile(
    r"\b(?:weighted\s+(?:sum|blend|combination|average|mix)|blend\s+of|combination\s+of|mix\s+of)\b"
    r"|\d(?:\.\d+)?\s*[*\u00d7]\s*[a-z]",
    re.IGNORECASE,
)


@check("PF-009", "Training objective blends several metrics", phase=PHASE, severity=Severity.ADVICE, rules=(12,))
def blended_objective(project: Project) -> Iterator[Hit]:
    """The training objective reads like a hand-weighted blend of several metrics.

    Early on most metrics move together; tuning weights between them wastes time. Pick
    one simple objective and track the others as metrics (Rule 12). Detected from wording
    such as 'weighted sum of' or '0.7*clicks'.
    """
    objective = project.problem_framing.training_objective
    if _BLEND.search(objective):
        yield Hit(
            message=f"The training objective '{objective.strip()}' combines several metrics with weights.",
            fix="Optimise a single objective for the first model and report the other quantities as metrics.",
            field="problem_framing.training_objective",
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
