"""Outcomes that exist only for the cases someone acted on, said the plain way.

'Cases which were not audited have no label', 'pax the rules never pinged have no row',
'we only have an outcome where an offer went out', 'if nobody sent an offer, there is no
example', 'every row is an offer the rules actually sent': each says that the training data
holds only the cases today's process chose, so a model that takes over the choosing learns
from its own picks (selective labels). The phrases carry their own negation ('no label',
'never pinged'), which the general negation rules would read as a denial; this reading
takes them whole, clause by clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import ASSERTED, Mention
from .split import sentences

_ACTED = (r"(?:audited|inspected|investigated|contacted|offered|sent|pinged|selected|treated|approved|visited|called|"
          r"shown|reviewed|targeted|referred|picked|mailed|e-?mailed|messaged|patrolled|checked|screened|tested|"
          r"escalated|"
          r"routed|flagged|followed\s+up|chased|served|funded|hired|admitted|booked)")
_NO_RECORD = (r"(?:labels?|outcomes?|rows?|examples?|records?|results?|training\s+rows?|ground\s+truth|"
              r"(?:anything|nothing)\s+to\s+(?:learn|accept|label))")

_FORMS = re.compile(
    # 'cases which were not audited have no label', 'pax the rules never pinged have no row'
    rf"\b(?:not|never|nobody|no\s+one|no-one)\s+(?:been\s+|yet\s+|ever\s+)?{_ACTED}\b[^.;:]{{0,40}}?"
    rf"\b(?:have|has|get|gets|carry|carries)\s+no\s+{_NO_RECORD}"
    # 'returns never audited are left out', 'applicants not approved are dropped'
    rf"|\b(?:not|never)\s+{_ACTED}\s+(?:are|is|were|get|gets)\s+(?:left\s+out|excluded|dropped|not\s+used|discarded)"
    # 'we only have an outcome where an offer went out'
    rf"|\bonly\s+(?:have|get|see|know|observe)\s+(?:an?\s+|the\s+)?{_NO_RECORD}\s+(?:where|when|if|wherever|whenever|"
    rf"for\s+(?:those|the\s+ones|cases))\b"
    # 'if nobody sent an offer, there is no example'
    rf"|\b(?:if|when|where)\s+(?:nobody|no\s+one|no-one)\s+\w+[^.;:]{{0,40}}?\b(?:there\s+is|there's|we\s+have)\s+no\s+"
    rf"{_NO_RECORD}"
    # 'every row is an offer rules-v3 actually sent', 'rows = offers the engine sent'
    rf"|\b(?:every|each)\s+(?:row|example|record)\s+is\s+an?\s+\w+\s+[^.;:]{{0,30}}?\b(?:actually|chose\s+to)\s+"
    rf"{_ACTED}\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def outcomes_only_where_acted(text: str) -> Mention | None:
    """The words (and their sentence) saying the data holds outcomes only for the cases someone acted on, or None;
    a ``selective_labels`` mention, as the vocabulary's phrases give."""
    for sentence in sentences(text or ""):
        match = _FORMS.search(sentence.text)
        if match:
            start = sentence.start + match.start()
            return Mention("selective_labels", match[0], sentence.text, ASSERTED, start, start + len(match[0]))
    return None
