"""A registered model for the loan scenario, as a team would have logged it: two runs, two versions.

Version 1 is the release that serves (alias ``champion``): it misses the thin-file AUC target.
Version 2 is the retrained candidate (alias ``challenger``): it meets every target, logs a
confidence interval for AUC and names the default rate its own way, so the plan pairs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlflow import MlflowClient
from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param

V1_METRICS = {"auc": 0.794, "auc/thin-file": 0.688, "ks_statistic": 0.46, "default_rate_64pct": 0.031,
              "training_roc_auc": 0.9}
V2_METRICS = {"auc": 0.812, "auc_ci_lower": 0.801, "auc_ci_upper": 0.823, "auc/thin-file": 0.731,
              "auc/new-customers": 0.776, "ks_statistic": 0.483, "default_rate_64pct": 0.029, "system/cpu": 12.0}
DEFAULT_RATE_KEY = "default_rate_64pct"


@dataclass(frozen=True)
class Seeded:
    name: str
    runs: dict[str, str]  # version -> run id
    experiment_id: str


def _run(client: MlflowClient, experiment_id: str, metrics: dict[str, float], params: dict[str, str],
         datasets: list[tuple[str, str]]) -> str:
    run = client.create_run(experiment_id)
    client.log_batch(
        run.info.run_id,
        metrics=[Metric(key, value, 0, 0) for key, value in metrics.items()],
        params=[Param(key, value) for key, value in params.items()],
    )
    client.log_inputs(run.info.run_id, datasets=[
        DatasetInput(Dataset(name=name, digest=f"d{len(name)}{context[:3]}", source_type="local",
                             source='{"uri": "s3://harbourline-credit/' + name + '.parquet"}'),
                     tags=[InputTag("mlflow.data.context", context)])
        for name, context in datasets
    ])
    client.set_terminated(run.info.run_id)
    return run.info.run_id


def register_loan_model(url: str, name: str) -> Seeded:
    client = MlflowClient(tracking_uri=url, registry_uri=url)
    experiment_id = client.create_experiment(f"{name}-training")
    run1 = _run(client, experiment_id, V1_METRICS, {"max_depth": "6", "n_estimators": "400"},
                [("loans-2019-2023-train", "training"), ("loans-2019-2023-test", "evaluation")])
    run2 = _run(client, experiment_id, V2_METRICS, {"max_depth": "5", "n_estimators": "600"},
                [("loans-2019-2024-train", "training"), ("loans-2019-2024-test", "evaluation")])
    client.create_registered_model(name, tags={"team": "credit-risk"})
    client.create_model_version(name, f"runs:/{run1}/model", run_id=run1, tags={"trained_on": "2019-2023"})
    client.create_model_version(name, f"runs:/{run2}/model", run_id=run2, tags={"trained_on": "2019-2024"})
    client.set_registered_model_alias(name, "champion", "1")
    client.set_registered_model_alias(name, "challenger", "2")
    return Seeded(name, {"1": run1, "2": run2}, experiment_id)
