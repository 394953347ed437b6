"""In practice mode the lifecycle map leaves out each phase's "Not answered yet" list, as the canvas leaves out
its missing marks: an empty answer the gate needs is a missing-answer finding, and on the loan scenario the
empty bias testing is one of the planted gaps."""

from __future__ import annotations

from lifecycle.export import map_pdf
from lifecycle.model import Practice, Project
from lifecycle.phases import PHASES_BY_KEY
from lifecycle.questions import questions_of
from lifecycle.samples import load_sample

from .test_pdf_support import all_text, squeeze


def _with_practice(project: Project, active: bool) -> Project:
    return project.model_copy(update={"practice": Practice(scenario="loan", active=active)})


def _modeling_not_answered(project: Project) -> str:
    phase = PHASES_BY_KEY["modeling"]
    section = phase.answers(project)
    missing = [q for q in questions_of(phase.section) if not q.is_answered(getattr(section, q.name))]
    assert missing and missing[-1].name == "bias_testing"  # the planted gap LN04 is in the list
    return squeeze("; ".join(q.label + (" (needed at the gate)" if q.required else "") for q in missing))


def test_the_map_lists_what_is_not_answered_until_practice_mode_is_on() -> None:
    loan = load_sample("loan")
    listed = _modeling_not_answered(loan)
    assert listed in all_text(map_pdf(_with_practice(loan, active=False)))  # fixing the plan: shown again
    practising = all_text(map_pdf(_with_practice(loan, active=True)))
    assert listed not in practising
    assert squeeze("Gap between training and test data (days); Bias testing") not in practising


def test_the_model_card_and_data_sheet_chapters_keep_their_not_answered_lists_out_of_practice() -> None:
    loan = load_sample("loan")
    shown = all_text(map_pdf(_with_practice(loan, active=False)))
    assert squeeze("Not answered yet:") in shown  # the Model Card's section on bias testing, among others
    practising = all_text(map_pdf(_with_practice(loan, active=True)))
    assert squeeze("Not answered yet:") not in practising
    assert squeeze("7. Maintenance (") not in practising and squeeze("7. Maintenance") in practising  # no '6 of 9'


def test_the_annex_iv_chapter_of_a_practice_map_leaves_out_the_coverage_of_each_point() -> None:
    loan = load_sample("loan")
    assert squeeze("not documented") in all_text(map_pdf(_with_practice(loan, active=False))).lower()
    practising = all_text(map_pdf(_with_practice(loan, active=True)))
    assert squeeze("not documented") not in practising.lower() and squeeze("points documented") not in practising
    assert squeeze("Practice mode is on: the coverage of each point") in practising
