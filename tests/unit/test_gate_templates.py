"""Gate templates per risk tier: what a high-risk project must answer at each gate, counted in completeness and
reported as the gate's findings; prohibited practices block the Problem Framing gate."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lifecycle.checks import REGISTRY, readiness, run_checks
from lifecycle.completeness import phase_progress, project_progress
from lifecycle.compliance.annex_iv import points
from lifecycle.compliance.screening import screen
from lifecycle.compliance.templates import Templates, due_phase, requirements, templates
from lifecycle.gates import can_sign_off
from lifecycle.model import Project
from lifecycle.phases import PHASES, PHASES_BY_KEY
from lifecycle.samples import load_sample

SCREENED = dict(prohibited_practices=["none"], annex_i_product=False, transparency_cases=["none"])


def with_screening(project: Project, **answers) -> Project:  # type: ignore[no-untyped-def]
    document = project.model_dump(mode="json")
    document["ai_act"]["screening"] = {**SCREENED, **answers}
    return Project.model_validate(document)


def minimal(project: Project) -> Project:
    return with_screening(project, annex_iii_uses=["none"])


def test_every_annex_iv_point_is_due_at_exactly_one_gate() -> None:
    due = {p.id: due_phase(p.id) for p in points()}
    assert set(due) == {p.id for p in points()}
    assert due["1(a)"] == "problem_framing" and due["2(d)"] == "data" and due["2(g)"] == "modeling"
    assert due["8"] == "deployment" and due["9"] == "monitoring"


def test_a_template_for_an_unknown_phase_or_point_is_refused() -> None:
    raw = templates().model_dump(mode="json")
    raw["high_risk"]["modelling"] = raw["high_risk"].pop("modeling")
    with pytest.raises(ValidationError, match="unknown phase 'modelling'"):
        Templates.model_validate(raw)
    raw = templates().model_dump(mode="json")
    raw["high_risk"]["data"]["annex_iv"] = ["2(z)"]
    with pytest.raises(ValidationError, match="no point '2\\(z\\)'"):
        Templates.model_validate(raw)


def test_a_minimal_or_unscreened_project_keeps_the_default_gates() -> None:
    loan = load_sample("loan")
    unscreened = Project.model_validate({**loan.model_dump(mode="json"), "ai_act": {}})
    default = [(p.answered, p.required) for p in project_progress(unscreened)]
    assert [(p.answered, p.required) for p in project_progress(minimal(unscreened))] == default
    assert not [f for f in run_checks(minimal(unscreened)) if f.check_id.endswith("-AIA")]


def test_a_high_risk_gate_counts_the_annex_iv_answers_due_there() -> None:
    loan = load_sample("loan")
    unscreened = Project.model_validate({**loan.model_dump(mode="json"), "ai_act": {}})
    for phase in PHASES:
        before, after = phase_progress(unscreened, phase), phase_progress(loan, phase)
        assert after.required > before.required, phase.key
    modeling = phase_progress(loan, PHASES_BY_KEY["modeling"])
    assert [q.name for q in modeling.missing] == ["bias_testing"]
    # answers a phase gate already requires are counted once, at their own gate
    framing = PHASES_BY_KEY["problem_framing"]
    extra = phase_progress(loan, framing).required - phase_progress(unscreened, framing).required
    assert extra == 4  # provider, version, profiling, exemption; the phase's own 1(a) answers count already


def test_a_missing_point_is_a_finding_of_the_gate_it_is_due_at_until_it_is_answered() -> None:
    loan = load_sample("loan")
    (finding,) = [f for f in run_checks(loan) if f.check_id == "GATE-MO-AIA"]
    assert finding.subject == "Annex IV 2(g)" and finding.field == "modeling.bias_testing"
    assert "'Bias testing'" in finding.message and "Modeling & Evaluation gate" in finding.message
    assert finding.is_missing_answer  # a missing answer, counted by completeness, not an anti-pattern
    loan.modeling.bias_testing = "Approval rate and TPR by age band and district; ratio at least 0.8."
    assert not [f for f in run_checks(loan) if f.check_id == "GATE-MO-AIA"]
    assert phase_progress(loan, PHASES_BY_KEY["modeling"]).ratio == 1


def test_missing_points_do_not_count_twice_in_readiness() -> None:
    loan = load_sample("loan")
    modeling = next(p for p in readiness(loan).phases if p.key == "modeling")
    findings = [f for f in run_checks(loan) if f.phase == "modeling" and f.is_open and not f.is_missing_answer]
    weights = {"blocker": 30, "warning": 10, "advice": 3}
    assert modeling.penalty == sum(weights[f.severity.value] for f in findings)
    assert modeling.completeness < 1


def test_transparency_and_exemption_templates_add_their_own_answers() -> None:
    blank = Project()
    chatbot = with_screening(blank, annex_iii_uses=["none"], transparency_cases=["interacts_with_people"])
    (need,) = requirements(screen(chatbot), "deployment")
    assert need.field == "ai_act.documentation.transparency_measures" and "Article 50" in need.why
    gaps = [f for f in run_checks(chatbot) if f.check_id == "GATE-DE-AIA"]
    assert [f.field for f in gaps] == ["ai_act.documentation.transparency_measures"]
    exempt = with_screening(blank, annex_iii_uses=["recruitment"], profiles_natural_persons=False,
                            exemption_condition="preparatory")
    (gap,) = [f for f in run_checks(exempt) if f.check_id == "GATE-PF-AIA"]
    assert gap.field == "ai_act.screening.exemption_assessment" and "Article 6(4)" in gap.fix


def test_a_high_risk_gate_cannot_be_signed_while_a_point_due_there_is_missing() -> None:
    loan = load_sample("loan")
    loan.deployment.gate.signed_off_by = ""
    allowed, reasons = can_sign_off(loan, "deployment")
    assert not allowed and any("GATE-DE-AIA (Annex IV 7)" in r for r in reasons)


def test_a_prohibited_practice_blocks_the_problem_framing_gate() -> None:
    project = with_screening(load_sample("recommendation"), annex_iii_uses=["none"],
                             prohibited_practices=["exploiting_vulnerability"])
    (finding,) = REGISTRY["PF-901"].run(project)
    assert "Article 5(1)(b)" in finding.message and finding.field == "ai_act.screening.prohibited_practices"
    project.problem_framing.gate.signed_off_by = ""
    allowed, reasons = can_sign_off(project, "problem_framing")
    assert not allowed and any("PF-901" in r for r in reasons)
