"""Scoring the MLOps maturity questionnaire against Google's levels 0-2 and Microsoft's levels 0-4.

Every statement of ``lifecycle.model.maturity`` gets an effective answer: the team's, when
given; otherwise a pre-answer read off the phase forms (a drift-triggered retraining, a
canary with a rollback plan, the monitoring signals, data versioning…), shown as such and
overridable; otherwise none, which counts as not holding.

A level is a list of criteria, each a statement that must hold at least to some degree
("Yes", or "Partly" where the framework asks only for a start). Levels are cumulative: a
project is at the highest level whose criteria, and those of every level below it, hold.
What holds it back is the criteria of the next level that do not; each comes with a step.

Where the criteria come from (our reading of the two frameworks):

- Google level 1, ML pipeline automation: continuous training needs automated data
  gathering and validation, the same feature code in training and serving, tracked runs
  and a model registry (metadata), automatic retraining triggers and an automatic model
  validation gate. Level 2, CI/CD pipeline automation: the pipeline is tested and deployed
  by CI/CD, models reach production gradually, and live monitoring of drift and outcomes
  feeds the loop.
- Microsoft level 1, DevOps but no MLOps: a data pipeline, automated tests of the code and
  basic alerting, at least started. Level 2, automated training: automated data, tracked and
  reproducible training, a registry, scheduled or event-driven retraining. Level 3, automated
  model deployment: CI/CD release with tests, gradual release, full traceability back to
  versioned data. Level 4, full automated operations: retraining triggered by production
  metrics, drift and outcome monitoring, policy-based promotion.

The governance statements (owners, risk review, documentation) belong to neither level model
except traceability (Microsoft level 3); they count in the dimension scores and next steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .handoff import build_datasheet, build_model_card
from .model import (
    AlertAction,
    DataVersioning,
    FeatureLogging,
    InfraTest,
    Project,
    RetrainingTrigger,
    RolloutStrategy,
    Section,
    SignalKind,
)
from .model.maturity import (
    Agreement,
    DataPipelineMaturity,
    GovernanceMaturity,
    MonitoringMaturity,
    ReleaseMaturity,
    TrainingMaturity,
)
from .phases import PHASES
from .questions import Question, questions_of

SCORES = {Agreement.MET: 1.0, Agreement.PARTLY: 0.5, Agreement.NOT_MET: 0.0}
_RANK = {Agreement.NOT_MET: 0, Agreement.PARTLY: 1, Agreement.MET: 2}


# --- the questionnaire ------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    key: str  # field of Maturity
    title: str
    model: type[Section]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("data_pipeline", "Data pipeline", DataPipelineMaturity),
    Dimension("training", "Training", TrainingMaturity),
    Dimension("release", "Deployment and release", ReleaseMaturity),
    Dimension("monitoring", "Monitoring", MonitoringMaturity),
    Dimension("governance", "Governance and documentation", GovernanceMaturity),
)
DIMENSIONS_BY_KEY = {d.key: d for d in DIMENSIONS}

# What to do when a statement does not hold yet, in the order of the questionnaire.
STEPS: dict[str, str] = {
    "data_pipeline.automated_ingestion": "Turn the training-data extraction into a scheduled or triggered job that "
    "writes a dated training set without anyone running queries by hand.",
    "data_pipeline.data_validation": "Write the feature expectations down as a schema (types, ranges, missing "
    "values) and check it on every pipeline run, stopping the run when it fails.",
    "data_pipeline.data_versioning": "Version or snapshot every source behind a training set, so any model's "
    "exact data can be rebuilt.",
    "data_pipeline.shared_feature_code": "Move feature computation into one library (or a feature store) used by "
    "both training and serving.",
    "training.experiment_tracking": "Log every training run (code commit, data version, parameters, metrics) to "
    "one tracking service.",
    "training.reproducible_training": "Pin seeds, library versions and data versions so a rerun gives the same "
    "model, and check it once.",
    "training.automated_retraining": "Schedule retraining, or trigger it when enough new labelled data arrives, "
    "instead of waiting for someone to decide.",
    "training.model_registry": "Register every trained model with its version, metrics and lineage, and deploy "
    "only from the registry.",
    "release.automated_quality_gate": "Make the pipeline compare each candidate with its thresholds and the "
    "current model, and refuse to promote a failing one.",
    "release.ci_tests": "Run unit tests of feature and model code and an integration test of the whole pipeline in "
    "CI on every change.",
    "release.automated_deployment": "Let CI/CD promote a model that passed its checks through test and production, "
    "with people approving rather than copying files.",
    "release.gradual_rollout": "Release new models through a shadow, canary or A/B stage with stop conditions, "
    "and rehearse the rollback.",
    "monitoring.operational_alerts": "Alert an owner when the model service or batch job fails, slows down or "
    "runs out of resources.",
    "monitoring.drift_alerts": "Compare live input and prediction distributions with training data and open a "
    "ticket or page someone past a threshold.",
    "monitoring.outcome_tracking": "Join predictions to real outcomes as they arrive and watch the model's own "
    "quality metric, not only business KPIs.",
    "monitoring.retraining_from_monitoring": "Let a drift or decay alert start the training pipeline, with the "
    "quality gate deciding whether the new model ships.",
    "governance.named_owners": "Name an alert owner or rota, an owner for every signal and a decision-maker at "
    "every stage gate.",
    "governance.risk_review": "Test fairness on the groups that matter before release and add a fairness signal "
    "in production.",
    "governance.documentation": "Complete the Model Card and the Data Sheet and update them with each release.",
    "governance.traceability": "Log the model version with every prediction, and keep code and data versions with "
    "each model, so any decision can be traced.",
}


@dataclass(frozen=True)
class Statement:
    dimension: str
    question: Question

    @property
    def key(self) -> str:
        return f"{self.dimension}.{self.question.name}"

    @property
    def label(self) -> str:
        return self.question.label

    @property
    def path(self) -> tuple[str, str, str]:
        return ("maturity", self.dimension, self.question.name)

    @property
    def step(self) -> str:
        return STEPS[self.key]


def statements() -> tuple[Statement, ...]:
    return tuple(Statement(d.key, q) for d in DIMENSIONS for q in questions_of(d.model))


STATEMENTS_BY_KEY = {s.key: s for s in statements()}


# --- pre-answers from the phase forms ---------------------------------------------------------


@dataclass(frozen=True)
class PreAnswer:
    value: Agreement
    reason: str  # why, in terms of the answers it is read from
    source: str  # dotted path of the answer it is read from, for a link


PreAnswerRule = Callable[[Project], PreAnswer | None]
_MET, _PARTLY, _NOT_MET = Agreement.MET, Agreement.PARTLY, Agreement.NOT_MET
_AUTOMATIC_TRIGGERS = (RetrainingTrigger.SCHEDULE, RetrainingTrigger.NEW_DATA, RetrainingTrigger.PERFORMANCE,
                       RetrainingTrigger.DRIFT)
_ACTED_ON = (AlertAction.PAGE, AlertAction.TICKET, AlertAction.RETRAIN, AlertAction.ROLLBACK, AlertAction.HUMAN_REVIEW)
_OPERATIONAL = (SignalKind.LATENCY, SignalKind.RESOURCES, SignalKind.DEPENDENCY_CHANGE)
_DRIFT = (SignalKind.DATA_DRIFT, SignalKind.CONCEPT_DRIFT, SignalKind.PREDICTION_DISTRIBUTION,
          SignalKind.TRAINING_SERVING_SKEW)


def _flag(value: bool | None, label: str, source: str) -> PreAnswer | None:
    if value is None:
        return None
    return PreAnswer(_MET if value else _NOT_MET, f"'{label}' is {'Yes' if value else 'No'}", source)


def _data_validation(project: Project) -> PreAnswer | None:
    return _flag(project.data.schema_validation, "Data schema validated", "data.schema_validation")


def _data_versioning(project: Project) -> PreAnswer | None:
    data = project.data
    if data.versioning is None:
        return None
    said = f"data versioning is '{data.versioning.label}'"
    if data.versioning is DataVersioning.NONE:
        return PreAnswer(_NOT_MET, said, "data.versioning")
    if data.versioning is DataVersioning.SNAPSHOT:
        return PreAnswer(_PARTLY, said + ", a snapshot rather than versions of every source", "data.versioning")
    loose = [s.name.strip() for s in data.sources if s.versioned is False]
    if loose:
        return PreAnswer(_PARTLY, said + f", but {len(loose)} source(s) are not versioned: " + ", ".join(loose),
                         "data.sources")
    return PreAnswer(_MET, said + " and no source is marked unversioned", "data.versioning")


def _shared_feature_code(project: Project) -> PreAnswer | None:
    return _flag(project.deployment.shared_feature_code, "Same feature code for training and serving",
                 "deployment.shared_feature_code")


def _reproducible(project: Project) -> PreAnswer | None:
    return _flag(project.modeling.reproducible_training, "Training is reproducible", "modeling.reproducible_training")


def _automated_retraining(project: Project) -> PreAnswer | None:
    trigger = project.monitoring.retraining_trigger
    if trigger is None:
        return None
    said = f"the retraining trigger is '{trigger.label}'"
    if trigger in _AUTOMATIC_TRIGGERS:
        return PreAnswer(_MET, said + ", which needs no one to decide", "monitoring.retraining_trigger")
    return PreAnswer(_NOT_MET, said, "monitoring.retraining_trigger")


def _quality_gate(project: Project) -> PreAnswer | None:
    if not project.deployment.quality_gate.strip():
        return None
    return PreAnswer(_PARTLY, "a pre-release quality gate is described; answer Yes if a pipeline enforces it "
                     "without a person", "deployment.quality_gate")


def _ci_tests(project: Project) -> PreAnswer | None:
    tests = set(project.deployment.infra_tests)
    if not tests:
        return None
    said = f"{len(tests)} of {len(InfraTest)} infrastructure tests are in place"
    if {InfraTest.PIPELINE_INTEGRATION, InfraTest.MODEL_CODE_UNIT} <= tests:
        return PreAnswer(_MET, said + ", including the pipeline integration and model-code unit tests",
                         "deployment.infra_tests")
    return PreAnswer(_PARTLY, said + "; the pipeline integration or model-code unit test is missing",
                     "deployment.infra_tests")


def _gradual_rollout(project: Project) -> PreAnswer | None:
    deployment = project.deployment
    strategy = deployment.rollout_strategy
    if strategy is None:
        return None
    said = f"the rollout strategy is '{strategy.label}'"
    if strategy is RolloutStrategy.ALL_AT_ONCE:
        return PreAnswer(_NOT_MET, said, "deployment.rollout_strategy")
    if deployment.rollback_plan.strip():
        return PreAnswer(_MET, said + ", with a rollback plan", "deployment.rollout_strategy")
    return PreAnswer(_PARTLY, said + ", but there is no rollback plan", "deployment.rollback_plan")


def _signal_rule(kinds: tuple[SignalKind, ...], what: str) -> PreAnswerRule:
    def rule(project: Project) -> PreAnswer | None:
        signals = project.monitoring.signals
        if not signals:
            return None
        mine = [s for s in signals if s.kind in kinds]
        acted = [s for s in mine if s.action in _ACTED_ON]
        if acted:
            names = ", ".join(s.name.strip() for s in acted)
            return PreAnswer(_MET, f"{what} signals raise an alert: {names}", "monitoring.signals")
        if mine:
            return PreAnswer(_PARTLY, f"{what} signals exist but only feed a dashboard", "monitoring.signals")
        return PreAnswer(_NOT_MET, f"no {what} signal among the {len(signals)} monitoring signals",
                         "monitoring.signals")

    return rule


def _outcome_tracking(project: Project) -> PreAnswer | None:
    signals = project.monitoring.signals
    if not signals:
        return None
    quality = [s for s in signals if s.kind in (SignalKind.PREDICTION_QUALITY, SignalKind.CONCEPT_DRIFT)]
    if any(s.action in _ACTED_ON for s in quality):
        names = ", ".join(s.name.strip() for s in quality)
        return PreAnswer(_MET, f"prediction quality is watched against outcomes: {names}", "monitoring.signals")
    if quality:
        return PreAnswer(_PARTLY, "prediction quality is measured but only feeds a dashboard", "monitoring.signals")
    if any(s.kind is SignalKind.BUSINESS_KPI for s in signals):
        return PreAnswer(_PARTLY, "only business KPIs are watched, not the model's own quality", "monitoring.signals")
    return PreAnswer(_NOT_MET, "no signal measures predictions against outcomes", "monitoring.signals")


def _retraining_from_monitoring(project: Project) -> PreAnswer | None:
    monitoring = project.monitoring
    trigger = monitoring.retraining_trigger
    if trigger in (RetrainingTrigger.DRIFT, RetrainingTrigger.PERFORMANCE):
        return PreAnswer(_MET, f"the retraining trigger is '{trigger.label}'", "monitoring.retraining_trigger")
    retrain = [s.name.strip() for s in monitoring.signals if s.action is AlertAction.RETRAIN]
    if retrain:
        return PreAnswer(_MET, "signals trigger retraining: " + ", ".join(retrain), "monitoring.signals")
    if trigger is None:
        return None
    return PreAnswer(_NOT_MET, f"the retraining trigger is '{trigger.label}' and no signal's action is "
                     "'Trigger retraining'", "monitoring.retraining_trigger")


def _named_owners(project: Project) -> PreAnswer | None:
    monitoring = project.monitoring
    if not monitoring.alert_owner.strip():
        return None if not monitoring.signals else PreAnswer(_NOT_MET, "no alert owner is named",
                                                              "monitoring.alert_owner")
    gaps = []
    unowned = [s.name.strip() for s in monitoring.signals if not s.owner.strip()]
    if unowned:
        gaps.append("signals without an owner: " + ", ".join(unowned))
    gates = [(p.title, p.answers(project).gate) for p in PHASES]
    undecided = [title for title, gate in gates if gate.decision and not gate.decided_by.strip()]
    if undecided:
        gaps.append("gate decisions without a name: " + ", ".join(undecided))
    if gaps:
        return PreAnswer(_PARTLY, "an alert owner is named, but " + "; ".join(gaps), "monitoring.alert_owner")
    return PreAnswer(_MET, "an alert owner is named, every signal has an owner and every gate decision a name",
                     "monitoring.alert_owner")


def _risk_review(project: Project) -> PreAnswer | None:
    tested = bool(project.modeling.bias_testing.strip())
    watched = any(s.kind is SignalKind.FAIRNESS for s in project.monitoring.signals)
    if tested and watched:
        return PreAnswer(_MET, "bias testing is planned and a fairness signal is monitored", "modeling.bias_testing")
    if tested:
        return PreAnswer(_PARTLY, "bias testing is planned, but no fairness signal is monitored", "monitoring.signals")
    if watched:
        return PreAnswer(_PARTLY, "a fairness signal is monitored, but no bias testing is planned",
                         "modeling.bias_testing")
    if project.modeling.model_family is None and not project.monitoring.signals:
        return None
    return PreAnswer(_NOT_MET, "no bias testing and no fairness signal", "modeling.bias_testing")


def _documentation(project: Project) -> PreAnswer | None:
    card, sheet = build_model_card(project).ratio, build_datasheet(project).ratio
    said = f"the Model Card is {round(100 * card)}% and the Data Sheet {round(100 * sheet)}% complete"
    weakest = min(card, sheet)
    value = _MET if weakest >= 0.9 else _PARTLY if weakest >= 0.5 else _NOT_MET
    return PreAnswer(value, said, "model_card" if card <= sheet else "datasheet")


def _traceability(project: Project) -> PreAnswer | None:
    data, modeling = project.data, project.modeling
    parts = {
        "data and code versioned together or in a data-versioning system":
            data.versioning in (DataVersioning.WITH_CODE, DataVersioning.TOOL) if data.versioning else None,
        "reproducible training": modeling.reproducible_training,
        "every served feature logged": data.serving_feature_logging is FeatureLogging.ALL
        if data.serving_feature_logging else None,
    }
    known = {name: held for name, held in parts.items() if held is not None}
    if not known:
        return None
    held = [name for name, ok in known.items() if ok]
    missing = [name for name, ok in parts.items() if not ok]
    if not missing:
        return PreAnswer(_MET, "data and code are versioned, training is reproducible and served features are logged",
                         "data.versioning")
    value = _PARTLY if held else _NOT_MET
    return PreAnswer(value, "missing: " + "; ".join(missing), "data.serving_feature_logging"
                     if "every served feature logged" in missing else "data.versioning")


PRE_ANSWERS: dict[str, PreAnswerRule] = {
    "data_pipeline.data_validation": _data_validation,
    "data_pipeline.data_versioning": _data_versioning,
    "data_pipeline.shared_feature_code": _shared_feature_code,
    "training.reproducible_training": _reproducible,
    "training.automated_retraining": _automated_retraining,
    "release.automated_quality_gate": _quality_gate,
    "release.ci_tests": _ci_tests,
    "release.gradual_rollout": _gradual_rollout,
    "monitoring.operational_alerts": _signal_rule(_OPERATIONAL, "operational (latency, resources, dependencies)"),
    "monitoring.drift_alerts": _signal_rule(_DRIFT, "drift (inputs, predictions, skew)"),
    "monitoring.outcome_tracking": _outcome_tracking,
    "monitoring.retraining_from_monitoring": _retraining_from_monitoring,
    "governance.named_owners": _named_owners,
    "governance.risk_review": _risk_review,
    "governance.documentation": _documentation,
    "governance.traceability": _traceability,
}


def pre_answers(project: Project) -> dict[str, PreAnswer]:
    """Statement key -> what the phase forms imply, for the statements they say something about."""
    found = {}
    for key, rule in PRE_ANSWERS.items():
        answer = rule(project)
        if answer is not None:
            found[key] = answer
    return found


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    given: Agreement | None  # the team's answer in the project file
    pre: PreAnswer | None

    @property
    def effective(self) -> Agreement | None:
        if self.given is not None:
            return self.given
        return self.pre.value if self.pre else None

    @property
    def origin(self) -> str:
        """'team' (answered in the questionnaire), 'pre-answer' (read off the forms) or 'unanswered'."""
        if self.given is not None:
            return "team"
        return "pre-answer" if self.pre else "unanswered"

    @property
    def overrides(self) -> bool:
        """The team's answer differs from what the forms imply."""
        return self.given is not None and self.pre is not None and self.given != self.pre.value

    @property
    def score(self) -> float:
        return SCORES.get(self.effective, 0.0) if self.effective else 0.0

    def holds(self, minimum: Agreement = Agreement.MET) -> bool:
        return self.effective is not None and _RANK[self.effective] >= _RANK[minimum]

    @property
    def shown(self) -> str:
        return self.effective.label if self.effective else "Not answered"


