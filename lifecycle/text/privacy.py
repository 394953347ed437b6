"""A privacy assessment put after the data is already in use, or waved away.

Personal data in a training pipeline needs its privacy assessment (a DPIA, a privacy impact
assessment, the privacy office's sign-off) before anyone trains on it. Plans put it off in
the words of a project plan rather than of a deferral: 'the DPIA will be drawn up in the
course of the pilot', 'masking and the PIA are queued for after the A/B', 'Privacy Office
sign-off follows once the feature list settles', 'no separate privacy review, since the data
is already used for marketing', 'a specific privacy assessment is not needed at this stage'.
``assessment_after_use`` finds such a sentence; one that says the assessment was done
('approved on 3 March, before the first extraction', 'deleted it once the PIA was done') is
not one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .split import Span, sentences

_ASSESSMENT = re.compile(
    r"\b(?:data[- ]protection\s+impact\s+assessment|privacy\s+impact\s+assessment|dpias?|pias?|"
    r"privacy\s+(?:review|assessment|sign-?off|check|approval)|"
    r"(?:privacy|data[- ]protection)\s+office(?:r)?(?:'s)?\s+(?:sign-?off|review|approval|assessment)|"
    r"masking|pseudonymi[sz]ation|anonymi[sz]ation|de-?identification|legal\s+basis)\b",
    re.IGNORECASE,
)
_LATE = re.compile(
    r"\b(?:after\s+the|once\s+(?:the|we)|following\s+the|in\s+the\s+course\s+of|during\s+the\s+(?:pilot|trial|test|"
    r"a/?b|rollout|launch)|later|queued|postponed|deferred|follows?|will\s+be\s+(?:drawn\s+up|done|carried\s+out|"
    r"written|completed|prepared|informed|started)|planned\s+for\s+(?:(?:19|20)\d\d|later|after|next)|"
    r"not\s+(?:needed|necessary|required)|not\s+considered\s+(?:necessary|needed)|no\s+(?:separate|specific|"
    r"dedicated|further)\b)",
    re.IGNORECASE,
)
# The assessment is done: 'was signed', 'approved on 3 March', 'has been completed'.
_DONE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?(?:signed|approved|completed|done|"
    r"drawn\s+up|carried\s+out|finished|concluded|granted)\b|\b(?:signed|approved|completed)\s+(?:on|in)\s+\w+",
    re.IGNORECASE,
)
# 'No masking is left for after the pilot': the sentence says nothing is put off.
_NOTHING_LEFT = re.compile(r"\b(?:nothing|no\s+[\w-]+)\s+(?:is|are|was|were)\s+(?:left|put\s+off|deferred|postponed)\b",
                           re.IGNORECASE)


@lru_cache(maxsize=4096)
def assessment_after_use(text: str) -> Span | None:
    """The sentence that puts the privacy assessment (or de-identification) after the data is used, or says none
    is needed, or None."""
    for sentence in sentences(text or ""):
        text = sentence.text
        if _ASSESSMENT.search(text) and _LATE.search(text) and not (_DONE.search(text) or _NOTHING_LEFT.search(text)):
            return sentence
    return None
