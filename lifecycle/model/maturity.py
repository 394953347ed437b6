"""The MLOps maturity questionnaire: statements the team marks as holding, partly holding or not.

Five dimensions, four statements each, worded for this workbook. ``lifecycle.maturity``
maps them to Google's MLOps levels 0-2 and Microsoft's levels 0-4, pre-answers what the
phase forms already imply, and names what holds the project back. An answer left empty
here takes the pre-answer, if there is one; an answer given here always wins.
"""

from __future__ import annotations

from pydantic import Field

from .base import Section
from .fields import Choice, answer


class Agreement(Choice):
    # Not "yes"/"no": YAML 1.1 would read those as booleans.
    MET = "met", "Yes"
    PARTLY = "partly", "Partly"
    NOT_MET = "not_met", "No"


class DataPipelineMaturity(Section):
    automated_ingestion: Agreement | None = answer(
        "Training data is gathered by a scheduled or triggered job, not by hand",
        "A new training set can be produced without someone writing or running extraction queries.",
    )
    data_validation: Agreement | None = answer(
        "Every pipeline run checks the data against a written schema",
        "Types, ranges and missing values are checked, and a run stops or alerts when they are off.",
    )
    data_versioning: Agreement | None = answer(
        "The exact data behind any model can be recovered",
        "Every source of a training set is versioned or snapshotted, not only some of them.",
    )
    shared_feature_code: Agreement | None = answer(
        "Training and serving compute features with the same code",
        "One feature library or a feature store, so the model sees the same inputs in both places.",
    )


class TrainingMaturity(Section):
    experiment_tracking: Agreement | None = answer(
        "Training runs are tracked in one place",
        "Code version, parameters, data version and metrics of each run can be looked up later.",
    )
    reproducible_training: Agreement | None = answer(
        "Training is reproducible",
        "Running the same code on the same data gives the same model, or one within a known tolerance.",
    )
    automated_retraining: Agreement | None = answer(
        "Retraining starts without a person deciding",
        "On a schedule, when enough new data arrives, or when monitoring asks for it.",
    )
    model_registry: Agreement | None = answer(
        "Models are versioned in a registry with their metrics",
        "Each trained model is stored with its version, evaluation results and the data and code it came from.",
    )


class ReleaseMaturity(Section):
    automated_quality_gate: Agreement | None = answer(
        "A model below the agreed metrics is blocked from release automatically",
        "The pipeline compares the candidate with its thresholds (and the current model) and refuses a failing one.",
    )
    ci_tests: Agreement | None = answer(
        "Pipeline and model code are tested automatically on every change",
        "Unit tests of feature and model code and an integration test of the pipeline run in CI.",
    )
    automated_deployment: Agreement | None = answer(
        "A model that passes its checks is deployed without manual steps",
        "CI/CD promotes it through test and production environments; people approve, they do not copy files.",
    )
    gradual_rollout: Agreement | None = answer(
        "New models reach users gradually, with a way back",
        "Shadow, canary or A/B release with stop conditions, and a rollback to the previous model.",
    )


class MonitoringMaturity(Section):
    operational_alerts: Agreement | None = answer(
        "Failures, latency and resource use of the model service raise alerts",
        "Someone is told when the service or its batch job breaks or slows down.",
    )
    drift_alerts: Agreement | None = answer(
        "Changes in input or prediction distributions raise alerts",
        "Live data is compared with training data, and a threshold opens a ticket or pages someone.",
    )
    outcome_tracking: Agreement | None = answer(
        "Model quality is measured against real outcomes in production",
        "Predictions are joined to what actually happened, and the metric is watched over time.",
    )
    retraining_from_monitoring: Agreement | None = answer(
        "Monitoring starts retraining by itself",
        "A drift or decay signal triggers the training pipeline without waiting for a person.",
    )


class GovernanceMaturity(Section):
    named_owners: Agreement | None = answer(
        "Named people own the model, its alerts and its gate decisions",
        "An alert owner or rota, an owner per signal, and a named decision-maker at each stage gate.",
    )
    risk_review: Agreement | None = answer(
        "Fairness and risk of harm are checked before release and in production",
        "Bias testing on the groups that matter before launch, and a fairness signal afterwards.",
    )
    documentation: Agreement | None = answer(
        "The model card and data sheet are kept up to date",
        "Each release updates the documents that tell others what the model and its data are.",
    )
    traceability: Agreement | None = answer(
        "Any prediction can be traced to the model, code and data behind it",
        "From a logged prediction to the model version, the training run and the data set version.",
    )


class Maturity(Section):
    """The team's answers to the maturity questionnaire, answered once per project."""

    data_pipeline: DataPipelineMaturity = Field(default_factory=DataPipelineMaturity)
    training: TrainingMaturity = Field(default_factory=TrainingMaturity)
    release: ReleaseMaturity = Field(default_factory=ReleaseMaturity)
    monitoring: MonitoringMaturity = Field(default_factory=MonitoringMaturity)
    governance: GovernanceMaturity = Field(default_factory=GovernanceMaturity)
