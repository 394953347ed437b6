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
