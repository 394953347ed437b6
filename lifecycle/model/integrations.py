"""Links from the plan to the systems a team already runs, and what was imported from them.

Today one integration: an MLflow tracking server and a registered model. The link (server URL,
model name, which version the plan describes, which aliases mean "serving production") is
the team's answer; the ``RegistrySnapshot`` is what the last import read from the registry.
The snapshot is saved with the project so that the registry-aware checks stay pure functions
of the project file (no network inside a check) and a reader of the file sees what the plan
was compared with, and when.

Credentials are never part of the file: the workbook uses the MLflow client's own
environment variables (``MLFLOW_TRACKING_USERNAME``/``PASSWORD`` or ``MLFLOW_TRACKING_TOKEN``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from .base import Row, Section
from .fields import SHORT_TEXT_MAX, TABLE_ROWS_MAX, text

# Registry names, tag values and parameters can be long; the file keeps a readable prefix.
VALUE_MAX = 500
SOURCE_MAX = 2_000
METRICS_MAX = 1_000  # metrics kept per run; a run logging more is cut, and the snapshot says so
PARAMS_MAX = 500
TAGS_MAX = 200
SERVER_MODELS_MAX = 500
DEFAULT_PRODUCTION_ALIASES = ("champion", "production", "prod")

Short = Annotated[str, StringConstraints(max_length=SHORT_TEXT_MAX)]
Value = Annotated[str, StringConstraints(max_length=VALUE_MAX)]
_CREDENTIALS_IN_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/@]*@", re.IGNORECASE)


class MetricKey(Row):
    """An explicit pairing of a plan target with the MLflow metric that measures it, for names the
    naming convention cannot match (e.g. a target written as a sentence)."""

    metric: str = text("Plan metric", "The metric's name as the plan writes it.", required=True)
    slice: str = text("Slice", "The slice as the plan writes it; empty or 'overall' for the whole data.")
    key: str = text("MLflow metric", "The metric key logged on the run, e.g. 'default_rate_at_64pct'.",
                    required=True)


class LoggedDataset(Row):
    """A data set logged as an input of the run (``mlflow.log_input``)."""

    name: Short = ""
    digest: Short = ""
    context: Short = Field(default="", description="What the run used it for: training, evaluation, …")
    source_type: Short = ""
    source: Annotated[str, StringConstraints(max_length=SOURCE_MAX)] = ""


class ImportedRun(Section):
    """The run that produced the chosen model version: what it measured, with which settings, on which data."""

    run_id: Short = ""
    run_name: Short = ""
    experiment_id: Short = ""
    status: Short = ""
    started_at: datetime | None = None
    metrics: dict[Short, float] = Field(default_factory=dict, max_length=METRICS_MAX)
    params: dict[Short, Value] = Field(default_factory=dict, max_length=PARAMS_MAX)
    datasets: list[LoggedDataset] = Field(default_factory=list, max_length=TABLE_ROWS_MAX)
    left_out: int = Field(default=0, ge=0, description="Metrics, params or datasets beyond the limits, not kept.")


class ImportedVersion(Row):
    """One version of the registered model as the registry showed it at import."""

    version: Short
    aliases: list[Short] = Field(default_factory=list, max_length=TAGS_MAX)
    tags: dict[Short, Value] = Field(default_factory=dict, max_length=TAGS_MAX)
    run_id: Short = ""
    status: Short = ""
    created_at: datetime | None = None
    description: Value = ""


class ServerModel(Row):
    """A registered model seen on the same tracking server, and the plan its tag points to."""

    name: Short
    aliases: dict[Short, Short] = Field(default_factory=dict, max_length=TAGS_MAX)  # alias -> version
    plan: Value = Field(default="", description="The plan named by its 'lifecycle.plan' tag; empty when none.")


class WriteBack(Section):
    """What the last write-back put into MLflow, so the file says where its documents are."""

    written_at: datetime | None = None
    version: Short = ""
    run_id: Short = ""
    artifacts: list[Short] = Field(default_factory=list, max_length=TAGS_MAX)
    tags: dict[Short, Value] = Field(default_factory=dict, max_length=TAGS_MAX)


class RegistrySnapshot(Section):
    """What an import read from the registry. Replaced whole by the next import."""

    imported_at: datetime | None = None
    tracking_uri: Short = ""
    model: Short = ""
    description: Value = ""
    tags: dict[Short, Value] = Field(default_factory=dict, max_length=TAGS_MAX)
    versions: list[ImportedVersion] = Field(default_factory=list, max_length=TABLE_ROWS_MAX)
    versions_left_out: int = Field(default=0, ge=0, description="Older versions beyond the limit, not listed.")
    version: Short = Field(default="", description="The version whose run was imported.")
    run: ImportedRun | None = None
    server_models: list[ServerModel] = Field(default_factory=list, max_length=SERVER_MODELS_MAX)
    card_results: list[Short] = Field(
        default_factory=list, max_length=TABLE_ROWS_MAX,
        description="Model Card results this import wrote ('metric|slice'), replaced by the next import.",
    )
    card_version: Short = Field(default="", description="The Model Card version text this import wrote.")


class MlflowLink(Section):
    """The project's registered model in MLflow."""

    tracking_uri: str = text(
        "Tracking server URL", "The MLflow tracking server, e.g. 'https://mlflow.example.com'. Credentials come "
        "from the app's environment (MLFLOW_TRACKING_USERNAME and _PASSWORD, or MLFLOW_TRACKING_TOKEN), never "
        "from the file.",
    )
    registered_model: str = text("Registered model", "The model's name in the MLflow Model Registry.")
    version: str = text(
        "Version the plan describes", "The model version whose run fills the Model Card; empty: the version "
        "holding a production alias, else the newest.",
    )
    production_aliases: list[Short] = Field(
        default_factory=lambda: list(DEFAULT_PRODUCTION_ALIASES), max_length=20,
        title="Production aliases",
        description="Aliases that mean 'serving production'; a version holding one needs a signed Deployment gate.",
    )
    metric_keys: list[MetricKey] = Field(
        default_factory=list, max_length=TABLE_ROWS_MAX, title="Metric pairings",
        description="Plan targets paired with the MLflow metric that measures them, where names differ.",
    )
    snapshot: RegistrySnapshot | None = None
    write_back: WriteBack | None = None

    @field_validator("tracking_uri")
    @classmethod
    def _no_credentials(cls, value: str) -> str:
        stripped = value.strip()
        if stripped and _CREDENTIALS_IN_URL.match(stripped):
            raise ValueError(
                "remove the user name and password from the URL; the app reads credentials from its environment "
                "(MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD or MLFLOW_TRACKING_TOKEN)"
            )
        if stripped and not re.match(r"^https?://[^\s/]+", stripped, re.IGNORECASE):
            raise ValueError("give the server's address starting with http:// or https://, e.g. http://mlflow:5000")
        return value

    @field_validator("production_aliases")
    @classmethod
    def _aliases(cls, value: list[str]) -> list[str]:
        cleaned: list[str] = []
        for alias in value:
            alias = alias.strip()
            if alias and alias.casefold() not in {a.casefold() for a in cleaned}:
                cleaned.append(alias)
        return cleaned

    @property
    def is_linked(self) -> bool:
        return bool(self.tracking_uri.strip() and self.registered_model.strip())

    def current_snapshot(self) -> RegistrySnapshot | None:
        """The imported snapshot if it belongs to the link as it is now (same server and model), else None."""
        snap = self.snapshot
        if not self.is_linked or snap is None:
            return None
        if snap.tracking_uri.strip().rstrip("/") != self.tracking_uri.strip().rstrip("/"):
            return None
        if snap.model.strip() != self.registered_model.strip():
            return None
        return snap


class Integrations(Section):
    mlflow: MlflowLink = Field(default_factory=MlflowLink)
