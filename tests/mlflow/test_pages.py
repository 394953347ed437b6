"""The MLflow section of the Deployment page, the measured values on the Modeling page and the
Portfolio's registry column, in Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.integrations.mlflow import client
from lifecycle.integrations.mlflow.importer import apply_import
from lifecycle.model.integrations import MlflowLink
from lifecycle.storage import load_project, project_document
from lifecycle.store import ProjectStore
from tests.app.conftest import APP, answer
from tests.mlflow.cases import MODEL, NON_ENGLISH_KEY, OVERALL_KEY, URL, snapshot

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


@pytest.fixture(autouse=True)
def project_store(tmp_path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'projects.db'}"
    monkeypatch.setenv("LIFECYCLE_STORE_URL", url)
    monkeypatch.setenv("LIFECYCLE_SEED_SAMPLES", "0")
    for name in client.DEFAULT_ENV:
        monkeypatch.delenv(name, raising=False)
    return url


def _app(document: dict | None = None, page: str = "pages/deployment.py") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if document is not None:
        at.session_state["project"] = document
    at.switch_page(page).run()
    assert not at.exception
    return at


def _imported_document(metrics: dict[str, float] | None = None) -> dict:
    project = load_project(PERFECT)
    project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL)
    imported, _ = apply_import(project, snapshot(metrics, aliases=("champion",), other_aliases=("challenger",)))
    return project_document(imported)


def _box(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    (box,) = [w for w in at.text_input if w.label == label]
    return box


def _texts(at: AppTest) -> str:
    return " ".join(str(e.value) for kind in ("markdown", "caption", "info", "error", "success", "warning", "subheader")
                    for e in getattr(at, kind))


def test_linking_saves_the_server_and_model(monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app()
    assert "MLflow model registry" in _texts(at)
    assert at.button(key="mlflow-import").disabled  # nothing to import from yet
    _box(at, "Tracking server URL").input("http://mlflow.internal:5000").run()
    _box(at, "Registered model").input("clearlend-pd").run()
    _box(at, "Production aliases").input("champion, live").run()
    assert not at.exception
    link = answer(at, "integrations", "mlflow")
    assert (link["tracking_uri"], link["registered_model"], link["production_aliases"]) == (
        "http://mlflow.internal:5000", "clearlend-pd", ["champion", "live"])
    assert not at.button(key="mlflow-import").disabled


def test_a_url_with_a_password_is_refused_and_what_was_typed_stays() -> None:
    at = _app()
    _box(at, "Tracking server URL").input("https://alice:secret@mlflow.example.com").run()
    assert answer(at, "integrations", "mlflow", "tracking_uri") == ""
    assert "remove the user name and password" in _texts(at)
    assert _box(at, "Tracking server URL").value == "https://alice:secret@mlflow.example.com"


def test_without_the_extra_the_page_says_how_to_enable_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "available", lambda: False)
    at = _app()
    assert "pip install '.[mlflow]'" in _texts(at)
    _box(at, "Tracking server URL").input("http://mlflow.internal:5000").run()
    _box(at, "Registered model").input("clearlend-pd").run()
    assert at.button(key="mlflow-import").disabled
    assert answer(at, "integrations", "mlflow", "registered_model") == "clearlend-pd"  # the link is kept meanwhile


def test_an_unreachable_server_is_reported_and_the_project_is_untouched() -> None:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    document = project_document(load_project(PERFECT))
    document["integrations"]["mlflow"].update(tracking_uri=f"http://127.0.0.1:{port}", registered_model="m")
    at = _app(document)
    before = answer(at, "model_card")
    at.button(key="mlflow-import").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert f"cannot reach the tracking server at http://127.0.0.1:{port}" in errors
    assert "Nothing in the project was changed" in errors
    assert answer(at, "integrations", "mlflow", "snapshot") is None and answer(at, "model_card") == before


def test_an_imported_registry_shows_versions_targets_and_the_run() -> None:
    at = _app(_imported_document({OVERALL_KEY: 0.95, NON_ENGLISH_KEY: 0.85}))
    frames = [df.value for df in at.dataframe]
    versions = next(v for v in frames if "Aliases" in v.columns)
    assert list(zip(versions["Version"], versions["Aliases"])) == [("3", "champion"), ("2", "challenger")]
    targets = next(v for v in frames if "Must be" in v.columns)
    assert list(targets["Result"]) == ["✓ met", "✗ missed", "✓ met"]
    assert list(targets["Measured"]) == ["0.95", "0.85", "0.95"]
    assert "Import again" in [b.label for b in at.button]
    assert not at.button(key="mlflow-write-back").disabled


def test_an_unmeasured_target_can_be_paired_with_a_logged_metric() -> None:
    at = _app(_imported_document({"precision_routed": 0.95, NON_ENGLISH_KEY: 0.9}))
    (pair,) = [s for s in at.selectbox if s.label.startswith("Precision at the routing threshold on overall")]
    pair.select("precision_routed").run()
    assert not at.exception
    (pairing,) = answer(at, "integrations", "mlflow", "metric_keys")
    assert pairing["key"] == "precision_routed" and pairing["slice"] == "overall (test set, last 8 weeks)"
    targets = next(df.value for df in at.dataframe if "Must be" in df.value.columns)
    assert "⚠ not logged" not in list(targets["Result"])


def test_choosing_another_version_asks_for_a_new_import() -> None:
    at = _app(_imported_document())
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Version the plan describes")).select("2").run()
    assert answer(at, "integrations", "mlflow", "version") == "2"
    assert "Import again to read the run of version 2" in _texts(at)


def test_the_modeling_page_shows_measured_values_beside_targets() -> None:
    at = _app(_imported_document({OVERALL_KEY: 0.95, NON_ENGLISH_KEY: 0.85}), page="pages/modeling.py")
    assert "Measured in MLflow" in _texts(at)
    measured = next(df.value for df in at.dataframe if "Must be" in df.value.columns)
    assert list(zip(measured["Must be"], measured["Measured"], measured["Result"])) == [
        (">= 0.92 with coverage >= 70%", "0.95", "✓ met"), (">= 0.88", "0.85", "✗ missed")]


def test_the_portfolio_shows_which_version_holds_which_alias(project_store: str) -> None:
    store = ProjectStore(project_store)
    document = _imported_document()
    document["integrations"]["mlflow"]["snapshot"]["server_models"] = [{"name": "fraud-scorer"}]
    from lifecycle.model import Project
    store.create(Project.model_validate(document))
    store.dispose()
    at = _app(page="pages/portfolio.py")
    table = at.dataframe[0].value
    assert list(table["Model registry"]) == [f"{MODEL}: challenger → v2, champion → v3"]
    assert "Registered models with no plan: 1" in [e.label for e in at.expander]


def test_a_gate_signed_for_another_version_is_named_on_the_page() -> None:
    from datetime import date

    from lifecycle.gates import sign_off

    project = load_project(PERFECT)
    project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL)
    described_v2, _ = apply_import(project, snapshot(described="2", other_aliases=("champion",)))
    signed = sign_off(described_v2, "deployment", "Dana Whitfield", date(2025, 6, 2))
    moved, _ = apply_import(signed, snapshot(described="3", aliases=("champion",)))
    at = _app(project_document(moved))
    shown = _texts(at).replace("\\", "")
    assert "Version 3 is not tagged as signed: the Deployment gate was signed for version 2." in shown
    assert f"Signed for version 2 of '{MODEL}' (run r2)" in shown
