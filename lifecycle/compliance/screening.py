"""The EU AI Act tier of a use case, derived from its risk screening with the reasons for it.

A pure function of the answers in ``ai_act.screening``: prohibited (Article 5) before
high-risk (Article 6 with Annexes I and III, the Article 6(3) exemption and its profiling
exception) before transparency obligations (Article 50) before minimal. Each reason names
the answer it comes from and the article or annex point it concerns. Transparency
obligations are listed for a high-risk system too, as they apply on top of its tier.

This is a documentation aid that applies the screening answers as given; it is not legal
advice and does not replace an assessment by counsel.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from types import SimpleNamespace

from ..model import AnnexIIIUse, Project, ProhibitedPractice, RiskScreening, TransparencyCase
from ..model.risk import NONE, reference_of

SCREENING = "ai_act.screening"
DISCLAIMER = (
    "A documentation aid, not legal advice: the tier follows from the screening answers as given. Have counsel "
    "confirm the classification before relying on it."
)


class Tier(str, Enum):
    """Declared from the strictest to the lightest."""

    PROHIBITED = "prohibited"
    HIGH_RISK = "high_risk"
    TRANSPARENCY = "transparency"
    MINIMAL = "minimal"

    @property
    def label(self) -> str:
        return TIER_LABELS[self]


TIER_LABELS = {
    Tier.PROHIBITED: "Prohibited practice",
    Tier.HIGH_RISK: "High-risk",
    Tier.TRANSPARENCY: "Transparency obligations",
    Tier.MINIMAL: "Minimal risk",
}
NOT_SCREENED = "not_screened"
NOT_SCREENED_LABEL = "Not screened"
TIER_KEYS = (*(tier.value for tier in Tier), NOT_SCREENED)  # strictest first, as filters list them


def tier_label(key: str) -> str:
    """The label of a stored tier key; '' (a summary stored before screening existed) reads 'Not known'."""
    if key == NOT_SCREENED:
        return NOT_SCREENED_LABEL
    return Tier(key).label if key in {t.value for t in Tier} else "Not known"


@dataclass(frozen=True)
class Reason:
    text: str
    reference: str  # article or annex point, e.g. "Annex III, point 5(b)"
    field: str  # the screening answer it comes from

    def line(self) -> str:
        return f"{self.text} ({self.reference})" if self.reference else self.text


@dataclass(frozen=True)
class Screening:
    tier: Tier | None  # None: not enough answers to place the use case yet
    reasons: tuple[Reason, ...]  # why the tier is what it is
    obligations: tuple[Reason, ...]  # Article 50 cases, which apply on top of any tier
    notes: tuple[Reason, ...]  # what follows from the answers, e.g. an exemption to document
    missing: tuple[str, ...]  # paths of questions still unanswered that could change the tier

    @property
    def key(self) -> str:
        """A stable value for summaries and filters: the tier's value, or 'not_screened'."""
        return self.tier.value if self.tier else NOT_SCREENED

    @property
    def label(self) -> str:
        return self.tier.label if self.tier else NOT_SCREENED_LABEL

    @property
    def exemption_claimed(self) -> bool:
        return any(note.reference.startswith("Article 6(3)(") for note in self.notes)

    @property
    def references(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.reference for r in self.reasons if r.reference))

    @property
    def summary(self) -> str:
        """One line: 'High-risk: Annex III, point 5(b); Article 6(3), last subparagraph'."""
        if self.tier is None:
            return NOT_SCREENED_LABEL
        refs = "; ".join(self.references)
        return f"{self.label}: {refs}" if refs else self.label


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _chosen(values: list) -> list:
    return [v for v in values if v.value != NONE]


_INPUTS = ("prohibited_practices", "annex_i_product", "annex_iii_uses", "profiles_natural_persons",
           "exemption_condition", "transparency_cases")


def screen(subject: Project | RiskScreening) -> Screening:
    """The tier the screening answers place the use case in, with the reasons and references."""
    answers = subject.ai_act.screening if isinstance(subject, Project) else subject
    # Every check and every gate asks for the tier; the answers that decide it make a small, hashable key.
    key = tuple(tuple(v) if isinstance(v := getattr(answers, name), list) else v for name in _INPUTS)
    return _derive(key)


