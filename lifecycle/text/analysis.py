"""Reading one answer: its sentences, what it defers, and what it says about each concept.

Everything here is a pure function of the text and cached (``lru_cache``), so a review
that asks several questions of the same answer reads it once, and re-running the checks
on an unchanged project costs almost nothing.

A concept found in a sentence gets a **polarity**:

- ``asserted``: the plan says it ("rows are shuffled and 20 % kept for testing");
- ``negated``: the plan denies it ("we do not use a random split", "rollback: none");
- ``hedged``: mentioned, but not the plan ("we considered a random split, but…",
  "instead of k-fold", "a random split would leak the future");
- ``deferred``: its sentence puts the decision off ("rehearsal to be scheduled");
- ``historical``: a value about the past, before the prediction ("previous chargebacks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import cues
from .names import contact_person
from .numbers import Quantity, quantities
from .patterns import word_set
from .split import Span, clauses, sentences
from .vocabulary import VOCABULARY, Concept

ASSERTED, NEGATED, HEDGED, DEFERRED, HISTORICAL = "asserted", "negated", "hedged", "deferred", "historical"
_WORD = re.compile(r"[\w’']+")
_HEADING = 3  # a clause of at most this many words before a colon is a heading ("Rollback:")


@dataclass(frozen=True)
class Sentence:
    span: Span

    @property
    def text(self) -> str:
        return self.span.text

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return clauses(self.span)

    @cached_property
    def deferral(self) -> str:
        """The words that defer it, or ''."""
        return _deferral(self.span.text)


@dataclass(frozen=True)
class Analysis:
    text: str
    sentences: tuple[Sentence, ...]
    placeholder: bool

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @cached_property
    def bounds(self) -> tuple[tuple[int, int], ...]:
        return tuple((s.span.start, s.span.end) for s in self.sentences)


@dataclass(frozen=True)
class Mention:
    concept: str
    words: str  # the words matched
    sentence: str  # the sentence they were read in (what a finding quotes)
    polarity: str
    start: int
    end: int

    @property
    def asserted(self) -> bool:
        return self.polarity == ASSERTED


@dataclass(frozen=True)
class Gap:
    """Why an answer does not really answer: it is empty, a placeholder, deferred, or denies the concept."""

    kind: str  # 'empty' | 'placeholder' | 'deferred' | 'denied' | 'channel'
    sentence: str  # the sentence that shows it ('' when empty)

    def describe(self) -> str:
        return {
            "empty": "it is empty",
            "placeholder": f"it only says '{self.sentence}'",
            "deferred": "it puts the decision off",
            "denied": "it says there is none",
            "channel": "it names a channel or mailbox, not a person or rota",
            "raw": "it says personal data is used as it is",
            "soft": "it says a failing model can still go out",
            "silent": "it never says that a model failing a check is stopped",
            "reactive": "it only says someone will notice and fix it",
            "vague": "it names no one in particular",
            "ignore": "it keeps the model live and asks people to ignore it",
        }[self.kind]


def is_placeholder(text: str) -> bool:
    """The whole answer fills the box but says nothing: 'none', 'TBD', 'n/a', 'unknown', '?'."""
    stripped = text.strip().rstrip(".!").strip()
    return bool(stripped) and bool(cues.PLACEHOLDER.match(stripped))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _deferral_match(text: str) -> re.Match[str] | None:
    found = list(cues.DEFERRAL.finditer(text))
    if not found:
        return None
    cancelled = [m.span() for m in cues.NOT_DEFERRAL.finditer(text)]
    for match in found:
        # 'once a week', 'when the drift alarm fires' are not deferrals, unless the deferral reaches beyond them
        # ('when the drift alarm fires and someone has a free sprint')
        if any(s <= match.start() and match.end() <= e for s, e in cancelled):
            continue
        if _negated_before(text[:match.start()]):
            continue  # 'no redaction is planned for later': it says nothing is put off
        return match
    return None


def _deferral(text: str) -> str:
    match = _deferral_match(text)
    return match.group(0) if match else ""


words_of = word_set


@lru_cache(maxsize=8192)
def analyse(text: str) -> Analysis:
    """Sentences of an answer; their clauses and deferrals are worked out when first asked for (cached)."""
    parsed = tuple(Sentence(span) for span in sentences(text))
    return Analysis(text=text, sentences=parsed, placeholder=is_placeholder(text))


def _clause_of(sentence: Sentence, start: int) -> Span:
    for clause in sentence.clauses:
        if clause.start <= start < clause.end:
            return clause
    return sentence.span


def _negated_before(prefix: str) -> bool:
    """A negation in ``prefix`` that governs what follows it (only fillers in between)."""
    lowered = prefix.lower()
    blocked = [m.span() for m in cues.NOT_NEGATION.finditer(lowered)]
    for match in reversed(list(cues.NEGATION.finditer(lowered))):
        if any(s <= match.start() < e for s, e in blocked):
            continue
        between = _words(lowered[match.end():])
        if len(between) <= cues.MAX_NEGATION_GAP and all(w in cues.FILLER for w in between):
            return True
        # 'no', 'without' open a noun phrase: 'no quality gate', 'without a documented rollback plan'
        if match.group(0) in cues.DETERMINER_NEGATION and len([w for w in between if w not in cues.FILLER]) <= 2 \
                and not cues.VERBISH.intersection(between):
            return True
        return False  # the nearest negation governs something else
    return False


def _negated_inside(words: str) -> bool:
    lowered = words.lower()
    blocked = [m.span() for m in cues.NOT_NEGATION.finditer(lowered)]
    return any(not any(s <= m.start() < e for s, e in blocked) for m in cues.NEGATION.finditer(lowered))


_REASON = re.compile(r"(?:because|since|as|given\s+that)\s*$", re.IGNORECASE)


def _reason_for_avoiding(sentence: Sentence, clause: Span, text: str) -> bool:
    """The clause gives the reason for something the sentence avoids: "counted by creation date, not by fault date,
    because failure notifications are back-dated" explains a leak the plan steers clear of."""
    if not _REASON.search(text[max(sentence.span.start, clause.start - 12):clause.start]):
        return False
    before = text[sentence.span.start:clause.start]
    return bool(cues.NEGATION.search(before) or cues.AVOIDANCE.search(before))


