"""In practice mode the History page leaves out changes to the answers that record the checks' findings (the
accepted findings, the findings recorded at a sign-off): their diff names the check and what it found."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.model import AcceptedFinding, Practice
from lifecycle.model.base import GateFinding
from lifecycle.samples import load_sample
from lifecycle.store import ProjectStore

from .conftest import APP

ACCEPTED = "ZZ-321"
AT_SIGN_OFF = "ZZ-654"


def _history(project_store: str, active: bool) -> AppTest:
    store = ProjectStore(project_store)
    attempt = load_sample("loan").model_copy(update={"practice": Practice(scenario="loan", active=active)}, deep=True)
    pid = store.create(attempt, by="Lea").id
    changed = attempt.model_copy(deep=True)
    changed.accepted_findings = [AcceptedFinding(check_id=ACCEPTED, subject="applicant_age", reason="Legal said yes",
                                                 accepted_by="Lea", accepted_on=date(2026, 3, 1))]
    changed.data.gate.open_findings_at_sign_off = [GateFinding(check_id=AT_SIGN_OFF, subject="postcode")]
    changed.modeling.model_description = "Gradient-boosted trees, monotone in income."
    store.save(pid, changed, expected_version=1, by="Lea")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["pid"] = pid
    at.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    return at


def _tables(at: AppTest) -> str:
    return " ".join(d.value.to_csv() for d in at.dataframe)


@pytest.mark.parametrize("active", [True, False], ids=["practising", "fixing the plan"])
def test_the_history_hides_the_finding_records_only_while_practising(project_store: str, active: bool) -> None:
    at = _history(project_store, active)
    tables = _tables(at)
    assert "Gradient-boosted trees, monotone in income." in tables  # the learner's own answers are shown
    for check in (ACCEPTED, AT_SIGN_OFF, "Legal said yes"):
        assert (check in tables) is not active, check
    left_out = any("accepted findings" in c.value for c in at.caption)
    assert left_out is active
