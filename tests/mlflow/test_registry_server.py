"""Against a real MLflow tracking server on loopback: link the loan scenario, import, write back, read it all back.

The server (SQLite backend, local artifact store, basic auth) is started once per test run
(``tests/conftest.py``); each test registers its own model, so tests never see each other's.
"""

from __future__ import annotations

import itertools
import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest
import yaml
from mlflow import MlflowClient
from pypdf import PdfReader

from lifecycle.checks import run_checks
from lifecycle.gates import sign_off
from lifecycle.handoff import datasheet_markdown, split_front_matter, validate_hf_card
from lifecycle.integrations.mlflow.client import RegistryError
from lifecycle.integrations.mlflow.importer import apply_import, read_registry
from lifecycle.integrations.mlflow.targets import Outcome, compare_targets
from lifecycle.integrations.mlflow.writeback import ARTIFACT_DIR, record_write_back, write_back
from lifecycle.model import Project
from lifecycle.model.integrations import MetricKey, MlflowLink
from lifecycle.samples import load_sample
from lifecycle.storage import dump_project, load_project, parse_project
from tests.mlflow_seed import DEFAULT_RATE_KEY, V1_METRICS, V2_METRICS, Seeded, register_loan_model
from tests.mlflow_server import ADMIN, READER, Server

DEFAULT_RATE = "12-month default rate of approved loans at a 64% approval rate"
CARD_DEFAULT_RATE = "12-month default rate at a 64% approval rate"  # the scenario's card names it its own way
DATASHEET_SECTIONS = ["1. Motivation", "2. Composition", "3. Collection process",
                      "4. Preprocessing, cleaning and labelling", "5. Uses", "6. Distribution", "7. Maintenance"]
_names = itertools.count(1)


def _seed(server: Server) -> Seeded:
    return register_loan_model(server.url, f"clearlend-pd-{next(_names)}-{uuid.uuid4().hex[:6]}")


def _linked_loan(server: Server, model: str, **link: object) -> Project:
    project = load_sample("loan")
    # The loan is a high-risk system (EU AI Act): its Deployment gate also needs these Annex IV answers.
    project.ai_act.documentation.standards_applied = "ISO/IEC 42001 controls for the model lifecycle."
    project.ai_act.documentation.declaration_of_conformity = "Drafted by Legal; signed before go-live."
    project.integrations.mlflow = MlflowLink(
        tracking_uri=server.url, registered_model=model,
        # The plan writes the default-rate target as a sentence and the quality gate measures AUC on
        # "validation loans": the team pairs both with what the run logs.
        metric_keys=[MetricKey(metric=DEFAULT_RATE, slice="overall", key=DEFAULT_RATE_KEY),
                     MetricKey(metric="AUC", slice="validation loans", key="auc")],
        **link,
    )
    return project


def _imported(project: Project) -> Project:
    result = read_registry(project.integrations.mlflow)
    imported, _ = apply_import(project, result.snapshot, result.notes)
    return imported


def _card_values(project: Project) -> dict[tuple[str, str], float]:
    return {(r.metric, r.slice): r.value for r in project.model_card.quantitative.results}


def _sections(markdown: str) -> dict[str, str]:
    """The '## ' sections of a Markdown document, by heading."""
    parts = markdown.split("\n## ")[1:]
    return {part.split("\n", 1)[0]: part.split("\n", 1)[1] for part in parts}


def _gate_tags(client: MlflowClient, model: str, version: str) -> dict[str, str]:
    tags = client.get_model_version(model, version).tags
    return {k: v for k, v in tags.items() if k.startswith("lifecycle.gate.deployment.")}


