"""Phase 2: where the data comes from, what the features are, and who owns them."""

from __future__ import annotations

from pydantic import Field

from .base import Row, Section, StageGate
from .choices import (
    DataVersioning, FeatureLogging, FeatureOrigin, JoinMitigation, Refresh, Sampling, Sensitivity, SourceKind, ValueTiming,
)
from .fields import answer, many, text


class DataSource(Row):
    name: str = text("Source", "A table, API or feed.", required=True)
    owner: str = text("Owner", "Team or person who maintains it.", required=True)
    kind: SourceKind | None = answer("Kind", "Where it comes from.")
    refresh: Refresh | None = answer("Refresh", "How often it is updated.", required=True)
    contains_pii: bool | None = answer("Contains PII", "Personal data that needs privacy controls.", required=True)
    versioned: bool | None = answer("Versioned", "Can the exact data behind a model be recovered?")


class Feature(Row):
    name: str = text("Feature", "", required=True)
    description: str = text("Description", "What it means and why it should help.", required=True)
    source: str = text("Source", "The data source it is computed from.", required=True)
    owner: str = text("Owner", "Who maintains it (Rules of ML #11).", required=True)
    origin: FeatureOrigin | None = answer("Origin", "Observed, learned or external (Rules of ML #17).", required=True)
    available_at_prediction: bool | None = answer(
        "Known at prediction time", "Is the value known when the prediction is made? If not, it leaks the future.",
        required=True,
    )
    value_fixed: ValueTiming | None = answer(
        "When its value is fixed", "Relative to the moment of prediction: a value filled in later leaks the outcome.",
        required=True,
    )
    source_records_outcomes: bool | None = answer(
        "Source records outcomes",
        "Does its source system record what happened after the prediction (case management, chargebacks, repairs, "
        "collections, claims, returns, cancellations)?",
    )
    from_joined_table: bool | None = answer("From a joined table", "Looked up in a table that may change (Rules of ML #31).")
    sensitivity: Sensitivity | None = answer("Sensitivity", "Protected attribute or a likely proxy for one.")


class Data(Section):
    sources: list[DataSource] = many("Data sources", "Every source the training and serving data comes from.", required=True,
                                     group="Sources")
    access_and_privacy: str = text(
        "Access and privacy controls", "Who may read the data, de-identification, retention.", required=True, long=True,
        group="Sources",
    )
    label_source: str = text(
        "Where labels come from", "The system or process that records the outcome.", required=True, long=True, group="Labels",
    )
    labelled_examples: int | None = answer(
        "Labelled examples", "Roughly how many labelled examples training can use (Rules of ML #21).", required=True,
        group="Labels", ge=0,
    )
    training_window_months: float | None = answer(
        "Training window (months)", "How far back the training examples go.", group="Labels", ge=0, le=1_200,
    )
    time_ordered: bool | None = answer(
        "Is the data time-ordered?", "Do examples have a timestamp that matters (events, transactions, sessions)?",
        required=True, group="Labels",
    )
    features: list[Feature] = many("Features", "The inputs of the first model.", required=True, group="Features")
    sampling: Sampling | None = answer("Sampling", "How training data is subsampled (Rules of ML #30).", group="Pipeline")
    pipeline_reused: bool | None = answer(
        "Pipeline copied from another product?", "Inherited pipelines can drop data silently (Rules of ML #6).",
        group="Pipeline",
    )
    inherited_filters: str = text(
        "Inherited filters reviewed", "Which filters, sampling or logging scope came with the copied pipeline.", long=True,
        group="Pipeline",
    )
    joined_tables: JoinMitigation | None = answer(
        "Joined tables", "How features looked up in changing tables stay consistent (Rules of ML #31).", group="Pipeline",
    )
    serving_feature_logging: FeatureLogging | None = answer(
        "Serving-time feature logging", "Are the features used at serving logged for training (Rules of ML #29)?",
        required=True, group="Pipeline",
    )
    versioning: DataVersioning | None = answer("Data versioning", "How the data behind each model is kept.", group="Pipeline")
    schema_validation: bool | None = answer(
        "Data schema validated", "Are feature expectations written as a schema and checked on every run?", group="Quality",
    )
    deduplicated: bool | None = answer(
        "Duplicates removed before the split", "Duplicates across train and test inflate results.", group="Quality",
    )
    quality_notes: str = text("Known data quality issues", "Gaps, errors, biases in collection.", long=True, group="Quality")
    feature_retirement: str = text(
        "Feature clean-up policy", "How unused or low-coverage features are found and removed (Rules of ML #22).",
        long=True, group="Quality",
    )
    gate: StageGate = Field(default_factory=StageGate)