@dataclass(frozen=True)
class Criterion:
    key: str  # statement key
    minimum: Agreement = Agreement.MET


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    summary: str
    criteria: tuple[Criterion, ...] = ()


@dataclass(frozen=True)
class Framework:
    key: str
    title: str
    levels: tuple[Level, ...]  # from level 0 up; level 0 has no criteria


def _c(*keys: str, minimum: Agreement = Agreement.MET) -> tuple[Criterion, ...]:
    return tuple(Criterion(key, minimum) for key in keys)


GOOGLE = Framework("google", "Google Cloud MLOps levels", (
    Level(0, "Manual process", "Training and release are manual, script- or notebook-driven steps; the model is "
          "handed over as a file and rarely replaced."),
    Level(1, "ML pipeline automation", "The training pipeline runs by itself on fresh data (continuous training), "
          "with automatic data and model validation and tracked metadata.", _c(
              "data_pipeline.automated_ingestion", "data_pipeline.data_validation", "data_pipeline.shared_feature_code",
              "training.experiment_tracking", "training.model_registry", "training.automated_retraining",
              "release.automated_quality_gate")),
    Level(2, "CI/CD pipeline automation", "The pipeline itself is tested and deployed by CI/CD, models reach users "
          "gradually, and monitoring of live data and outcomes closes the loop.", _c(
              "release.ci_tests", "release.automated_deployment", "release.gradual_rollout", "monitoring.drift_alerts",
              "monitoring.outcome_tracking")),
))

