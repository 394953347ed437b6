"""Annex IV: every section and point is mapped, and each point is covered exactly by the answers mapped to it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lifecycle.compliance.annex_iv import COVERED, MISSING, PARTLY, PointSpec, annex_map, coverage, point, points
from lifecycle.compliance.paths import resolve
from lifecycle.model import Project
from lifecycle.questions import Question
from lifecycle.samples import load_sample
from lifecycle.storage import project_document

ORDER = [f"1({c})" for c in "abcdefgh"] + [f"2({c})" for c in "abcdefgh"] + [str(n) for n in range(3, 10)]

# What a reviewer would look for first under each point, written independently of the map.
EXPECTED = {
    "1(a)": "problem_framing.problem_statement",
    "1(b)": "deployment.consumers",
    "1(c)": "ai_act.documentation.software_versions",
    "1(d)": "ai_act.documentation.market_forms",
    "1(e)": "ai_act.documentation.target_hardware",
    "1(f)": "ai_act.documentation.product_illustrations",
    "1(g)": "ai_act.documentation.user_interface",
    "1(h)": "ai_act.documentation.instructions_for_use",
    "2(a)": "modeling.model_description",
    "2(b)": "problem_framing.training_objective",
    "2(c)": "ai_act.documentation.architecture",
    "2(d)": "data.sources",
    "2(e)": "ai_act.documentation.human_oversight",
    "2(f)": "ai_act.documentation.predetermined_changes",
    "2(g)": "modeling.bias_testing",
    "2(h)": "ai_act.documentation.cybersecurity",
    "3": "model_card.caveats.caveats",
    "4": "ai_act.documentation.metric_appropriateness",
    "5": "ai_act.documentation.risk_management",
    "6": "ai_act.documentation.change_log",
    "7": "ai_act.documentation.standards_applied",
    "8": "ai_act.documentation.declaration_of_conformity",
    "9": "monitoring.signals",
}


def valid_answer(question: Question) -> Any:
    """An answer a person could give, of the question's kind (a table gets one complete row)."""
    kind = question.kind
    if kind in ("text", "long_text"):
        return f"Documented: {question.label}."
    if kind == "choice":
        return question.choices[-1].value
    if kind == "multi_choice":
        return [question.choices[-1].value]
    if kind == "flag":
        return True
    if kind == "integer":
        return 10
    if kind == "number":
        return 1.0
    if kind == "date":
        return "2025-01-31"
    assert kind == "table"
    return [{column.name: valid_answer(column) for column in question.columns}]


def answered(paths: list[str] | tuple[str, ...]) -> Project:
    document = copy.deepcopy(project_document(Project()))
    for path in paths:
        resolved = resolve(path)
        node = document
        for step in resolved.steps[:-1]:
            node = node[step.name]
        node[resolved.steps[-1].name] = valid_answer(resolved.question)
    return Project.model_validate(document)


def test_every_section_and_point_of_annex_iv_is_mapped_in_order() -> None:
    assert [p.id for p in points()] == ORDER
    assert [s.number for s in annex_map().sections] == [str(n) for n in range(1, 10)]
    assert all(p.title.strip() and p.summary.strip() and p.answers for p in points())


@pytest.mark.parametrize("point_id", ORDER)
def test_each_point_is_covered_by_the_answers_mapped_to_it(point_id: str) -> None:
    spec = point(point_id)
    assert EXPECTED[point_id] in spec.answers
    assert coverage(Project()).point(point_id).status == MISSING
    filled = coverage(answered(spec.answers)).point(point_id)
    assert filled.status == COVERED and filled.missing == ()
    assert all(a.lines for a in filled.given), "each given answer is shown"
    # every mapped answer counts: leave one out and the point names exactly that one as missing
    for left_out in spec.answers:
        partial = coverage(answered([p for p in spec.answers if p != left_out])).point(point_id)
        assert [a.field for a in partial.missing] == [left_out]
        assert partial.status == (PARTLY if len(spec.answers) > 1 else MISSING)


def test_the_loan_scenario_documents_all_but_three_points() -> None:
    covered = coverage(load_sample("loan"))
    gaps = {p.spec.id: [a.field for a in p.missing] for p in covered.points if not p.covered}
    assert gaps == {
        "2(g)": ["modeling.bias_testing"],  # the planted gap: no bias testing
        "7": ["ai_act.documentation.standards_applied"],
        "8": ["ai_act.documentation.declaration_of_conformity"],
    }
    assert (covered.covered, covered.total) == (20, 23)
    assert covered.answers_given == covered.answers_total - 3
    two_g = covered.point("2(g)")
    assert two_g.status == PARTLY and "Random split" in [line for a in two_g.given for line in a.lines]


def test_coverage_counts_an_answer_behind_two_points_once() -> None:
    project = answered(["ai_act.documentation.human_oversight"])  # documents 2(e) and 3
    covered = coverage(project)
    assert covered.point("2(e)").given and covered.point("3").given
    assert covered.answers_given == 1


def test_the_map_refuses_an_answer_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="did you mean 'sources'"):
        PointSpec(id="2(d)", title="Data", summary="Data.", answers=("data.sourcez",))
    with pytest.raises(ValueError, match="listed twice"):
        PointSpec(id="2(d)", title="Data", summary="Data.", answers=("data.sources", "data.sources"))
    with pytest.raises(KeyError, match="no point"):
        point("10")
