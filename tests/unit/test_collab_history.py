"""What changed between two versions, and signed gates whose answers changed since the sign-off."""

from __future__ import annotations

from datetime import date

from lifecycle.collab.history import answer_changes, changed_since_sign_off, diff
from lifecycle.gates import sign_off
from lifecycle.model import Project, ProjectInfo
from lifecycle.samples import load_sample
from lifecycle.storage import project_document


def test_a_diff_lists_answers_rows_findings_and_readiness() -> None:
    before = load_sample("loan")
    after = before.model_copy(deep=True)
    removed = after.data.sources.pop(0)
    after.data.label_source = "Charge-offs after 12 months"
    after.deployment.serving_environment = ""
    result = diff(before, after)
    assert [(c.kind, c.where) for c in result.answers] == [
        ("row removed", f"Data › Data sources › row “{removed.name}”"),
        ("changed", "Data › Where labels come from"),
        ("changed", "Deployment › Serving environment"),
    ]
    assert result.answers[1].shown_after == "Charge-offs after 12 months"
    assert result.answers[2].shown_after == "(not answered)"
    # Emptying a required answer opens its gate finding; nothing was fixed.
    assert any(f.phase == "deployment" for f in result.findings_opened)
    assert not result.findings_closed
    assert result.readiness_after <= result.readiness_before
    assert [title for title, _, _ in result.readiness_by_phase][:2] == ["Problem Framing", "Data"]


def test_rows_added_and_cells_changed_are_named_by_the_row() -> None:
    before = load_sample("loan")
    after = before.model_copy(deep=True)
    after.data.sources[0].owner = "Credit data platform"
    new = after.data.sources[0].model_copy(update={"row_id": "new1", "name": "bureau.scores"})
    after.data.sources.append(new)
    changes = answer_changes(project_document(before), project_document(after))
    first = before.data.sources[0].name
    assert [(c.kind, c.where) for c in changes] == [
        ("changed", f"Data › Data sources › row “{first}” › Owner"),
        ("row added", "Data › Data sources › row “bureau.scores”"),
    ]
    assert diff(before, after).rows_added[0].where.endswith("“bureau.scores”")


def test_identical_versions_differ_in_nothing() -> None:
    project = load_sample("loan")
    result = diff(project, project.model_copy(deep=True))
    assert not result.answers and not result.findings_opened and not result.findings_closed
    assert result.readiness_before == result.readiness_after


def _signed_history() -> list[tuple[int, dict]]:
    v1 = Project(info=ProjectInfo(name="Plan", owner="Ana"))
    v1.problem_framing.problem_statement = "Fraud costs too much."
    signed = sign_off(v1, "problem_framing", "Ana", date(2026, 3, 1), findings=[])
    v3 = signed.model_copy(deep=True)
    v3.info.team = "Risk"  # not the phase's answers
    return [(1, project_document(v1)), (2, project_document(signed)), (3, project_document(v3))]


def test_a_signed_gate_with_unchanged_answers_is_not_reported() -> None:
    assert changed_since_sign_off(_signed_history()) == []


def test_a_signed_gate_whose_answers_changed_since_is_reported_with_the_changes() -> None:
    history = _signed_history()
    v4 = Project.model_validate(history[-1][1])
    v4.problem_framing.problem_statement = "Fraud costs €2M a year."
    history.append((4, project_document(v4)))
    (gate,) = changed_since_sign_off(history)
    assert (gate.phase, gate.signed_by, gate.signed_in_version) == ("problem_framing", "Ana", 2)
    assert [c.where for c in gate.changes] == ["Problem Framing › Problem statement"]
    assert gate.changes[0].shown_before == "Fraud costs too much."
