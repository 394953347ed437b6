"""Reading the plan's prose: the one place where the review turns free text into facts.

Deterministic and explainable: phrase lists and rules written from ML knowledge, no
network, no model weights. Every check that reads prose goes through here, so each
finding can quote the sentence it read. The parts:

- ``split``: sentences and clauses with their positions;
- ``cues``: negation, hedges, deferral and placeholders;
- ``numbers``: quantities with units and comparators ("at least 0.8", "within 2 hours");
- ``vocabulary``: the ML concepts (random split, re-implemented feature code, post-outcome
  records, proxies, rehearsal, on-call…), each a family of synonyms and paraphrases;
- ``names``: feature names read as tokens (``applicant_postcode`` → applicant, postcode);
- ``metrics``: metric names and which way is better;
- ``comparisons``: whether a baseline comparison rests on the same test data (figures dated
  apart, a figure read from a document);
- ``periods``: the period a prediction is made for, and features counting events inside it;
- ``joins``: past rows joined to a lookup table as it stands today;
- ``selection``: outcomes that exist only for the cases someone acted on, said plainly;
- ``privacy``: a privacy assessment put after the data is in use, or waved away;
- ``rollout``, ``code``, ``judgement``: staged rollouts, languages of the feature path, people judging each case;
- ``analysis``: ``analyse``, ``mentions``, ``asserted``, ``lacks``… (cached per text).
"""

from .analysis import (
    ASSERTED,
    DEFERRED,
    HEDGED,
    HISTORICAL,
    NEGATED,
    Analysis,
    Gap,
    Mention,
    Sentence,
    analyse,
    asserted,
    clear_caches,
    deferral,
    is_placeholder,
    lacks,
    mentions,
    negated,
    numbers,
    recognises,
    sentence_at,
    unconfirmed,
    unsettled,
)
from .numbers import Quantity, as_fraction, quantities
from .vocabulary import VOCABULARY, Concept

__all__ = [
    "ASSERTED", "DEFERRED", "HEDGED", "HISTORICAL", "NEGATED", "VOCABULARY", "Analysis", "Concept", "Gap", "Mention",
    "Quantity", "Sentence", "analyse", "as_fraction", "asserted", "deferral", "is_placeholder", "lacks", "mentions",
    "negated", "numbers", "quantities", "recognises", "sentence_at", "unconfirmed", "unsettled",
]
