"""A small phrase language for the vocabulary, compiled to regular expressions once at import.

Vocabulary entries are written as phrases of words, not as regular expressions, so that
every word gets its inflections (``split`` also matches *splits*, *splitting*; ``label``
matches *labelled*, *labeled*, *labels*) and British and American spellings without the
author listing them. The syntax of a phrase:

- ``word``: the word and its regular inflections (plural, -ed, -ing, -s), irregular forms
  of common verbs (``write`` → *wrote*, *written*) and -ise/-ize, -our/-or, -yse/-yze, -ll/-l
  spelling variants;
- ``word=``: the word exactly; ``word*``: any word starting so (``shuffl*``);
- ``a|b|c``: one of several words; ``look_into|find_out``: alternatives of several words;
  ``[word]``: an optional word;
- ``hold-out``: a hyphen matches a hyphen, a space or nothing (*hold-out*, *hold out*, *holdout*);
- ``~``: up to three other words; ``~~``: up to six;
- ``#``: a number (digits, decimals, a word number such as *three*);
- ``@...``: a raw regular expression for the rare token the rest cannot say.

All matching is on lower-cased text; ``compile_phrases`` returns one pattern for a list
of phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

IRREGULAR: dict[str, tuple[str, ...]] = {
    "write": ("wrote", "written", "writes", "writing"),
    "build": ("built",), "hold": ("held",), "take": ("took", "taken"), "make": ("made",), "run": ("ran", "running"),
    "keep": ("kept",), "leave": ("left",), "do": ("did", "done", "does", "doing"), "choose": ("chose", "chosen"),
    "pay": ("paid",), "send": ("sent",), "find": ("found",), "know": ("knew", "known"), "give": ("gave", "given"),
    "get": ("got", "gotten", "getting"), "go": ("went", "gone", "goes", "going"), "see": ("saw", "seen"),
    "draw": ("drew", "drawn"), "fall": ("fell", "fallen"), "lose": ("lost",), "feed": ("fed",),
    "buy": ("bought",), "sell": ("sold",), "tell": ("told",), "think": ("thought",), "bring": ("brought",),
    "mean": ("meant",), "spend": ("spent",), "hide": ("hid", "hidden"), "begin": ("began", "begun"),
    "withdraw": ("withdrew", "withdrawn"), "set": ("setting",), "put": ("putting",), "cut": ("cutting",),
    "split": ("splitting",), "shut": ("shutting",), "read": ("reading",), "be": ("is", "are", "was", "were", "been"),
    "have": ("has", "had", "having"), "overwrite": ("overwrote", "overwritten"), "rebuild": ("rebuilt",),
    "teach": ("taught",), "catch": ("caught",), "sit": ("sat",), "stand": ("stood",), "understand": ("understood",),
}
_VOWELS = "aeiou"
_SPELLING = (("ise", "ize"), ("isation", "ization"), ("yse", "yze"), ("our", "or"), ("tre", "ter"), ("ence", "ense"))
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "a", "an", "a few", "several", "half a",
)
NUMBER = r"(?:\d+(?:[.,]\d+)*|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + ")"
GAP_WORD = r"[^\s.;:!?]+"


def _regular(word: str) -> set[str]:
    forms = {word}
    if len(word) <= 2:
        return forms
    if word.endswith("y") and word[-2] not in _VOWELS:
        stem = word[:-1]
        forms |= {stem + "ies", stem + "ied", word + "ing"}
    elif word.endswith(("ee", "ye", "oe")):
        forms |= {word + "s", word + "d", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing", word + "r", word + "rs"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("l") and not word.endswith("ll"):
        forms |= {word + "led", word + "ling", word + "ler", word + "lers"}
    return forms


# Function words never inflect: 'before' has no plural, and inflecting them bloats every pattern they appear in.
FUNCTION_WORDS = frozenset("""
a an the and or nor but if when once then than so as at by in into onto on of off to for from with without within
via per over under above below between across through throughout about around after before during until till since
while whereas though although because unless whether who whom whose which what where why how this that these those
it its they them their we us our you your he him his she her i me my is are was were be been being am do does did
have has had not no never always often now here there also all any each every some more most less least only just
very too up down out back away together yet still later next soon both either neither other another such same own
""".split())


@cache
def inflections(word: str) -> tuple[str, ...]:
    """The forms of ``word`` a vocabulary entry should match, longest first."""
    if word in FUNCTION_WORDS:
        return (word,)
    forms = _regular(word)
    for base, irregular in IRREGULAR.items():
        if word == base or (word.endswith(base) and len(word) - len(base) >= 2):
            prefix = word[: len(word) - len(base)]
            forms |= {prefix + form for form in irregular}
    for british, american in _SPELLING:
        # only where the spelling differs in English: at the end of the stem ('behaviour', 'organise', 'centre')
        if word.endswith(british) or word.endswith(british + "s"):
            variant = word[: word.rfind(british)] + american + word[word.rfind(british) + len(british):]
            forms |= _regular(variant) | {variant}
        elif word.endswith(american) and british != "ence":
            variant = word[: word.rfind(american)] + british
            forms |= _regular(variant) | {variant}
    return tuple(sorted(forms, key=len, reverse=True))


def _word(token: str) -> str:
    if "_" in token and not token.startswith("@"):
        return SEP.join(_word(part) for part in token.split("_") if part)
    if token.startswith("@"):
        return token[1:]
    if token == "#":
        return NUMBER
    exact = token.endswith("=")
    prefix = token.endswith("*") and len(token) > 1
    token = token.rstrip("=*") if (exact or prefix) else token
    parts = token.split("-")
    pieces = [re.escape(part) for part in parts[:-1]]
    last = parts[-1]
    if prefix:
        pieces.append(re.escape(last) + r"\w*")
    elif exact or not last.isalpha():
        pieces.append(re.escape(last))
    else:
        pieces.append("(?:" + "|".join(re.escape(f) for f in inflections(last)) + ")")
    return r"[-\s]?".join(pieces)


def _slot(token: str) -> tuple[str, bool]:
    optional = token.startswith("[") and token.endswith("]")
    if optional:
        token = token[1:-1]
    alts = [token] if token.startswith("@") else token.split("|")
    alternatives = "|".join(_word(alt) for alt in alts)
    return f"(?:{alternatives})", optional


SEP = r"(?:\s*[-/]\s*|[,)]?\s+[(~≈]?)"  # a comma, a bracket or a "~" (about) between two words does not part them


def compile_phrase(phrase: str) -> str:
    """One phrase as a regular expression (without the word boundaries around it)."""
    out = ""
    pending_gap = ""
    for token in phrase.split():
        if token in ("~", "~~"):
            count = 3 if token == "~" else 6
            pending_gap = rf"(?:{GAP_WORD}{SEP}){{0,{count}}}?"
            continue
        body, optional = _slot(token)
        if not out:
            out = f"(?:{body})" + ("?" if optional else "")
        elif optional:
            out += f"(?:{SEP}{pending_gap}{body})?"
        else:
            out += f"{SEP}{pending_gap}{body}"
        pending_gap = ""
    return out


_BOUND_LEFT, _BOUND_RIGHT = r"(?<![\w@])(?:", r")(?![\w])"
# A contraction's tail ("n't" of "don't", "'ll" of "we'll") is a word of its own for phrases, though a letter
# stands before it; only phrases that can start with one pay for the wider boundary.
_BOUND_LEFT_CONTRACTION = r"(?:(?<![\w@])|(?=n['’]t(?!\w))|(?<=\w)(?=['’](?:ll|d|ve|re|s)(?!\w)))(?:"


def _left_bound(phrase: str) -> str:
    first = phrase.split()[0] if phrase.split() else ""
    starts = first.lstrip("@(?:[").split("|")
    return _BOUND_LEFT_CONTRACTION if any(w.startswith(("n't", "n['", "'", "’")) for w in starts) else _BOUND_LEFT
_SETS: list[PhraseSet] = []
_WORD = re.compile(r"[\w'’]+")


@lru_cache(maxsize=16384)
def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of a text (cached); "we'll" also offers "'ll"."""
    words = {w.lower() for w in _WORD.findall(text)}
    quoted = [w.replace("’", "'") for w in words if "'" in w[1:] or "’" in w[1:]]
    words |= {w[w.index("'"):] for w in quoted} | {w[:w.index("'")] for w in quoted}  # "model's": also "model"
    words |= {"n't" for w in quoted if w.endswith("n't")}  # "don't", "isn't": also "n't"
    return frozenset(words)