def _polarity(concept: Concept, sentence: Sentence, start: int, end: int, text: str) -> str:
    clause = _clause_of(sentence, start)
    before = text[clause.start:start]
    after_clause = text[end:clause.end]
    after_sentence = text[end:sentence.span.end]
    if _negated_before(before) or cues.POST_DENIAL.search(after_sentence[:60]):
        return NEGATED
    if cues.HEDGE_BEFORE.search(before) or cues.HEDGE_AFTER.search(after_clause[:80]):
        return HEDGED
    if cues.CONTRAST_BEFORE.search(text[sentence.span.start:start]) or cues.CRITICISM_AFTER.search(after_sentence):
        return HEDGED
    if _reason_for_avoiding(sentence, clause, text):
        return HEDGED
    if concept.history_sensitive and cues.HISTORY.search(text[clause.start:clause.end]):
        return HISTORICAL
    if sentence.deferral:
        own = _deferral_match(text[clause.start:clause.end])
        if own and start <= clause.start + own.start() < end:
            return ASSERTED  # the concept's own words ('corrected once the review is done'), not a deferral of it
        heading = len(_words(text[clause.start:clause.end])) <= _HEADING
        if own or heading:
            return DEFERRED
    return ASSERTED


@lru_cache(maxsize=65536)
def mentions(text: str, concept_key: str) -> tuple[Mention, ...]:
    """Every mention of a concept in the text, with its sentence and polarity (cached)."""
    if not text.strip():
        return ()
    concept = VOCABULARY[concept_key]
    if not concept.pattern._candidates(text):
        return ()
    sentences_ = analyse(text).sentences
    if concept.pattern.anchored:
        matches = [(sentence, m.start() + sentence.span.start, m.end() + sentence.span.start, m.group(0))
                   for sentence in sentences_ for m in concept.pattern.finditer(sentence.span.text)]
    else:
        bounds = analyse(text).bounds
        matches = [(None, m.start(), m.end(), m.group(0)) for m in concept.pattern.finditer(text, bounds)]
    if not matches:
        return ()
    excluded = [m.span() for m in concept.excluded.finditer(text)] if concept.excluded else []
    found: list[Mention] = []
    for sentence, start, end, words in matches:
        if any(s <= start < e or start <= s < end for s, e in excluded):
            continue
        if sentence is None:
            sentence = next(x for x in sentences_ if x.span.start <= start < x.span.end)
        polarity = _polarity(concept, sentence, start, end, text)
        if polarity == ASSERTED and concept.inner_negation and _negated_inside(words):
            polarity = NEGATED
        found.append(Mention(concept_key, words, sentence.text, polarity, start, end))
    return tuple(found)


