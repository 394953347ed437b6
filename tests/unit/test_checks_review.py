"""The review result: every check's outcome, the needs-a-human-reviewer list, the readiness cap, and fixes that say
what to change in the plan (never how to silence a check)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from lifecycle.checks import (
    ANSWER,
    REGISTRY,
    TEXT,
    Outcome,
    Severity,
    needs_human,
    readiness,
    review,
    run_checks,
)
from lifecycle.checks.readiness import UNREVIEWED_CAP
from lifecycle.checks.registry import registered
from lifecycle.model import AcceptedFinding, Project, ServingMode
from lifecycle.samples import load_sample
from lifecycle.storage import load_project

from .test_checks_cases import FIRES as CASE_FIRES
from .test_checks_prose import FIRES as PROSE_FIRES

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


def perfect() -> Project:
    return load_project(PERFECT)


# --- outcomes ---------------------------------------------------------------------------------------------------------


def test_every_check_has_one_outcome() -> None:
    result = review(perfect())
    assert [o.check.id for o in result.outcomes] == [entry.id for entry in registered()]
    assert set(REGISTRY) == {o.check.id for o in result.outcomes}
    assert sum(result.counts().values()) == len(REGISTRY)


def test_a_perfect_plan_passes_or_does_not_apply() -> None:
    result = review(perfect())
    assert result.counts()["issue"] == result.counts()["tip"] == result.counts()["suppressed"] == 0
    assert result.findings == () and result.needs_human == ()
    assert result.readiness.score == 100


def test_checks_that_do_not_apply_say_why() -> None:
    project = perfect()
    project.deployment.serving_mode = ServingMode.BATCH
    project.deployment.person_waiting = False
    project.deployment.latency_budget_ms = None
    project.deployment.decision_deadline_ms = None
    result = review(project)
    not_applicable = {o.check.id: o for o in result.with_outcome(Outcome.NOT_APPLICABLE)}
    assert "DE-009" in not_applicable
    assert not_applicable["DE-009"].reason


def test_issue_tip_and_suppressed() -> None:
    project = load_sample("loan")
    result = review(project)
    issues = result.with_outcome(Outcome.ISSUE)
    assert issues and all(any(f.severity in (Severity.BLOCKER, Severity.WARNING) for f in o.findings) for o in issues)
    tips = result.with_outcome(Outcome.TIP)
    assert all(all(f.severity is Severity.ADVICE for f in o.findings) for o in tips)

    target = issues[0]
    for finding in target.findings:
        project.accepted_findings.append(AcceptedFinding(
            check_id=finding.check_id, subject=finding.subject, reason="Taken on for the pilot.",
            accepted_by="Test", accepted_on=date(2026, 1, 1)))
    suppressed = {o.check.id for o in review(project).with_outcome(Outcome.SUPPRESSED)}
    assert target.check.id in suppressed


@pytest.mark.parametrize("sample", ["churn", "loan", "recommendation"])
def test_outcomes_from_shared_findings_equal_a_fresh_review(sample: str) -> None:
    project = load_sample(sample)
    fresh = review(project)
    shared = review(project, run_checks(project))
    assert [(o.check.id, o.outcome) for o in shared.outcomes] == [(o.check.id, o.outcome) for o in fresh.outcomes]
    assert shared.findings == fresh.findings
    assert shared.readiness == fresh.readiness


def test_review_serialises_to_plain_data() -> None:
    data = review(load_sample("churn")).to_dict()
    assert set(data["outcomes"]) == {o.value for o in Outcome}
    assert {"id", "title", "phase", "outcome", "findings", "reason"} == set(data["checks"][0])
    assert isinstance(data["needs_human_review"], list)


# --- needs a human reviewer, and the readiness cap ---------------------------------------------------------------------


def test_prose_the_review_cannot_judge_is_listed_for_a_person() -> None:
    project = perfect()
    project.data.access_and_privacy = "Handled the usual way."
    [item] = needs_human(project)
    assert item.phase == "data" and item.field == "data.access_and_privacy" and item.blocks_ready
    data = readiness(project).phases[1]
    assert data.key == "data" and data.needs_human == 1 and data.unreviewed_deliverable
    assert data.score <= UNREVIEWED_CAP and data.band.label != "Ready"
    assert run_checks(project) == []  # nothing is wrong that a check can see; it is just unjudged


def test_a_structured_answer_beside_the_prose_lifts_the_cap() -> None:
    project = perfect()
    project.deployment.rollback_plan = "See the wiki page."
    [item] = needs_human(project)
    assert item.field == "deployment.rollback_plan" and not item.blocks_ready  # rollback mechanism is answered
    assert readiness(project).phases[3].score == 100


def test_prose_the_review_recognises_is_not_listed() -> None:
    project = perfect()
    project.deployment.rollback_plan = "We move the registry alias back; the drill last month took four minutes."
    assert needs_human(project) == ()


def test_an_empty_answer_is_the_gate_checks_business() -> None:
    project = perfect()
    project.data.access_and_privacy = ""
    assert needs_human(project) == ()
    assert any(f.check_id.startswith("GATE-") and f.field == "data.access_and_privacy" for f in run_checks(project))


# --- findings say what they rest on ----------------------------------------------------------------------------------


def test_text_findings_quote_the_sentence_they_read() -> None:
    project = perfect()
    project.modeling.model_description = ("Gradient boosting on ticket text. The rows are shuffled and a fifth "
                                          "is kept for testing.")
    [finding] = [f for f in run_checks(project) if f.check_id == "MO-003"]
    assert finding.basis != ANSWER and finding.read_from_text
    assert finding.evidence == "The rows are shuffled and a fifth is kept for testing."
    data = finding.to_dict()
    assert data["evidence"] == finding.evidence and data["basis"] in (TEXT, "cross-answer")


# --- fixes tell what to do to the plan, not how to silence the check ---------------------------------------------------

_SILENCING = re.compile(
    r"\b(?:answer(?:ing)?\s+(?:yes|no|'yes'|'no'|\"yes\"|\"no\")|tick\s+(?:the|it)|untick|set\s+(?:it|the\s+answer)\s+"
    r"to|mark\s+it\s+as|select\s+'|choose\s+'|change\s+the\s+answer|to\s+silence|to\s+clear\s+this)\b",
    re.IGNORECASE,
)


def _all_findings() -> list:
    from .test_checks_prose import _mutated as prose_mutated

    found = []
    for sample in ("churn", "loan", "recommendation"):
        found += run_checks(load_sample(sample))
    for _, mutation in CASE_FIRES + PROSE_FIRES:
        found += run_checks(prose_mutated(mutation))
    found += run_checks(Project())
    return found


def test_no_fix_tells_the_user_how_to_silence_a_check() -> None:
    offenders = {(f.check_id, f.fix) for f in _all_findings() if _SILENCING.search(f.fix)}
    assert offenders == set()


def test_every_finding_has_a_message_and_a_fix() -> None:
    for finding in _all_findings():
        assert finding.message.strip() and finding.fix.strip(), finding.check_id
