"""How a comparison between two scores is grounded: on the same data, or on figures from different years.

A baseline comparison means something only when both numbers were measured on the same
test data. A comparison that dates its two figures in different years ('the 2021 study put
the rules at 14 %; the model catches 28 % on our 2023/24 test year') compares different
populations and periods, whatever words it uses for where the baseline came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import quantities, years
from .split import clauses, sentences

# Years in a clause about fitting the model ('trained on 2019-2022') date the training data, not a figure.
_FITTING = re.compile(r"\b(?:train|trains|trained|training|fit|fitted|tune|tuned|tuning|validat\w*|develop\w*|"
                      r"history|since|from\s+(?:19|20)\d\d\s+(?:to|until|through))\b", re.IGNORECASE)

# A figure quoted only for context is not the comparison ('the 2021 study is background only').
_CONTEXT_ONLY = re.compile(r"\b(?:(?:for|as|only\s+as)\s+(?:context|background)|(?:context|background)\s+only|"
                           r"not\s+(?:used\s+)?(?:for|in|as)\s+(?:the\s+)?comparison|never\s+in\s+the\s+comparison)\b",
                           re.IGNORECASE)


_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|\u2013|to|until|through|and)\s*((?:19|20)?\d\d)\b")


def _spans(text: str) -> list[tuple[str, str]]:
    """The spans of years a text names ('2023 to 2024', '2023/24' is one year here, '2021-22')."""
    result = []
    for match in _SPAN.finditer(text):
        low, high = match[1], match[2]
        result.append((low, high if len(high) == 4 else low[:2] + high))
    return result


@dataclass(frozen=True)
class DatedApart:
    sentence: str  # the sentence that dates the earlier figure
    earlier: str
    later: str


def _is_score(quantity) -> bool:
    """A quantity that can be a score: a percentage or a plain number below 1 ('0.81'), not a year or a count."""
    return quantity.unit in ("%", "") and (quantity.unit == "%" or 0 < quantity.value < 1)


def figures_dated_apart(text: str) -> DatedApart | None:
    """The comparison quotes at least two scores and dates them in years that do not overlap: the earliest year
    it names (outside clauses about training) is before the latest, and no clause names both."""
    if sum(1 for q in quantities(text) if _is_score(q)) < 2:
        return None
    dated: list[tuple[frozenset[str], str]] = []
    for sentence in sentences(text):
        if _CONTEXT_ONLY.search(sentence.text):
            continue
        for clause in clauses(sentence):
            found = years(clause.text)
            if found and not _FITTING.search(clause.text):
                dated.append((found, sentence.text))
    if not dated:
        return None
    every = set().union(*(found for found, _ in dated))
    earliest, latest = min(every), max(every)
    if earliest == latest or any(low <= earliest and latest <= high for low, high in _spans(text)):
        return None  # one period, or a span of years ('from 2021 to 2024') that covers both figures
    sentence = next(s for found, s in dated if earliest in found)
    return DatedApart(sentence, earliest, latest)
