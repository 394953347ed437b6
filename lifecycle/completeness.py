"""How much of each phase is answered: the share of gate-required questions with an answer."""

from __future__ import annotations

from dataclasses import dataclass

from .compliance.templates import extra_gate_answers
from .model import Project
from .phases import PHASES, Phase
from .questions import Question, gate_questions, questions_of


@dataclass(frozen=True)
class PhaseProgress:
    phase: Phase
    answered: int
    required: int
    missing: tuple[Question, ...]

    @property
    def ratio(self) -> float:
        return self.answered / self.required if self.required else 1.0


def phase_progress(project: Project, phase: Phase) -> PhaseProgress:
    section = phase.answers(project)
    pairs = [(q, getattr(section, q.name)) for q in questions_of(phase.section) if q.required]
    pairs += [(q, getattr(section.gate, q.name)) for q in gate_questions() if q.required]
    pairs += extra_gate_answers(project, phase.key)  # what the EU AI Act screening adds (gate templates)
    missing = tuple(q for q, value in pairs if not q.is_answered(value))
    return PhaseProgress(phase=phase, answered=len(pairs) - len(missing), required=len(pairs), missing=missing)


def project_progress(project: Project) -> list[PhaseProgress]:
    return [phase_progress(project, phase) for phase in PHASES]