MICROSOFT = Framework("microsoft", "Microsoft MLOps maturity model", (
    Level(0, "No MLOps", "Data is gathered by hand, experiments are not tracked, and models are built and released "
          "manually."),
    Level(1, "DevOps but no MLOps", "A data pipeline, automated builds and tests of the code, and basic alerting "
          "exist; training and model release are still manual.", (
              *_c("data_pipeline.automated_ingestion", "release.ci_tests", "monitoring.operational_alerts",
                  minimum=Agreement.PARTLY),
          )),
    Level(2, "Automated training", "Training runs as a tracked, reproducible, scheduled or event-driven job that "
          "registers its models.", _c(
              "data_pipeline.automated_ingestion", "training.experiment_tracking", "training.reproducible_training",
              "training.model_registry", "training.automated_retraining")),
    Level(3, "Automated model deployment", "Models are released by CI/CD with tests, gradually, and every "
          "deployment traces back to its code and data.", _c(
              "release.automated_deployment", "release.ci_tests", "release.gradual_rollout",
              "data_pipeline.data_versioning", "governance.traceability")),
    Level(4, "Full MLOps automated operations", "Production metrics trigger retraining, and promotion follows "
          "policy checks without manual steps.", _c(
              "monitoring.retraining_from_monitoring", "monitoring.drift_alerts", "monitoring.outcome_tracking",
              "release.automated_quality_gate")),
))