@lru_cache(maxsize=256)
def _derive(key: tuple) -> Screening:
    answers = SimpleNamespace(**dict(zip(_INPUTS, key)))
    missing: list[str] = []
    reasons: list[Reason] = []
    notes: list[Reason] = []

    def path(name: str) -> str:
        return f"{SCREENING}.{name}"

    if not answers.prohibited_practices:
        missing.append(path("prohibited_practices"))
    practices: list[ProhibitedPractice] = _chosen(answers.prohibited_practices)
    for practice in practices:
        reasons.append(Reason(f"Prohibited practice: {_lower_first(practice.text)}", practice.reference,
                              path("prohibited_practices")))
    if practices:
        return Screening(Tier.PROHIBITED, tuple(reasons), _obligations(answers), (), tuple(missing))

    high: list[Reason] = []
    if answers.annex_i_product is None:
        missing.append(path("annex_i_product"))
    elif answers.annex_i_product:
        high.append(Reason("A product, or a safety component of a product, under the Union laws of Annex I that "
                           "needs a third-party conformity assessment", reference_of(RiskScreening, "annex_i_product"),
                           path("annex_i_product")))
    if not answers.annex_iii_uses:
        missing.append(path("annex_iii_uses"))
    uses: list[AnnexIIIUse] = _chosen(answers.annex_iii_uses)
    exempted = ""  # the Article 6(3) point that takes an Annex III use out of the high-risk tier, if one does
    if uses:
        listed = [Reason(f"Annex III use: {_lower_first(use.text)}", use.reference,
                         path("annex_iii_uses")) for use in uses]
        condition = answers.exemption_condition
        if answers.profiles_natural_persons:
            high += listed
            high.append(Reason("It profiles natural persons, so no Article 6(3) exemption can apply",
                               reference_of(RiskScreening, "profiles_natural_persons"),
                               path("profiles_natural_persons")))
        elif condition is not None and condition.value != NONE and answers.profiles_natural_persons is False:
            exempted = condition.reference
            notes.append(Reason(
                f"Annex III use exempted by {condition.reference}: {_lower_first(condition.text)}. Document the "
                "assessment "
                "before the system is placed on the market (Article 6(4)) and register it (Article 49(2)).",
                condition.reference, path("exemption_condition")))
        else:
            high += listed
            if answers.profiles_natural_persons is None:
                missing.append(path("profiles_natural_persons"))
            if condition is None:
                missing.append(path("exemption_condition"))
                notes.append(Reason("High-risk unless an Article 6(3) condition applies; that question is not "
                                    "answered yet", "Article 6(3)", path("exemption_condition")))
            elif condition.value != NONE and answers.profiles_natural_persons is None:
                notes.append(Reason("The Article 6(3) exemption only holds if the system does not profile people; "
                                    "that question is not answered yet", "Article 6(3)",
                                    path("profiles_natural_persons")))

    obligations = _obligations(answers)
    if not answers.transparency_cases:
        missing.append(path("transparency_cases"))
    if high:
        return Screening(Tier.HIGH_RISK, tuple(high), obligations, tuple(notes), tuple(missing))
    if obligations:
        return Screening(Tier.TRANSPARENCY, obligations, obligations, tuple(notes), tuple(missing))
    if missing:
        return Screening(None, (), (), tuple(notes), tuple(missing))
    return Screening(Tier.MINIMAL, (_minimal_reason(exempted),), (), tuple(notes), ())


def _minimal_reason(exempted: str) -> Reason:
    """Minimal risk is what is left once every stricter tier is ruled out, so its reason cites each provision it
    rules out; an Annex III use exempted under Article 6(3) is named as such, not as no Annex III use at all. The
    citations stay in the text: ``references`` (on the canvas, the map's cover) lists what a tier rests on."""
    annex_iii = (f"Annex III use exempted under {exempted}" if exempted
                 else "no high-risk Annex III use (Article 6(2) and Annex III)")
    text = (f"No prohibited practice (Article 5), no Annex I product (Article 6(1) and Annex I), {annex_iii} and "
            "no transparency case (Article 50)")
    field = "exemption_condition" if exempted else "annex_iii_uses"
    return Reason(text, "", f"{SCREENING}.{field}")


def _obligations(answers: SimpleNamespace) -> tuple[Reason, ...]:
    cases: list[TransparencyCase] = _chosen(answers.transparency_cases)
    return tuple(Reason(f"Transparency: {_lower_first(case.text)}", case.reference,
                        f"{SCREENING}.transparency_cases") for case in cases)
