"""The 43 Rules of ML (Zinkevich), by number: the published title and whether a plan can show it.

Verdicts follow the project's reference notes: ``C`` checkable from the plan's answers,
``P`` partially (intent only, or only for some kinds of project), ``N`` not checkable.
"""

from __future__ import annotations

RULE_TITLES: dict[int, str] = {
    1: "Don't be afraid to launch a product without machine learning.",
    2: "First, design and implement metrics.",
    3: "Choose machine learning over a complex heuristic.",
    4: "Keep the first model simple and get the infrastructure right.",
    5: "Test the infrastructure independently from the machine learning.",
    6: "Be careful about dropped data when copying pipelines.",
    7: "Turn heuristics into features, or handle them externally.",
    8: "Know the freshness requirements of your system.",
    9: "Detect problems before exporting models.",
    10: "Watch for silent failures.",
    11: "Give feature columns owners and documentation.",
    12: "Don't overthink which objective you choose to directly optimize.",
    13: "Choose a simple, observable and attributable metric for your first objective.",
    14: "Starting with an interpretable model makes debugging easier.",
    15: "Separate spam filtering and quality ranking in a policy layer.",
    16: "Plan to launch and iterate.",
    17: "Start with directly observed and reported features as opposed to learned features.",
    18: "Explore with features of content that generalize across contexts.",
    19: "Use very specific features when you can.",
    20: "Combine and modify existing features to create new features in human-understandable ways.",
    21: "The number of feature weights you can learn in a linear model is roughly proportional to the amount of data "
        "you have.",
    22: "Clean up features you are no longer using.",
    23: "You are not a typical end user.",
    24: "Measure the delta between models.",
    25: "When choosing models, utilitarian performance trumps predictive power.",
    26: "Look for patterns in the measured errors, and create new features.",
    27: "Try to quantify observed undesirable behavior.",
    28: "Be aware that identical short-term behavior does not imply identical long-term behavior.",
    29: "The best way to make sure that you train like you serve is to save the set of features used at serving time, "
        "and then pipe those features to a log to use them at training time.",
    30: "Importance-weight sampled data, don't arbitrarily drop it!",
    31: "Beware that if you join data from a table at training and serving time, the data in the table may change.",
    32: "Re-use code between your training pipeline and your serving pipeline whenever possible.",
    33: "If you produce a model based on the data until January 5th, test the model on the data from January 6th "
        "and after.",
    34: "In binary classification for filtering, make small short-term sacrifices in performance for very clean data.",
    35: "Beware of the inherent skew in ranking problems.",
    36: "Avoid feedback loops with positional features.",
    37: "Measure training/serving skew.",
    38: "Don't waste time on new features if unaligned objectives have become the issue.",
    39: "Launch decisions are a proxy for long-term product goals.",
    40: "Keep ensembles simple.",
    41: "When performance plateaus, look for qualitatively new sources of information to add rather than refining "
        "existing signals.",
    42: "Don't expect diversity, personalization, or relevance to be as correlated with popularity as you think they "
        "are.",
    43: "Your friends tend to be the same across different products. Your interests tend not to be.",
}

CHECKABLE = frozenset({1, 2, 4, 7, 8, 9, 10, 11, 13, 14, 16, 17, 23, 24, 25, 29, 30, 31, 32, 33, 34, 36, 37, 39, 40})
PARTIAL = frozenset({3, 5, 6, 12, 15, 18, 21, 22, 26, 27, 28, 35, 38})
NOT_CHECKABLE = frozenset({19, 20, 41, 42, 43})


def verdict(rule: int) -> str:
    """'C', 'P' or 'N' for a rule number."""
    if rule in CHECKABLE:
        return "C"
    if rule in PARTIAL:
        return "P"
    if rule in NOT_CHECKABLE:
        return "N"
    raise KeyError(f"there is no Rule of ML #{rule}")
