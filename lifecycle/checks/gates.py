"""Stage-gate completeness: what must be answered before the team may leave each phase.

The requirements are not listed here: they are read from the question catalogue
(``lifecycle.questions``), i.e. the ``required`` flags declared on the model fields, the
required cells of table rows, and the required answers of each phase's stage gate. A
new required field therefore joins its gate check without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Project
from ..phases import PHASES_BY_KEY
from ..questions import Question, gate_questions, questions_of
from .facts import row_name
from .finding import Severity
from .registry import Hit, check

GATE_REF = "Stage-gate completeness"


def _missing_rows(path: str, question: Question, rows: list) -> Iterator[Hit]:
    """One hit per table row whose required cells are not all filled."""
    required = [col for col in question.columns if col.required]
    for index, row in enumerate(rows):
        empty = [col for col in required if not col.is_answered(getattr(row, col.name))]
        if not empty:
            continue
        name = row_name(row, index)
        cells = ", ".join(f"'{col.label}'" for col in empty)
        field = f"{path}[{index}]" + (f".{empty[0].name}" if len(empty) == 1 else "")
        yield Hit(
            message=f"{question.label}: '{name}' has no {cells}.",
            fix=f"Fill in {cells} for '{name}' in {question.label}, or remove the row.",
            field=field,
            subject=name,
        )


def gate_gaps(project: Project, phase_key: str) -> Iterator[Hit]:
    """Every required answer of the phase that is missing, as hits naming the question."""
    phase = PHASES_BY_KEY[phase_key]
    section = phase.answers(project)
    for question in questions_of(phase.section):
        value = getattr(section, question.name)
        path = f"{phase_key}.{question.name}"
        if question.kind == "table":
            if question.required and not value:
                yield Hit(
                    message=f"'{question.label}' has no rows; the {phase.title} gate needs at least one.",
                    fix=f"Add {question.label.lower()}." + (f" {question.help}" if question.help else ""),
                    field=path,
                    subject=question.name,
                )
            yield from _missing_rows(path, question, value)  # optional tables too: a started row must be complete
        elif question.required and not question.is_answered(value):
            yield Hit(
                message=f"'{question.label}' is not answered; the {phase.title} gate needs it.",
                fix=f"Answer '{question.label}'" + (f": {question.help}" if question.help else "."),
                field=path,
                subject=question.name,
            )
    for question in gate_questions():
        if question.required and not question.is_answered(getattr(section.gate, question.name)):
            yield Hit(
                message=f"Stage gate '{question.label}' is not recorded for {phase.title}.",
                fix=f"Record the gate's '{question.label}' ({phase.critical_decision})",
                field=f"{phase_key}.gate.{question.name}",
                subject=f"gate.{question.name}",
            )


@check("GATE-PF", "Problem Framing gate is incomplete", phase="problem_framing", severity=Severity.BLOCKER,
       refs=(GATE_REF,))
def problem_framing_gate(project: Project) -> Iterator[Hit]:
    """Required Problem Framing answers that are still empty.

    Before any data work the team needs a stated problem, a non-ML baseline (Rule 1),
    business metrics with owners and status (Rule 2), a label and a training objective,
    and a recorded go/revise/stop decision. Without them the later phases build on guesses.
    """
    return gate_gaps(project, "problem_framing")


@check("GATE-DA", "Data gate is incomplete", phase="data", severity=Severity.BLOCKER,
       refs=(GATE_REF,))
def data_gate(project: Project) -> Iterator[Hit]:
    """Required Data answers that are still empty, including incomplete source and feature rows.

    Every source needs an owner, refresh and PII answer; every feature needs a description,
    source, owner (Rule 11), origin and whether it is known at prediction time. A feature
    row without these cannot be reviewed for leakage or ownership.
    """
    return gate_gaps(project, "data")


@check("GATE-MO", "Modeling & Evaluation gate is incomplete", phase="modeling", severity=Severity.BLOCKER,
       refs=(GATE_REF,))
def modeling_gate(project: Project) -> Iterator[Hit]:
    """Required Modeling & Evaluation answers that are still empty.

    The gate asks whether the model beats the baseline on agreed metrics, which cannot be
    decided without a model family, an evaluation split, offline metrics with thresholds,
    a selection basis and a written comparison with the baseline.
    """
    return gate_gaps(project, "modeling")


@check("GATE-DE", "Deployment gate is incomplete", phase="deployment", severity=Severity.BLOCKER,
       refs=(GATE_REF,))
def deployment_gate(project: Project) -> Iterator[Hit]:
    """Required Deployment answers that are still empty.

    A release is safe to start only with a serving spec, a fallback, a pre-release quality
    gate (Rule 9), a rollout plan, a rollback plan and launch criteria written down.
    """
    return gate_gaps(project, "deployment")


@check("GATE-MN", "Monitoring gate is incomplete", phase="monitoring", severity=Severity.BLOCKER,
       refs=(GATE_REF,))
def monitoring_gate(project: Project) -> Iterator[Hit]:
    """Required Monitoring answers that are still empty, including signals without threshold, action or owner.

    The team must know who is alerted (an alert owner, an owner per signal), what each
    signal's threshold and action are, what a stale model costs (Rule 8) and what
    starts retraining.
    """
    return gate_gaps(project, "monitoring")