_PREFIXES: set[str] = set()
_PREFIX_PATTERN: list[re.Pattern[str]] = []  # the compiled alternation of _PREFIXES, rebuilt when it grows


def _add_prefixes(prefixes: Iterable[str]) -> None:
    new = set(prefixes) - _PREFIXES
    if new:
        _PREFIXES.update(new)
        _PREFIX_PATTERN.clear()
        word_prefixes.cache_clear()


@lru_cache(maxsize=16384)
def word_prefixes(text: str) -> frozenset[str]:
    """The ``word*`` prefixes of any phrase set that some word of the text starts with (cached)."""
    if not _PREFIXES:
        return frozenset()
    if not _PREFIX_PATTERN:
        alternation = "|".join(sorted((re.escape(p) for p in _PREFIXES), key=len, reverse=True))
        _PREFIX_PATTERN.append(re.compile(r"(?<![\w'’])(?=(" + alternation + "))"))
    lowered = text.lower()
    found = set()
    for match in _PREFIX_PATTERN[0].finditer(lowered):
        found.update(p for p in _PREFIXES if lowered.startswith(p, match.start()))
    return frozenset(found)


def forget_texts() -> None:
    """Drop every phrase set's per-text candidate cache (for timing a review of unseen text)."""
    for phrase_set in _SETS:
        phrase_set._seen.clear()
    word_prefixes.cache_clear()


