"""The EU AI Act risk screening: the tier each combination of answers gives, with its reasons and references."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lifecycle.compliance.screening import NOT_SCREENED, Tier, screen, tier_label
from lifecycle.model import (
    AnnexIIIUse, ExemptionCondition, Project, ProhibitedPractice, RiskScreening, TransparencyCase,
)
from lifecycle.model.risk import reference_of
from lifecycle.questions import questions_of
from lifecycle.samples import load_sample

BASE = dict(prohibited_practices=["none"], annex_i_product=False, annex_iii_uses=["none"], transparency_cases=["none"])


def screening(**answers) -> RiskScreening:  # type: ignore[no-untyped-def]
    return RiskScreening(**{**BASE, **answers})


def test_the_loan_scenario_is_high_risk_because_of_annex_iii_point_5b() -> None:
    result = screen(load_sample("loan"))
    assert result.tier is Tier.HIGH_RISK
    assert result.reasons[0].reference == "Annex III, point 5(b)"
    assert "creditworthiness" in result.reasons[0].text
    assert result.reasons[0].field == "ai_act.screening.annex_iii_uses"
    # the Article 6(3) exemption cannot apply: the model profiles applicants
    assert any(r.reference == "Article 6(3), last subparagraph" for r in result.reasons)
    assert result.missing == ()
    assert result.summary.startswith("High-risk: Annex III, point 5(b)")


@pytest.mark.parametrize("key", ["recommendation", "churn"])
def test_the_recommendation_and_churn_scenarios_are_minimal_risk(key: str) -> None:
    result = screen(load_sample(key))
    assert result.tier is Tier.MINIMAL
    assert result.missing == () and result.obligations == ()


def test_an_unanswered_screening_places_nothing_and_lists_what_to_answer() -> None:
    result = screen(Project())
    assert result.tier is None and result.key == NOT_SCREENED and result.label == "Not screened"
    assert set(result.missing) == {f"ai_act.screening.{name}" for name in (
        "prohibited_practices", "annex_i_product", "annex_iii_uses", "transparency_cases")}


def test_a_prohibited_practice_outranks_everything_else() -> None:
    result = screen(screening(prohibited_practices=["social_scoring"], annex_iii_uses=["credit_scoring"],
                              profiles_natural_persons=True, transparency_cases=["interacts_with_people"]))
    assert result.tier is Tier.PROHIBITED
    assert [r.reference for r in result.reasons] == ["Article 5(1)(c)"]


def test_profiling_rules_out_the_article_6_3_exemption() -> None:
    result = screen(screening(annex_iii_uses=["recruitment"], profiles_natural_persons=True,
                              exemption_condition="preparatory"))
    assert result.tier is Tier.HIGH_RISK
    assert "Annex III, point 4(a)" in result.references


def test_an_exemption_without_profiling_is_not_high_risk_but_must_be_documented() -> None:
    result = screen(screening(annex_iii_uses=["recruitment"], profiles_natural_persons=False,
                              exemption_condition="narrow_procedural"))
    assert result.tier is Tier.MINIMAL
    assert result.exemption_claimed
    (note,) = result.notes
    assert note.reference == "Article 6(3)(a)" and "Article 6(4)" in note.text and "Article 49(2)" in note.text


def test_the_minimal_tier_cites_every_provision_it_rules_out() -> None:
    (reason,) = screen(load_sample("recommendation")).reasons
    for cited in ("(Article 5)", "(Article 6(1) and Annex I)",
                  "no high-risk Annex III use (Article 6(2) and Annex III)", "(Article 50)"):
        assert cited in reason.text
    assert reason.field == "ai_act.screening.annex_iii_uses"
    assert screen(load_sample("recommendation")).summary == "Minimal risk"  # the canvas and the cover stay short


def test_an_exempted_annex_iii_use_is_named_in_the_minimal_reason_not_denied() -> None:
    result = screen(screening(annex_iii_uses=["recruitment"], profiles_natural_persons=False,
                              exemption_condition="preparatory"))
    assert result.tier is Tier.MINIMAL
    (reason,) = result.reasons
    assert "Annex III use exempted under Article 6(3)(d)" in reason.text
    assert "no high-risk Annex III use" not in reason.text
    assert "(Article 5)" in reason.text and "(Article 50)" in reason.text
    assert reason.field == "ai_act.screening.exemption_condition"


def test_an_annex_iii_use_with_the_exemption_question_open_is_high_risk_until_answered() -> None:
    result = screen(screening(annex_iii_uses=["credit_scoring"], profiles_natural_persons=False))
    assert result.tier is Tier.HIGH_RISK
    assert "ai_act.screening.exemption_condition" in result.missing
    assert any("unless an Article 6(3) condition applies" in n.text for n in result.notes)


def test_an_annex_i_product_is_high_risk() -> None:
    result = screen(screening(annex_i_product=True))
    assert result.tier is Tier.HIGH_RISK and result.references == ("Article 6(1), Annex I",)


def test_article_50_cases_give_transparency_obligations_and_also_apply_to_high_risk_systems() -> None:
    chatbot = screen(screening(transparency_cases=["interacts_with_people", "generates_synthetic_content"]))
    assert chatbot.tier is Tier.TRANSPARENCY
    assert chatbot.references == ("Article 50(1)", "Article 50(2)")
    both = screen(screening(annex_iii_uses=["credit_scoring"], profiles_natural_persons=True,
                            transparency_cases=["interacts_with_people"]))
    assert both.tier is Tier.HIGH_RISK and [o.reference for o in both.obligations] == ["Article 50(1)"]


def test_a_partial_screening_that_already_finds_high_risk_says_what_could_still_change() -> None:
    result = screen(RiskScreening(annex_iii_uses=["emergency_triage"], profiles_natural_persons=True))
    assert result.tier is Tier.HIGH_RISK
    assert "ai_act.screening.prohibited_practices" in result.missing


def test_none_of_these_cannot_be_combined_with_an_answer() -> None:
    with pytest.raises(ValidationError, match="choose 'None of these' on its own"):
        RiskScreening(annex_iii_uses=["none", "credit_scoring"])


def test_every_question_and_every_choice_names_its_article_or_annex_point() -> None:
    for question in questions_of(RiskScreening):
        assert reference_of(RiskScreening, question.name).startswith(("Article", "Annex"))
    for choices in (ProhibitedPractice, AnnexIIIUse, ExemptionCondition, TransparencyCase):
        for choice in choices:
            assert choice.reference or choice.value == "none", choice
    assert AnnexIIIUse.CREDIT_SCORING.reference == "Annex III, point 5(b)"
    assert [p.reference for p in ProhibitedPractice if p.reference] == [f"Article 5(1)({c})" for c in "abcdefgh"]


def test_stored_tier_keys_read_back_as_labels() -> None:
    assert tier_label("high_risk") == "High-risk"
    assert tier_label(NOT_SCREENED) == "Not screened"
    assert tier_label("") == "Not known"  # a portfolio summary stored before the screening existed
