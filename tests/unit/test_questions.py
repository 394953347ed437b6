"""The question catalogue read off the model, and completeness built on it."""

from __future__ import annotations

from lifecycle.completeness import phase_progress, project_progress
from lifecycle.model import Data, Monitoring, Project
from lifecycle.phases import PHASES, PHASES_BY_KEY
from lifecycle.questions import gate_questions, questions_of


def test_every_phase_declares_its_decision_and_deliverable() -> None:
    assert [p.title for p in PHASES] == [
        "Problem Framing", "Data", "Modeling & Evaluation", "Deployment", "Monitoring"
    ]
    for phase in PHASES:
        assert phase.critical_decision.endswith("?")
        assert phase.deliverable
        assert any(q.required for q in questions_of(phase.section))


def test_questions_carry_label_help_kind_and_limits() -> None:
    by_name = {q.name: q for q in questions_of(Data)}
    assert by_name["labelled_examples"].kind == "integer" and by_name["labelled_examples"].minimum == 0
    assert by_name["access_and_privacy"].kind == "long_text" and by_name["access_and_privacy"].max_length == 10_000
    assert by_name["time_ordered"].kind == "flag"
    features = by_name["features"]
    assert features.kind == "table"
    assert [c.name for c in features.columns][:4] == ["name", "description", "source", "owner"]
    assert "gate" not in by_name  # the stage gate is asked separately


def test_choice_questions_offer_labelled_choices() -> None:
    [signals] = [q for q in questions_of(Monitoring) if q.name == "signals"]
    kind = next(c for c in signals.columns if c.name == "kind")
    assert ("data_drift", "Data drift (input distributions)") in [(c.value, c.label) for c in kind.choices]


def test_empty_project_has_nothing_answered() -> None:
    for item in project_progress(Project()):
        assert item.answered == 0 and item.ratio == 0
        assert len(item.missing) == item.required


def test_answering_a_question_moves_progress() -> None:
    phase = PHASES_BY_KEY["monitoring"]
    before = phase_progress(Project(), phase)
    after = phase_progress(Project.model_validate({"monitoring": {"alert_owner": "ML on-call"}}), phase)
    assert after.answered == before.answered + 1
    assert "Alert owner" not in [q.label for q in after.missing]


def test_blank_text_does_not_count_as_an_answer() -> None:
    progress = phase_progress(Project.model_validate({"monitoring": {"alert_owner": "   "}}), PHASES_BY_KEY["monitoring"])
    assert "Alert owner" in [q.label for q in progress.missing]


def test_a_table_counts_only_when_its_required_cells_are_filled() -> None:
    phase = PHASES_BY_KEY["monitoring"]
    partial = {"signals": [{"name": "PSI income", "kind": "data_drift"}]}
    full = {"signals": [{"name": "PSI income", "kind": "data_drift", "threshold": "0.2", "action": "ticket", "owner": "Li"}]}
    missing_partial = [q.name for q in phase_progress(Project.model_validate({"monitoring": partial}), phase).missing]
    missing_full = [q.name for q in phase_progress(Project.model_validate({"monitoring": full}), phase).missing]
    assert "signals" in missing_partial and "signals" not in missing_full


def test_gate_answers_count_toward_the_phase() -> None:
    required_gate = [q for q in gate_questions() if q.required]
    progress = phase_progress(Project(), PHASES_BY_KEY["data"])
    assert set(q.name for q in required_gate) <= set(q.name for q in progress.missing)
    assert progress.required == len([q for q in questions_of(Data) if q.required]) + len(required_gate)
