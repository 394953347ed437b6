"""How a comparison between two scores is grounded: on the same data, or on figures from different years.

A baseline comparison means something only when both numbers were measured on the same
test data. A comparison that dates its two figures in different years ('the 2021 study put
the rules at 14 %; the model catches 28 % on our 2023/24 test year') compares different
populations and periods, whatever words it uses for where the baseline came from.
"""

from __future__ import annotations

import re
from functools import lru_cache
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


@lru_cache(maxsize=4096)
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


# Where a figure comes from when nobody measured it here: a document, an estimate, someone's statement.
_DOCUMENT = re.compile(
    r"\b(?:audit|audits|report|reports|study|studies|survey|surveys|estimate|estimates|case\s+study|white\s*paper|"
    r"paper|papers|literature|publication|publications|article|articles|brochure|presentation|deck|benchmarking|"
    r"exercise|press\s+release|factsheet|fact\s+sheet|newsletter|estimation|impression|recollection|"
    r"review(?!\s+(?:queue|set|team|time|rate|step|stage|process|load|capacity|of|by|outcome|outcomes)\b)|reviews)\b",
    re.IGNORECASE,
)
# A figure measured on the evaluation data itself ('on our test months', 'replayed over the hold-out').
_MEASURED_HERE = re.compile(
    r"\b(?:test|tests|testing|hold-?out|held[- ]out|back-?test\w*|replay\w*|re-?ran|re-?run|re-?scored|rescored|"
    r"re-?computed|recomputed|out-of-time|(?:our|this|the\s+same)\s+evaluation|evaluation\s+(?:set|period|data|"
    r"months|weeks|year|quarter|sample))\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"\b(?:a|one|two|three)[- ](?:third|thirds|quarter|quarters|fifth|fifths|half)\b|\bhalf\b",
                       re.IGNORECASE)
_PARTS = re.compile(r",\s+")
# Words before a document noun that make it the figure's source ('in the 2023 audit', "the vendor's case study",
# 'published studies'), so that 'recall on fraud reports' (reports sent in by customers) is not one.
_SOURCED = re.compile(r"(?:\b(?:in|from|by|per|according\s+to|published|industry|annual|internal|external|"
                      r"(?:19|20)\d\d)\b|['\u2019]s?\s)", re.IGNORECASE)
# ... or a verb after it that reports a figure ('the review put the rota at 31 %', 'studies found').
_REPORTS = re.compile(r"\s+(?:\w+\s+)?(?:put|puts|found|finds|gave|gives|showed|shows|said|says|estimated|estimates|"
                      r"quoted|quotes|reported|reports|measured|had|has|rated|scored|credits|credited)\b",
                      re.IGNORECASE)
_SAME = re.compile(r"\b(?:same|identical|both)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentedFigure:
    sentence: str  # the sentence that gives the figure
    source: str  # the words naming where it comes from ('audit', 'case study')


def _has_figure(text: str) -> bool:
    return any(_is_score(q) for q in quantities(text)) or bool(_FRACTION.search(text))


@lru_cache(maxsize=4096)
def figure_from_document(text: str) -> DocumentedFigure | None:
    """A score the comparison takes from a document or an estimate (an audit, an annual report, a vendor's case
    study, published studies) rather than from the test data: the part of a sentence that names the document, or
    the part right after it ('... case study (0.72 accuracy at their reference site)'), gives a figure, and neither
    says it was measured on the test data."""
    for sentence in sentences(text):
        same_test = _SAME.search(sentence.text) and _MEASURED_HERE.search(sentence.text)
        if _CONTEXT_ONLY.search(sentence.text) or same_test:
            continue  # 'Same 52 test Mondays: the cover report's recall 0.52, the model 0.71'
        parts = [part for clause in clauses(sentence) for part in _PARTS.split(clause.text) if part.strip()]
        for index, part in enumerate(parts):
            source = _DOCUMENT.search(part)
            if not source or _MEASURED_HERE.search(part):
                continue
            if not (_SOURCED.search(part[:source.start()] + " ") or _REPORTS.match(part[source.end():])):
                continue
            following = parts[index + 1] if index + 1 < len(parts) else ""
            if _has_figure(part) or (following and _has_figure(following) and not _MEASURED_HERE.search(following)):
                return DocumentedFigure(sentence.text, source[0])
    return None


# The plan says the baseline was never scored: 'our own votes have not been set against the experts' labels'.
_NOT_MEASURED = re.compile(
    r"\b(?:not|never)\s+(?:yet\s+|been\s+|yet\s+been\s+)?(?:measured|scored|set\s+against|compared|checked|"
    r"validated|evaluated|tested|benchmarked)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def admits_unmeasured(text: str) -> str | None:
    """The sentence in which a baseline description says its figure was never measured, or None."""
    for sentence in sentences(text or ""):
        if _NOT_MEASURED.search(sentence.text) and _has_figure(text):
            return sentence.text
    return None
