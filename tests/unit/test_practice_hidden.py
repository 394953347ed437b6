"""Practice mode outside the app's pages: the lifecycle map PDF and the portfolio summary leave the checks'
findings out of a learner's attempt, and say so, rather than give the exercise away."""

from __future__ import annotations

from datetime import datetime

from lifecycle.checks import run_checks
from lifecycle.export import map_pdf
from lifecycle.model import Practice, Project
from lifecycle.model.base import GateFinding
from lifecycle.samples import load_sample
from lifecycle.store.store import ListedProject
from lifecycle.store.summary import summarise
from lifecycle.store.table import HIDDEN, portfolio_csv, portfolio_rows

from .test_pdf_support import all_text, squeeze

NOTE = squeeze("Findings and readiness are hidden in practice mode")


def _practising(project: Project) -> Project:
    return project.model_copy(update={"practice": Practice(scenario="loan", active=True)})


def _listed(project: Project) -> ListedProject:
    return ListedProject("p1", 1, False, datetime(2026, 3, 1), summarise(project))


def test_the_map_of_a_practice_attempt_lists_no_finding_and_says_they_are_hidden() -> None:
    loan = load_sample("loan")
    findings = run_checks(loan)
    assert findings  # the planted gaps are found by the checks, so there is something to hide
    shown = all_text(map_pdf(loan))
    hidden = all_text(map_pdf(_practising(loan), findings))  # even findings handed in are left out
    assert NOTE not in shown and squeeze(findings[0].message) in shown
    assert NOTE in hidden
    leaked = [f.check_id for f in findings if squeeze(f.check_id) in hidden or squeeze(f.message) in hidden]
    assert leaked == []
    assert squeeze("open findings (") not in hidden and squeeze("blockers,") not in hidden
    assert squeeze("the findings, hidden in practice mode") in hidden  # the cover's contents line agrees


def test_the_map_of_a_practice_attempt_leaves_out_the_findings_recorded_at_a_sign_off() -> None:
    loan = load_sample("loan")
    loan.modeling.gate.signed_off_by = "Omar Haddad"
    loan.modeling.gate.open_findings_at_sign_off = [GateFinding(check_id="ZZ-987", subject="applicant_age")]
    assert "ZZ-987" in all_text(map_pdf(loan))
    hidden = all_text(map_pdf(_practising(loan)))
    assert "ZZ-987" not in hidden and squeeze("Omar Haddad") in hidden  # the sign-off stays, its findings go


def test_the_portfolio_shows_a_dash_not_a_count_for_a_practice_attempt() -> None:
    loan = load_sample("loan")
    plan, attempt = summarise(loan), summarise(_practising(loan))
    assert plan.open_blockers and plan.open_blockers > 0 and plan.open_warnings is not None
    assert attempt.open_blockers is None and attempt.open_warnings is None  # not stored, so no export can show it
    assert attempt.practice == "Practice: loan, not submitted"
    rows = portfolio_rows([_listed(loan), _listed(_practising(loan))])
    assert [r["Open blockers"] for r in rows] == [plan.open_blockers, HIDDEN]
    csv = portfolio_csv([_listed(_practising(loan))]).decode("utf-8-sig").splitlines()
    header, row = csv[0].split('","'), csv[1].split('","')
    assert row[header.index("Open blockers")] == HIDDEN


def test_a_practice_attempt_turned_off_counts_its_findings_again() -> None:
    loan = load_sample("loan")
    off = loan.model_copy(update={"practice": Practice(scenario="loan", active=False)})
    assert summarise(off).open_blockers == summarise(loan).open_blockers
    assert NOTE not in all_text(map_pdf(off))