class PhraseSet:
    """A list of phrases matched like one pattern, but fast: each phrase is its own small pattern, indexed by one
    word it must contain (its most telling required word, else its first), and a text only runs the phrases
    whose every required word it contains.

    ``search`` and ``finditer`` behave like a compiled pattern's (leftmost, longest at a position, no overlaps).
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        # Each phrase's pattern is compiled the first time a text holds its required words: compiling all of them
        # took most of the seconds the command line spent starting, and most are never needed for a given plan.
        self.parts: list[re.Pattern[str] | None] = [None] * len(self.phrases)
        self.index: dict[str, list[int]] = {}
        self.prefixes: list[tuple[str, int]] = []
        self.always: list[int] = []
        self.required = [required_words(phrase) for phrase in self.phrases]
        for i, phrase in enumerate(self.phrases):
            anchor = _anchor(self.required[i])
            if anchor:  # indexed by its most telling required word, not by a 'the' or a 'will' it starts with
                for form in anchor:
                    self.index.setdefault(form, []).append(i)
                continue
            forms, prefixes, always = first_words((phrase,))
            if always:
                self.always.append(i)
            for form in forms:
                self.index.setdefault(form, []).append(i)
            self.prefixes.extend((prefix, i) for prefix in prefixes)
        self.keys = frozenset(self.index)
        self._seen: dict[str, list[int]] = {}
        _SETS.append(self)
        # a raw '^' anchors a phrase to the start of what is searched: such sets are run sentence by sentence
        self.anchored = any(phrase.startswith("@") and "^" in phrase for phrase in self.phrases)
        self.prefix_index: dict[str, list[int]] = {}
        for prefix, i in self.prefixes:
            self.prefix_index.setdefault(prefix, []).append(i)
        self.prefix_keys = frozenset(self.prefix_index)
        _add_prefixes(self.prefix_keys)

    def _part(self, i: int) -> re.Pattern[str]:
        part = self.parts[i]
        if part is None:  # two threads may both compile it: the same pattern either way
            phrase = self.phrases[i]
            part = self.parts[i] = re.compile(_left_bound(phrase) + compile_phrase(phrase) + _BOUND_RIGHT,
                                              re.IGNORECASE)
        return part

    def _candidates(self, text: str) -> list[int]:
        """The phrases whose first word, and every other required word, occur in the text (cached per text)."""
        cached = self._seen.get(text)
        if cached is not None:
            return cached
        words = word_set(text)
        found = set(self.always)
        index = self.index
        for word in words & self.keys:
            found.update(index[word])
        if self.prefix_index:
            for prefix in self.prefix_keys & word_prefixes(text):
                found.update(self.prefix_index[prefix])
        required = self.required
        result = sorted(i for i in found if all(not words.isdisjoint(slot) for slot in required[i]))
        if len(self._seen) > 4096:
            self._seen.clear()
        self._seen[text] = result
        return result

    def finditer(self, text: str, bounds: tuple[tuple[int, int], ...] = ()) -> Iterator[re.Match[str]]:
        """Matches left to right, longest first at a position; with ``bounds`` (sorted (start, end) spans, e.g.
        sentences) only matches that lie inside one span."""
        candidates = self._candidates(text)
        if not candidates:
            return
        matches = [m for i in candidates for m in self._part(i).finditer(text)]
        if bounds:
            starts = [start for start, _ in bounds]
            matches = [m for m in matches if _inside(bounds, starts, m.start(), m.end())]
        matches.sort(key=lambda m: (m.start(), m.start() - m.end()))
        last = -1
        for match in matches:
            if match.start() >= last:
                last = match.end()
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def _inside(bounds: tuple[tuple[int, int], ...], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= bounds[index][1]


@cache
def compile_phrases(phrases: tuple[str, ...] | Iterable[str]) -> PhraseSet:
    """All phrases as one matcher, each bounded by word edges (see ``PhraseSet``)."""
    return PhraseSet(tuple(phrases))


_PLAIN = re.compile(r"[a-z0-9']+")


def required_words(phrase: str) -> tuple[frozenset[str], ...]:
    """For each slot of the phrase a text must fill, the word forms that can fill it; slots that cannot be
    checked from single words (optional, gaps, numbers, raw expressions, hyphens, prefixes) are left out."""
    if phrase.startswith("@"):
        return ()
    slots = []
    for token in phrase.split():
        if token in ("~", "~~", "#") or token.startswith(("[", "@")):
            continue
        forms: set[str] = set()
        for alt in token.lower().split("|"):
            word = alt.split("_")[0] if "_" in alt else alt
            if word.endswith("=") and _PLAIN.fullmatch(word[:-1]):
                forms.add(word[:-1])
            elif _PLAIN.fullmatch(word):
                forms.update(inflections(word) if word.isalpha() else (word,))
            else:
                forms = set()
                break
        if forms:
            slots.append(frozenset(forms))
    return tuple(slots)


def _anchor(slots: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The required slot to index a phrase by: the one with fewest function words, then fewest forms."""
    if not slots:
        return frozenset()
    return min(slots, key=lambda slot: (sum(form in FUNCTION_WORDS for form in slot), len(slot)))


