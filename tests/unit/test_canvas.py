"""The canvas declaration and the filled canvas: blocks tile the grid, fields resolve, answers and gaps show."""

from __future__ import annotations

import pytest

from lifecycle.canvas import (
    BLOCKS,
    GRID_COLUMNS,
    fill_canvas,
    grid_rows,
    label_for,
    question_at,
    split_field,
)
from lifecycle.model import Project
from lifecycle.phases import PHASES
from lifecycle.questions import gate_questions, questions_of
from lifecycle.samples import load_sample


def test_block_ids_are_unique_and_every_block_has_a_title_and_a_question() -> None:
    assert len({b.id for b in BLOCKS}) == len(BLOCKS) >= 10
    for block in BLOCKS:
        assert block.title.strip() and block.question.strip().endswith("?")
        assert block.fields


def test_blocks_tile_the_grid_without_gaps_or_overlaps() -> None:
    cells: dict[tuple[int, int], str] = {}
    for block in BLOCKS:
        for row in block.rows:
            for col in block.cols:
                assert 1 <= col <= GRID_COLUMNS
                assert (row, col) not in cells, f"{block.id} overlaps {cells.get((row, col))}"
                cells[(row, col)] = block.id
    assert len(cells) == GRID_COLUMNS * grid_rows()


def test_every_fed_field_resolves_to_a_catalogue_question() -> None:
    for block in BLOCKS:
        for spec in block.fields:
            path, columns = split_field(spec)
            question = question_at(path)
            assert label_for(path)
            if columns:
                assert question.kind == "table"
                assert set(columns) <= {c.name for c in question.columns}, spec


def test_unknown_paths_are_refused() -> None:
    with pytest.raises(KeyError):
        question_at("data.no_such_field")
    with pytest.raises(KeyError):
        question_at("nowhere.name")


def test_every_phase_and_the_plan_feed_the_canvas() -> None:
    sections = {section for block in BLOCKS for section in block.sections}
    assert {p.key for p in PHASES} | {"timeline"} <= sections
    paths = {path for block in BLOCKS for path in block.paths}
    assert len(paths) == sum(len(b.fields) for b in BLOCKS), "a field feeds two blocks"
    # every phase's gate decision is on the canvas
    assert {f"{p.key}.gate.decision" for p in PHASES} <= paths


def test_labels_come_from_the_catalogue() -> None:
    assert label_for("problem_framing.users") == next(
        q.label for q in questions_of(PHASES[0].section) if q.name == "users")
    decision = next(q for q in gate_questions() if q.name == "decision")
    assert label_for("data.gate.decision") == f"Data: {decision.label.lower()}"


def test_a_new_project_has_every_block_empty_with_every_field_missing() -> None:
    canvas = fill_canvas(Project())
    for filled in canvas.blocks:
        assert filled.is_empty
        assert [m.path for m in filled.missing] == list(filled.block.paths)
    assert canvas.project_name == ""


def test_loan_fills_every_block_and_summarises_tables_row_by_row() -> None:
    loan = load_sample("loan")
    canvas = fill_canvas(loan)
    assert canvas.project_name == loan.info.name
    assert not any(filled.is_empty for filled in canvas.blocks)
    sources = next(a for a in canvas.block("data_sources").answers if a.path == "data.sources")
    assert sources.table and len(sources.lines) == len(loan.data.sources)
    first = loan.data.sources[0]
    assert sources.lines[0].startswith(first.name) and first.owner in sources.lines[0]
    assert "Contains PII: Yes" in sources.lines[0]
    task = next(a for a in canvas.block("prediction_task").answers if a.path == "problem_framing.ml_task")
    assert task.text == "Binary classification"
    # the planted gap: no bias testing (the test period and gap only apply to a temporal split, which loan lacks)
    missing = [m.label for m in canvas.block("offline_evaluation").missing]
    assert "Bias testing" in missing and set(missing) <= {"Bias testing", "Test period (days)",
                                                          "Gap between training and test data (days)"}


def test_gate_decisions_show_who_when_and_the_deliverable() -> None:
    loan = load_sample("loan")
    governance = fill_canvas(loan).block("governance")
    data_gate = next(a for a in governance.answers if a.path == "data.gate.decision")
    assert data_gate.text.startswith("Go (") and "2025-03-14" in data_gate.text and "signed off" in data_gate.text
    milestones = next(a for a in governance.answers if a.path == "timeline.gates")
    assert len(milestones.lines) == 5
    assert milestones.lines[1].startswith("Data gate, due 2025-03-14") and PHASES[1].deliverable in milestones.lines[1]


def test_churn_shows_undecided_gates_as_missing() -> None:
    governance = fill_canvas(load_sample("churn")).block("governance")
    missing = [m.path for m in governance.missing]
    assert missing == ["modeling.gate.decision", "deployment.gate.decision", "monitoring.gate.decision"]
    assert all(m.required for m in governance.missing)
