"""The period a prediction is made for, and features that count what happens inside that period.

A forecast 'for each street segment and each upcoming shift' is produced before the shift;
a feature that counts the removal jobs logged 'for the shift', or 'between the start and the
end of the shift', counts events of the very period being predicted. It does not exist when
the list is made, however the row's timing answers are ticked. The same holds for 'on the
day' when the predicted period is part of a day (a shift, an hour, a visit).

Two readings: ``predicted_periods`` takes the period nouns from the prediction target, and
``counts_over_period`` finds a feature description that gathers events over one of them
with nothing saying the period is an earlier one ('the previous shift', 'before the shift')
or that the value is planned ahead ('rostered for the shift', 'the forecast for the day').
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from .cues import NEGATION, history_qualified
from .split import clauses, sentences

_PERIOD_NOUNS = ("shift", "day", "night", "week", "weekend", "month", "quarter", "hour", "half-hour", "session",
                 "visit", "stay", "admission", "episode", "flight", "trip", "journey", "match", "game", "event",
                 "season", "term", "semester", "round", "tour", "interval", "slot", "window")
_NOUN = "|".join(sorted((re.escape(n) for n in _PERIOD_NOUNS), key=len, reverse=True))
# Periods shorter than a day: 'on the day' then also covers the predicted period.
_WITHIN_A_DAY = frozenset({"shift", "night", "hour", "half-hour", "session", "visit", "slot", "interval", "flight",
                           "trip", "journey", "match", "game"})

# 'for each upcoming shift', 'per store, SKU and day', 'the next trading day', 'each scoring month'
_TARGET_PERIOD = re.compile(
    rf"\b(?:each|every|per|next|coming|upcoming|following|forthcoming)\s+(?:[\w+-]+(?:,|\s+and)?\s+){{0,3}}?"
    rf"(?P<noun>{_NOUN})\b",
    re.IGNORECASE,
)

# 'on the day the extract is taken' names another day, defined by what follows it
_NOT_DEFINED_BY = r"(?!\s+(?:the|a|an|that|when|which|it|we|they|of|before|after|on\s+which|in\s+which)\b)"
# 'for the shift', 'during the same shift', 'on the day', 'over the whole visit', 'between the start and the end
# of the shift'
_OVER_PERIOD = re.compile(
    rf"\b(?:for|during|on|in|over|within|throughout|across|through|of)\s+(?:the|that|this)\s+"
    rf"(?:same\s+|current\s+|whole\s+|entire\s+|target\s+|predicted\s+|forecast\s+)?"
    rf"(?P<noun>{_NOUN})\b(?!-){_NOT_DEFINED_BY}"
    rf"|\bbetween\s+the\s+start\s+and\s+(?:the\s+)?end\s+of\s+the\s+(?P<noun2>{_NOUN})\b",
    re.IGNORECASE,
)

# The clause says the value is planned or published ahead, or is about an earlier period.
_AHEAD = re.compile(
    r"\b(?:forecast\w*|schedul\w*|plann\w*|roster\w*|book(?:ed|ings?)\s+(?:in\s+)?(?:advance|ahead)|timetabl\w*|"
    r"expected|predicted|projected|budget\w*|calendar|announced|published|issued|known\s+(?:in\s+advance|ahead|"
    r"before)|set\s+in\s+advance|ahead\s+of|in\s+advance|before|prior|preceding|previous|earlier|last|past|yesterday|"
    r"lag\w*|until|up\s+to|holidays?|weekdays?|day\s+of\s+(?:the\s+)?week|opening|capacity|staff(?:ed|ing)|on\s+duty|"
    r"rota|fixtures?)\b",
    re.IGNORECASE,
)
# The sentence counts or sums events that happened ('number of jobs logged', 'vehicles clamped'), rather than
# describing a condition of the period.
_EVENTS = re.compile(
    r"\b(?:number|numbers|count|counts|counted|how\s+many|total|totals|sum|summed|tally|logged|raised|recorded|"
    r"registered|reported|filed|arrived|arrivals|attendances|seen|clamped|removed|taken|occurred|happened|observed|"
    r"actual|actually|completed|closed|sold|returned|cancel\w*|rejected|accepted|made)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PeriodCount:
    sentence: str  # the sentence of the description that counts over the period
    words: str  # the words naming the period ('for the shift')


@lru_cache(maxsize=4096)
def predicted_periods(target: str) -> frozenset[str]:
    """The period nouns a prediction target is made for ('each upcoming shift' -> {'shift'}), plus 'day' when one
    of them is part of a day."""
    found = {match["noun"].lower() for match in _TARGET_PERIOD.finditer(target or "")}
    if found & _WITHIN_A_DAY:
        found.add("day")
    return frozenset(found)


@lru_cache(maxsize=4096)
def counts_over_period(description: str, periods: frozenset[str]) -> PeriodCount | None:
    """A clause of ``description`` that counts events over one of the predicted ``periods`` ('jobs logged on the
    segment for the shift') in a sentence that says nothing of an earlier period, of a value planned ahead or of a
    condition known ahead (a holiday, the rota), and does not deny using it ('jobs from the shift itself are never
    used')."""
    if not periods or not description:
        return None
    for sentence in sentences(description):
        if NEGATION.search(sentence.text) or not _EVENTS.search(sentence.text) or _AHEAD.search(sentence.text):
            continue
        for clause in clauses(sentence):
            match = next((m for m in _OVER_PERIOD.finditer(clause.text)
                          if (m["noun"] or m["noun2"]).lower() in periods), None)
            if match and not history_qualified(clause.text):
                return PeriodCount(sentence.text, match[0])
    return None
