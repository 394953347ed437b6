"""Small readings of a project shared by the checks: names, started phases, sensitive features, durations.

Prose is read only through ``lifecycle.text``; this module turns its answers into the
facts several checks need (e.g. the label delay in days, whether the model decides about
people, which features look like proxies).
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model import Feature, MLTask, Project, Section, Sensitivity
from ..text import Gap, Mention, asserted, is_placeholder, lacks, mentions, numbers, sentence_at, unconfirmed, unsettled
from ..text.names import (
    area_composition,
    describes_a_person,
    name_tokens,
    protected_in_name,
    protected_in_text,
    proxy_in_name,
    proxy_in_text,
)

RANKING_TASKS = frozenset({MLTask.RANKING, MLTask.RECOMMENDATION})
PROBABILITY_TASKS = frozenset({MLTask.BINARY_CLASSIFICATION, MLTask.MULTICLASS_CLASSIFICATION})
SUPERVISED_TASKS = frozenset(MLTask) - {MLTask.CLUSTERING, MLTask.ANOMALY_DETECTION, MLTask.OTHER}
EVIDENCE_MAX = 300

__all__ = [
    "PROBABILITY_TASKS", "RANKING_TASKS", "SUPERVISED_TASKS", "Sensitive", "about_people", "blank", "evidence",
    "features", "first_asserted", "has_value", "label_delay", "name_tokens", "placeholder", "quoted", "row_name",
    "sensitive_features", "signal_kinds", "started", "texts_of",
]


def placeholder(text: str) -> bool:
    """True for answers that fill the box but say nothing: 'none', 'TBD', 'unknown', '?'."""
    return is_placeholder(text)


def blank(text: str, concept: str = "") -> Gap | None:
    """Why the answer does not give ``concept`` (empty, placeholder, deferred, denied), or None when it does."""
    return lacks(text, concept)


def unsettled_plan(text: str, concept: str = "") -> Gap | None:
    """Why a plan-like answer is not a settled plan: empty, placeholder, denied, or any part of it deferred."""
    return unsettled(text, concept)


def unowned(text: str) -> Gap | None:
    """Why an owner answer does not name a confirmed owner ('TBD', 'nobody', 'SRE (to be confirmed)'), or None."""
    return unconfirmed(text) if text.strip() else None


def evidence(sentence: str) -> str:
    """A sentence as a finding quotes it (long ones shortened, never silently)."""
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= EVIDENCE_MAX else sentence[: EVIDENCE_MAX - 1].rstrip() + "…"


def has_value(value: Any) -> bool:
    """An answer was given (any non-empty value; table rows count even when incomplete)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return True


def started(section: Section) -> bool:
    """The team has answered at least one question of this phase (its stage gate aside).

    Checks that fire on a *missing optional* answer wait until the phase is started, so an
    empty project only shows what each gate requires, not every piece of advice at once.
    """
    return any(has_value(getattr(section, name)) for name in type(section).model_fields if name != "gate")


