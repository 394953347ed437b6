"""Practice mode's domain: the briefs and answer keys as data, and scoring a learner's flags against a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifecycle.checks import run_checks
from lifecycle.model import PracticeFlag, Project
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.practice import (
    PracticeFileError, band_for, load_brief, load_key, practice_scenarios, resolve, score_attempt, targets_of,
)
from lifecycle.practice.paths import PathError, document_of
from lifecycle.samples import SAMPLE_ORDER, load_sample


def _with_flags(project: Project, *flags: dict) -> Project:
    practice = project.practice.model_copy(update={"flags": [PracticeFlag(**f) for f in flags]})
    return project.model_copy(update={"practice": practice})


def _row_id(project: Project, table: str, name: str) -> str:
    section, column = table.split(".")
    return next(r.row_id for r in getattr(getattr(project, section), column) if r.name == name)


def test_every_scenario_has_a_brief_and_an_answer_key() -> None:
    assert practice_scenarios() == sorted(SAMPLE_ORDER)
    for key in SAMPLE_ORDER:
        brief = load_brief(key)
        assert brief is not None and brief.scenario == key
        assert brief.situation and brief.task and brief.hand_in and 5 <= brief.minutes <= 120
    assert {load_brief(k).level.value for k in SAMPLE_ORDER} == {"beginner", "intermediate", "advanced"}


@pytest.mark.parametrize("scenario", SAMPLE_ORDER)
def test_every_answer_key_path_names_a_real_answer_or_row_of_its_scenario(scenario: str) -> None:
    key = load_key(scenario)
    project = load_sample(scenario)
    document = document_of(project)
    assert key.scenario == scenario and len(key.gaps) >= 8
    for gap in key.gaps:
        for where in gap.where:
            resolved = resolve(document, where)  # raises PathError naming the path when it does not exist
            node = document
            for part in resolved:
                node = node[part]
            if "[" in where and not where.endswith("]"):
                continue
            if where.endswith("]"):  # a named row: the row carries that name
                assert isinstance(node, dict) and where.rsplit("[", 1)[1].rstrip("]") in node.values()


def test_a_path_that_names_nothing_is_refused_by_name() -> None:
    document = document_of(load_sample("loan"))
    with pytest.raises(PathError, match="no row named 'favourite_colour'"):
        resolve(document, "data.features[favourite_colour]")
    with pytest.raises(PathError, match="no field 'colour'"):
        resolve(document, "modeling.colour")


@pytest.mark.parametrize("scenario", SAMPLE_ORDER)
def test_the_keys_hold_gaps_no_check_catches_and_the_checks_column_is_separate(scenario: str) -> None:
    project = load_sample(scenario)
    feedback = score_attempt(project, load_key(scenario), run_checks(project))
    assert feedback.found == 0 and feedback.score == 0 and feedback.band == "Beginner"
    assert any(r.check_ids for r in feedback.gaps)  # the checks see some of the gaps…
    assert any(not r.check_ids for r in feedback.gaps)  # …but the reviewer's key holds more


def test_flags_on_every_gap_score_full_marks() -> None:
    project = load_sample("churn")
    key = load_key("churn")
    flags = [{"field": gap.where[0].split("[")[0]} for gap in key.gaps]
    for flag, gap in zip(flags, key.gaps):
        if "[" in gap.where[0]:  # a named row: flag that row
            table = gap.where[0].split("[")[0]
            name = gap.where[0].split("[")[1].rstrip("]")
            flag["flagged_row"] = _row_id(project, table, name)
    feedback = score_attempt(_with_flags(project, *flags), key)
    assert feedback.found == len(key.gaps) and feedback.missed == 0 and feedback.false_flags == ()
    assert feedback.score == 100 and feedback.band == "Expert reviewer"


def test_two_right_flags_and_one_wrong_in_the_loan_scenario() -> None:
    project = load_sample("loan")
    flagged = _with_flags(
        project,
        {"field": "modeling.evaluation_split", "reason": "random split on loans over time", "rule": 33},
        {"field": "data.features", "flagged_row": _row_id(project, "data.features", "applicant_age"),
         "reason": "age is protected"},
        {"field": "modeling.calibration_checked", "reason": "I doubt it"},  # the team got this right
    )
    feedback = score_attempt(flagged, load_key("loan"), run_checks(flagged))
    found = {r.gap.id for r in feedback.gaps if r.found}
    assert found == {"LN05", "LN02"}
    assert feedback.false_flags == (2,)
    assert feedback.score == round(100 * (2 - 0.5) / 11) == 14
    by_phase = {p.phase: p for p in feedback.phases}
    assert (by_phase["modeling"].found, by_phase["modeling"].false_flags) == (1, 1)
    assert (by_phase["data"].found, by_phase["data"].missed) == (1, 1)  # the postcode proxy was missed
    assert by_phase["monitoring"].missed == by_phase["monitoring"].gaps == 3
    assert sum(p.gaps for p in feedback.phases) == 11


def test_a_flag_on_a_whole_table_does_not_find_the_gap_in_one_of_its_rows() -> None:
    project = load_sample("loan")
    feedback = score_attempt(_with_flags(project, {"field": "data.features"}), load_key("loan"))
    assert feedback.found == 0 and feedback.false_flags == (0,)


def test_a_flag_on_a_cell_or_a_gate_answer_finds_the_gap_it_lies_in() -> None:
    project = load_sample("loan")
    feedback = score_attempt(
        _with_flags(project, {"field": "monitoring.gate.decision"},
                    {"field": "monitoring.signals", "flagged_row": project.monitoring.signals[2].row_id}),
        load_key("loan"))
    assert {r.gap.id for r in feedback.gaps if r.found} == {"LN11", "LN01"}


def test_a_flag_whose_row_was_removed_falls_back_to_its_table() -> None:
    project = load_sample("loan")
    gone = _with_flags(project, {"field": "data.features", "flagged_row": "no-such-row"})
    assert score_attempt(gone, load_key("loan")).false_flags == (0,)


def test_bands_cover_every_score() -> None:
    assert [band_for(s) for s in (0, 34, 35, 59, 60, 79, 80, 100)] == [
        "Beginner", "Beginner", "Developing reviewer", "Developing reviewer", "Solid reviewer", "Solid reviewer",
        "Expert reviewer", "Expert reviewer"]


def test_targets_offer_every_answer_row_and_gate_answer_of_a_phase() -> None:
    project = load_sample("loan")
    targets = targets_of(project, PHASES_BY_KEY["data"])
    rows = [t for t in targets if t.field == "data.features" and t.row_id]
    assert len(rows) == len(project.data.features)
    assert any("applicant_age" in t.label for t in rows)
    assert any(t.field == "data.gate.decision" for t in targets)
    assert any(t.field == "data.time_ordered" and not t.row_id for t in targets)


def test_a_broken_key_file_is_reported_with_its_name_and_field(tmp_path: Path) -> None:
    (tmp_path / "x.brief.yaml").write_text("scenario: x\ntitle: T\nlevel: expert\nminutes: 10\n"
                                           "situation: s\ntask: t\nhand_in: [a]\n")
    (tmp_path / "x.key.yaml").write_text("scenario: x\ngaps:\n- id: XX01\n  title: t\n  phase: nowhere\n"
                                         "  where: [a]\n  severity: warning\n  why: w\n  good_answer: g\n")
    with pytest.raises(PracticeFileError, match=r"x\.brief\.yaml: level"):
        load_brief("x", tmp_path)
    with pytest.raises(PracticeFileError, match=r"x\.key\.yaml: gaps\.0\.phase.*unknown phase"):
        load_key("x", tmp_path)


def test_opening_a_scenario_for_practice_never_changes_the_shared_file() -> None:
    from lifecycle.samples import SAMPLES_DIR

    before = (SAMPLES_DIR / "loan.yaml").read_bytes()
    project = load_sample("loan")
    flagged = _with_flags(project, {"field": "modeling.evaluation_split"})
    assert flagged.practice.flags and not load_sample("loan").practice.flags
    assert (SAMPLES_DIR / "loan.yaml").read_bytes() == before


def test_the_portfolio_marks_a_practice_attempt_with_its_best_score() -> None:
    from lifecycle.model import PracticeAttempt
    from lifecycle.store.summary import summarise

    plan = load_sample("loan")
    assert summarise(plan).practice == ""
    practice = plan.practice.model_copy(update={"scenario": "loan", "active": True})
    opened = plan.model_copy(update={"practice": practice})
    assert summarise(opened).practice == "Practice: loan, not submitted"
    tried = opened.model_copy(update={"practice": practice.model_copy(update={
        "attempts": [PracticeAttempt(score=14), PracticeAttempt(score=64)]})})
    assert summarise(tried).practice == "Practice: loan, best 64/100 in 2 attempts"
    # opened with "Open" (practice off, never flagged or submitted): a copy of the scenario, not an attempt
    copied = plan.model_copy(update={"practice": plan.practice.model_copy(update={"scenario": "loan"})})
    assert summarise(copied).practice == "Scenario copy: loan"


def test_the_drill_has_a_model_answer_and_a_checklist_for_every_phase() -> None:
    from lifecycle.phases import PHASES
    from lifecycle.practice.drill import load_drill, self_mark

    drill = load_drill()
    assert [p.phase for p in drill.phases] == [p.key for p in PHASES]
    assert all(len(p.checklist) >= 5 and p.model_answer for p in drill.phases)
    assert [self_mark(n, 6) for n in (6, 5, 3, 2)] == ["Strong", "Strong", "Good start", "Revise this phase"]


def test_in_practice_mode_the_canvas_and_its_pdf_mark_nothing_missing() -> None:
    from lifecycle.canvas import fill_canvas
    from lifecycle.model import Practice

    churn = load_sample("churn")  # its Modeling, Deployment and Monitoring gates are undecided
    assert any(b.missing for b in fill_canvas(churn).blocks)
    practising = churn.model_copy(update={"practice": Practice(scenario="churn", active=True)})
    assert not any(b.missing for b in fill_canvas(practising).blocks)
    off = churn.model_copy(update={"practice": Practice(scenario="churn", active=False)})
    assert any(b.missing for b in fill_canvas(off).blocks)  # fixing the plan shows them again


def test_a_scenario_key_from_a_file_never_reads_outside_the_practice_folder() -> None:
    assert load_brief("../practice/loan") is None and load_key("../../sample_projects/practice/loan") is None
    assert load_brief("loan") is not None


def test_hostile_flags_count_as_false_flags_and_never_raise() -> None:
    project = load_sample("loan")
    odd = _with_flags(
        project,
        {"field": "modeling.gate.decision.deeper"}, {"field": "data.features[999]"}, {"field": "a]b[c"},
        {"field": "info.name"}, {"field": "modeling.evaluation_split", "flagged_row": "not-a-table"},
    )
    feedback = score_attempt(odd, load_key("loan"))
    assert feedback.false_flags == (0, 1, 2, 3) and feedback.found == 1
    assert feedback.score == 0  # four false flags cost more than one found gap earns