def first_words(phrases: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """What a text must contain for any phrase to match: (word forms, word prefixes, always-run).

    A cheap pre-check before the full pattern: the first word of every phrase, with its
    inflections. Phrases that start with a number, a raw expression or an optional word
    cannot be pre-checked (``always``).
    """
    words: set[str] = set()
    prefixes: list[str] = []
    always = False
    for phrase in phrases:
        token = phrase.split()[0]
        if token.startswith(("@", "[", "#")) or token in ("~", "~~"):
            always = True
            continue
        for alt in token.split("|"):
            head = re.split(r"[-_]", alt.rstrip("="), maxsplit=1)[0] if not alt.startswith("-") else alt
            if alt.endswith("*"):
                prefixes.append(alt.rstrip("*").split("-")[0].split("_")[0].lower())
            elif "/" in alt and alt.split("/")[0].isalpha():
                words.add(alt.split("/")[0].lower())
            elif not head.replace("'", "").replace(".", "").isalnum():
                always = True
            elif alt.endswith("=") or not head.isalpha():
                words.add(head.lower())
            else:
                words.update(f.lower() for f in inflections(head.lower()))
                first = alt.split("_")[0]
                if "-" in first:  # 'hold-out' also appears as 'holdout' and 'hold out'
                    joined = first.replace("-", "").lower()
                    words.update(f.lower() for f in inflections(joined) if joined.isalpha()) if joined.isalpha() \
                        else words.add(joined)
    return frozenset(words), tuple(prefixes), always