def test_import_reads_versions_aliases_and_the_champion_run(mlflow_admin: Server) -> None:
    seeded = _seed(mlflow_admin)
    project = _linked_loan(mlflow_admin, seeded.name)
    result = read_registry(project.integrations.mlflow)
    snapshot = result.snapshot
    assert [(v.version, v.aliases) for v in snapshot.versions] == [("2", ["challenger"]), ("1", ["champion"])]
    assert snapshot.versions[1].tags == {"trained_on": "2019-2023"}
    assert snapshot.version == "1"  # no version chosen: the one holding a production alias
    assert snapshot.run is not None and snapshot.run.run_id == seeded.runs["1"]
    assert snapshot.run.metrics == V1_METRICS
    assert snapshot.run.params == {"max_depth": "6", "n_estimators": "400"}
    assert {(d.name, d.context) for d in snapshot.run.datasets} == {
        ("loans-2019-2023-train", "training"), ("loans-2019-2023-test", "evaluation")}
    assert seeded.name in {m.name for m in snapshot.server_models}

    imported, report = apply_import(project, snapshot, result.notes)
    assert project.integrations.mlflow.snapshot is None  # the input is not changed
    outcomes = {(r.kind, r.metric, r.slice): r.outcome for r in compare_targets(imported)}
    assert outcomes[("offline metric", "AUC", "overall")] is Outcome.MET
    assert outcomes[("offline metric", "AUC", "thin-file applicants (fewer than 2 bureau accounts)")] is Outcome.MISSED
    assert outcomes[("offline metric", DEFAULT_RATE, "overall")] is Outcome.MET  # 3.1% against at most 3.4%
    ids = {f.check_id for f in run_checks(imported)}
    assert {"MO-102", "DE-101"} <= ids  # thin-file AUC 0.688 < 0.70; champion serves, Deployment gate unsigned
    assert "DE-102" not in ids  # the paired gate rows are measured and met
    assert "version 1" in report.summary()


def test_model_card_shows_the_chosen_versions_numbers(mlflow_admin: Server) -> None:
    seeded = _seed(mlflow_admin)
    project = _imported(_linked_loan(mlflow_admin, seeded.name, version="2"))
    values = _card_values(project)
    assert values[("AUC", "overall")] == V2_METRICS["auc"]
    assert values[("AUC", "thin-file applicants (fewer than 2 bureau accounts)")] == V2_METRICS["auc/thin-file"]
    assert values[("AUC", "new-customers")] == V2_METRICS["auc/new-customers"]  # a slice the plan does not name
    # The card's own default-rate row is updated, not joined by a second row in the plan's words.
    assert values[(CARD_DEFAULT_RATE, "overall")] == V2_METRICS[DEFAULT_RATE_KEY]
    assert [k for k in values if "default rate" in k[0]] == [(CARD_DEFAULT_RATE, "overall")]
    assert values[("KS statistic", "overall")] == V2_METRICS["ks_statistic"]
    auc = next(r for r in project.model_card.quantitative.results if (r.metric, r.slice) == ("AUC", "overall"))
    assert (auc.ci_lower, auc.ci_upper) == (V2_METRICS["auc_ci_lower"], V2_METRICS["auc_ci_upper"])
    assert not [r for r in project.model_card.quantitative.results if "cpu" in r.metric.casefold()]
    assert project.model_card.details.version == "1.0 (August 2025 release)"  # typed by the team: kept
    assert {f.check_id for f in run_checks(project)} & {"MO-101", "MO-102", "DE-102"} == set()

    # The Hugging Face README carries the same numbers in its model-index, and parses back valid.
    from lifecycle.handoff import hf_readme
    readme = hf_readme(project)
    assert validate_hf_card(readme) == []
    metadata, _ = split_front_matter(readme)
    published = {m["name"]: m["value"] for r in metadata["model-index"][0]["results"] for m in r["metrics"]}
    assert published["AUC (overall)"] == V2_METRICS["auc"]
    assert published["AUC (thin-file applicants (fewer than 2 bureau accounts))"] == V2_METRICS["auc/thin-file"]
    assert {k: v for k, v in published.items() if "default rate" in k} == {
        f"{CARD_DEFAULT_RATE} (overall)": V2_METRICS[DEFAULT_RATE_KEY]}  # one figure, not 0.029 beside 0.03


