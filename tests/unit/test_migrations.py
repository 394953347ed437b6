"""Older project files open through the migration and are saved in the current format."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lifecycle.model import Project
from lifecycle.model.migrations import FORMAT_VERSION, migrate
from lifecycle.storage import ProjectFileError, dump_project, load_project, parse_project

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_a_version_1_file_opens_with_every_answer_kept() -> None:
    old = yaml.safe_load((FORMATS / "v1_loan.yaml").read_text(encoding="utf-8"))
    assert old["format_version"] == 1
    project = load_project(FORMATS / "v1_loan.yaml")
    assert project.format_version == FORMAT_VERSION
    assert project.info.name == old["info"]["name"]
    assert [f.name for f in project.data.features] == [f["name"] for f in old["data"]["features"]]
    assert project.problem_framing.problem_statement == old["problem_framing"]["problem_statement"]


def test_an_upgraded_file_is_written_in_the_current_format() -> None:
    project = load_project(FORMATS / "v1_loan.yaml")
    assert yaml.safe_load(dump_project(project))["format_version"] == FORMAT_VERSION


def test_a_file_without_a_version_is_read_as_the_first_format() -> None:
    assert parse_project(b"info:\n  name: Old\n", "old.yaml").format_version == FORMAT_VERSION


def test_migration_leaves_its_input_unchanged() -> None:
    document = {"format_version": 1, "info": {"name": "x"}}
    migrate(document)
    assert document == {"format_version": 1, "info": {"name": "x"}}


@pytest.mark.parametrize("version", [0, 99, "two", True])
def test_a_version_this_workbook_does_not_know_is_refused_by_name(version: object) -> None:
    text = yaml.safe_dump({"format_version": version, "info": {"name": "x"}})
    with pytest.raises(ProjectFileError) as error:
        parse_project(text.encode(), "future.yaml")
    assert "format_version" in str(error.value)


def test_the_store_reads_version_1_documents(tmp_path: Path) -> None:
    import json

    from sqlalchemy import update

    from lifecycle.store import ProjectStore
    from lifecycle.store.store import projects

    store = ProjectStore(f"sqlite:///{tmp_path}/p.db")
    stored = store.create(Project())
    old = yaml.safe_load((FORMATS / "v1_loan.yaml").read_text(encoding="utf-8"))
    with store.engine.begin() as conn:
        conn.execute(update(projects).where(projects.c.id == stored.id).values(document=json.dumps(old, default=str)))
    assert store.get(stored.id).project.info.name == old["info"]["name"]


def test_rows_read_without_ids_are_numbered_in_file_order_and_keep_them() -> None:
    text = b"data:\n  sources:\n  - name: crm\n  - name: billing\n    row_id: r1\n  - name: web\n"
    project = parse_project(text, "p.yaml")
    assert [(s.name, s.row_id) for s in project.data.sources] == [("crm", "r2"), ("billing", "r1"), ("web", "r3")]
    assert parse_project(text, "p.yaml") == project  # the same file always gives the same ids
    again = parse_project(dump_project(project).encode(), "p.yaml")
    assert [s.row_id for s in again.data.sources] == ["r2", "r1", "r3"]


def test_a_repeated_row_id_is_renumbered_so_every_row_can_be_addressed() -> None:
    text = b"data:\n  sources:\n  - name: crm\n    row_id: a\n  - name: billing\n    row_id: a\n"
    ids = [s.row_id for s in parse_project(text, "p.yaml").data.sources]
    assert ids[0] == "a" and ids[1] != "a"


def test_rows_made_in_the_app_get_unique_random_ids() -> None:
    from lifecycle.model import DataSource

    assert len({DataSource(name="x").row_id for _ in range(100)}) == 100


def test_a_version_2_file_opens_with_practice_mode_off_and_every_answer_kept() -> None:
    old = yaml.safe_load((FORMATS / "v2_loan.yaml").read_text(encoding="utf-8"))
    assert old["format_version"] == 2 and "practice" not in old
    project = load_project(FORMATS / "v2_loan.yaml")
    assert project.format_version == FORMAT_VERSION
    assert not project.practice.active and project.practice.flags == [] and project.practice.attempts == []
    assert [f.name for f in project.data.features] == [f["name"] for f in old["data"]["features"]]
    assert project.modeling.evaluation_split.value == old["modeling"]["evaluation_split"]
    written = yaml.safe_load(dump_project(project))
    assert written["format_version"] == FORMAT_VERSION and written["practice"]["flags"] == []


def test_flags_and_attempts_survive_a_save_and_reopen() -> None:
    project = load_project(FORMATS / "v2_loan.yaml")
    project = project.model_copy(update={"practice": project.practice.model_validate({
        "scenario": "loan", "active": True,
        "flags": [{"field": "data.features", "flagged_row": "r12", "reason": "age is protected", "rule": 10}],
        "attempts": [{"score": 40, "band": "Getting there", "found": 2, "missed": 3, "found_gaps": ["L1"]}],
    })})
    again = parse_project(dump_project(project).encode(), "p.yaml")
    assert again.practice.flags[0].reason == "age is protected" and again.practice.flags[0].flagged_row == "r12"
    assert again.practice.attempts[0].score == 40 and again.practice.active


V3_LINKED = FORMATS / "v3_loan_mlflow.yaml"  # format 3: linked to MLflow, imported, Deployment gate signed


def test_a_version_3_file_opens_with_no_recorded_sign_off_version_and_every_answer_kept() -> None:
    from lifecycle.phases import PHASES

    old = yaml.safe_load(V3_LINKED.read_text(encoding="utf-8"))
    assert old["format_version"] == 3 and "signed_for" not in old["deployment"]["gate"]
    project = load_project(V3_LINKED)
    assert project.format_version == FORMAT_VERSION == 4
    assert [phase.answers(project).gate.signed_for for phase in PHASES] == [None] * len(PHASES)
    assert project.deployment.gate.signed_off_by == old["deployment"]["gate"]["signed_off_by"]
    assert project.integrations.mlflow.snapshot.version == old["integrations"]["mlflow"]["snapshot"]["version"]
    assert [f.name for f in project.data.features] == [f["name"] for f in old["data"]["features"]]
    upgraded = migrate(old)
    assert upgraded["format_version"] == 4 and {**upgraded, "format_version": 3} == old  # nothing else changes
    written = yaml.safe_load(dump_project(project))
    assert written["format_version"] == 4 and written["deployment"]["gate"]["signed_for"] is None
    assert parse_project(dump_project(project).encode(), "p.yaml") == project


def test_a_version_3_sign_off_counts_for_the_described_version_as_before() -> None:
    from lifecycle.checks import run_checks
    from lifecycle.integrations.mlflow.writeback import elsewhere_note, gate_tags

    project = load_project(V3_LINKED)  # version 1 holds champion and is described: the sign-off covers it
    assert "DE-101" not in {f.check_id for f in run_checks(project)}
    assert gate_tags(project)["lifecycle.gate.deployment.signed_by"] == "Omar Haddad"
    assert "lifecycle.gate.deployment.model_version" not in gate_tags(project)  # none was recorded
    assert elsewhere_note(project) == ""
    # With no recorded version, the described one is what the sign-off approved, as in format 3: champion on
    # version 2 while version 1 is described fires DE-101 naming version 1.
    document = yaml.safe_load(V3_LINKED.read_text(encoding="utf-8"))
    for version in document["integrations"]["mlflow"]["snapshot"]["versions"]:
        version["aliases"] = ["champion"] if version["version"] == "2" else []
    moved = parse_project(yaml.safe_dump(document).encode(), "v3.yaml")
    (finding,) = [f for f in run_checks(moved) if f.check_id == "DE-101"]
    assert finding.subject == "champion → v2" and "signed for version 1," in finding.message
