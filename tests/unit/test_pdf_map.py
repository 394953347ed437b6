"""The full lifecycle map PDF: cover, canvas, plan, every answered field in full, and the findings."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from lifecycle.checks import run_checks
from lifecycle.export import export_map, map_pdf
from lifecycle.model import AcceptedFinding, Project
from lifecycle.phases import PHASES
from lifecycle.questions import gate_questions, questions_of
from lifecycle.samples import load_sample

from .test_pdf_support import all_text, fpdf_warnings, ink_share, page_texts, reader, render, squeeze

KEYS = ("churn", "recommendation", "loan")


@pytest.fixture(scope="module")
def maps() -> dict:
    return {key: export_map(load_sample(key)) for key in KEYS}


def _answers(project: Project) -> list[tuple[str, str]]:
    """(where, text) for every answered field of every phase and its gate, table cells one by one."""
    found: list[tuple[str, str]] = []

    def visit(where: str, questions: Any, section: Any) -> None:
        for question in questions:
            value = getattr(section, question.name)
            if question.kind == "table":
                for index, row in enumerate(value):
                    for column in question.columns:
                        shown = column.display(getattr(row, column.name))
                        if shown.strip():
                            found.append((f"{where}.{question.name}[{index}].{column.name}", shown))
            else:
                shown = question.display(value)
                if shown.strip():
                    found.append((f"{where}.{question.name}", shown))

    for phase in PHASES:
        section = phase.answers(project)
        visit(phase.key, questions_of(phase.section), section)
        visit(f"{phase.key}.gate", gate_questions(), section.gate)
    return found


@pytest.mark.parametrize("key", KEYS)
def test_map_contains_every_answered_field_in_full(key: str, maps: dict) -> None:
    text = all_text(maps[key].data)
    project = load_sample(key)
    answers = _answers(project)
    assert len(answers) > 150
    missing = [where for where, shown in answers if squeeze(shown) not in text]
    assert missing == []
    for phase in PHASES:
        assert squeeze(phase.critical_decision) in text and squeeze(phase.deliverable) in text
        assert squeeze(f"{phase.number}. {phase.title}") in text


@pytest.mark.parametrize("key", KEYS)
def test_cover_has_the_name_and_problem_statement_and_the_canvas_is_a_page(key: str, maps: dict) -> None:
    project = load_sample(key)
    pages = page_texts(maps[key].data)
    assert squeeze(project.info.name) in squeeze(pages[0])
    assert squeeze(project.problem_framing.problem_statement) in squeeze(pages[0])
    pdf = reader(maps[key].data)
    canvas = pdf.pages[1]
    assert float(canvas.mediabox.width) > float(canvas.mediabox.height)  # A3 landscape among A4 pages
    assert "MLLIFECYCLECANVAS" in squeeze(pages[1])
    assert float(pdf.pages[2].mediabox.width) < float(pdf.pages[2].mediabox.height)
    assert maps[key].pages == len(pdf.pages)


@pytest.mark.parametrize("key", KEYS)
def test_plan_lists_activities_gates_and_their_deliverables(key: str, maps: dict) -> None:
    project = load_sample(key)
    text = all_text(maps[key].data)
    assert squeeze("Plan and stage gates") in text
    for activity in project.timeline.activities:
        assert squeeze(activity.name) in text
        assert activity.start.isoformat() in text and activity.end.isoformat() in text
    for gate in project.timeline.gates:
        assert gate.due.isoformat() in text and squeeze(gate.sign_off_owner) in text


def test_findings_are_listed_with_their_rules_and_accepted_ones_with_the_reason() -> None:
    loan = load_sample("loan")
    findings = run_checks(loan)
    chosen = findings[0]
    loan.accepted_findings = [AcceptedFinding(check_id=chosen.check_id, subject=chosen.subject,
                                              reason="Accepted until the Q3 refit, see ticket CR-1142.",
                                              accepted_by="Omar Haddad")]
    text = all_text(map_pdf(loan))
    assert squeeze("Findings") in text
    for finding in run_checks(loan):
        assert squeeze(finding.check_id) in text and squeeze(finding.message) in text
        if finding.references():
            assert squeeze(finding.references()) in text
    assert squeeze("Accepted: Accepted until the Q3 refit, see ticket CR-1142.") in text


def test_a_new_project_exports_a_short_map_without_errors() -> None:
    export = export_map(Project())
    text = all_text(export.data)
    assert squeeze("Untitled project") in text and squeeze("Not written yet.") in text
    assert squeeze("No dated activities or gates yet") in text
    assert export.pages >= 7


def test_same_project_same_bytes(maps: dict) -> None:
    assert map_pdf(load_sample("loan")) == maps["loan"].data


def test_no_fpdf_warnings(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        map_pdf(load_sample("recommendation"))
    assert fpdf_warnings(caplog) == []


def test_rendered_pages_are_not_blank(maps: dict, tmp_path) -> None:
    for page in (1, 3, 4):
        image = render(maps["loan"].data, tmp_path, f"map-{page}", page=page)
        assert ink_share(image) > 0.01, page


def test_a_signed_gate_lists_the_findings_it_was_signed_with_by_id() -> None:
    from datetime import date

    from lifecycle.gates import can_sign_off, sign_off

    project = load_sample("recommendation")
    allowed, _ = can_sign_off(project, "modeling")
    assert allowed  # no blocker open, but warnings are (position bias, selection on loss…)
    signed = sign_off(project, "modeling", "Priya Raman", date(2026, 3, 2))
    ids = [f.check_id for f in signed.modeling.gate.open_findings_at_sign_off]
    assert "MO-014" in ids
    text = all_text(export_map(signed).data)  # whitespace removed
    assert "GateFinding(" not in text and "check_id=" not in text
    assert "MO-014" in text and "PriyaRaman" in text


def test_a_signed_gate_changed_since_its_sign_off_says_so_at_the_gate_with_what_changed(tmp_path) -> None:
    from datetime import date

    from lifecycle.collab.history import changed_since_sign_off
    from lifecycle.gates import sign_off
    from lifecycle.storage import project_document

    plan = load_sample("churn")
    signed = sign_off(plan, "problem_framing", "Ana Ruiz", date(2026, 3, 1), findings=[])
    edited = signed.model_copy(deep=True)
    edited.problem_framing.problem_statement = "Churn among prepaid customers doubled this year."
    history = [(1, project_document(plan)), (2, project_document(signed)), (3, project_document(edited))]

    unchanged = page_texts(map_pdf(signed, changed_since_sign_off=changed_since_sign_off(history[:2])))
    assert not any("Changed since sign-off" in text for text in unchanged)

    data = map_pdf(edited, changed_since_sign_off=changed_since_sign_off(history))
    pages = page_texts(data)
    (number,) = [i for i, text in enumerate(pages) if "Changed since sign-off" in text]
    page = squeeze(pages[number])
    assert squeeze("1. Problem Framing") in page  # at its own phase's gate
    assert squeeze("Ana Ruiz signed this gate in version 2; 1 answer of this phase changed since.") in page
    assert squeeze(plan.problem_framing.problem_statement) in page  # at sign-off
    assert squeeze("Churn among prepaid customers doubled this year.") in page  # now
    assert ink_share(render(data, tmp_path, "changed-gate", page=number + 1)) > 0.01  # the page draws
