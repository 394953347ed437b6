"""Whether a check applies to a project: what a JUnit report marks as *skipped*.

The registry declares a conditional check with ``when`` ("ranking and recommendation tasks",
"ensembles"…): it only looks at one kind of project. A check is **not applicable** when its
``when`` condition does not hold for the project, including when the answer the condition reads
(the ML task, the serving mode…) is not given yet, since then the check cannot fire either.
Every other check applies; it passes or fails on its findings.

The conditions are the registry's own words, read here as predicates over the project; a test
keeps this table in step with the registry, so a new conditional check is not silently taken
as always applicable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..checks import Check
from ..checks.facts import RANKING_TASKS
from ..model import ModelFamily, Project, ServingMode


@dataclass(frozen=True)
class Applicability:
    applies: bool
    reason: str = ""  # why it does not apply, in a sentence naming the answer it depends on


Condition = Callable[[Project], Applicability]
ONLINE_MODES = (ServingMode.ONLINE, ServingMode.STREAMING, ServingMode.EDGE)


def _answer(value: object) -> str:
    label = getattr(value, "label", None)
    return f"'{label}'" if label else "not answered"


def _ranking(project: Project) -> Applicability:
    task = project.problem_framing.ml_task
    return Applicability(task in RANKING_TASKS, f"the ML task is {_answer(task)}")


def _ranked(project: Project) -> Applicability:
    from ..checks.modeling import _shown_in_positions

    task = project.problem_framing.ml_task
    slot = _shown_in_positions(project)
    return Applicability(task in RANKING_TASKS or bool(slot),
                         f"the ML task is {_answer(task)} and no feature records where an item was shown")


def _ensemble(project: Project) -> Applicability:
    family = project.modeling.model_family
    return Applicability(family is ModelFamily.ENSEMBLE, f"the first model family is {_answer(family)}")


def _adversarial(project: Project) -> Applicability:
    value = project.problem_framing.adversarial_content
    said = "not answered" if value is None else "answered 'No'"
    return Applicability(value is True, f"whether inputs can be adversarial is {said}")


def _filter(project: Project) -> Applicability:
    value = project.problem_framing.acts_as_filter
    said = "not answered" if value is None else "answered 'No'"
    return Applicability(value is True, f"whether the model filters or blocks items is {said}")


def _online(project: Project) -> Applicability:
    mode = project.deployment.serving_mode
    return Applicability(mode in ONLINE_MODES, f"the serving mode is {_answer(mode)}")


def _screened(screening) -> str:  # type: ignore[no-untyped-def]
    if screening.tier is None:
        return "the EU AI Act screening is not answered"
    return f"the EU AI Act screening gives '{screening.label}'"


def _ai_act_templates(project: Project) -> Applicability:
    from ..compliance.screening import screen
    from ..compliance.templates import due_points, requirements
    from ..phases import PHASES

    screening = screen(project)
    applies = any(due_points(screening, p.key) or requirements(screening, p.key) for p in PHASES)
    return Applicability(applies, _screened(screening))


def _ai_act_prohibited(project: Project) -> Applicability:
    from ..compliance.screening import Tier, screen

    screening = screen(project)
    return Applicability(screening.tier is Tier.PROHIBITED, _screened(screening))


def _mlflow_linked(project: Project) -> Applicability:
    link = project.integrations.mlflow
    linked = bool(link.tracking_uri and link.registered_model)
    return Applicability(linked and link.current_snapshot() is not None,
                         "no MLflow registered model is linked and imported (not answered)" if not linked
                         else "the linked model has not been imported yet")


def _classification_share(project: Project) -> Applicability:
    from ..checks.facts import PROBABILITY_TASKS

    pf = project.problem_framing
    applies = pf.ml_task in PROBABILITY_TASKS and pf.positive_class_share_percent is not None
    share = "not answered" if pf.positive_class_share_percent is None else "answered"
    return Applicability(applies, f"the ML task is {_answer(pf.ml_task)} and the positive class share is {share}")


def _temporal(field: str, label: str) -> Condition:
    def condition(project: Project) -> Applicability:
        from ..model import SplitStrategy

        split = project.modeling.evaluation_split
        value = getattr(project.modeling, field)
        temporal = split in (SplitStrategy.TEMPORAL, SplitStrategy.TEMPORAL_GROUPED)
        said = "not answered" if value is None else "answered"
        return Applicability(temporal and value is not None,
                             f"the evaluation split is {_answer(split)} and the {label} is {said}")

    return condition


def _measured_baseline(project: Project) -> Applicability:
    value = project.problem_framing.baseline_value
    return Applicability(value is not None, "the baseline's measured value is not answered" if value is None
                         else "the baseline's value is answered")


CONDITIONS: dict[str, Condition] = {
    "classification with a stated positive class share": _classification_share,
    "temporal splits with a stated gap": _temporal("split_gap_days", "gap between training and test data"),
    "temporal splits with a stated test period": _temporal("test_period_days", "test period"),
    "plans with a measured baseline": _measured_baseline,
    "projects linked to an MLflow registered model": _mlflow_linked,
    "the EU AI Act screening finds a high-risk system, an Article 50 case or a claimed Article 6(3) exemption":
        _ai_act_templates,
    "the EU AI Act screening names an Article 5 practice": _ai_act_prohibited,
    "ranking and recommendation tasks": _ranking,
    "ranking and recommendation tasks, and models with a display-position feature": _ranked,
    "ensembles": _ensemble,
    "projects with adversarial or abusive inputs": _adversarial,
    "models that filter or block items": _filter,
    "online, streaming and edge serving": _online,
}


def applicability(entry: Check, project: Project) -> Applicability:
    """Whether ``entry`` applies to ``project``; a check without ``when`` always does.

    A ``when`` this table does not know yet counts as applicable: better a passing test case than
    a check hidden as skipped.
    """
    if not entry.when:
        return Applicability(True)
    condition = CONDITIONS.get(entry.when)
    if condition is None:
        return Applicability(True)
    result = condition(project)
    if result.applies:
        return result
    return Applicability(False, f"applies only to {entry.when}; {result.reason}")