def asserted(text: str, concept_key: str) -> Mention | None:
    """The first mention the plan commits to, or None."""
    return next((m for m in mentions(text, concept_key) if m.asserted), None)


def negated(text: str, concept_key: str) -> Mention | None:
    """The first mention the plan denies, or None."""
    return next((m for m in mentions(text, concept_key) if m.polarity == NEGATED), None)


def deferral(text: str) -> Sentence | None:
    """The first sentence that defers a decision, or None."""
    return next((s for s in analyse(text).sentences if s.deferral), None)


def _substantive(sentence: Sentence, text: str) -> bool:
    """A sentence with a clause that commits to something (three words or more, not deferred)."""
    for clause in sentence.clauses:
        chunk = text[clause.start:clause.end]
        if len(_words(chunk)) < _HEADING or is_placeholder(chunk):
            continue
        if not _deferral(chunk):
            return True
    return False


@lru_cache(maxsize=32768)
def lacks(text: str, concept_key: str = "") -> Gap | None:
    """How the answer fails to give ``concept`` (or any answer at all), or None when it gives one.

    The answer lacks it when it is empty, a placeholder, opens with a placeholder verdict
    ("None: we would redeploy by hand"), defers every statement it makes ("Rollback: to be
    agreed with the platform team"), or denies the concept without asserting it elsewhere
    ("No rollback; we retrain instead"). A sound answer that merely starts with "None" or
    "No" ("None of the steps needs manual approval; rollback is one command") gives it.
    """
    if not text.strip():
        return Gap("empty", "")
    analysis = analyse(text)
    if analysis.placeholder:
        return Gap("placeholder", text.strip())
    first = analysis.sentences[0]
    opening = text[first.clauses[0].start:first.clauses[0].end]
    if len(first.clauses) > 1 and is_placeholder(opening):
        return Gap("placeholder", first.text)
    if concept_key:
        found = mentions(text, concept_key)
        if any(m.asserted for m in found):
            return None
        denial = next((m for m in found if m.polarity == NEGATED), None)
        if denial:
            return Gap("denied", denial.sentence)
    if not any(_substantive(s, text) for s in analysis.sentences):
        sentence = next((s for s in analysis.sentences if s.deferral), analysis.sentences[0])
        return Gap("deferred" if sentence.deferral else "placeholder", sentence.text)
    return None


@lru_cache(maxsize=32768)
def unsettled(text: str, concept_key: str = "") -> Gap | None:
    """Like ``lacks``, but a plan that defers any part of itself is not settled either.

    For answers that are plans (a rollback, a fallback, privacy controls, bias testing, an
    owner), one deferred sentence is enough: "The previous model stays in the registry. The
    procedure for switching back will be defined with the OT security team" is a promise,
    not a rollback plan.
    """
    gap = lacks(text, concept_key)
    if gap:
        return gap
    sentence = next((s for s in analyse(text).sentences if s.deferral), None)
    return Gap("deferred", sentence.text) if sentence else None


