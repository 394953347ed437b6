"""Numbers in prose, with their unit and comparator: "at least 0.8", "≥ 80 %", "no more than 200 ms",
"within 2 hours", "3–5 days", "1.5k", "EUR 40", "every two weeks", "monthly".

``quantities(text)`` returns every ``Quantity`` in reading order. Durations carry their
length in days (``days``) and milliseconds (``ms``); percentages and plain ratios give a
``fraction``; money keeps its currency. Cadence words (*daily*, *weekly*, *quarterly*) are
durations of one period. Ranges keep both ends (``value`` is the low end, ``high`` the
high end). Comparators are normalised to ``ge``, ``gt``, ``le``, ``lt``, ``approx`` or ``""``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "half a": 0.5,
    "a couple of": 2, "a few": 3, "several": 3, "a dozen": 12,
}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
DAYS = {
    "ms": 1 / 86_400_000, "millisecond": 1 / 86_400_000, "s": 1 / 86_400, "sec": 1 / 86_400, "second": 1 / 86_400,
    "min": 1 / 1440, "minute": 1 / 1440, "h": 1 / 24, "hr": 1 / 24, "hour": 1 / 24, "day": 1, "week": 7,
    "fortnight": 14, "month": 30.44, "quarter": 91.3, "year": 365.25, "night": 1, "business day": 1.4,
    "working day": 1.4,
}
_UNIT_ALIASES = {
    "ms": "ms", "msec": "ms", "millisecond": "ms", "milliseconds": "ms",
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "d": "day", "day": "day", "days": "day", "night": "night", "nights": "night",
    "business day": "business day", "business days": "business day", "working day": "working day",
    "working days": "working day",
    "w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "mo": "month", "mos": "month", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "q": "quarter", "y": "year", "yr": "year", "yrs": "year",
    "year": "year", "years": "year",
    "%": "%", "percent": "%", "per cent": "%", "pct": "%", "percentage points": "pp", "pp": "pp", "points": "pp",
    "point": "pp", "x": "x", "times": "x",
}
_TIME_UNITS = {"ms": "ms", "s": "s", "min": "min", "h": "h", "day": "day", "night": "night", "week": "week",
               "fortnight": "fortnight", "month": "month", "quarter": "quarter", "year": "year",
               "business day": "business day", "working day": "working day"}
_CURRENCY_BEFORE = {"eur": "EUR", "€": "EUR", "usd": "USD", "us$": "USD", "$": "USD", "£": "GBP", "gbp": "GBP",
                    "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "¥": "JPY", "jpy": "JPY", "inr": "INR",
                    "₹": "INR", "aud": "AUD", "cad": "CAD", "pln": "PLN"}
_CURRENCY_AFTER = {"eur": "EUR", "euro": "EUR", "euros": "EUR", "€": "EUR", "usd": "USD", "dollar": "USD",
                   "dollars": "USD", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "chf": "CHF", "francs": "CHF",
                   "sek": "SEK", "kronor": "SEK", "nok": "NOK", "dkk": "DKK", "yen": "JPY", "inr": "INR",
                   "rupees": "INR", "pln": "PLN"}
_COMPARATORS = (
    ("ge", r"at\s+least|no\s+(?:less|fewer|lower|worse)\s+than|not\s+(?:less|fewer|lower|below)\s+than|not\s+below"
           r"|minimum(?:\s+of)?|min\.?|≥|>=|=>|from"),
    ("gt", r"more\s+than|over|above|greater\s+than|higher\s+than|better\s+than|exceed(?:s|ing)?|beyond|>"),
    ("le", r"at\s+most|no\s+(?:more|higher|greater|longer|later|slower|worse)\s+than|not\s+(?:more|higher|above|longer)"
           r"(?:\s+than)?|maximum(?:\s+of)?|max\.?|up\s+to|within|in\s+under|≤|<=|=<|capped\s+at|until|by"),
    ("lt", r"less\s+than|fewer\s+than|under|below|lower\s+than|shorter\s+than|faster\s+than|<"),
    ("approx", r"about|around|approximately|approx\.?|roughly|circa|ca\.|c\.|~|≈|some|nearly|almost|close\s+to"),
)
_COMPARATOR = "|".join(f"(?P<{key}>{body})" for key, body in _COMPARATORS)
_NUM = r"\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORDS = "|".join(sorted((re.escape(w) for w in _WORD_VALUES), key=len, reverse=True))
_VALUE = rf"(?:{_NUM}|(?:{_WORDS})\b)"
_SCALES = r"k|thousand|mn|m(?![a-z])|million|bn|billion"
_UNITS = "|".join(sorted((re.escape(u) for u in _UNIT_ALIASES), key=len, reverse=True))
_CUR_BEFORE = "|".join(sorted((re.escape(c) for c in _CURRENCY_BEFORE), key=len, reverse=True))
_CUR_AFTER = "|".join(sorted((re.escape(c) for c in _CURRENCY_AFTER), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?:(?P<cmp>{_COMPARATOR})\s*)?"
    rf"(?:(?P<cur1>{_CUR_BEFORE})\s?)?"
    rf"(?P<low>{_VALUE})(?:\s*(?P<scale1>{_SCALES})\b)?"
    rf"(?:\s*(?:[-\u2013\u2014]|to|and)\s*(?P<high>{_NUM}|(?:{_WORDS})\b)(?:\s*(?P<scale2>{_SCALES})\b)?)?"
    rf"(?:\s*(?:[a-z]+-)?(?P<unit>{_UNITS})(?![a-z]))?"
    rf"(?:\s+(?P<cur2>{_CUR_AFTER})\b)?",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"between\s+$", re.IGNORECASE)
_CADENCE = re.compile(
    r"\b(?P<word>hourly|nightly|daily|weekly|fortnightly|biweekly|bi-weekly|monthly|quarterly|yearly|annually|annual"
    r"|semi-annually|twice a year|every\s+(?:other\s+)?(?:day|night|week|month|quarter|year)"
    r"|once\s+(?:a|per)\s+(?:day|week|month|quarter|year))\b",
    re.IGNORECASE,
)
_CADENCE_DAYS = {
    "hourly": 1 / 24, "nightly": 1, "daily": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14, "bi-weekly": 14,
    "monthly": 30.44, "quarterly": 91.3, "yearly": 365.25, "annually": 365.25, "annual": 365.25,
    "semi-annually": 182.6, "twice a year": 182.6,
}
_EVERY = re.compile(r"every\s+(?P<n>" + _VALUE + r")\s*(?P<unit>" + _UNITS + r")(?![a-z])", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: float
    high: float | None
    unit: str  # canonical: 'ms', 's', 'min', 'h', 'day', 'week', 'month', 'quarter', 'year', '%', 'pp', 'x', 'EUR', ''
    comparator: str  # 'ge', 'gt', 'le', 'lt', 'approx' or ''
    text: str
    start: int
    end: int
    cadence: bool = False  # 'weekly', 'every two weeks'

    @property
    def is_duration(self) -> bool:
        return self.unit in _TIME_UNITS

    @property
    def is_money(self) -> bool:
        return self.unit.isupper() and len(self.unit) == 3

    def _in(self, unit_days: float, value: float) -> float:
        return value * DAYS[self.unit] / unit_days

    @property
    def days(self) -> float | None:
        """A duration in days (the high end of a range: the conservative reading of a delay)."""
        if not self.is_duration:
            return None
        return self._in(1, self.high if self.high is not None else self.value)

    @property
    def ms(self) -> float | None:
        """A duration in milliseconds (the high end of a range)."""
        days = self.days
        return None if days is None else days * 86_400_000

    @property
    def fraction(self) -> float | None:
        """A share as a number between 0 and 1: 80 % → 0.8, 0.8 → 0.8; None for other units or values above 1."""
        if self.unit == "%":
            return self.value / 100
        if self.unit == "" and 0 <= self.value <= 1:
            return self.value
        return None


def _number(text: str | None, scale: str | None) -> float | None:
    if text is None:
        return None
    key = text.lower()
    if key in _WORD_VALUES:
        value = float(_WORD_VALUES[key])
    else:
        try:
            value = float(re.sub(r"[,\u202f\u00a0 ]", "", text))
        except ValueError:
            return None
    if scale:
        value *= _SCALE.get(scale.lower(), 1)
    return value


def _comparator(match: re.Match[str]) -> str:
    for key, _ in _COMPARATORS:
        if match.group(key):
            return key
    return ""


_MAY_HAVE_NUMBER = re.compile(
    r"\d|\b(?:" + _WORDS + r"|hourly|nightly|daily|weekly|fortnightly|biweekly|bi-weekly|monthly|quarterly|yearly"
    r"|annually|annual|semi-annually|twice|every|once)\b",
    re.IGNORECASE,
)


def quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in ``text`` with its unit and comparator, in reading order."""
    if not _MAY_HAVE_NUMBER.search(text):
        return ()
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in _EVERY.finditer(text):
        value = _number(match["n"], None)
        unit = _UNIT_ALIASES.get(match["unit"].lower(), "")
        if value is not None and unit in _TIME_UNITS:
            found.append(Quantity(value, None, unit, "", match[0], match.start(), match.end(), cadence=True))
            taken.append(match.span())
    for match in _CADENCE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word = match["word"].lower()
        if word.startswith(("every", "once")):
            word_unit = word.split()[-1]
            unit, value = word_unit, 2.0 if "other" in word else 1.0
        else:
            unit, value = "day", _CADENCE_DAYS[word]
        found.append(Quantity(value, None, unit, "", match[0], match.start(), match.end(), cadence=True))
        taken.append(match.span())
    for match in _QUANTITY.finditer(text):
        if any(s <= match.start("low") < e for s, e in taken):
            continue
        low_text = match["low"]
        if low_text.lower() in _WORD_VALUES and not match["unit"]:
            continue  # 'a', 'one' without a unit is an article or a pronoun, not a quantity
        if match.start("low") > 0 and (text[match.start("low") - 1].isalnum() or text[match.start("low") - 1] in "@/_"):
            continue  # part of a word or a metric name: 'recall@10', 'F1', 'v2', 'Q3'
        low = _number(low_text, match["scale1"])
        if low is None:
            continue
        high = _number(match["high"], match["scale2"])
        unit_text = (match["unit"] or "").lower()
        unit = _UNIT_ALIASES.get(unit_text, "")
        currency = match["cur1"] or match["cur2"]
        if currency:
            unit = _CURRENCY_BEFORE.get(currency.lower()) or _CURRENCY_AFTER.get(currency.lower(), "")
        if unit == "" and match["high"] is None and match.end("low") < len(text) and text[match.end("low")] == "/":
            continue  # '80/20', a ratio of two parts
        comparator = _comparator(match) if match["cmp"] else ""
        if comparator == "le" and match["cmp"].lower() in ("by", "until") and unit not in _TIME_UNITS:
            comparator = ""
        if match["cmp"] and match["cmp"].lower() == "from" and high is not None:
            comparator = ""  # 'from 3 to 5 days' is a range
        if _BETWEEN.search(text[: match.start()]) and high is not None:
            comparator = ""
        start = match.start("cmp") if match["cmp"] and comparator else (match.start("cur1") if match["cur1"] else match.start("low"))
        found.append(Quantity(low, high, unit, comparator, text[start:match.end()].strip(), start, match.end()))
    found.sort(key=lambda q: q.start)
    return tuple(found)


def as_fraction(value: float) -> float:
    """A score written either as a share (0.85) or a percentage (85) as a share."""
    return value / 100 if value > 1 else value


_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d{2}(?![\d,.]\d)")


def years(text: str) -> frozenset[str]:
    """The calendar years a text names ('trained on the 2017-2022 cohorts' → {'2017', '2022'})."""
    return frozenset(_YEAR.findall(text))
