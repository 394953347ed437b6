"""Which evaluation set a sentence calls a period: the test (hold-out) set or the validation set.

The review needs this where a plan says what its settings were chosen on: tuning on a
period the plan itself calls the test set makes the reported test score optimistic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import years

_TEST_WORDS = ("test", "hold-out", "holdout", "held-out")
# The words right after a period that name it the test: 'picked on 2024, the test year', '(our hold-out)',
# '= test'. Not '…, 14-day gap, test …': a list of periods, of which the test is another one.
_APPOSITIVE_TEST = re.compile(
    r"\s*[,(]?\s*(?:the|our|its|this|which\s+is\s+(?:also\s+)?the|i\.e\.(?:\s+the)?|as\s+the|=)?\s*"
    r"(?:test|hold-?out|held-out)\b",
    re.IGNORECASE,
)


def names_test_set(sentence: str) -> bool:
    """The sentence speaks of a test (hold-out) set and not of a validation set."""
    lowered = sentence.lower()
    return any(word in lowered for word in _TEST_WORDS) and "validation" not in lowered


def calls_it_the_test(sentence: str, words: str) -> bool:
    """The period ``words`` (found in ``sentence``) is the one the sentence calls the test set: the words right
    after it name it the test, or the sentence speaks of a test set and names no year besides the period's own
    ('chosen on the 2023 cohort, and the 2024 cohort was scored once, as the test cohort' calls another year the
    test)."""
    end = sentence.find(words) + len(words)
    if _APPOSITIVE_TEST.match(sentence[end:end + 30]):
        return True
    return names_test_set(sentence) and not years(sentence) - years(words)


# --- tuning on the test set named in an earlier sentence ------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ISO_MONTH = re.compile(r"\b(?:19|20)\d\d-(0[1-9]|1[0-2])(?:-\d\d)?\b")

# Choosing the model, its settings, features or cut-off, or going round a loop of fixes and re-scoring.
_TUNING = re.compile(
    r"\b(?:picked|chose|chosen|selected|settled?|tuned|tuning|iterat\w*|optimi[sz]\w*|early\s+stopping|"
    r"whichever\s+(?:config\w*|setting\w*|model|version)|until\s+it\s+stopped\s+improving|"
    r"(?:fix|fixes|fixed|add|added|adding)\b[^.;]{0,60}?\b(?:score|scored|scoring|re-?scor\w*|run|ran)\b[^.;]{0,40}?"
    r"\bagain|new\s+(?:feature\s+set|features?)\s+and\s+a\s+new\s+score|turn\s+of\s+th(?:is|e)\s+loop|"
    r"rounds?\s+(?:of|until))\b",
    re.IGNORECASE,
)
# A reference back to a set already named: 'those May-Jun departures', 'that same 61-day window', 'the same quarter'.
_BACK_REFERENCE = re.compile(
    r"\b(?:th(?:ose|ese|at|is)(?:\s+same)?|the\s+same)\s+(?:[\w-]+\s+){0,2}?(?:window|period|quarter|months?|weeks?|"
    r"days|year|ads|departures|orders|tickets|cases|data|set|cohort|sample|rows|test)\b",
    re.IGNORECASE,
)


# 'there isn't enough data for a separate validation month': no validation set, so the test set is the one tuned on
_NO_VALIDATION = re.compile(r"\b(?:no|not|isn't|isn’t|without|lack\w*)\b[^.;]{0,40}\bvalidation\b")
# Once, or turned down: 'scored once', 'it was tempting …, but we didn't', 'early on, but they mix…'.
_SOUND = re.compile(r"\b(?:scored|evaluated|run|used)\s+once\b|\bbut\b|\bhowever\b|\binstead\b|\brather\s+than\b|"
                    r"\bfine-tun\w*|\bnever\b")


def _months(text: str) -> set[int]:
    found = {_MONTHS[m.lower()] for m in _MONTH_WORD.findall(text)}
    found |= {int(m) for m in _ISO_MONTH.findall(text)}
    return found


@lru_cache(maxsize=4096)
def tuned_on_named_test(text: str):
    """The sentence that chooses settings on the test set another sentence of the same answer names: by pointing
    back to it ('picked on those May-Jun departures', 'early stopping uses that same window') or by naming its
    months, in a text whose test set is named ('test on 2025-05-01 to 2025-06-30'), or None. A sentence about a
    validation set, or one that says the test set was scored once, is not one."""
    from .split import sentences  # here, not at the top: split is small, but keep this module's import light

    parts = sentences(text or "")
    test_months: set[int] = set()
    named = False
    for sentence in parts:
        if names_test_set(sentence.text):
            named = True
            test_months |= _months(sentence.text)
    if not named:
        return None
    for sentence in parts:
        lowered = sentence.text.lower()
        if ("validation" in lowered and not _NO_VALIDATION.search(lowered)) or _SOUND.search(lowered):
            continue
        if not _TUNING.search(sentence.text):
            continue
        back = _BACK_REFERENCE.search(sentence.text)
        if names_test_set(sentence.text) and not back:
            continue  # the sentence that lists the periods ('tuning on Jun-Aug, test Sep-Dec') names them apart
        if back or (test_months and _months(sentence.text) & test_months):
            return sentence
    return None


# --- a staleness impact that was measured ---------------------------------------------------------------------------

_MEASURED_AGEING = re.compile(
    r"\b(?:back-?test\w*|backtest\w*|frozen\s+(?:at|in|on|model)|(?:a\s+)?model\s+(?:frozen|trained)\s+(?:up\s+)?"
    r"(?:to|at|on|until)|we\s+measured|measured|replay\w*|scored\s+on\s+(?:later|the\s+following|subsequent))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def staleness_measured(text: str) -> bool:
    """The answer reports a measurement of how a model ages: a back-test of a frozen model with a figure ('a model
    frozen at the end of May and scored on Jun-Dec under-shoots by 0.3 % a month')."""
    from .numbers import quantities

    return bool(_MEASURED_AGEING.search(text or "")) and any(q.unit in ("%", "pp", "") for q in quantities(text))
