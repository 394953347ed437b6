"""The Deployment page's buttons against the real MLflow server (in AppTest): import, sign, write back."""

from __future__ import annotations

import uuid

import pytest
from mlflow import MlflowClient
from streamlit.testing.v1 import AppTest

from lifecycle.integrations.mlflow import client
from lifecycle.model.integrations import MetricKey, MlflowLink
from lifecycle.samples import load_sample
from lifecycle.storage import project_document
from tests.app.conftest import APP, answer
from tests.mlflow_seed import DEFAULT_RATE_KEY, V2_METRICS, register_loan_model
from tests.mlflow_server import Server


@pytest.fixture(autouse=True)
def project_store(tmp_path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'projects.db'}"
    monkeypatch.setenv("LIFECYCLE_STORE_URL", url)
    monkeypatch.setenv("LIFECYCLE_SEED_SAMPLES", "0")
    for name in client.DEFAULT_ENV:
        monkeypatch.delenv(name, raising=False)
    return url


def test_import_sign_and_write_back_from_the_deployment_page(mlflow_admin: Server) -> None:
    model = f"clearlend-pd-page-{uuid.uuid4().hex[:6]}"
    seeded = register_loan_model(mlflow_admin.url, model)
    project = load_sample("loan")
    # The loan is a high-risk system (EU AI Act): its Deployment gate also needs these Annex IV answers.
    project.ai_act.documentation.standards_applied = "ISO/IEC 42001 controls for the model lifecycle."
    project.ai_act.documentation.declaration_of_conformity = "Drafted by Legal; signed before go-live."
    project.integrations.mlflow = MlflowLink(
        tracking_uri=mlflow_admin.url, registered_model=model, version="2",
        metric_keys=[MetricKey(metric="12-month default rate of approved loans at a 64% approval rate",
                               key=DEFAULT_RATE_KEY),
                     MetricKey(metric="AUC", slice="validation loans", key="auc")],
    )
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.session_state["project"] = project_document(project)
    at.switch_page("pages/deployment.py").run()
    at.button(key="mlflow-import").click().run()
    assert not at.exception
    assert any(f"Imported '{model}' (2 versions); the plan now describes version 2" in s.value.replace("\\", "")
               for s in at.success)
    results = {(r["metric"], r["slice"]): r["value"] for r in answer(at, "model_card", "quantitative", "results")}
    assert results[("AUC", "overall")] == V2_METRICS["auc"]

    (name,) = [w for w in at.text_input if w.key.endswith(":deployment:by")]
    name.input("Omar Haddad").run()
    at.button(key="signoff:deployment:sign").click().run()
    assert answer(at, "deployment", "gate", "signed_off_by") == "Omar Haddad"
    recorded = answer(at, "deployment", "gate", "signed_for")
    assert recorded == {"model": model, "version": "2", "run_id": seeded.runs["2"]}
    assert any(f"Signed for version 2 of '{model}'" in c.value.replace("\\", "") for c in at.caption)
    assert any("not in MLflow yet" in c.value.replace("\\", "") for c in at.caption)

    at.button(key="mlflow-write-back").click().run()
    assert not at.exception
    assert any("Signed gates recorded: deployment" in s.value.replace("\\", "") for s in at.success)
    record = answer(at, "integrations", "mlflow", "write_back")
    assert record["run_id"] == seeded.runs["2"] and len(record["artifacts"]) == 4
    tags = MlflowClient(mlflow_admin.url, mlflow_admin.url).get_model_version(model, "2").tags
    assert tags["lifecycle.gate.deployment.signed_by"] == "Omar Haddad"
    assert not any("not in MLflow yet" in c.value.replace("\\", "") for c in at.caption)
