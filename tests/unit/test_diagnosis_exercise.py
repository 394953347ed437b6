"""The diagnosis exercise's expected answer comes from the computed analysis; scoring is right / missed / wrong."""

from __future__ import annotations

import pytest

from lifecycle.diagnosis.analysis import Analysis, analyse
from lifecycle.diagnosis.bundled import load_bundled
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.diagnosis.exercise import Answer, SymptomAnswer, choices, compare, expected
from lifecycle.samples import load_sample


def _perfect(diagnosis: Diagnosis) -> Answer:
    return Answer(tuple(SymptomAnswer(kind, True, frozenset(want.subjects), frozenset(want.phases))
                        for kind, want in expected(diagnosis).items() if want.found))


def test_the_expected_answer_is_read_from_the_analysis_and_its_gaps(loan: Diagnosis) -> None:
    want = expected(loan)
    assert want["data_drift"].subjects == ("declared_net_income", "age_band", "postcode_district")
    assert want["fairness"].subjects == ("age_band", "postcode_district")
    assert want["concept_drift"].found and want["concept_drift"].subjects == ()
    for kind, entry in want.items():
        phases = {g.phase for s in loan.symptoms if s.symptom.kind == kind for g in s.gaps}
        assert set(entry.phases) == phases  # exactly the phases of the computed gaps
    assert want["concept_drift"].phases == ("modeling", "deployment", "monitoring")  # lifecycle order
    assert "monitoring" in want["data_drift"].phases and "data" in want["fairness"].phases


def test_a_perfect_answer_scores_everything_and_an_empty_one_misses_everything(loan: Diagnosis) -> None:
    best = compare(loan, _perfect(loan))
    assert best.score == 1.0 and not best.missed and not best.wrong
    # 3 symptoms + 3 inputs + 2 attributes + 2 + 3 + 3 phases
    assert len(best.points) == 3 + 3 + 2 + 2 + 3 + 3
    empty = compare(loan, Answer())
    assert empty.score == 0.0 and len(empty.missed) == len(best.points) and not empty.wrong
    missed_phase = next(p for p in empty.missed if p.kind == "concept_drift" and p.name == "Deployment")
    assert missed_phase.why.startswith("Launch criteria have no outcome guardrail")


def test_a_partial_answer_is_right_missed_and_wrong_point_by_point(loan: Diagnosis) -> None:
    answer = Answer((
        SymptomAnswer("data_drift", True, frozenset({"declared_net_income", "bureau_score"}), frozenset({"monitoring"})),
        SymptomAnswer("concept_drift", phases=frozenset({"problem_framing"})),  # naming a phase names the symptom
    ))
    feedback = compare(loan, answer)
    right = {(p.kind, p.name) for p in feedback.right}
    assert right == {("data_drift", "Data drift"), ("data_drift", "declared_net_income"),
                     ("data_drift", "Monitoring"), ("concept_drift", "Concept drift")}
    wrong = {(p.kind, p.name): p.why for p in feedback.wrong}
    assert set(wrong) == {("data_drift", "bureau_score"), ("concept_drift", "Problem Framing")}
    assert wrong[("data_drift", "bureau_score")].startswith("bureau_score did not drift: its largest PSI is 0.0")
    assert ("fairness", "Fairness violation") in {(p.kind, p.name) for p in feedback.missed}
    assert feedback.score == pytest.approx(4 / (16 + 2))


def test_naming_a_symptom_the_analysis_did_not_find_is_wrong(analysis: Analysis) -> None:
    control = analyse(load_bundled().reference, [load_bundled().control])
    quiet = diagnose(control, load_sample("loan"))
    assert not control.symptoms
    feedback = compare(quiet, Answer((SymptomAnswer("fairness", True, frozenset({"age_band"})),)))
    [point] = feedback.points
    assert point.outcome == "wrong" and "found no fairness violation" in point.why
    assert compare(quiet, Answer()).score == 1.0  # nothing to find, nothing named


def test_the_choices_are_the_analysed_inputs_and_attributes(analysis: Analysis) -> None:
    options = choices(analysis)
    assert len(options.inputs) == 11 and "declared_net_income" in options.inputs and "score" not in options.inputs
    assert options.attributes == ("age_band", "postcode_district")
    assert options.phases[0] == "problem_framing" and len(options.phases) == 5
