"""Sentences and clauses of an answer, with their positions, so a finding can quote what it read.

Sentences end at ``.``, ``!`` or ``?`` before a space and a capital, digit or quote, at a
line break, and at list bullets; abbreviations (*e.g.*, *i.e.*, *vs.*, *approx.*) and
decimals (*0.8*) do not end a sentence. Clauses are the parts of a sentence between
semicolons, colons, dashes, brackets and contrast or result words (*but*, *however*,
*although*, *whereas*, *so*, *except*, *unless*): a negation or a hedge rarely reaches
across them, which is what the polarity rules in ``analysis`` rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = (
    "e.g", "i.e", "etc", "vs", "approx", "incl", "excl", "esp", "dr", "mr", "mrs", "ms", "no", "nr", "fig", "cf",
    "al", "resp", "min", "max", "avg", "est", "dept", "co", "ltd", "inc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "p", "pp", "vol", "ca", "wk", "mo", "yr", "hr", "sec",
)
_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u00c0-\u024f])|\n\s*\n|\n(?=\s*(?:[-*\u2022\u2013]|\d+[.)])\s)|\n")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
_CLAUSE = re.compile(
    r"\s*[;:]\s+|\s+[\u2014\u2013-]{1,2}\s+|\s*[()]\s*|,?\s+(?:but|however|although|though|whereas|except|unless"
    r"|so that|so(?!\s+(?:far|long|much|many|on)\b)|hence|therefore|thus|otherwise)\b,?\s*"
    r"|,\s+(?:yet|while|which|because|since)\b\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _abbreviation_before(text: str, index: int) -> bool:
    """The full stop at ``index`` closes an abbreviation or sits inside a number."""
    if index + 1 < len(text) and text[index + 1].isdigit():
        return True
    word = re.search(r"([A-Za-z.]+)$", text[:index])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def sentences(text: str) -> tuple[Span, ...]:
    """The sentences of ``text`` (bullets count as sentences), stripped, with their positions."""
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        stop = match.start()
        if match.group(0).strip() == "" and "\n" not in match.group(0):
            mark = stop - 1
            while mark >= 0 and text[mark] in "\"')]":
                mark -= 1
            if mark >= 0 and text[mark] == "." and _abbreviation_before(text, mark):
                continue
        _add(spans, text, start, stop)
        start = match.end()
    _add(spans, text, start, len(text))
    return tuple(spans)


def _add(spans: list[Span], text: str, start: int, stop: int) -> None:
    chunk = text[start:stop]
    bullet = _BULLET.match(chunk)
    if bullet:
        start += bullet.end()
        chunk = text[start:stop]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    spans.append(Span(offset, offset + len(stripped), stripped))


def clauses(sentence: Span) -> tuple[Span, ...]:
    """The clauses of one sentence, with positions in the whole answer."""
    spans: list[Span] = []
    start = 0
    text = sentence.text
    for match in _CLAUSE.finditer(text):
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return tuple(Span(sentence.start + s.start, sentence.start + s.end, s.text) for s in spans) or (sentence,)
