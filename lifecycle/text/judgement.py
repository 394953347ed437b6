"""Whether a listed 'heuristic' is people judging each case or a rule.

Plans list their current process as heuristics. Volunteers' votes or a reviewer's call on
each case is labelling by people; a keyword rule, a scorecard or a detector is a rule whose
output, used as the label, the model would learn to copy.
"""

from __future__ import annotations

import re

_PEOPLE = re.compile(
    r"\b(?:votes?|voting|volunteers?|annotators?|labell?ers?|reviewers?|experts?|clinicians?|moderators?|ecologists?|"
    r"raters?|graders?|crowd\w*|hand-?label\w*|manual(?:ly)?\s+(?:label|review|check)\w*)\b", re.IGNORECASE)
_MACHINE = re.compile(
    r"\b(?:rules?|thresholds?|scores?|scored|scorecard|model|detector|classifier|keywords?|regex\w*|formula|"
    r"if-then|cut-?off|points?)\b", re.IGNORECASE)


def people_judge(text: str) -> bool:
    """The description is of people judging each case, with no rule, score or model in it."""
    return bool(_PEOPLE.search(text or "")) and not _MACHINE.search(text or "")
