"""lifecycle.text: sentences, deferrals, numbers, the ML vocabulary, proxies in names, and caching.

The wordings are written for this file in several voices; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from lifecycle.text import ASSERTED, HEDGED, NEGATED, analyse, asserted, deferral, mentions, numbers, unsettled
from lifecycle.text.metrics import parse_metric, same_metric
from lifecycle.text.names import name_tokens, protected_in_name, proxy_in_name
from lifecycle.text.split import clauses, sentences

# --- sentences and clauses -----------------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_and_decimals_together() -> None:
    text = "We use gradient boosting, e.g. LightGBM v4.1, at a 0.8 threshold. Rollback is one command! Is it tested?"
    assert [s.text for s in sentences(text)] == [
        "We use gradient boosting, e.g. LightGBM v4.1, at a 0.8 threshold.",
        "Rollback is one command!",
        "Is it tested?",
    ]


def test_sentence_positions_point_into_the_text() -> None:
    text = "First sentence.  Second one; with a clause."
    for span in sentences(text):
        assert text[span.start:span.end] == span.text


def test_clauses_split_on_semicolons_and_contrasts() -> None:
    [sentence] = sentences("We considered a random split, but the data is time-ordered; the test set is the last quarter.")
    parts = [c.text for c in clauses(sentence)]
    assert len(parts) >= 3
    assert parts[0].startswith("We considered a random split")


# --- deferral, negation and sound sentences that start with 'None' ------------------------------------------------

DEFERRALS = [
    "Owner: to be confirmed.",
    "The rollout plan is pending agreement with the payments team.",
    "Nothing planned for v1.",
    "We will decide later.",
    "Out of scope for now.",
    "TBD by Q3.",
    "The platform team will look into it.",
    "Still to be worked out with SRE before go-live.",
    "Once the pilot is over we'll figure out how to roll back.",
]


@pytest.mark.parametrize("text", DEFERRALS)
def test_deferrals_are_recognised(text: str) -> None:
    gap = unsettled(text)
    assert gap is not None and gap.kind == "deferred"
    assert deferral(text) is not None


SOUND = [
    "None of the steps needs manual approval; rollback is one command.",
    "No manual step is needed: switching the alias back takes a minute.",
    "Nobody has to approve it; the pipeline reverts automatically when the canary fails.",
    "Not a single feature is computed after the decision; all are read from the snapshot at scoring time.",
    "We retrain once a week, when the new labels have landed.",
    "The alarm pages the on-call engineer as soon as the error rate passes 2 %.",
]


@pytest.mark.parametrize("text", SOUND)
def test_sound_sentences_are_not_deferrals(text: str) -> None:
    assert unsettled(text) is None
    assert deferral(text) is None


@pytest.mark.parametrize("text", ["None", "TBD", "n/a", "?", "unknown"])
def test_placeholders_fill_the_box_but_say_nothing(text: str) -> None:
    assert analyse(text).placeholder
    assert unsettled(text) is not None


# --- numbers with units and comparators ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "unit", "comparator"), [
    ("at least 0.8", 0.8, "", "ge"),
    ("≥ 80 %", 80, "%", "ge"),
    ("no more than 200 ms", 200, "ms", "le"),
    ("under 150ms", 150, "ms", "lt"),
    ("within 2 hours", 2, "h", "le"),
    ("more than 0.9", 0.9, "", "gt"),
    ("1.5k", 1500, "", ""),
    ("EUR 40", 40, "EUR", ""),
    ("€40", 40, "EUR", ""),
])
def test_numbers_read_value_unit_and_comparator(text: str, value: float, unit: str, comparator: str) -> None:
    [quantity] = numbers(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit and quantity.comparator == comparator


def test_ranges_and_durations_convert() -> None:
    [days] = numbers("3–5 days")
    assert (days.value, days.high, days.days) == (3, 5, 5)
    [weeks] = numbers("between 3 and 5 weeks")
    assert weeks.days == 35
    [hours] = numbers("within 2 hours")
    assert hours.ms == 7_200_000
    [share] = numbers("≥ 80 %")
    assert share.fraction == pytest.approx(0.8)


# --- the ML vocabulary: synonyms, inflections, polarity -----------------------------------------------------------


def _polarities(text: str, concept: str) -> set[str]:
    return {m.polarity for m in mentions(text, concept)}


@pytest.mark.parametrize("text", [
    "Rows are shuffled and 20 % held out for testing.",
    "We use 5-fold cross-validation over all transactions.",
    "A random 80/20 split of the ticket history.",
    "Test rows were drawn at random from the whole history.",
])
def test_random_splits_in_several_wordings(text: str) -> None:
    assert asserted(text, "random_split") or asserted(text, "random_selection")


@pytest.mark.parametrize(("text", "polarity"), [
    ("We considered a random split but the data is time-ordered, so we test on the last three months.", HEDGED),
    ("Instead of k-fold we hold out the most recent eight weeks.", HEDGED),
    ("We do not use a random split.", NEGATED),
])
def test_a_random_split_that_is_not_the_plan(text: str, polarity: str) -> None:
    assert _polarities(text, "random_split") == {polarity}


@pytest.mark.parametrize("text", [
    "The features are re-implemented in Java for the serving path.",
    "The scoring service ports the SQL features to Go.",
    "Serving code was rewritten by the platform team.",
])
def test_feature_code_written_twice(text: str) -> None:
    assert _polarities(text, "feature_code_divergent") == {ASSERTED}


def test_feature_code_shared_is_not_divergent() -> None:
    assert not asserted("Serving imports the same feature module as training; nothing is re-implemented.",
                        "feature_code_divergent")


@pytest.mark.parametrize("text", [
    "Taken from the case management system.",
    "Read from the collections platform.",
    "Joined from the claims system.",
    "The chargeback feed.",
    "The resolution code the agent picked.",
    "Extract of the repairs app.",
])
def test_systems_that_record_outcomes(text: str) -> None:
    assert asserted(text, "outcome_system")


def test_a_verb_is_not_an_outcome_system() -> None:
    assert not asserted("The API returns data quickly.", "outcome_system")


@pytest.mark.parametrize("text", [
    "Filled in by the agent once the ticket is closed.",
    "Updated after the claim is settled.",
    "The final status of the case.",
])
def test_values_recorded_after_the_outcome(text: str) -> None:
    assert asserted(text, "post_outcome")


@pytest.mark.parametrize("text", [
    "We rehearsed the rollback in staging last month.",
    "A drill is run every quarter.",
    "The switch-back was practised twice.",
    "A dry run took four minutes.",
])
def test_rehearsal(text: str) -> None:
    assert asserted(text, "rehearsal")


@pytest.mark.parametrize("text", [
    "The on-call engineer is paged.",
    "PagerDuty escalates to the platform rota.",
    "The ML on-call rota gets the page.",
])
def test_on_call(text: str) -> None:
    assert asserted(text, "on_call")


@pytest.mark.parametrize("text", [
    "We eyeballed a sample of predictions.",
    "An analyst manually reviewed 200 cases.",
    "The team lead inspects the flagged decisions every Friday.",
])
def test_manual_inspection(text: str) -> None:
    assert asserted(text, "manual_inspection")


# --- proxies in feature names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "word"), [
    ("applicant_postcode", "postcode"), ("zipCode", "zip"), ("neighbourhood_id", "neighbourhood"),
    ("first_name", "name"), ("surname", "surname"), ("preferred_language", "language"), ("school_name", "school"),
])
def test_strong_proxies_in_names(name: str, word: str) -> None:
    assert proxy_in_name(name, about_people=False) == (word, True)


@pytest.mark.parametrize("name", ["device_type", "browser", "home_city"])
def test_weak_proxies_count_only_for_decisions_about_people(name: str) -> None:
    word, strong = proxy_in_name(name, about_people=True)
    assert word and not strong
    assert proxy_in_name(name, about_people=False) == ("", False)


def test_protected_attributes_and_tokens() -> None:
    assert name_tokens("customerAgeBand") == ("customer", "age", "band")
    assert protected_in_name("customer_age") == "age"
    assert protected_in_name("page_views") == ""  # 'age' inside a word is not age


# --- metrics ---------------------------------------------------------------------------------------------------------


def test_metric_names_are_compared_by_meaning() -> None:
    assert same_metric("ROC AUC", "area under the ROC curve")
    assert not same_metric("precision", "recall")
    metric = parse_metric("MAE (days)")
    assert metric is not None and not metric.higher_is_better


# --- caching -----------------------------------------------------------------------------------------------------------


def test_analyses_are_cached() -> None:
    text = "A sentence the cache has not seen before: 42 widgets, rehearsed twice."
    analyse.cache_clear()
    first = analyse(text)
    assert analyse(text) is first
    assert analyse.cache_info().hits >= 1


# --- the phrase index never drops a match ---------------------------------------------------------------------------


def _brute_force(phrase_set, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    matches = [m for part in phrase_set.parts for m in part.finditer(text)]
    matches.sort(key=lambda m: (m.start(), m.start() - m.end()))
    kept, last = [], -1
    for match in matches:
        if match.start() >= last:
            last = match.end()
            kept.append(match.span())
    return kept


def _sample_texts() -> list[str]:
    from pathlib import Path

    from lifecycle.samples import load_sample
    from lifecycle.storage import load_project

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    projects = [load_sample(name) for name in ("churn", "loan", "recommendation")]
    projects += [load_project(path) for path in sorted(fixtures.glob("*.yaml")) if "perfect" in path.name
                 or "sound" in path.name]
    texts: set[str] = set(DEFERRALS + SOUND)

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 3:
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for project in projects:
        walk(project.model_dump(mode="json"))
    return sorted(texts)


def test_indexed_phrase_sets_find_what_running_every_phrase_finds() -> None:
    from lifecycle.text import cues
    from lifecycle.text.patterns import PhraseSet
    from lifecycle.text.vocabulary import VOCABULARY

    sets = [c.pattern for c in VOCABULARY.values()] + [c.excluded for c in VOCABULARY.values() if c.excluded]
    sets += [value for value in vars(cues).values() if isinstance(value, PhraseSet)]
    for text in _sample_texts():
        for phrase_set in sets:
            assert [m.span() for m in phrase_set.finditer(text)] == _brute_force(phrase_set, text), text