FRAMEWORKS = (GOOGLE, MICROSOFT)


@dataclass(frozen=True)
class Shortfall:
    """A criterion that does not hold: the statement, what it needs, and the level it blocks."""

    result: StatementResult
    needed: Agreement
    level: int

    @property
    def reason(self) -> str:
        return (f"{self.result.statement.label}: {self.result.shown.lower()}"
                + ("" if self.needed is Agreement.MET else f" (needs at least '{self.needed.label}')"))

    @property
    def step(self) -> str:
        return self.result.statement.step


@dataclass(frozen=True)
class LevelAssessment:
    framework: Framework
    level: Level
    held: tuple[StatementResult, ...]  # the criteria of the levels reached (why the level holds)
    held_back_by: tuple[Shortfall, ...]  # criteria of the next level that do not hold

    @property
    def next_level(self) -> Level | None:
        following = [lv for lv in self.framework.levels if lv.number == self.level.number + 1]
        return following[0] if following else None

    @property
    def top(self) -> int:
        return self.framework.levels[-1].number

    @property
    def next_steps(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.step for s in self.held_back_by))

    @property
    def headline(self) -> str:
        return f"Level {self.level.number} of {self.top}: {self.level.name}"


@dataclass(frozen=True)
class DimensionScore:
    dimension: Dimension
    results: tuple[StatementResult, ...]

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.score)

    def count(self, value: Agreement | None) -> int:
        return sum(r.effective == value for r in self.results)


