"""Which evaluation set a sentence calls a period: the test (hold-out) set or the validation set.

The review needs this where a plan says what its settings were chosen on: tuning on a
period the plan itself calls the test set makes the reported test score optimistic.
"""

from __future__ import annotations

import re

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
