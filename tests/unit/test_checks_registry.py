"""The registry: ids, metadata, docstrings, and coverage of the Rules of ML."""

from __future__ import annotations

import re

import pytest

from lifecycle.checks import (
    REGISTRY,
    UNCHECKED_PATTERNS,
    UNCHECKED_RULES,
    Hit,
    Severity,
    check,
    checked_rules,
    registered,
)
from lifecycle.checks.registry import PHASE_PREFIX
from lifecycle.checks.rules import CHECKABLE, NOT_CHECKABLE, PARTIAL, RULE_TITLES, verdict
from lifecycle.model import Project
from lifecycle.phases import PHASES


def test_rule_table_has_43_rules_split_25_13_5() -> None:
    assert sorted(RULE_TITLES) == list(range(1, 44))
    assert (len(CHECKABLE), len(PARTIAL), len(NOT_CHECKABLE)) == (25, 13, 5)
    assert CHECKABLE | PARTIAL | NOT_CHECKABLE == set(RULE_TITLES)
    assert verdict(33) == "C" and verdict(35) == "P" and verdict(41) == "N"
    with pytest.raises(KeyError):
        verdict(44)


def test_every_checkable_rule_has_a_check() -> None:
    assert CHECKABLE - set(checked_rules()) == set()


def test_every_rule_is_checked_or_has_a_written_reason() -> None:
    checked = set(checked_rules())
    assert checked | set(UNCHECKED_RULES) == set(RULE_TITLES)
    assert checked & set(UNCHECKED_RULES) == set(), "a rule cannot be both checked and explained away"
    assert NOT_CHECKABLE <= set(UNCHECKED_RULES)
    assert all(len(reason) > 40 for reason in UNCHECKED_RULES.values())
    assert all(reason.strip() for reason in UNCHECKED_PATTERNS.values())


def test_ids_are_stable_shaped_and_match_their_phase() -> None:
    for check_id, entry in REGISTRY.items():
        assert entry.id == check_id
        assert re.fullmatch(r"(GATE-[A-Z]{2}(-AIA)?|[A-Z]{2}-\d{3})", check_id)  # -AIA: EU AI Act gate answers
        assert check_id.split("-")[1 if check_id.startswith("GATE") else 0] == PHASE_PREFIX[entry.phase]


def test_each_phase_has_one_gate_check_and_anti_pattern_checks() -> None:
    for phase in PHASES:
        ids = [c.id for c in registered() if c.phase == phase.key]
        assert ids[0] == f"GATE-{PHASE_PREFIX[phase.key]}"
        assert len(ids) > 5


def test_metadata_is_complete() -> None:
    for entry in registered():
        assert entry.title and entry.title[0].isupper()
        assert isinstance(entry.severity, Severity)
        assert entry.rules or entry.refs
        assert len(entry.doc.splitlines()) >= 3, f"{entry.id} needs a docstring that says what and why"


def test_required_scenarios_are_blockers() -> None:
    blockers = {c.id for c in registered() if c.severity is Severity.BLOCKER}
    # leakage, fairness, drift monitoring, rollback, export gate, and all gates
    assert {"DA-002", "MO-003", "MO-004", "MO-005", "MO-011", "MN-001", "MN-002", "DE-001", "DE-002"} <= blockers
    assert {f"GATE-{p}" for p in PHASE_PREFIX.values()} <= blockers


def test_conditional_checks_say_when_they_apply() -> None:
    conditional = {c.id: c.when for c in registered() if c.when}
    for rule in (15, 34, 35, 36, 40):
        assert any(REGISTRY[i].when for i in checked_rules()[rule]), f"rule {rule} is conditional"
    assert all(text for text in conditional.values())


def test_registered_order_is_phase_then_gate_then_id() -> None:
    order = [c.id for c in registered()]
    phase_index = {p.key: i for i, p in enumerate(PHASES)}
    keys = [(phase_index[REGISTRY[i].phase], not i.startswith("GATE"), i) for i in order]
    assert keys == sorted(keys)


def _undocumented(project: Project):
    return []


def _documented(project: Project):
    """Looks for nothing.

    Used only to test the decorator.
    """
    yield Hit("m", "f", "info.name")


@pytest.mark.parametrize(
    ("kwargs", "function", "error"),
    [
        ({"id": "da-001", "phase": "data"}, _documented, "must look like"),
        ({"id": "XX-001", "phase": "data"}, _documented, "prefix"),
        ({"id": "DA-1", "phase": "data"}, _documented, "must look like"),
        ({"id": "MO-901", "phase": "data"}, _documented, "prefix"),
        ({"id": "DA-901", "phase": "nowhere"}, _documented, "unknown phase"),
        ({"id": "DA-901", "phase": "data", "rules": (44,)}, _documented, "no Rule of ML"),
        ({"id": "DA-901", "phase": "data", "rules": (), "refs": ()}, _documented, "name the rule"),
        ({"id": "DA-901", "phase": "data"}, _undocumented, "docstring"),
        ({"id": "DA-002", "phase": "data"}, _documented, "registered twice"),
    ],
)
def test_decorator_refuses_bad_declarations(kwargs: dict, function, error: str) -> None:
    kwargs = {"rules": (1,), **kwargs}
    with pytest.raises(ValueError, match=error):
        check(title="Test", severity="advice", **kwargs)(function)
    assert "DA-901" not in REGISTRY


def test_adding_a_check_is_one_decorated_function() -> None:
    try:
        returned = check("DA-999", "Test check", phase="data", severity="advice", refs=("Test",))(_documented)
        assert returned is _documented
        assert "DA-999" in [c.id for c in registered()]
        (finding,) = REGISTRY["DA-999"].run(Project())
        assert (finding.check_id, finding.severity, finding.phase, finding.refs) == (
            "DA-999", Severity.ADVICE, "data", ("Test",)
        )
    finally:
        REGISTRY.pop("DA-999", None)
