"""Stage-gate sign-off: refused while a blocker of the phase is open, allowed once it is accepted,
recorded with who, when and which findings were still there, and withdrawable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lifecycle.checks import Severity, run_checks
from lifecycle.gates import SignOffRefused, can_sign_off, finding_id, open_blockers, sign_off, withdraw_sign_off
from lifecycle.model import AcceptedFinding, Project
from lifecycle.samples import load_sample
from lifecycle.storage import dump_project, load_project, parse_project

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
DAY = dt.date(2026, 3, 2)


def _accept_all(project: Project, phase: str, severity: Severity = Severity.BLOCKER) -> Project:
    accepted = project.model_copy(deep=True)
    for finding in run_checks(project):
        if finding.phase == phase and finding.severity is severity and not finding.accepted:
            accepted.accepted_findings.append(AcceptedFinding(
                check_id=finding.check_id, subject=finding.subject, reason="Known gap; fixed in the next release.",
                accepted_by="Omar Haddad", accepted_on=DAY,
            ))
    return accepted


def test_an_open_blocker_stops_the_sign_off_and_is_named() -> None:
    loan = load_sample("loan")  # monitoring has no drift and no quality signal: MN-001 and MN-002 are blockers
    allowed, reasons = can_sign_off(loan, "monitoring")
    assert not allowed
    assert any("MN-001" in reason for reason in reasons) and any("MN-002" in reason for reason in reasons)
    with pytest.raises(SignOffRefused) as refused:
        sign_off(loan, "monitoring", "Omar Haddad", DAY)
    assert "Monitoring gate cannot be signed off" in str(refused.value)
    assert loan.monitoring.gate.signed_off_by == ""  # the project is left as it was


def test_a_blank_project_cannot_sign_any_gate_because_its_answers_are_missing() -> None:
    for phase in ("problem_framing", "data", "modeling", "deployment", "monitoring"):
        allowed, reasons = can_sign_off(Project(), phase)
        assert not allowed
        assert any("GATE-" in reason for reason in reasons)


def test_accepting_the_blockers_with_a_reason_allows_the_sign_off() -> None:
    loan = _accept_all(load_sample("loan"), "monitoring")
    assert open_blockers(loan, "monitoring") == []
    allowed, reasons = can_sign_off(loan, "monitoring")
    assert allowed and reasons == []
    signed = sign_off(loan, "monitoring", "  Omar Haddad ", DAY)
    gate = signed.monitoring.gate
    assert gate.signed_off_by == "Omar Haddad" and gate.signed_off_on == DAY
    recorded = {(f.check_id, f.subject): f.accepted for f in gate.open_findings_at_sign_off}
    # every finding of the phase still there is recorded: the accepted blockers and the open warnings/advice
    findings = [f for f in run_checks(loan) if f.phase == "monitoring"]
    assert recorded == {(f.check_id, f.subject): f.accepted for f in findings}
    assert recorded[("MN-001", "")] is True
    assert any(accepted is False for accepted in recorded.values())  # warnings stay open and are listed
    assert loan.monitoring.gate.signed_off_by == ""  # sign_off returns a copy


def test_warnings_alone_do_not_block() -> None:
    recs = load_sample("recommendation")  # its Data phase has warnings only
    data = [f for f in run_checks(recs) if f.phase == "data"]
    assert data and all(f.severity is not Severity.BLOCKER for f in data)
    signed = sign_off(recs, "data", "Bea Okonkwo", DAY)
    assert len(signed.data.gate.open_findings_at_sign_off) == len(data)
    assert {finding_id(f) for f in signed.data.gate.open_findings_at_sign_off} == {finding_id(f) for f in data}


def test_a_clean_phase_is_signed_with_no_findings_recorded() -> None:
    perfect = load_project(PERFECT)
    signed = sign_off(perfect, "deployment", "Dana Whitfield", DAY)
    assert signed.deployment.gate.signed_off_by == "Dana Whitfield"
    assert signed.deployment.gate.open_findings_at_sign_off == []
    assert run_checks(signed) == []  # signing adds no finding


def test_a_name_is_required_and_a_signed_gate_is_not_signed_twice() -> None:
    perfect = load_project(PERFECT)
    with pytest.raises(SignOffRefused, match="name"):
        sign_off(perfect, "data", "   ", DAY)
    signed = sign_off(perfect, "data", "Dana Whitfield", DAY)
    allowed, reasons = can_sign_off(signed, "data")
    assert not allowed and "already signed off by Dana Whitfield on 2026-03-02" in reasons[0]
    with pytest.raises(SignOffRefused):
        sign_off(signed, "data", "Someone Else", DAY)


def test_withdrawing_clears_the_sign_off_and_allows_signing_again() -> None:
    signed = sign_off(load_project(PERFECT), "modeling", "Dana Whitfield", DAY)
    withdrawn = withdraw_sign_off(signed, "modeling")
    gate = withdrawn.modeling.gate
    assert gate.signed_off_by == "" and gate.signed_off_on is None and gate.open_findings_at_sign_off == []
    assert gate.decision == signed.modeling.gate.decision  # the gate's own answers stay
    assert can_sign_off(withdrawn, "modeling") == (True, [])


def test_withdrawing_an_acceptance_blocks_a_new_sign_off() -> None:
    loan = _accept_all(load_sample("loan"), "monitoring")
    assert can_sign_off(loan, "monitoring")[0]
    loan.accepted_findings = loan.accepted_findings[1:]
    assert not can_sign_off(loan, "monitoring")[0]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_sign_off_survives_a_save_and_reopen(fmt: str) -> None:
    signed = sign_off(_accept_all(load_sample("loan"), "monitoring"), "monitoring", "Omar Haddad", DAY)
    text = dump_project(signed, fmt)
    assert parse_project(text.encode(), f"x.{fmt}") == signed
    if fmt == "yaml":
        assert "signed_off_by: Omar Haddad" in text and "open_findings_at_sign_off:" in text


def test_an_unknown_phase_is_refused() -> None:
    with pytest.raises(KeyError, match="no phase"):
        can_sign_off(Project(), "launch")
