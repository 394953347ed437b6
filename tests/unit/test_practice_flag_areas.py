"""Flags beyond the phase pages: the EU AI Act screening, the Plan's activities and milestones, the Data Sheet
and the Model Card. What their pickers offer is written in the answer keys' path format, so a flag there
scores like one on a phase page."""

from __future__ import annotations

import pytest

from lifecycle.model import PracticeFlag, Project
from lifecycle.practice import AREAS, load_key, resolve, score_attempt, targets_in
from lifecycle.practice.paths import document_of, flag_target
from lifecycle.samples import SAMPLE_ORDER, load_sample


def _with_flags(project: Project, *flags: dict) -> Project:
    practice = project.practice.model_copy(update={"flags": [PracticeFlag(**f) for f in flags]})
    return project.model_copy(update={"practice": practice})


def _found(project: Project, scenario: str, *flags: dict) -> set[str]:
    feedback = score_attempt(_with_flags(project, *flags), load_key(scenario))
    return {r.gap.id for r in feedback.gaps if r.found}


def _target(project: Project, area: str, field: str, label_part: str = ""):
    return next(t for t in targets_in(project, area) if t.field == field and label_part in t.label)


def test_a_flag_on_a_plan_milestone_row_finds_the_gap_the_key_names_by_phase() -> None:
    loan = load_sample("loan")
    milestone = _target(loan, "timeline", "timeline.gates", "Monitoring (Due")
    assert milestone.row_id == loan.timeline.gates[4].row_id
    assert _found(loan, "loan", {"field": milestone.field, "flagged_row": milestone.row_id,
                                 "reason": "one person signs their own dashboards"}) == {"LN11"}
    other = _target(loan, "timeline", "timeline.gates", "Data (Due")
    assert _found(loan, "loan", {"field": other.field, "flagged_row": other.row_id}) == set()


def test_a_flag_on_a_model_card_or_data_sheet_answer_finds_its_gap() -> None:
    loan = load_sample("loan")
    card = _target(loan, "model_card", "model_card.evaluation_data.evaluation_dataset")
    assert _found(loan, "loan", {"field": card.field}) == {"LN05"}
    churn = load_sample("churn")
    sheet = _target(churn, "datasheet", "datasheet.preprocessing.cleaning_steps")
    assert _found(churn, "churn", {"field": sheet.field}) == {"CH03"}


def test_a_quoted_answer_flagged_on_the_model_card_scores_as_the_phase_answer_it_quotes() -> None:
    loan = load_sample("loan")
    quoted = _target(loan, "model_card", "modeling.evaluation_split")
    assert "(from 3. Modeling & Evaluation)" in quoted.label
    assert _found(loan, "loan", {"field": quoted.field}) == {"LN05"}


def test_a_model_card_results_row_finds_the_gap_and_a_false_flag_there_counts_under_modeling() -> None:
    churn = load_sample("churn")
    rows = [t for t in targets_in(churn, "model_card") if t.field == "model_card.quantitative.results" and t.row_id]
    assert len(rows) == len(churn.model_card.quantitative.results)
    auc = rows[0]
    assert _found(churn, "churn", {"field": auc.field, "flagged_row": auc.row_id}) == {"CH11"}
    feedback = score_attempt(_with_flags(churn, {"field": "model_card.details.licence"}), load_key("churn"))
    assert feedback.false_flags == (0,)
    assert {p.phase: p.false_flags for p in feedback.phases}["modeling"] == 1


def test_the_screening_is_flagged_on_problem_framing_and_a_false_flag_there_counts_under_it() -> None:
    loan = load_sample("loan")
    screening = _target(loan, "problem_framing", "ai_act.screening.annex_iii_uses")
    assert screening.label.startswith("EU AI Act screening: ")
    feedback = score_attempt(_with_flags(loan, {"field": screening.field}), load_key("loan"))
    assert feedback.false_flags == (0,)  # credit scoring is rightly high-risk: the key holds no gap there
    assert {p.phase: p.false_flags for p in feedback.phases}["problem_framing"] == 1


@pytest.mark.parametrize("scenario", SAMPLE_ORDER)
def test_every_path_of_every_key_can_be_picked_on_some_page_and_picking_it_finds_the_gap(scenario: str) -> None:
    project = load_sample(scenario)
    document = document_of(project)
    offered = {}
    for area in AREAS:
        for target in targets_in(project, area):
            flag = PracticeFlag(field=target.field, flagged_row=target.row_id)
            offered.setdefault(flag_target(document, flag), target)
    key = load_key(scenario)
    for gap in key.gaps:
        for where in gap.where:
            path = resolve(document, where)  # the answer, the row, or a stage gate whose answers are offered
            target = offered.get(path) or next((t for p, t in offered.items() if p[: len(path)] == path), None)
            assert target is not None, f"{gap.id}: no page offers {where}"
            assert gap.id in _found(project, scenario, {"field": target.field, "flagged_row": target.row_id}), where


def test_the_keys_now_hold_gaps_on_the_plan_the_data_sheet_and_the_model_card() -> None:
    heads = {where.split(".")[0] for scenario in SAMPLE_ORDER for gap in load_key(scenario).gaps
             for where in gap.where}
    assert {"timeline", "datasheet", "model_card"} <= heads