@dataclass(frozen=True)
class MaturityAssessment:
    results: tuple[StatementResult, ...]
    dimensions: tuple[DimensionScore, ...]
    google: LevelAssessment
    microsoft: LevelAssessment

    @property
    def overall(self) -> int:
        """Mean of the dimension scores, 0-100."""
        return round(100 * sum(d.score for d in self.dimensions) / len(self.dimensions))

    @property
    def by_key(self) -> dict[str, StatementResult]:
        return {r.statement.key: r for r in self.results}

    def result(self, key: str) -> StatementResult:
        return self.by_key[key]

    @property
    def next_steps(self) -> tuple[str, ...]:
        """Steps toward the next level of either framework, then the other statements that do not hold."""
        steps = [*self.google.next_steps, *self.microsoft.next_steps]
        steps += [r.statement.step for r in self.results if not r.holds()]
        return tuple(dict.fromkeys(steps))


def _given(project: Project, statement: Statement) -> Any:
    return getattr(getattr(project.maturity, statement.dimension), statement.question.name)


def _assess_levels(framework: Framework, by_key: dict[str, StatementResult]) -> LevelAssessment:
    reached = framework.levels[0]
    held: list[StatementResult] = []
    shortfalls: tuple[Shortfall, ...] = ()
    for level in framework.levels[1:]:
        failing = tuple(
            Shortfall(by_key[c.key], c.minimum, level.number)
            for c in level.criteria if not by_key[c.key].holds(c.minimum)
        )
        if failing:
            shortfalls = failing
            break
        reached = level
        held += [by_key[c.key] for c in level.criteria]
    return LevelAssessment(framework, reached, tuple(dict.fromkeys(held)), shortfalls)


def assess(project: Project) -> MaturityAssessment:
    implied = pre_answers(project)
    results = tuple(StatementResult(s, _given(project, s), implied.get(s.key)) for s in statements())
    by_key = {r.statement.key: r for r in results}
    dimensions = tuple(
        DimensionScore(d, tuple(r for r in results if r.statement.dimension == d.key)) for d in DIMENSIONS
    )
    return MaturityAssessment(
        results=results,
        dimensions=dimensions,
        google=_assess_levels(GOOGLE, by_key),
        microsoft=_assess_levels(MICROSOFT, by_key),
    )