def row_name(row: BaseModel, index: int) -> str:
    """What a table row is called in messages: its name/metric/behaviour, else 'row N'."""
    for attr in ("name", "metric", "behaviour", "check_id"):
        value = getattr(row, attr, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return f"row {index + 1}"


def quoted(names: list[str], limit: int = 5) -> str:
    """'a', 'b' and 'c' (and N more)."""
    shown = [f"'{name}'" for name in names[:limit]]
    more = len(names) - len(shown)
    if more:
        shown.append(f"{more} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def features(project: Project) -> Iterator[tuple[int, Feature, str]]:
    """(index, feature, display name) for every feature row."""
    for index, feature in enumerate(project.data.features):
        yield index, feature, row_name(feature, index)


def texts_of(project: Project, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(dotted path, text) for each named prose answer that is not empty; ``data.features[*].description``
    style paths expand to every row."""
    for path in paths:
        head, star, tail = path.partition("[*].")
        if star:
            rows = _value(project, head)
            for index, row in enumerate(rows):
                text = getattr(row, tail, "")
                if isinstance(text, str) and text.strip():
                    yield f"{head}[{index}].{tail}", text
            continue
        text = _value(project, path)
        if isinstance(text, str) and text.strip():
            yield path, text


def _value(project: Project, path: str) -> Any:
    node: Any = project
    for part in path.split("."):
        node = getattr(node, part)
    return node


def first_asserted(project: Project, paths: Iterable[str], concept: str) -> tuple[str, Mention] | None:
    """The first prose answer (of ``paths``, in order) that asserts ``concept``, with the mention."""
    for path, text in texts_of(project, paths):
        mention = asserted(text, concept)
        if mention:
            return path, mention
    return None


def all_asserted(project: Project, paths: Iterable[str], concept: str) -> list[tuple[str, Mention]]:
    return [(path, m) for path, text in texts_of(project, paths) for m in mentions(text, concept) if m.asserted]


_PEOPLE_TEXTS = ("problem_framing.prediction_target", "problem_framing.users", "problem_framing.decision_supported",
                 "problem_framing.problem_statement", "info.summary")


def about_people(project: Project) -> bool:
    """The predictions decide something about people that affects their access, treatment or rights (credit,
    insurance, hiring, care, benefits, fraud investigation, moderation), so stand-ins for who they are matter.

    Routing a ticket, forecasting demand or ordering a carousel serve customers but do not decide about them;
    there a postcode or a language is an ordinary input (slices still matter, MO-010).
    """
    texts = [text for _, text in texts_of(project, _PEOPLE_TEXTS)]
    return any(asserted(text, "person") for text in texts) and any(asserted(text, "consequential") for text in texts)


@dataclass(frozen=True)
class Sensitive:
    index: int
    feature: Feature
    name: str
    reason: str  # 'protected attribute', 'possible proxy', or what in its name or description suggests it
    strong: bool  # protected, marked proxy, or a strong proxy (where someone lives, their name or language)
    looks: bool  # found from its name or description, not (only) from its sensitivity answer


def _looks(feature: Feature, people: bool) -> tuple[str, bool]:
    """What in the feature's name or description suggests a protected attribute or a proxy."""
    word = protected_in_name(feature.name)
    if word:
        return f"its name mentions '{word}'", True
    word, strong = proxy_in_name(feature.name, people)
    if word:
        return f"its name mentions '{word}'", strong
    phrase = protected_in_text(feature.description) or proxy_in_text(feature.description)
    if phrase:
        return f"its description mentions '{phrase}'", True
    return "", False


def looks_sensitive(feature: Feature, people: bool = True) -> str:
    """'' or the reason the feature's name or description suggests a protected attribute or proxy."""
    return _looks(feature, people)[0]


def sensitive_features(project: Project) -> list[Sensitive]:
    """Features marked protected or proxy, and features whose name or description looks like one, whatever
    their sensitivity answer says (a 'not sensitive' tick does not hide a postcode). Stand-ins (postcode,
    language, device…) count when the model decides about people (``about_people``); a protected attribute
    always counts."""
    people = about_people(project)
    result = []
    for index, feature, name in features(project):
        if feature.sensitivity is Sensitivity.PROTECTED:
            result.append(Sensitive(index, feature, name, "protected attribute", True, False))
            continue
        if feature.sensitivity is Sensitivity.PROXY:
            result.append(Sensitive(index, feature, name, "possible proxy", True, False))
            continue
        word = protected_in_name(feature.name) or protected_in_text(feature.description)
        if word:
            where = "name" if protected_in_name(feature.name) else "description"
            result.append(Sensitive(index, feature, name, f"its {where} mentions '{word}'", True, True))
        # a feature about a person (a customer's home ZIP) counts even when the prediction is about a thing
        elif people or describes_a_person(feature.name, feature.description) or area_composition(
                feature.name, feature.description):
            reason, strong = _looks(feature, True)
            if reason:
                result.append(Sensitive(index, feature, name, reason, strong, True))
    return result



def signal_kinds(project: Project) -> set[Any]:
    return {signal.kind for signal in project.monitoring.signals if signal.kind is not None}


_WINDOW_TEXTS = ("problem_framing.label_definition", "problem_framing.prediction_target")
# 'within the next 60 days', 'in the following 12 months', 'a 90-day window': an outcome window, which the
# label delay is at least as long as (unlike 'known within the hour', a bound on the delay itself).
_WINDOW_BEFORE = re.compile(r"\b(?:next|following|coming|subsequent)\s+$", re.IGNORECASE)
_WINDOW_AFTER = re.compile(r".{0,4}?(?:(?:-day|-month|-week|\s)\s*(?:window|horizon|period)\b"
                           r"|\s+(?:after|of|from|following)\s+(?:the|each|a|its)\b)", re.IGNORECASE)


def field_of(worst: float | None, typical: float | None) -> str:
    return "problem_framing.label_delay_worst_days" if worst is not None else "problem_framing.label_delay_typical_days"


def delay_contradiction(project: Project) -> tuple[str, str, str] | None:
    """(message, field, sentence) when the label-delay answers contradict each other or the label definition."""
    framing = project.problem_framing
    typical, worst = framing.label_delay_typical_days, framing.label_delay_worst_days
    if typical is not None and worst is not None and worst < typical:
        return (f"The worst-case label delay ({days(worst)}) is shorter than the typical one ({days(typical)}).",
                "problem_framing.label_delay_worst_days", "")
    stated = worst if worst is not None else typical
    if stated is None:
        return None
    quick = asserted(framing.label_definition, "label_in_minutes") or asserted(framing.prediction_target,
                                                                             "label_in_minutes")
    if quick and stated > 2 and not any(q.days and q.days >= 1 for _, t in texts_of(project, _WINDOW_TEXTS)
                                        for q in numbers(t) if not q.cadence):
        return (f"The label is measured in minutes or hours ('{quick.words}') and known once the event is over, but "
                f"the label delay is given as {days(stated)}.", field_of(worst, typical), quick.sentence)
    field = "problem_framing.label_delay_worst_days" if worst is not None else "problem_framing.label_delay_typical_days"
    longest, shortest = None, None
    for _, text in texts_of(project, _WINDOW_TEXTS):
        for q in numbers(text):
            if q.days is None or q.cadence:
                continue
            sentence = sentence_at(text, q.start)
            window = bool(_WINDOW_BEFORE.search(text[max(0, q.start - 25):q.start])) or bool(
                _WINDOW_AFTER.match(text[q.end - 4:q.end + 24]))
            if not window and not asserted(sentence, "label_timing"):
                continue
            if window:
                if longest is None or q.days > longest[0]:
                    longest = (q.days, q.text, sentence)
            elif q.comparator in ("le", "lt") and (shortest is None or q.days < shortest[0]):
                shortest = (q.days, q.text, sentence)
            elif q.comparator not in ("le", "lt") and (longest is None or q.days > longest[0]):
                longest = (q.days, q.text, sentence)
    if longest and longest[0] > 2 * stated + 1:
        return (f"The label definition says the outcome takes {longest[1]} to be known, but the label delay is "
                f"given as {days(stated)}.", field, longest[2])
    low = typical if typical is not None else stated
    if shortest and low > 2 * shortest[0] + 1 and not longest:
        return (f"The label definition says the outcome is known {shortest[1]}, but the label delay is given as "
                f"{days(low)}.", "problem_framing.label_delay_typical_days" if typical is not None else field,
                shortest[2])
    return None


def implied_delay(project: Project) -> float | None:
    """The label delay the label definition and prediction target describe, in days, or None."""
    framing = project.problem_framing
    if (asserted(framing.label_definition, "label_in_minutes") or asserted(framing.prediction_target,
                                                                           "label_in_minutes")) and not any(
            q.days and q.days >= 1 for _, t in texts_of(project, _WINDOW_TEXTS) for q in numbers(t) if not q.cadence):
        return 0.1
    longest = 0.0
    for _, text in texts_of(project, _WINDOW_TEXTS):
        for q in numbers(text):
            if q.days is None or q.cadence:
                continue
            window = bool(_WINDOW_BEFORE.search(text[max(0, q.start - 25):q.start])) or bool(
                _WINDOW_AFTER.match(text[q.end - 4:q.end + 24]))
            if window or asserted(sentence_at(text, q.start), "label_timing"):
                longest = max(longest, q.days)
    return longest or None


# Label delays are estimates ('about 38 days', 'a year and a fortnight'): a span within a tenth of the delay is
# about one outcome cycle, and comparing it with the delay must not turn rounding into a finding.
DELAY_TOLERANCE = 0.9


def label_delay(project: Project) -> tuple[float, str] | None:
    """The label delay in days and which answer gave it (typical first, as most examples wait that long).

    When the delay answers contradict the label definition (PF-014), the delay the definition implies is used
    instead (its outcome window, or less than a day for a label measured in minutes), or None when it implies
    none: the other checks then compare with what the plan describes, not with a mistyped number.
    """
    framing = project.problem_framing
    contradiction = delay_contradiction(project)
    if contradiction:
        implied = implied_delay(project)
        return (implied, "problem_framing.label_definition") if implied is not None else None
    if framing.label_delay_typical_days is not None:
        return framing.label_delay_typical_days, "problem_framing.label_delay_typical_days"
    if framing.label_delay_worst_days is not None:
        return framing.label_delay_worst_days, "problem_framing.label_delay_worst_days"
    return None


def days(value: float) -> str:
    """A number of days as people say it: '12 hours', '60 days', '12 months'."""
    if value < 1:
        return f"{value * 24:g} hours"
    if value >= 360 and value % 365 < 10:
        years = round(value / 365)
        return f"{years} year{'s' if years != 1 else ''}"
    if value >= 56 and abs(value / 30.44 - round(value / 30.44)) < 0.1:
        months = round(value / 30.44)
        return f"{months} months"
    return f"{value:g} day{'s' if value != 1 else ''}"
