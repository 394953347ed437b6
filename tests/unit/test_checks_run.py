"""Running the checks: sorting, grouping, accepted findings, empty projects, readiness."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifecycle.checks import (
    BANDS,
    Finding,
    Severity,
    apply_accepted,
    band_for,
    by_phase,
    by_severity,
    counts,
    failing,
    field_value,
    filter_findings,
    open_findings,
    readiness,
    run_checks,
    sort_key,
    unmatched_acceptances,
)
from lifecycle.completeness import project_progress
from lifecycle.model import AcceptedFinding, Project, SignalKind
from lifecycle.phases import PHASES
from lifecycle.storage import load_project

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
_BASE = load_project(PERFECT)


def perfect() -> Project:
    return _BASE.model_copy(deep=True)


def flawed() -> Project:
    """The perfect plan with one blocker, one warning and one advice finding in three phases."""
    project = perfect()
    project.modeling.evaluation_split = "random"  # MO-003 blocker
    project.deployment.rollout_strategy = "all_at_once"  # DE-003 warning
    project.monitoring.signals = [s for s in project.monitoring.signals if s.kind is not SignalKind.LATENCY]  # MN-012
    project.data.features[2].available_at_prediction = False  # DA-002 blocker
    return project


def accept(project: Project, check_id: str, subject: str = "", reason: str = "Known and agreed.") -> None:
    project.accepted_findings = [
        *project.accepted_findings,
        AcceptedFinding(check_id=check_id, subject=subject, reason=reason, accepted_by="Lead"),
    ]


# --- empty and partial projects -------------------------------------------------------------------------------


def test_empty_project_gives_only_gate_findings_one_per_missing_answer() -> None:
    findings = run_checks(Project())
    assert findings and all(f.check_id.startswith("GATE-") for f in findings)
    missing = sum(len(p.missing) for p in project_progress(Project()))
    assert len(findings) == missing
    assert len({(f.check_id, f.field) for f in findings}) == len(findings), "no duplicates"
    assert all(f.severity is Severity.BLOCKER for f in findings)


def test_an_unanswered_field_is_reported_once() -> None:
    project = perfect()
    project.modeling.evaluation_split = None
    project.deployment.rollback_plan = ""
    findings = run_checks(project)
    assert [(f.check_id, f.field) for f in findings] == [
        ("GATE-MO", "modeling.evaluation_split"),
        ("GATE-DE", "deployment.rollback_plan"),
    ]


def test_only_the_started_phase_gets_advice_about_missing_optional_answers() -> None:
    project = Project()
    project.data.labelled_examples = 5000
    advice = {f.check_id for f in run_checks(project) if not f.check_id.startswith("GATE")}
    assert advice and all(check_id.startswith("DA-") for check_id in advice)


# --- sorting, grouping, filtering ------------------------------------------------------------------------------


def test_findings_are_sorted_by_phase_then_severity_then_id() -> None:
    findings = run_checks(flawed())
    assert findings == sorted(findings, key=sort_key)
    assert [f.check_id for f in findings] == ["DA-002", "MO-003", "DE-003", "MN-012"]


def test_grouping_helpers_keep_every_phase_and_severity() -> None:
    findings = run_checks(flawed())
    grouped = by_phase(findings)
    assert list(grouped) == [p.key for p in PHASES]
    assert grouped["problem_framing"] == []
    assert [f.check_id for f in grouped["data"]] == ["DA-002"]
    severities = by_severity(findings)
    assert list(severities) == [Severity.BLOCKER, Severity.WARNING, Severity.ADVICE]
    assert [f.check_id for f in severities[Severity.BLOCKER]] == ["DA-002", "MO-003"]


def test_filters() -> None:
    findings = run_checks(flawed())
    assert [f.check_id for f in filter_findings(findings, min_severity="warning")] == ["DA-002", "MO-003", "DE-003"]
    assert [f.check_id for f in filter_findings(findings, phase="monitoring")] == ["MN-012"]
    assert [f.check_id for f in filter_findings(findings, check_id="MO-003")] == ["MO-003"]
    assert [f.check_id for f in failing(findings)] == ["DA-002", "MO-003"]
    assert len(failing(findings, "advice")) == 4
    assert counts(findings) == {"blocker": 2, "warning": 1, "advice": 1, "accepted": 0, "total": 4}


def test_severity_order() -> None:
    assert Severity.BLOCKER.at_least("warning") and Severity.WARNING.at_least(Severity.WARNING)
    assert not Severity.ADVICE.at_least("warning")
    assert [s.rank for s in Severity] == [0, 1, 2]


# --- accepted findings -------------------------------------------------------------------------------------------


def test_accepted_finding_stays_visible_but_does_not_fail() -> None:
    project = flawed()
    accept(project, "DA-002", "channel", "Channel is set by the router before scoring in the new flow.")
    findings = run_checks(project)
    (da002,) = [f for f in findings if f.check_id == "DA-002"]
    assert da002.accepted and da002.accepted_reason.startswith("Channel is set")
    assert [f.check_id for f in failing(findings)] == ["MO-003"]
    assert da002 not in open_findings(findings)
    assert counts(findings)["accepted"] == 1


def test_acceptance_needs_the_same_subject() -> None:
    project = flawed()
    accept(project, "DA-002", "product_area")  # a different feature
    accept(project, "MO-003", "whatever")  # the split finding is about the whole project
    findings = run_checks(project)
    assert not any(f.accepted for f in findings)
    assert [(e.check_id, e.subject) for e in unmatched_acceptances(project, findings)] == [
        ("DA-002", "product_area"), ("MO-003", "whatever"),
    ]


def test_acceptance_ignores_case_and_spacing() -> None:
    project = flawed()
    accept(project, " mo-003 ", "")
    assert [f.check_id for f in run_checks(project) if f.accepted] == ["MO-003"]


def test_apply_accepted_without_entries_returns_the_findings() -> None:
    findings = run_checks(flawed())
    assert apply_accepted(perfect(), findings) == findings


def test_finding_is_frozen_and_serialises() -> None:
    finding = run_checks(flawed())[0]
    with pytest.raises(FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]
    data = finding.to_dict()
    assert next(iter(data)) == "id"
    assert {"id", "title", "rules", "refs", "phase", "severity", "message", "fix", "field", "subject",
            "accepted", "accepted_reason", "evidence", "basis"} == set(data)
    assert data["basis"] == "answer" and data["evidence"] == ""
    assert data["severity"] == "blocker" and isinstance(data["refs"], list)
    assert finding.path == ("data", "features", 2, "available_at_prediction")
    assert finding.references() == "Leakage L2; Leakage L3.1"
    assert finding.phase_title == "Data"


# --- readiness ---------------------------------------------------------------------------------------------------


def test_perfect_plan_is_ready() -> None:
    result = readiness(perfect())
    assert result.score == 100 and result.band.label == "Ready"
    assert all(p.score == 100 and p.completeness == 1 for p in result.phases)


def test_empty_plan_is_not_ready() -> None:
    result = readiness(Project())
    assert result.score == 0 and result.band is BANDS[-1]
    assert [p.key for p in result.phases] == [p.key for p in PHASES]


def test_overall_is_the_weakest_phase() -> None:
    result = readiness(flawed())
    scores = {p.key: p.score for p in result.phases}
    assert result.score == min(scores.values())
    assert scores["data"] <= 39 and scores["modeling"] <= 39  # open blockers cap the phase
    assert scores["deployment"] == 90 and scores["monitoring"] == 97
    assert scores["problem_framing"] == 100
    assert result.weakest.key == "data"


def test_accepting_raises_the_score() -> None:
    project = flawed()
    before = readiness(project).phases[1].score
    accept(project, "DA-002", "channel")
    after = readiness(project).phases[1]
    assert after.score == 100 > before and after.accepted == 1 and after.blockers == 0


def test_missing_answer_caps_the_phase_below_ready_and_acceptance_counts_it() -> None:
    project = perfect()
    project.monitoring.alert_owner = ""
    phase = readiness(project).phases[-1]
    assert phase.completeness < 1 and phase.score <= 89 and phase.blockers == 1
    accept(project, "GATE-MN", "alert_owner")
    phase = readiness(project).phases[-1]
    assert phase.completeness == 1 and phase.score == 100


def test_bands_cover_0_to_100() -> None:
    assert band_for(100).label == "Ready" and band_for(0) is BANDS[-1]
    assert [band_for(s).label for s in (90, 89, 70, 69, 40, 39)] == [
        "Ready", "Nearly ready", "Nearly ready", "Taking shape", "Taking shape", "Not ready: serious gaps",
    ]


def test_readiness_to_dict_is_plain_data() -> None:
    data = readiness(flawed()).to_dict()
    assert set(data) == {"score", "band", "weakest_phase", "phases"}
    assert data["phases"][0] == {
        "phase": "problem_framing", "title": "Problem Framing", "score": 100, "band": "Ready",
        "completeness": 1.0, "blockers": 0, "warnings": 0, "advice": 0, "accepted": 0, "needs_human_review": 0,
    }


# --- robustness over many plans ------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_generated_plans_give_sorted_linkable_findings(seed: int) -> None:
    from benchmarks.portfolio import vary

    project = vary(perfect(), seed)
    findings = run_checks(project)
    assert findings == sorted(findings, key=sort_key)
    for finding in findings:
        assert isinstance(finding, Finding)
        field_value(project, finding.field)
    result = readiness(project, findings)
    assert 0 <= result.score <= 100
    assert result.score == min(p.score for p in result.phases)
