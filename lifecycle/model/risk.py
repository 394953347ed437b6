"""EU AI Act: the risk screening and the technical documentation only Annex IV asks for.

The screening is a short typed questionnaire; each question and each choice names the
article or annex point it concerns (``reference``), and ``lifecycle.compliance.screening``
derives the tier from the answers (the tier is never stored, so it cannot disagree with
them). ``TechnicalDocumentation`` holds the Annex IV answers that no phase form, Data
Sheet or Model Card already asks; ``lifecycle/compliance/annex_iv.yaml`` maps every
Annex IV point to the answers that document it, wherever they live.

The wording is this workbook's own summary of Regulation (EU) 2024/1689; it is a
documentation aid, not legal advice.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, field_validator

from .base import Section
from .fields import Choice, answer, many, text


_POINT_MARK = re.compile(r"^(?:\d+(?:\(\d+\))?(?:\([a-z]\))?|\([a-z]\)) ")


class Referenced(Choice):
    """A closed answer that also names the article or annex point it stands for; its label starts with
    that point ('5(b) Creditworthiness…') so the form shows it."""

    reference: str

    def __new__(cls, value: str, label: str, reference: str = "") -> "Referenced":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.reference = reference
        return member

    @property
    def text(self) -> str:
        """The label without its leading point: 'Creditworthiness or credit score of natural persons…'."""
        return _POINT_MARK.sub("", self.label)


def _cite(reference: str, build: Any, label: str, help: str, **options: Any) -> Any:
    """A question (made by ``build``: text, answer or many) that names the article or annex point it concerns:
    kept for the compliance package and shown after the help text, so the form, the schema and exports name it."""
    field = build(label, f"{help} ({reference})", **options)
    field.json_schema_extra["reference"] = reference
    return field


def reference_of(model: type[Section], name: str) -> str:
    extra = model.model_fields[name].json_schema_extra
    return str(extra.get("reference", "")) if isinstance(extra, dict) else ""


NONE = "none"


class ProhibitedPractice(Referenced):
    NONE = NONE, "None of these", ""
    MANIPULATION = (
        "manipulation", "5(1)(a) Subliminal, manipulative or deceptive techniques that distort behaviour and "
        "cause significant harm", "Article 5(1)(a)",
    )
    EXPLOITING_VULNERABILITY = (
        "exploiting_vulnerability", "5(1)(b) Exploiting vulnerabilities due to age, disability or a social or economic "
        "situation, causing significant harm", "Article 5(1)(b)",
    )
    SOCIAL_SCORING = (
        "social_scoring", "5(1)(c) Social scoring that leads to unjustified or unrelated detrimental treatment",
        "Article 5(1)(c)",
    )
    CRIME_PREDICTION_PROFILING = (
        "crime_prediction_profiling", "5(1)(d) Predicting that a person will commit a crime solely from profiling or "
        "personality traits", "Article 5(1)(d)",
    )
    FACIAL_SCRAPING = (
        "facial_scraping", "5(1)(e) Building facial recognition databases by untargeted scraping of images",
        "Article 5(1)(e)",
    )
    EMOTION_AT_WORK_OR_SCHOOL = (
        "emotion_at_work_or_school", "5(1)(f) Inferring emotions at the workplace or in education (other than "
        "for medical or safety reasons)", "Article 5(1)(f)",
    )
    SENSITIVE_BIOMETRIC_CATEGORISATION = (
        "sensitive_biometric_categorisation", "5(1)(g) Biometric categorisation that infers race, political "
        "opinions, trade union membership, religion, sex life or sexual orientation", "Article 5(1)(g)",
    )
    REALTIME_REMOTE_BIOMETRIC_ID = (
        "realtime_remote_biometric_id", "5(1)(h) Real-time remote biometric identification in public spaces for law "
        "enforcement", "Article 5(1)(h)",
    )


class AnnexIIIUse(Referenced):
    NONE = NONE, "None of these", ""
    REMOTE_BIOMETRIC_ID = "remote_biometric_id", "1(a) Remote biometric identification", "Annex III, point 1(a)"
    BIOMETRIC_CATEGORISATION = (
        "biometric_categorisation", "1(b) Biometric categorisation by sensitive or protected attributes",
        "Annex III, point 1(b)",
    )
    EMOTION_RECOGNITION = "emotion_recognition", "1(c) Emotion recognition", "Annex III, point 1(c)"
    CRITICAL_INFRASTRUCTURE = (
        "critical_infrastructure", "2 Safety component in critical infrastructure (digital infrastructure, road "
        "traffic, water, gas, heating, electricity)", "Annex III, point 2",
    )
    EDUCATION_ACCESS = (
        "education_access", "3(a) Deciding access or admission to education and training", "Annex III, point 3(a)",
    )
    EDUCATION_EVALUATION = (
        "education_evaluation", "3(b) Evaluating learning outcomes or steering the learning process",
        "Annex III, point 3(b)",
    )
    EDUCATION_LEVEL = (
        "education_level", "3(c) Assessing the level of education a person will receive or can access",
        "Annex III, point 3(c)",
    )
    EXAM_PROCTORING = (
        "exam_proctoring", "3(d) Monitoring and detecting prohibited behaviour of students during tests",
        "Annex III, point 3(d)",
    )
    RECRUITMENT = (
        "recruitment", "4(a) Recruitment or selection: targeted job ads, filtering applications, evaluating "
        "candidates", "Annex III, point 4(a)",
    )
    WORK_DECISIONS = (
        "work_decisions", "4(b) Decisions on promotion, termination, task allocation, or monitoring and evaluating "
        "workers", "Annex III, point 4(b)",
    )
    PUBLIC_BENEFITS = (
        "public_benefits", "5(a) Eligibility for essential public assistance benefits and services, by or for public "
        "authorities", "Annex III, point 5(a)",
    )
    CREDIT_SCORING = (
        "credit_scoring", "5(b) Creditworthiness or credit score of natural persons (not fraud detection)",
        "Annex III, point 5(b)",
    )
    LIFE_HEALTH_INSURANCE = (
        "life_health_insurance", "5(c) Risk assessment and pricing of natural persons in life and health insurance",
        "Annex III, point 5(c)",
    )
    EMERGENCY_TRIAGE = (
        "emergency_triage", "5(d) Evaluating or classifying emergency calls, dispatching emergency services, "
        "emergency patient triage", "Annex III, point 5(d)",
    )
    LAW_ENFORCEMENT = (
        "law_enforcement", "6 Law enforcement: victim risk, polygraphs, evidence reliability, offending risk, "
        "profiling in investigations", "Annex III, point 6",
    )
    MIGRATION_BORDER = (
        "migration_border", "7 Migration, asylum and border control: polygraphs, risk assessment, applications, "
        "identifying persons", "Annex III, point 7",
    )
    JUSTICE = (
        "justice", "8(a) Assisting a judicial authority in researching and interpreting facts and the law",
        "Annex III, point 8(a)",
    )
    ELECTIONS = (
        "elections", "8(b) Influencing the outcome of an election or referendum, or voting behaviour",
        "Annex III, point 8(b)",
    )


class ExemptionCondition(Referenced):
    NONE = NONE, "None: the system does not meet any of the Article 6(3) conditions", ""
    NARROW_PROCEDURAL = "narrow_procedural", "(a) It performs a narrow procedural task", "Article 6(3)(a)"
    IMPROVES_HUMAN_RESULT = (
        "improves_human_result", "(b) It improves the result of an activity a person has already completed",
        "Article 6(3)(b)",
    )
    DETECTS_PATTERNS = (
        "detects_patterns", "(c) It detects decision patterns or deviations from them, without replacing or "
        "influencing the human assessment without proper human review", "Article 6(3)(c)",
    )
    PREPARATORY = (
        "preparatory", "(d) It performs a preparatory task to an assessment relevant to an Annex III use",
        "Article 6(3)(d)",
    )


class TransparencyCase(Referenced):
    NONE = NONE, "None of these", ""
    INTERACTS_WITH_PEOPLE = (
        "interacts_with_people", "50(1) It interacts directly with people (e.g. a chatbot or voice assistant)",
        "Article 50(1)",
    )
    GENERATES_SYNTHETIC_CONTENT = (
        "generates_synthetic_content", "50(2) It generates synthetic audio, images, video or text", "Article 50(2)",
    )
    EMOTION_OR_BIOMETRIC_CATEGORISATION = (
        "emotion_or_biometric_categorisation", "50(3) It recognises emotions or categorises people by biometric data",
        "Article 50(3)",
    )
    DEEP_FAKE_OR_PUBLIC_TEXT = (
        "deep_fake_or_public_text", "50(4) It produces deep fakes, or text published to inform the public on "
        "matters of public interest", "Article 50(4)",
    )


def _alone(values: list[Referenced]) -> list[Referenced]:
    if any(v.value == NONE for v in values) and len(values) > 1:
        raise ValueError("choose 'None of these' on its own, or only the items that apply")
    return values


class RiskScreening(Section):
    """Where the use case sits among the Act's tiers. Multi-choice questions take 'None of these' explicitly,
    so an unanswered question is never mistaken for a 'no'."""

    prohibited_practices: list[ProhibitedPractice] = _cite(
        "Article 5(1)", many,
        "Does the system do any of these prohibited practices?",
        "The practices Article 5(1) prohibits. Some have narrow exceptions; if one seems to apply, have it "
        "confirmed in writing.",
        group="Prohibited practices",
    )
    annex_i_product: bool | None = _cite(
        "Article 6(1), Annex I", answer,
        "Is it a product, or a safety component of a product, covered by the EU laws listed in Annex I that needs "
        "a third-party conformity assessment?",
        "For example machinery, toys, lifts, medical devices, vehicles or radio equipment.",
        group="High-risk uses",
    )
    annex_iii_uses: list[AnnexIIIUse] = _cite(
        "Article 6(2), Annex III", many,
        "Is its intended purpose one of the Annex III uses?",
        "Pick every point of Annex III the intended purpose falls under. Credit scoring of natural persons is "
        "5(b); detecting financial fraud is not.",
        group="High-risk uses",
    )
    profiles_natural_persons: bool | None = _cite(
        "Article 6(3), last subparagraph", answer,
        "Does it profile natural persons?",
        "Automated processing of personal data to evaluate aspects of a person, such as their economic "
        "situation, reliability or behaviour. An Annex III system that profiles people is always high-risk.",
        group="High-risk uses",
    )
    exemption_condition: ExemptionCondition | None = _cite(
        "Article 6(3)", answer,
        "Does an Article 6(3) condition apply?",
        "An Annex III system that does not profile people is not high-risk when it poses no significant risk of "
        "harm and meets one of these conditions.",
        group="High-risk uses",
    )
    exemption_assessment: str = _cite(
        "Article 6(4)", text,
        "Why the Article 6(3) condition holds",
        "The provider's assessment, to be documented before the system is placed on the market or put into "
        "service.",
        long=True, group="High-risk uses",
    )
    transparency_cases: list[TransparencyCase] = _cite(
        "Article 50", many,
        "Does any of these transparency cases apply?",
        "The cases in which Article 50 requires people to be told they deal with an AI system or with "
        "AI-generated content.",
        group="Transparency",
    )

    @field_validator("prohibited_practices", "annex_iii_uses", "transparency_cases")
    @classmethod
    def _none_alone(cls, values: list[Referenced]) -> list[Referenced]:
        return _alone(values)


def _doc(label: str, help: str, reference: str, group: str, *, long: bool = True) -> Any:
    return _cite(reference, text, label, help, long=long, group=group)


GENERAL = "General description (Annex IV 1)"
DEVELOPMENT = "Development (Annex IV 2)"
OVERSIGHT = "Human oversight and control (Annex IV 2(e), 3)"
CONFORMITY = "Risk management and conformity (Annex IV 5, 7, 8)"
AFTER_RELEASE = "Changes and post-market monitoring (Annex IV 2(f), 6, 9)"
TRANSPARENCY = "Transparency (Article 50)"


class TechnicalDocumentation(Section):
    """The Annex IV answers that no phase form, Data Sheet or Model Card asks for."""

    provider: str = _doc(
        "Provider", "The organisation that develops the system and places it on the market under its name, with "
        "its address.", "Annex IV 1(a)", GENERAL, long=False,
    )
    system_version: str = _doc(
        "Version and relation to earlier versions", "The version documented here and what it replaces or changes.",
        "Annex IV 1(a)", GENERAL,
    )
    software_versions: str = _doc(
        "Software and firmware it relies on", "Versions of the libraries, runtimes and firmware, and what their "
        "updates require.", "Annex IV 1(c)", GENERAL,
    )
    market_forms: str = _doc(
        "Forms it is provided in", "Software package, download, API, embedded in hardware…: every form in which "
        "it is placed on the market or put into service.", "Annex IV 1(d)", GENERAL,
    )
    target_hardware: str = _doc(
        "Hardware it runs on", "The hardware the system is meant to run on.", "Annex IV 1(e)", GENERAL,
    )
    product_illustrations: str = _doc(
        "Product photographs or drawings", "If it is a component of a product: where the pictures of its exterior, "
        "markings and internal layout are kept; otherwise say it is not part of a product.", "Annex IV 1(f)",
        GENERAL,
    )
    user_interface: str = _doc(
        "User interface for the deployer", "A basic description of the screens or API the deployer works with.",
        "Annex IV 1(g)", GENERAL,
    )
    instructions_for_use: str = _doc(
        "Instructions for use", "Where the deployer's instructions for use are, and what they cover.",
        "Annex IV 1(h)", GENERAL,
    )
    third_party_components: str = _doc(
        "Pre-trained models and third-party tools", "Which ones were used, and how they were integrated or "
        "changed; 'none' if none.", "Annex IV 2(a)", DEVELOPMENT,
    )
    design_assumptions: str = _doc(
        "Design assumptions and trade-offs", "The assumptions about the people or groups the system is meant for, "
        "and the trade-offs made to meet the Act's requirements.", "Annex IV 2(b)", DEVELOPMENT,
    )
    architecture: str = _doc(
        "System architecture", "How the software components build on or feed each other and fit into the overall "
        "processing.", "Annex IV 2(c)", DEVELOPMENT,
    )
    compute_resources: str = _doc(
        "Computing resources", "The compute used to develop, train, test and validate the system.",
        "Annex IV 2(c)", DEVELOPMENT,
    )
    test_reports: str = _doc(
        "Test logs and reports", "Where the dated test logs and reports, signed by the people responsible, are "
        "kept.", "Annex IV 2(g)", DEVELOPMENT,
    )
    cybersecurity: str = _doc(
        "Cybersecurity measures", "How the system, its data and its model are protected against attacks such as "
        "data poisoning, adversarial inputs or model theft.", "Annex IV 2(h)", DEVELOPMENT,
    )
    metric_appropriateness: str = _doc(
        "Why these performance metrics fit", "Why the chosen metrics are appropriate for this system and the "
        "people it affects.", "Annex IV 4", DEVELOPMENT,
    )
    human_oversight: str = _doc(
        "Human oversight measures", "Who can monitor, override or stop the system, and how (Article 14).",
        "Annex IV 2(e), 3", OVERSIGHT,
    )
    output_interpretation: str = _doc(
        "Helping deployers interpret outputs", "Technical measures that help deployers read the outputs correctly, "
        "e.g. reason codes or confidence (Article 13(3)(d)).", "Annex IV 2(e)", OVERSIGHT,
    )
    risk_management: str = _doc(
        "Risk management system", "How risks are identified, evaluated and treated over the lifecycle, by whom, "
        "and where it is recorded (Article 9).", "Annex IV 5", CONFORMITY,
    )
    standards_applied: str = _doc(
        "Harmonised standards applied", "The harmonised standards applied, by reference; if none, the solutions "
        "adopted instead and other standards or specifications used.", "Annex IV 7", CONFORMITY,
    )
    declaration_of_conformity: str = _doc(
        "EU declaration of conformity", "Where the copy of the EU declaration of conformity is kept (Article 47).",
        "Annex IV 8", CONFORMITY, long=False,
    )
    predetermined_changes: str = _doc(
        "Pre-determined changes", "Changes to the system and its performance decided in advance (e.g. scheduled "
        "retraining within set bounds), and how it stays compliant through them.", "Annex IV 2(f)", AFTER_RELEASE,
    )
    change_log: str = _doc(
        "Changes over the lifecycle", "Where the relevant changes made to the system are recorded.",
        "Annex IV 6", AFTER_RELEASE,
    )
    post_market_plan: str = _doc(
        "Post-market monitoring plan", "How performance is evaluated once the system is in use, and where the "
        "plan is kept (Article 72).", "Annex IV 9", AFTER_RELEASE,
    )
    transparency_measures: str = _doc(
        "How people are told", "How people are informed that they interact with an AI system, or how generated "
        "content is marked as such.", "Article 50", TRANSPARENCY,
    )


class AIAct(Section):
    """The EU AI Act view of the project: its screening and its Annex IV documentation."""

    screening: RiskScreening = Field(default_factory=RiskScreening)
    documentation: TechnicalDocumentation = Field(default_factory=TechnicalDocumentation)
