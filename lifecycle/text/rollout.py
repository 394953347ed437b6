"""How a rollout plan exposes people to a new model: in shadow, in steps, or all at once.

Read by the deployment checks (DE-003): a blue/green switch whose plan names no step before
everyone moves all traffic at once; a first step of over a quarter of the traffic is a canary
in name only, unless the rest is kept on the old way as a comparison with a rule that stops it.
"""

from __future__ import annotations

import re

# A share served in shadow is not exposed: 'the first 50% in shadow'.
SHADOW = re.compile(r"\b(?:shadow\w*|dark[- ]launch\w*|silent\w*|offline|replay\w*)\b", re.IGNORECASE)

# A plan with a step before everyone: shadow, canary, a pilot group, a share, 'first ... then'.
_STAGED = re.compile(
    r"\b(?:shadow\w*|dark[- ]launch\w*|canar\w*|pilot\w*|trial\w*|phase[ds]?|staged?|stages|gradual\w*|ramp\w*|"
    r"step(?:s|ped|wise)?|percent|a\s+few|first\s+(?:on|in|to|for|with)|then)\b|%",
    re.IGNORECASE,
)

# The first step is watched against the rest, which stays on the old way, with a rule that stops it.
_CONTROLLED = re.compile(
    r"\b(?:comparison|control\s+group|compared\s+(?:with|to|against)|as\s+(?:a\s+|the\s+)?control)\b(?=.*\b(?:stop\w*|"
    r"halt\w*|paus\w*|roll\w*\s+back|abort\w*)\b)|\b(?:stop\w*|halt\w*|paus\w*|abort\w*)\b(?=.*\b(?:comparison|"
    r"control\s+group|compared\s+(?:with|to|against))\b)",
    re.IGNORECASE | re.DOTALL,
)


def names_a_step(plan: str) -> bool:
    """The plan names a step before everyone (shadow, canary, a pilot, a share, 'first … then')."""
    return bool(_STAGED.search(plan or ""))


def controlled_first_step(plan: str) -> bool:
    """The plan keeps the rest on the old way as a comparison and names a rule that stops the rollout."""
    return bool(_CONTROLLED.search(plan or ""))


# A duration is how long something takes ('the switch takes under fifteen minutes', 'restored within two days'),
# not a window it looks back over ('contracts triaged in the preceding ten working days are re-queued').
_TAKES = re.compile(r"\b(?:take|takes|took|taking|within|lasts?|needs?|needed|requires?|"
                    r"in\s+(?:about|under|less\s+than|around|roughly)|back\s+in|restored\s+in|completes?\s+in|"
                    r"done\s+in|about|around|roughly|up\s+to)\b", re.IGNORECASE)
_LOOKBACK = re.compile(r"\b(?:preceding|previous|prior|last|past|earlier|since)\s*$", re.IGNORECASE)


def time_taken(clause: str, duration: str) -> bool:
    """The duration (as written in the clause) is how long something takes, not a window looked back over."""
    at = clause.find(duration)
    before = clause[:at] if at >= 0 else clause
    return bool(_TAKES.search(clause)) and not _LOOKBACK.search(before.rstrip())