def test_sign_off_and_write_back_then_read_tags_and_artifacts_with_mlflow(mlflow_admin: Server, tmp_path: Path) -> None:
    seeded = _seed(mlflow_admin)
    project = _imported(_linked_loan(mlflow_admin, seeded.name, version="2"))
    deployment_findings = [f for f in run_checks(project) if f.phase == "deployment" and f.severity.value == "blocker"]
    assert deployment_findings == []
    signed = sign_off(project, "deployment", "Omar Haddad", date(2025, 8, 1))

    result = write_back(signed, project_id="p-123")
    assert result.record.run_id == seeded.runs["2"]
    assert sorted(result.record.artifacts) == sorted(f"{ARTIFACT_DIR}/{name}" for name in
                                                     ("lifecycle_map.pdf", "README.md", "DATASHEET.md", "project.yaml"))
    client = MlflowClient(mlflow_admin.url, mlflow_admin.url)
    tags = client.get_model_version(seeded.name, "2").tags
    assert tags["lifecycle.gate.deployment.signed_by"] == "Omar Haddad"
    assert tags["lifecycle.gate.deployment.signed_on"] == "2025-08-01"
    assert tags["lifecycle.gate.deployment.model_version"] == "2"  # the version the sign-off approved
    assert tags["lifecycle.gate.deployment.run_id"] == seeded.runs["2"]
    recorded = signed.deployment.gate.open_findings_at_sign_off
    open_ids = [f"{f.check_id} ({f.subject})" if f.subject else f.check_id for f in recorded if not f.accepted]
    assert tags["lifecycle.gate.deployment.open_findings"] == ("; ".join(open_ids) or "none")
    assert "DE-101 (champion → v1)" in tags["lifecycle.gate.deployment.open_findings"]  # v1 still serves
    assert tags["lifecycle.project"] == f"{signed.info.name} (workbook project p-123)"
    assert "lifecycle.gate.monitoring.signed_by" not in tags  # that gate is not signed
    assert client.get_registered_model(seeded.name).tags["lifecycle.plan"].endswith("(workbook project p-123)")
    assert "lifecycle.gate.deployment.signed_by" not in client.get_model_version(seeded.name, "1").tags

    listed = {a.path for a in client.list_artifacts(seeded.runs["2"], ARTIFACT_DIR)}
    assert listed == set(result.record.artifacts)
    folder = Path(client.download_artifacts(seeded.runs["2"], ARTIFACT_DIR, str(tmp_path)))
    pdf = PdfReader(folder / "lifecycle_map.pdf")
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) > 3 and "Deployment" in text and "Omar Haddad" in text
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(folder / "lifecycle_map.pdf"),
                    str(tmp_path / "page")], check=True)
    (rendered,) = tmp_path.glob("page-*.png")  # the cover page, rendered
    assert rendered.stat().st_size > 5_000
    reopened = load_project(folder / "project.yaml")
    assert reopened == signed
    assert reopened.integrations.mlflow.snapshot.version == "2"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert validate_hf_card(readme) == [] and str(V2_METRICS["auc"]) in readme
    datasheet = (folder / "DATASHEET.md").read_text(encoding="utf-8")
    assert datasheet == datasheet_markdown(signed)
    assert datasheet.startswith(f"# Data Sheet: {signed.datasheet.motivation.name}\n")
    sections = _sections(datasheet)
    assert list(sections) == DATASHEET_SECTIONS
    motivation, composition = sections["1. Motivation"], sections["2. Composition"]
    assert f"**Who paid for it**\n\n{signed.datasheet.motivation.funded_by}\n" in motivation
    assert f"**Data set name**\n\n{signed.datasheet.motivation.name}\n" in motivation
    assert "**Labelled examples** _(from 2. Data)_\n\n186,000\n" in composition
    assert f"- applicant_age: {signed.data.features[11].description} (protected attribute)" in composition
    assert signed.datasheet.maintenance.maintainer in sections["7. Maintenance"]

    # The project remembers the write-back and sees its own tags: after the alias moves to the
    # signed version and a new import, nothing serves without a sign-off.
    remembered = record_write_back(signed, result, "p-123")
    assert remembered.integrations.mlflow.write_back.run_id == seeded.runs["2"]
    client.set_registered_model_alias(seeded.name, "champion", "2")
    refreshed = _imported(remembered)
    assert "DE-101" not in {f.check_id for f in run_checks(refreshed)}
    assert not [m for m in refreshed.integrations.mlflow.snapshot.server_models if m.name == seeded.name and not m.plan]


def test_a_sign_off_for_v1_does_not_approve_v2_when_champion_moves(mlflow_admin: Server) -> None:
    seeded = _seed(mlflow_admin)
    project = _imported(_linked_loan(mlflow_admin, seeded.name))  # v1 holds champion: the plan describes it
    assert project.integrations.mlflow.snapshot.version == "1"
    signed = sign_off(project, "deployment", "Omar Haddad", date(2025, 8, 1))
    assert (signed.deployment.gate.signed_for.version, signed.deployment.gate.signed_for.run_id) == (
        "1", seeded.runs["1"])
    remembered = record_write_back(signed, write_back(signed))
    client = MlflowClient(mlflow_admin.url, mlflow_admin.url)
    assert _gate_tags(client, seeded.name, "1")["lifecycle.gate.deployment.model_version"] == "1"

    client.set_registered_model_alias(seeded.name, "champion", "2")
    moved = _imported(remembered)  # champion now on v2, so the import describes v2
    assert moved.integrations.mlflow.snapshot.version == "2"
    (finding,) = [f for f in run_checks(moved) if f.check_id == "DE-101"]
    assert finding.subject == "champion → v2" and "signed for version 1," in finding.message

    result = write_back(moved)
    assert result.record.version == "2" and result.record.artifacts  # the plan's documents still go to v2's run
    assert any(note.startswith("Version 2 is not tagged as signed: the Deployment gate was signed for version 1.")
               for note in result.notes)
    assert _gate_tags(client, seeded.name, "2") == {}  # nobody signed v2
    assert _gate_tags(client, seeded.name, "1")["lifecycle.gate.deployment.signed_by"] == "Omar Haddad"  # kept
    assert "DE-101" in {f.check_id for f in run_checks(record_write_back(moved, result))}


