"""What a learner can flag, page by page: every answer, every table as a whole and each row of a table.

A phase page offers its phase's answers and stage gate (Problem Framing also the EU AI Act screening it
shows); the Plan page its activities and milestones; the Data Sheet and the Model Card their own answers
and the answers they quote from the phases, where the learner reads them. Declared from the question
catalogue and the documents' builders, so a new question can be flagged without touching practice mode.
A flag's field is the dotted path the answer keys use (``timeline.gates``, ``datasheet.uses.not_for``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..canvas import value_at
from ..handoff import build_datasheet, build_model_card
from ..model import Project, RiskScreening, Timeline
from ..phases import PHASES, PHASES_BY_KEY, Phase
from ..questions import GATE_FIELD, Question, gate_questions, questions_of, summarise_row
from .paths import PathError, document_of, resolve

SCREENING = "ai_act.screening"


@dataclass(frozen=True)
class Target:
    label: str  # as the learner reads it in the picker
    field: str  # dotted path of the answer (the table, for a row)
    row_id: str = ""  # the row's id, for a row


@dataclass(frozen=True)
class Area:
    """A page a learner flags on."""

    key: str  # a phase key, or 'timeline', 'datasheet', 'model_card'
    title: str
    phase: str  # the phase whose line of the feedback counts a false flag made here


DOCUMENT_AREAS = {
    "timeline": Area("timeline", "Plan and timeline", "problem_framing"),  # the plan is agreed while framing
    "datasheet": Area("datasheet", "Data Sheet", "data"),
    "model_card": Area("model_card", "Model Card", "modeling"),
}
AREAS: dict[str, Area] = {p.key: Area(p.key, p.title, p.key) for p in PHASES} | DOCUMENT_AREAS


def _question_targets(prefix: str, questions: tuple[Question, ...], section: Any, title: str = "") -> list[Target]:
    found: list[Target] = []
    lead = f"{title}: " if title else ""
    for question in questions:
        field = f"{prefix}.{question.name}"
        if question.kind == "table":
            found.append(Target(f"{lead}{question.label} (the whole table)", field))
            for number, row in enumerate(getattr(section, question.name), start=1):
                summary = summarise_row(row, question.columns)[:90]
                found.append(Target(f"{lead}{question.label}, row {number}: {summary}", field, row.row_id))
        else:
            found.append(Target(f"{lead}{question.label}", field))
    return found


def _phase_targets(project: Project, phase: Phase) -> list[Target]:
    section = phase.answers(project)
    questions = tuple(q for q in questions_of(phase.section) if q.name != GATE_FIELD)
    found = _question_targets(phase.key, questions, section)
    if phase.key == "problem_framing":  # the screening is asked on this page
        found += _question_targets(SCREENING, questions_of(RiskScreening), value_at(project, SCREENING),
                                   "EU AI Act screening")
    for question in gate_questions():
        found.append(Target(f"Stage gate: {question.label}", f"{phase.key}.{GATE_FIELD}.{question.name}"))
    return found


def _document_targets(project: Project, kind: str) -> list[Target]:
    document = (build_datasheet if kind == "datasheet" else build_model_card)(project)
    plain = document_of(project)
    found: list[Target] = []
    for section in document.sections:
        title = f"{section.number}. {section.title}"
        for item in section.prefilled:
            try:
                resolve(plain, item.source)
            except PathError:
                continue  # a quote that is no single answer: flag it where it is asked
            found.append(Target(f"{title}: {item.label} (from {item.origin_title})", item.source))
        if section.model is not None:
            path = ".".join(section.path)
            found += _question_targets(path, questions_of(section.model), value_at(project, path), title)
    return found


def targets_in(project: Project, area: str) -> list[Target]:
    """The answers and rows the learner can flag on ``area``'s page, each (answer, row) once."""
    if area in PHASES_BY_KEY:
        found = _phase_targets(project, PHASES_BY_KEY[area])
    elif area == "timeline":
        found = _question_targets("timeline", questions_of(Timeline), project.timeline)
    elif area in DOCUMENT_AREAS:
        found = _document_targets(project, area)
    else:
        raise KeyError(area)
    unique: dict[tuple[str, str], Target] = {}
    for target in found:
        unique.setdefault((target.field, target.row_id), target)
    return list(unique.values())


def targets_of(project: Project, phase: Phase) -> list[Target]:
    return targets_in(project, phase.key)


def home_area(field: str) -> Area | None:
    """The page a flag on ``field`` was made for: its phase, the screening's phase, or its document."""
    if field == SCREENING or field.startswith(SCREENING + "."):
        return AREAS["problem_framing"]
    head = field.split(".", 1)[0].split("[", 1)[0]
    return AREAS.get(head)


def counted_phase(field: str) -> str:
    """The phase a flag counts under in the feedback; '' for an answer of no phase's page (project details)."""
    area = home_area(field)
    return area.phase if area else ""


def label_of(project: Project, area: Area | Phase | None, field: str, row_id: str) -> str:
    """How the flagged answer reads in the picker: looked up on ``area``'s page, then on the page it belongs to."""
    areas = [a.key for a in (area, home_area(field)) if a is not None]
    for key in dict.fromkeys(areas):
        for target in targets_in(project, key):
            if target.field == field and target.row_id == row_id:
                return target.label
    return field + (" (a row since removed)" if row_id else "")
