"""The sign-off control in a phase page's "Stage gate" section: disabled with the blockers listed,
enabled once they are accepted, and showing who signed, when and with which findings; withdrawable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from lifecycle.storage import load_project, project_document

from .conftest import answer

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


def _name_box(at: AppTest, phase: str):  # type: ignore[no-untyped-def]
    (box,) = [w for w in at.text_input if w.key.startswith("signoff:") and w.key.endswith(f":{phase}:by")]
    return box


def _text(at: AppTest) -> str:
    return " ".join(m.value for m in [*at.markdown, *at.success, *at.warning, *at.caption]).replace("\\", "")


def test_blockers_disable_the_sign_off_and_are_listed(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page("pages/monitoring.py").run()
    assert not at.exception
    assert at.button(key="signoff:monitoring:sign").disabled
    text = _text(at)
    assert "2 blocker findings of this phase are open" in text
    assert "MN-001" in text and "MN-002" in text


def test_the_gate_form_does_not_offer_the_sign_off_fields(at: AppTest) -> None:
    at.switch_page("pages/data.py").run()
    keys = [w.key or "" for kind in ("text_input", "date_input") for w in getattr(at, kind)]
    assert not [k for k in keys if k.startswith("q:") and "signed_off" in k]


def test_signing_records_who_and_when_and_survives_a_page_switch(at: AppTest) -> None:
    at.session_state["project"] = project_document(load_project(PERFECT))
    at.switch_page("pages/deployment.py").run()
    assert not at.button(key="signoff:deployment:sign").disabled
    _name_box(at, "deployment").input("Dana Whitfield").run()
    at.button(key="signoff:deployment:sign").click().run()
    assert not at.exception
    gate = answer(at, "deployment", "gate")
    assert gate["signed_off_by"] == "Dana Whitfield"
    assert gate["signed_off_on"] == dt.date.today().isoformat()
    assert gate["open_findings_at_sign_off"] == []
    at.switch_page("pages/home.py").run()
    at.switch_page("pages/deployment.py").run()
    assert f"Signed off by Dana Whitfield on {dt.date.today().isoformat()}." in _text(at)
    at.button(key="signoff:deployment:withdraw").click().run()
    assert answer(at, "deployment", "gate")["signed_off_by"] == ""
    assert not at.button(key="signoff:deployment:sign").disabled


def test_signing_without_a_name_is_refused(at: AppTest) -> None:
    at.session_state["project"] = project_document(load_project(PERFECT))
    at.switch_page("pages/data.py").run()
    at.button(key="signoff:data:sign").click().run()
    assert answer(at, "data", "gate")["signed_off_by"] == ""
    assert any("write the name" in e.value for e in at.error)


def test_accepted_blockers_allow_the_sign_off_and_are_recorded(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.session_state["project"]["accepted_findings"] = [
        {"check_id": check, "subject": "", "reason": "Drift and quality signals are being built this quarter.",
         "accepted_by": "Omar Haddad", "accepted_on": "2026-03-02"}
        for check in ("MN-001", "MN-002")
    ]
    at.switch_page("pages/monitoring.py").run()
    assert not at.button(key="signoff:monitoring:sign").disabled
    _name_box(at, "monitoring").input("Omar Haddad").run()
    at.button(key="signoff:monitoring:sign").click().run()
    recorded = [
        {k: v for k, v in row.items() if k != "row_id"} for row in answer(at, "monitoring", "gate")["open_findings_at_sign_off"]
    ]
    assert {"check_id": "MN-001", "subject": "", "accepted": True} in recorded
    assert any(row["accepted"] is False for row in recorded)  # warnings and advice still open
    text = _text(at)
    assert "Signed with these findings of the phase still there" in text and "**MN-001** (accepted)" in text