@lru_cache(maxsize=8192)
def unconfirmed(text: str) -> Gap | None:
    """For a short answer such as an owner: why it is not a confirmed answer (a placeholder, 'nobody', or a
    deferral such as 'SRE team (to be confirmed)'), or None. A name alone ('CRM team') is an answer."""
    if not text.strip():
        return Gap("empty", "")
    analysis = analyse(text)
    if analysis.placeholder:
        return Gap("placeholder", text.strip())
    sentence = next((s for s in analysis.sentences if s.deferral), None)
    first = analysis.sentences[0] if analysis.sentences else None
    if sentence and sentence is not first and first is not None and (
            asserted(first.text, "on_call") or contact_person(first.text)):
        sentence = None  # 'The analytics on-call rota, 24/7. Ops takes over once the handover is signed.'
    if sentence:
        return Gap("deferred", sentence.text)
    if mentions(text, "nobody_reviews") or text.strip().lower().startswith(("nobody", "no one", "no-one")):
        return Gap("denied", text.strip())
    vague = next((m for m in mentions(text, "vague_owner") if m.asserted), None)
    if vague and not asserted(text, "on_call"):  # 'whoever holds the pager that week' is a rota
        return Gap("vague", vague.sentence)
    channel = next((m for m in mentions(text, "not_a_person") if m.asserted), None)
    if channel and not contact_person(text):
        return Gap("channel", channel.sentence)
    return None


@lru_cache(maxsize=8192)
def numbers(text: str) -> tuple[Quantity, ...]:
    """Every quantity in the text (cached)."""
    return quantities(text) if text.strip() else ()


def sentence_at(text: str, position: int) -> str:
    """The sentence containing ``position`` (for quoting a number)."""
    for sentence in analyse(text).sentences:
        if sentence.span.start <= position < sentence.span.end:
            return sentence.text
    return text.strip()


def recognises(text: str, concept_keys: tuple[str, ...], with_numbers: bool = True) -> bool:
    """The text says something the review can judge: one of the concepts, a deferral, or a number."""
    if not text.strip():
        return False
    analysis = analyse(text)
    if analysis.placeholder or any(s.deferral for s in analysis.sentences):
        return True
    if with_numbers and numbers(text):
        return True
    return any(mentions(text, key) for key in concept_keys)


def clause_at(text: str, position: int) -> str:
    """The clause containing ``position``."""
    for sentence in analyse(text).sentences:
        if sentence.span.start <= position < sentence.span.end:
            for clause in sentence.clauses:
                if clause.start <= position < clause.end:
                    return clause.text
            return sentence.text
    return text.strip()


def deferred_after(mention: Mention) -> str:
    """The deferral in the rest of the mention's sentence ('a dry run is planned but has not happened'), or ''."""
    rest = mention.sentence[mention.sentence.find(mention.words):]
    return _deferral(rest)


def clear_caches() -> None:
    """Forget every analysed text (the phrase patterns stay compiled): for timing a review of text never seen."""
    from . import comparisons, evaluation_sets, joins, metrics, names, patterns, periods, privacy, selection

    for cached in (analyse, mentions, lacks, unsettled, unconfirmed, numbers, patterns.word_set, names.name_tokens,
                   names.protected_in_name, names.proxy_in_name, names.proxy_in_text, names.protected_in_text,
                   metrics.parse_metric, comparisons.figure_from_document, comparisons.admits_unmeasured,
                   comparisons.figures_dated_apart, periods.predicted_periods, periods.counts_over_period,
                   joins.history_joined_as_today, selection.outcomes_only_where_acted, privacy.assessment_after_use,
                   evaluation_sets.tuned_on_named_test, evaluation_sets.staleness_measured):
        cached.cache_clear()
    patterns.forget_texts()
