"""Small readings of a project shared by the checks (placeholders, started phases, names)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..model import Feature, MLTask, Project, Section, Sensitivity

_PLACEHOLDER = re.compile(
    r"^(?:none|no|n/?a|nil|nothing|tbd|tbc|todo|unknown|not known|unclear|don'?t know|\?+|-+|x+"
    r"|to be (?:defined|decided|determined|confirmed|done|agreed)"
    r"|not (?:yet )?(?:planned|defined|decided|done|known|applicable|needed|required)"
    r"|none (?:yet|planned|so far)|no (?:plan|idea)(?: yet)?)"
    r"(?:\s+(?:yet|for now|at the moment|so far|planned))?$",
    re.IGNORECASE,
)
_NEGATION_START = re.compile(r"^\s*(?:none|no|not|n/a|nothing|never|we (?:do not|don't|won't|will not))\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?()\u2014\u2013]| - ")

RANKING_TASKS = frozenset({MLTask.RANKING, MLTask.RECOMMENDATION})
PROBABILITY_TASKS = frozenset({MLTask.BINARY_CLASSIFICATION, MLTask.MULTICLASS_CLASSIFICATION})
SUPERVISED_TASKS = frozenset(MLTask) - {MLTask.CLUSTERING, MLTask.ANOMALY_DETECTION, MLTask.OTHER}


def placeholder(text: str) -> bool:
    """True for answers that fill the box but say nothing: 'none', 'TBD', 'unknown', '?'."""
    return bool(_PLACEHOLDER.match(text.strip().rstrip(".!").strip()))


def says_none(text: str, noun: str) -> bool:
    """True when the answer is a placeholder, or its first clause denies ``noun`` ('No rollback: ...').

    ``noun`` is a regular expression, e.g. ``r"roll ?back"``. An empty answer is not
    'saying none': an unanswered question is the completeness check's business.
    """
    if not text.strip():
        return False
    if placeholder(text):
        return True
    if not _NEGATION_START.match(text):
        return False
    first_clause = _CLAUSE_END.split(text.strip(), maxsplit=1)[0]
    return placeholder(first_clause) or bool(re.search(noun, first_clause, re.IGNORECASE))


def has_value(value: Any) -> bool:
    """An answer was given (any non-empty value; table rows count even when incomplete)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return True


def started(section: Section) -> bool:
    """The team has answered at least one question of this phase (its stage gate aside).

    Checks that fire on a *missing optional* answer wait until the phase is started, so an
    empty project only shows what each gate requires, not every piece of advice at once.
    """
    return any(has_value(getattr(section, name)) for name in type(section).model_fields if name != "gate")


def row_name(row: BaseModel, index: int) -> str:
    """What a table row is called in messages: its name/metric/behaviour, else 'row N'."""
    for attr in ("name", "metric", "behaviour", "check_id"):
        value = getattr(row, attr, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return f"row {index + 1}"


def quoted(names: list[str], limit: int = 5) -> str:
    """'a', 'b' and 'c' (and N more)."""
    shown = [f"'{name}'" for name in names[:limit]]
    more = len(names) - len(shown)
    if more:
        shown.append(f"{more} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def features(project: Project) -> Iterator[tuple[int, Feature, str]]:
    """(index, feature, display name) for every feature row."""
    for index, feature in enumerate(project.data.features):
        yield index, feature, row_name(feature, index)


_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_PROTECTED_TOKENS = frozenset({
    "gender", "sex", "race", "racial", "ethnicity", "ethnic", "religion", "religious", "marital", "nationality",
    "citizenship", "disability", "disabled", "pregnancy", "pregnant", "dob", "birthdate", "birthday",
})
_PROXY_TOKENS = frozenset({"zip", "zipcode", "postcode", "postal", "neighbourhood", "neighborhood", "surname"})
_PERSON_TOKENS = frozenset({
    "applicant", "customer", "user", "borrower", "client", "member", "driver", "patient", "person", "employee",
    "subscriber", "buyer", "holder", "candidate",
})


def name_tokens(name: str) -> list[str]:
    """'customerAge_band' → ['customer', 'age', 'band']."""
    return [token.lower() for token in _TOKEN.findall(name)]


def looks_sensitive(name: str) -> bool:
    """The feature name suggests a protected attribute or a well-known proxy (conservative).

    'age' counts only on its own or after a word for a person ('applicant_age'), so
    'account_age_days' or 'item_age' do not.
    """
    tokens = name_tokens(name)
    if _PROTECTED_TOKENS.intersection(tokens) or _PROXY_TOKENS.intersection(tokens):
        return True
    if "birth" in tokens and ("date" in tokens or "year" in tokens):
        return True
    for index, token in enumerate(tokens):
        if token == "age" and (index == 0 or tokens[index - 1] in _PERSON_TOKENS):
            return True
    return False


def sensitive_features(project: Project) -> list[tuple[int, Feature, str]]:
    """Features marked protected or proxy, plus unmarked ones whose name suggests it.

    A feature the team explicitly marked 'not sensitive' is taken at its word here
    (a data check questions that answer separately).
    """
    return [
        (index, feature, name)
        for index, feature, name in features(project)
        if feature.sensitivity in (Sensitivity.PROTECTED, Sensitivity.PROXY)
        or (feature.sensitivity is None and looks_sensitive(name))
    ]


def sensitivity_label(feature: Feature) -> str:
    if feature.sensitivity is Sensitivity.PROTECTED:
        return "protected attribute"
    if feature.sensitivity is Sensitivity.PROXY:
        return "possible proxy"
    return "name suggests a protected attribute or proxy"


def signal_kinds(project: Project) -> set[Any]:
    return {signal.kind for signal in project.monitoring.signals if signal.kind is not None}
