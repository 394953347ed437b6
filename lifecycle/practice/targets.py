"""What a learner can flag on a phase page: every answer of the phase, every table as a whole, each row of a
table, and the stage gate's answers. Declared from the question catalogue, so a new question can be flagged
without touching practice mode."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project
from ..phases import Phase
from ..questions import GATE_FIELD, gate_questions, questions_of, summarise_row


@dataclass(frozen=True)
class Target:
    label: str  # as the learner reads it in the picker
    field: str  # dotted path of the answer (the table, for a row)
    row_id: str = ""  # the row's id, for a row


def targets_of(project: Project, phase: Phase) -> list[Target]:
    section = phase.answers(project)
    found: list[Target] = []
    for question in questions_of(phase.section):
        if question.name == GATE_FIELD:
            continue
        field = f"{phase.key}.{question.name}"
        if question.kind == "table":
            found.append(Target(f"{question.label} (the whole table)", field))
            for number, row in enumerate(getattr(section, question.name), start=1):
                summary = summarise_row(row, question.columns)[:90]
                found.append(Target(f"{question.label}, row {number}: {summary}", field, row.row_id))
        else:
            found.append(Target(question.label, field))
    for question in gate_questions():
        found.append(Target(f"Stage gate: {question.label}", f"{phase.key}.{GATE_FIELD}.{question.name}"))
    return found


def label_of(project: Project, phase: Phase, field: str, row_id: str) -> str:
    for target in targets_of(project, phase):
        if target.field == field and target.row_id == row_id:
            return target.label
    return field + (" (a row since removed)" if row_id else "")