def test_withdrawn_sign_off_removes_its_tags(mlflow_admin: Server) -> None:
    from lifecycle.gates import withdraw_sign_off

    seeded = _seed(mlflow_admin)
    project = _imported(_linked_loan(mlflow_admin, seeded.name, version="2"))
    signed = sign_off(project, "deployment", "Omar Haddad", date(2025, 8, 1))
    write_back(signed)
    result = write_back(withdraw_sign_off(signed, "deployment"))
    assert "lifecycle.gate.deployment.signed_by" in result.removed_tags
    tags = MlflowClient(mlflow_admin.url, mlflow_admin.url).get_model_version(seeded.name, "2").tags
    assert not [key for key in tags if key.startswith("lifecycle.gate.deployment.")]


def test_unknown_model_and_version_are_named_and_nothing_is_changed(mlflow_admin: Server) -> None:
    project = _linked_loan(mlflow_admin, "no-such-model")
    before = dump_project(project)
    with pytest.raises(RegistryError) as caught:
        read_registry(project.integrations.mlflow)
    assert caught.value.kind == "not_found"
    assert "no-such-model" in str(caught.value) and mlflow_admin.url in str(caught.value)
    assert dump_project(project) == before

    seeded = _seed(mlflow_admin)
    with pytest.raises(RegistryError) as caught:
        read_registry(_linked_loan(mlflow_admin, seeded.name, version="7").integrations.mlflow)
    assert caught.value.kind == "not_found"
    assert "Version 7" in str(caught.value) and "its versions: 1, 2" in str(caught.value)


def test_a_reader_can_import_but_not_write_back(mlflow_admin: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    seeded = _seed(mlflow_admin)
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", READER[0])
    monkeypatch.setenv("MLFLOW_TRACKING_PASSWORD", READER[1])
    project = _imported(_linked_loan(mlflow_admin, seeded.name, version="2"))  # reading is allowed
    with pytest.raises(RegistryError) as caught:
        write_back(sign_off(project, "deployment", "Omar Haddad", date(2025, 8, 1)))
    assert caught.value.kind == "permission"
    assert f"the account '{READER[0]}'" in str(caught.value) and seeded.runs["2"] in str(caught.value)
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", ADMIN[0])
    monkeypatch.setenv("MLFLOW_TRACKING_PASSWORD", ADMIN[1])
    client = MlflowClient(mlflow_admin.url, mlflow_admin.url)
    assert not client.list_artifacts(seeded.runs["2"], ARTIFACT_DIR)  # nothing was written
    assert not [k for k in client.get_model_version(seeded.name, "2").tags if k.startswith("lifecycle.")]


def test_wrong_credentials_are_reported_as_such(mlflow_admin: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_PASSWORD", "not-the-password")
    with pytest.raises(RegistryError) as caught:
        read_registry(_linked_loan(mlflow_admin, "clearlend-pd").integrations.mlflow)
    assert caught.value.kind == "unauthenticated"
    assert "MLFLOW_TRACKING_USERNAME" in str(caught.value)


def test_a_url_that_is_not_an_mlflow_server(mlflow_admin: Server) -> None:
    project = _linked_loan(mlflow_admin, "clearlend-pd")
    project.integrations.mlflow.tracking_uri = mlflow_admin.url + "/some/other/app"
    with pytest.raises(RegistryError) as caught:
        read_registry(project.integrations.mlflow)
    assert caught.value.kind in ("not_mlflow", "unauthenticated")
    assert "/some/other/app" in str(caught.value)


def test_the_project_file_round_trips_with_its_snapshot(mlflow_admin: Server) -> None:
    seeded = _seed(mlflow_admin)
    project = _imported(_linked_loan(mlflow_admin, seeded.name))
    assert parse_project(dump_project(project).encode(), "loan.yaml") == project
    document = yaml.safe_load(dump_project(project))
    assert document["integrations"]["mlflow"]["snapshot"]["versions"][0]["version"] == "2"
