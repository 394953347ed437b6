"""Past rows joined to a lookup table as it stands today.

A team may log the joined values at serving time, or snapshot the table, from go-live on,
and still build the training history by joining the table as it stands on the day the
training set is extracted ('for the 2020-2025 history, lead time and supplier come from the
current article master'). Those rows carry later values, which serving never saw and which
can encode the outcome (a supplier re-graded after an incident). ``history_joined_as_today``
finds such a clause; it is quiet for a value 'as it stood when the contract was received', for
today's value used at scoring, and for a sentence that rules the live table out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import NEGATION
from .split import Span, clauses, sentences

# 'as it stands on the day the training file is assembled', 'as the records stand when the file is extracted'
_AS_IT_STANDS = re.compile(
    r"\bas\s+(?:it|they|(?:the|its|their)\s+\w+(?:\s+\w+)?)\s+(?:stands?|stood)\b(?:\W+\w+){0,8}?\W+"
    r"(?:built|extracted|assembled|compiled|pulled|exported|created|produced|run|training|extract|extraction)\b",
    re.IGNORECASE,
)
# 'the current article master', 'today's profile tables', 'the live register'
_CURRENT = re.compile(
    r"\b(?:current|latest|present|today's|live|up-to-date)\s+(?:[\w-]+\s+){0,3}?(?:table|tables|master|masters|"
    r"record|records|values?|state|profile|profiles|register|version|data|grading|tiers?)\b"
    r"|\bas\s+of\s+today\b|\b(?:extracted|pulled|read|taken)\s+(?:on|at)\s+the\s+day\s+of\s+(?:the\s+)?training\b",
    re.IGNORECASE,
)
# The clause is about the rows the model learns from, not about scoring.
_HISTORY = re.compile(
    r"\b(?:train\w*|histor\w*|past|older|back\s+to|backfill\w*|(?:19|20)\d\d\s*(?:-|\u2013|to)\s*(?:19|20)?\d\d|"
    r"cohorts?)\b",
    re.IGNORECASE,
)
_RULED_OUT = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|never|avoid\w*)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def history_joined_as_today(text: str) -> Span | None:
    """The sentence in which the training history is joined to a table as it stands today, or None."""
    for sentence in sentences(text or ""):
        if _RULED_OUT.search(sentence.text):
            continue
        for clause in clauses(sentence):
            found = _AS_IT_STANDS.search(clause.text) or (_HISTORY.search(clause.text) and _CURRENT.search(clause.text))
            if found and not NEGATION.search(clause.text[:found.start()]):  # 'not from the live tables, but ...'
                return sentence
    return None
