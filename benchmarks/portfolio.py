"""A deterministic portfolio of varied projects, made by perturbing a base project.

``vary(base, seed)`` walks the question catalogue and, for about one answer in eight,
swaps in another valid answer: another choice, a flipped flag, a placeholder or empty
text, a dropped or edited table row. The same seed always gives the same project, so
benchmark runs and property tests are repeatable.
"""

from __future__ import annotations

import random
from typing import Any

from pydantic import BaseModel

from lifecycle.model import AcceptedFinding, Project
from lifecycle.phases import PHASES
from lifecycle.questions import Question, gate_questions, questions_of

CHANGE_RATE = 0.12
_TEXTS = ("", "TBD", "None", "unknown")


def _new_value(rng: random.Random, question: Question, current: Any) -> Any:
    kind = question.kind
    if kind == "choice":
        return rng.choice([*question.choices, None])
    if kind == "multi_choice":
        return rng.sample(list(question.choices), rng.randint(0, len(question.choices)))
    if kind == "flag":
        return rng.choice([True, False, None])
    if kind == "integer":
        return rng.choice([None, 0, 50, 5_000, 2_000_000])
    if kind == "number":
        low, high = question.minimum or 0, question.maximum if question.maximum is not None else 100
        return rng.choice([None, float(low), float(min(high, 1.0)), float(high)])
    if kind == "date":
        return None
    if kind in ("text", "long_text"):
        return rng.choice([*_TEXTS, current])
    return current


def _vary_model(rng: random.Random, model: BaseModel, questions: tuple[Question, ...]) -> None:
    for question in questions:
        current = getattr(model, question.name)
        if question.kind == "table":
            rows = list(current)
            for row in rows:
                if rng.random() < CHANGE_RATE * 2:
                    _vary_model(rng, row, question.columns)
            if rows and rng.random() < CHANGE_RATE:
                rows.pop(rng.randrange(len(rows)))
            if rng.random() < CHANGE_RATE / 4:
                rows = []
            setattr(model, question.name, rows)
        elif rng.random() < CHANGE_RATE:
            setattr(model, question.name, _new_value(rng, question, current))


def vary(base: Project, seed: int) -> Project:
    """A copy of ``base`` with a deterministic, seed-dependent set of answers changed."""
    rng = random.Random(seed)
    project = base.model_copy(deep=True)
    for phase in PHASES:
        section = phase.answers(project)
        _vary_model(rng, section, questions_of(phase.section))
        _vary_model(rng, section.gate, gate_questions())
    if rng.random() < 0.2:  # some plans accept a finding or two
        project.accepted_findings = [
            AcceptedFinding(check_id=rng.choice(["MO-003", "DE-003", "MN-001", "DA-006"]), subject="",
                            reason="Accepted for the benchmark.", accepted_by="Benchmark")
        ]
    return project


def portfolio(base: Project, count: int, seed: int = 0) -> list[Project]:
    """``count`` varied copies of ``base``; the same arguments always give the same list."""
    return [vary(base, seed * 1_000_003 + index) for index in range(count)]
