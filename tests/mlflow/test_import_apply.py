"""What an import does to the plan (pure): the Model Card filled, typed answers kept, stale rows replaced;
the registry-aware checks, the portfolio summary and the write-back record."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from lifecycle.checks import REGISTRY, run_checks
from lifecycle.gates import sign_off
from lifecycle.integrations.mlflow.importer import apply_import, choose_version
from lifecycle.integrations.mlflow.portfolio import alias_line, registry_summary, unplanned
from lifecycle.integrations.mlflow.writeback import WriteBackResult, gate_tags, record_write_back
from lifecycle.model import Project
from lifecycle.model.integrations import LoggedDataset, MlflowLink, ServerModel, WriteBack
from lifecycle.model.model_card import SliceResult
from lifecycle.storage import dump_project, load_project, parse_project
from lifecycle.store import summarise
from tests.mlflow.cases import MODEL, NON_ENGLISH_KEY, OVERALL_KEY, URL, snapshot

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
METRIC = "Precision at the routing threshold"


def _project() -> Project:
    project = load_project(PERFECT)
    project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL)
    return project


def _results(project: Project) -> dict[tuple[str, str], SliceResult]:
    return {(r.metric, r.slice): r for r in project.model_card.quantitative.results}


def test_an_import_fills_the_model_card_per_slice_and_keeps_the_input_unchanged() -> None:
    project = _project()
    project.model_card.quantitative.results = [SliceResult(metric="Coverage", slice="overall", value=0.71)]
    metrics = {OVERALL_KEY: 0.93, f"{OVERALL_KEY}_ci_lower": 0.92, f"{OVERALL_KEY}_ci_upper": 0.94,
               NON_ENGLISH_KEY: 0.89, f"{OVERALL_KEY}/mobile": 0.9, "train_loss": 0.1}
    before = dump_project(project)
    imported, report = apply_import(project, snapshot(metrics))
    assert dump_project(project) == before
    results = _results(imported)
    assert results[(METRIC, "overall (test set, last 8 weeks)")].value == 0.93
    assert (results[(METRIC, "overall (test set, last 8 weeks)")].ci_lower,
            results[(METRIC, "overall (test set, last 8 weeks)")].ci_upper) == (0.92, 0.94)
    assert results[(METRIC, "non-English tickets")].value == 0.89
    assert results[(METRIC, "mobile")].value == 0.9  # a slice only the run names
    assert results[("Coverage", "overall")].value == 0.71  # typed by the team: kept
    assert not [k for k in results if "loss" in k[0]]
    assert (report.added, report.updated, report.removed) == (3, 0, 0)
    assert imported.model_card.details.version == "version 3"
    assert imported.integrations.mlflow.snapshot.version == "3"


def test_reimporting_another_version_replaces_what_the_last_import_wrote_only() -> None:
    first, _ = apply_import(_project(), snapshot({OVERALL_KEY: 0.93, f"{OVERALL_KEY}/mobile": 0.9}))
    second, report = apply_import(first, snapshot({OVERALL_KEY: 0.95}, described="2"))
    results = _results(second)
    assert results[(METRIC, "overall (test set, last 8 weeks)")].value == 0.95
    assert (METRIC, "mobile") not in results
    assert (report.updated, report.removed) == (1, 1)
    assert second.model_card.details.version == "version 2"  # written by the import, so replaced

    edited = first.model_copy(deep=True)
    edited.model_card.quantitative.results[-1].value = 0.91  # the team corrected the mobile row by hand
    edited.model_card.details.version = "2025-06 release"
    kept, report = apply_import(edited, snapshot({OVERALL_KEY: 0.95}, described="2"))
    assert _results(kept)[(METRIC, "mobile")].value == 0.91
    assert kept.model_card.details.version == "2025-06 release"
    assert any("version says '2025-06 release'" in note for note in report.notes)


def test_a_typed_confidence_interval_is_kept_only_while_the_value_lies_inside_it() -> None:
    project = _project()
    project.model_card.quantitative.results = [
        SliceResult(metric=METRIC, slice="overall", value=0.93, ci_lower=0.9, ci_upper=0.95)]
    inside, _ = apply_import(project, snapshot({OVERALL_KEY: 0.94}))
    row = _results(inside)[(METRIC, "overall")]
    assert (row.value, row.ci_lower, row.ci_upper) == (0.94, 0.9, 0.95)
    outside, _ = apply_import(project, snapshot({OVERALL_KEY: 0.97}))
    row = _results(outside)[(METRIC, "overall")]
    assert (row.value, row.ci_lower, row.ci_upper) == (0.97, None, None)


def test_the_model_id_and_evaluation_data_are_filled_only_when_empty() -> None:
    project = _project()
    project.model_card.details.model_id = ""
    project.model_card.evaluation_data.evaluation_dataset = ""
    snap = snapshot()
    snap.run.datasets = [LoggedDataset(name="tickets-train", context="training"),
                         LoggedDataset(name="tickets-last-8-weeks", context="evaluation")]
    imported, _ = apply_import(project, snap)
    assert imported.model_card.details.model_id == MODEL
    assert imported.model_card.evaluation_data.evaluation_dataset == "tickets-last-8-weeks"


def test_choose_version_prefers_the_link_then_a_production_alias_then_the_newest() -> None:
    link = MlflowLink(tracking_uri=URL, registered_model=MODEL)
    assert choose_version(link, ["1", "2", "10"], {}) == "10"
    assert choose_version(link, ["1", "2", "10"], {"Champion": "2"}) == "2"
    link.version = "v1"
    assert choose_version(link, ["1", "2", "10"], {"champion": "2"}) == "1"


def test_checks_do_nothing_without_a_link_or_with_a_snapshot_of_another_model() -> None:
    ids = {c for c in REGISTRY if c in ("DE-101", "DE-102", "DE-103", "MO-101", "MO-102")}
    project = load_project(PERFECT)
    assert not [f for f in run_checks(project) if f.check_id in ids]
    linked = _project()
    linked.integrations.mlflow.snapshot = snapshot({}, aliases=("champion",),
                                                   server_models=(ServerModel(name="fraud"),))
    assert {f.check_id for f in run_checks(linked)} >= ids - {"MO-102"}
    linked.integrations.mlflow.tracking_uri = "http://another-server:5000"
    assert not [f for f in run_checks(linked) if f.check_id in ids]


def test_the_production_aliases_are_the_links_own_list() -> None:
    project = _project()
    project.integrations.mlflow.snapshot = snapshot(aliases=("live",))
    assert "DE-101" not in {f.check_id for f in run_checks(project)}
    project.integrations.mlflow.production_aliases = ["Live", "live", " "]
    assert project.integrations.mlflow.production_aliases == ["Live"]
    (finding,) = [f for f in run_checks(project) if f.check_id == "DE-101"]
    assert finding.subject == "live → v3" and "not signed off" in finding.message


def test_many_unplanned_models_make_one_finding() -> None:
    project = _project()
    project.integrations.mlflow.snapshot = snapshot(server_models=tuple(ServerModel(name=f"m{i}") for i in range(12)))
    (finding,) = [f for f in run_checks(project) if f.check_id == "DE-103"]
    assert finding.message.startswith("12 registered models") and "and 4 more" in finding.message


def test_gate_sign_offs_become_tags_and_the_write_back_is_remembered() -> None:
    imported, _ = apply_import(_project(), snapshot(aliases=("champion",)))
    signed = sign_off(imported, "deployment", "Dana Whitfield", date(2025, 6, 2))
    tags = gate_tags(signed)
    assert tags["lifecycle.gate.deployment.signed_by"] == "Dana Whitfield"
    assert tags["lifecycle.gate.deployment.signed_on"] == "2025-06-02"
    # At the moment of signing, the champion still served unapproved: the record says so.
    assert tags["lifecycle.gate.deployment.open_findings"] == "DE-101 (champion → v3)"
    assert tags["lifecycle.gate.deployment.accepted_findings"] == "none"
    assert not [k for k in tags if k.startswith("lifecycle.gate.data.")]
    record = WriteBack(written_at=datetime(2025, 6, 2, tzinfo=timezone.utc), version="3", run_id="r3",
                       artifacts=["lifecycle_workbook/README.md"], tags=tags)
    remembered = record_write_back(signed, WriteBackResult(record, [], []), "p-1")
    link = remembered.integrations.mlflow
    assert link.write_back == record
    assert link.snapshot.versions[0].tags["lifecycle.gate.deployment.signed_by"] == "Dana Whitfield"
    assert [m.plan for m in link.snapshot.server_models if m.name == MODEL] == [f"{signed.info.name} (workbook "
                                                                                "project p-1)"]
    assert parse_project(dump_project(remembered).encode(), "p.yaml") == remembered


def test_the_portfolio_shows_which_version_holds_which_alias() -> None:
    imported, _ = apply_import(_project(), snapshot(aliases=("champion",), other_aliases=("challenger",),
                                                   server_models=(ServerModel(name="fraud"), ServerModel(name="churn"))))
    summary = registry_summary(imported)
    assert alias_line(summary) == f"{MODEL}: challenger → v2, champion → v3"
    assert summarise(imported).registry == summary
    other = {"server": URL, "model": "churn"}
    assert unplanned([summary, other, {}]) == [(URL, "fraud")]  # churn is linked by another project
    assert alias_line(registry_summary(_project())) == f"{MODEL}: not imported yet"
    assert registry_summary(load_project(PERFECT)) == {}


# --- a sign-off approves the version it was signed for ------------------------------------------------------


def _signed_for_v2_then_v3_imported() -> tuple[Project, Project]:
    """The repro: v2 holds champion and is described, the Deployment gate is signed; champion moves to v3, v3 is
    imported. Returns (signed, after the new import)."""
    first, _ = apply_import(_project(), snapshot(described="2", other_aliases=("champion",)))
    signed = sign_off(first, "deployment", "Dana Whitfield", date(2025, 6, 2))
    moved, _ = apply_import(signed, snapshot(described="3", aliases=("champion",)))
    return signed, moved


def test_a_sign_off_records_the_version_the_plan_describes_and_withdrawing_clears_it() -> None:
    from lifecycle.gates import sign_off_state, withdraw_sign_off

    signed, _ = _signed_for_v2_then_v3_imported()
    recorded = signed.deployment.gate.signed_for
    assert (recorded.model, recorded.version, recorded.run_id) == (MODEL, "2", "r2")
    assert sign_off_state(signed, "deployment").signed_for == recorded
    assert parse_project(dump_project(signed).encode(), "p.yaml").deployment.gate.signed_for == recorded
    assert withdraw_sign_off(signed, "deployment").deployment.gate.signed_for is None
    # Not linked, or linked but never imported: there is no described version to record.
    assert sign_off(load_project(PERFECT), "deployment", "Dana", date(2025, 6, 2)).deployment.gate.signed_for is None
    assert sign_off(_project(), "deployment", "Dana", date(2025, 6, 2)).deployment.gate.signed_for is None


def test_importing_another_version_after_sign_off_does_not_approve_it() -> None:
    _, moved = _signed_for_v2_then_v3_imported()
    (finding,) = [f for f in run_checks(moved) if f.check_id == "DE-101"]
    assert finding.subject == "champion → v3"
    assert "signed for version 2" in finding.message and "Version 3" in finding.message
    # Moving the alias back to the approved version quiets it; a new sign-off for v3 does too.
    back, _ = apply_import(moved, snapshot(described="3", other_aliases=("champion",)))
    assert "DE-101" not in {f.check_id for f in run_checks(back)}


def test_write_back_tags_only_the_version_the_gate_was_signed_for() -> None:
    from lifecycle.gates import withdraw_sign_off
    from lifecycle.integrations.mlflow.writeback import elsewhere_note

    signed, moved = _signed_for_v2_then_v3_imported()
    tags = gate_tags(signed)  # the plan describes v2, the version signed for
    assert tags["lifecycle.gate.deployment.model_version"] == "2"
    assert tags["lifecycle.gate.deployment.run_id"] == "r2"
    assert elsewhere_note(signed) == ""
    assert not [k for k in gate_tags(moved) if k.startswith("lifecycle.gate.deployment.")]  # v3: nobody signed it
    note = elsewhere_note(moved)
    assert note.startswith("Version 3 is not tagged as signed: the Deployment gate was signed for version 2.")
    resigned = sign_off(withdraw_sign_off(moved, "deployment"), "deployment", "Dana Whitfield", date(2025, 6, 9))
    assert gate_tags(resigned)["lifecycle.gate.deployment.model_version"] == "3" and elsewhere_note(resigned) == ""


def test_a_sign_off_of_another_model_approves_none_of_this_ones_versions() -> None:
    from lifecycle.model.base import SignedVersion

    project = _project()
    project.integrations.mlflow.snapshot = snapshot(aliases=("champion",))
    project.deployment.gate.signed_off_by = "Dana Whitfield"
    project.deployment.gate.signed_for = SignedVersion(model="fraud-scorer", version="3")
    (finding,) = [f for f in run_checks(project) if f.check_id == "DE-101"]
    assert "signed for version 3 of 'fraud-scorer'" in finding.message
    assert not [k for k in gate_tags(project) if k.startswith("lifecycle.gate.deployment.")]


# --- an import updates the card row that already reports a result ---------------------------------------------


def _loan_linked(metrics: dict[str, float]) -> tuple[Project, Project]:
    from lifecycle.model.integrations import ImportedRun, ImportedVersion, MetricKey, RegistrySnapshot
    from lifecycle.samples import load_sample

    project = load_sample("loan")
    project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL, metric_keys=[
        MetricKey(metric=LOAN_DEFAULT_RATE, slice="overall", key="default_rate_64pct")])
    snap = RegistrySnapshot(tracking_uri=URL, model=MODEL, version="1", versions=[ImportedVersion(version="1")],
                            run=ImportedRun(run_id="r1", metrics=metrics))
    return project, apply_import(project, snap)[0]


LOAN_DEFAULT_RATE = "12-month default rate of approved loans at a 64% approval rate"  # the plan's wording
LOAN_CARD_ROW = "12-month default rate at a 64% approval rate"  # the scenario card's own wording


def _default_rate_rows(project: Project) -> list[SliceResult]:
    return [r for r in project.model_card.quantitative.results if "default rate" in r.metric]


def test_an_import_updates_the_card_row_that_names_the_same_metric_in_other_words() -> None:
    from lifecycle.handoff import hf_readme, split_front_matter

    before, imported = _loan_linked({"auc": 0.794, "default_rate_64pct": 0.031, "ks_statistic": 0.46})
    (row,) = _default_rate_rows(imported)  # one row, not the card's and a second one in the plan's words
    (original,) = _default_rate_rows(before)
    assert (row.metric, row.slice, row.value) == (LOAN_CARD_ROW, "overall", 0.031)
    assert row.row_id == original.row_id  # the same row, updated
    metadata, _ = split_front_matter(hf_readme(imported))
    published = [m for r in metadata["model-index"][0]["results"] for m in r["metrics"] if "default rate" in m["name"]]
    assert [(m["name"], m["value"]) for m in published] == [(f"{LOAN_CARD_ROW} (overall)", 0.031)]
    # The back-test row names AUC too, but on another slice: it is not taken for the run's overall AUC.
    back_test = [r for r in imported.model_card.quantitative.results if r.metric.startswith("AUC on early default")]
    assert [r.value for r in back_test] == [0.73]
    again, report = apply_import(imported, imported.integrations.mlflow.snapshot.model_copy(update={
        "run": imported.integrations.mlflow.snapshot.run.model_copy(update={"metrics": {
            "auc": 0.794, "default_rate_64pct": 0.029, "ks_statistic": 0.46}})}))
    assert [(r.metric, r.value) for r in _default_rate_rows(again)] == [(LOAN_CARD_ROW, 0.029)]
    assert (report.added, report.updated) == (0, 1)


def test_an_unchanged_row_is_not_counted_as_updated_and_keeps_its_id() -> None:
    project = _project()
    project.model_card.quantitative.results = [SliceResult(metric=METRIC, slice="overall", value=0.95)]
    imported, report = apply_import(project, snapshot({OVERALL_KEY: 0.95}))
    assert (report.added, report.updated) == (0, 0)
    assert imported.model_card.quantitative.results[0].row_id == project.model_card.quantitative.results[0].row_id
