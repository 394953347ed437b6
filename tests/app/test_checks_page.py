"""The Checks page and the findings shown on phase pages."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from lifecycle.storage import load_project, project_document

from .conftest import APP, answer, widget

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


def open_loan_checks(at: AppTest) -> AppTest:
    at.button(key="open-sample-loan").click().run()
    return at.switch_page("pages/checks.py").run()


def shown_ids(at: AppTest) -> list[str]:
    return [m.value.split("**")[1] for m in at.markdown if "-badge[" in m.value and "**" in m.value]


def test_loan_blockers_are_listed_with_their_rules(at: AppTest) -> None:
    open_loan_checks(at)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Blocking findings"]) >= 3  # MN-001, MN-002, MO-011, MO-003
    # the loan's phase answers are complete, just wrong; what is missing is its EU AI Act documentation
    # (Annex IV 2(g), 7 and 8 of a high-risk system)
    assert int(metrics["Gate answers missing"]) == 3
    ids = shown_ids(at)
    assert {"MN-001", "MN-002", "MO-011"} <= set(ids)
    text = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Rules of ML #10" in text  # MN-001 names the rule it enforces


def test_filters_narrow_the_list(at: AppTest) -> None:
    open_loan_checks(at)
    everything = shown_ids(at)
    at.selectbox(key="checks-level").select("Blockers only").run()
    blockers = shown_ids(at)
    assert 0 < len(blockers) < len(everything)
    at.selectbox(key="checks-level").select("Everything").run()
    at.text_input(key="checks-search").input("postcode").run()
    assert 0 < len(shown_ids(at)) < len(everything)
    at.text_input(key="checks-search").input("").run()
    at.multiselect(key="checks-phases").set_value(["monitoring"]).run()
    assert shown_ids(at) and all(i.startswith(("MN-", "GATE-MN")) for i in shown_ids(at))


def test_accepting_needs_a_reason_and_is_saved_in_the_project(at: AppTest) -> None:
    open_loan_checks(at)
    key = next(b.key for b in at.button if b.key and b.key.startswith("finding:PF-005") and b.key.endswith(":accept"))
    prefix = key.removesuffix(":accept")
    at.button(key=key).click().run()
    assert "Write the reason" in " ".join(e.value for e in at.error)
    assert answer(at, "accepted_findings") == []
    at.text_area(key=f"{prefix}:reason").input("No bucketing in the branch channel; a holdout region is used.").run()
    at.text_input(key=f"{prefix}:by").input("Omar Haddad").run()
    at.button(key=key).click().run()
    [entry] = answer(at, "accepted_findings")
    assert entry["check_id"] == "PF-005" and entry["accepted_by"] == "Omar Haddad"
    assert "holdout region" in entry["reason"]
    assert int({m.label: m.value for m in at.metric}["Accepted"]) == 1
    assert any("Accepted: No bucketing" in c.value.replace("\\", "") for c in at.caption)
    at.button(key=f"{prefix}:withdraw").click().run()
    assert answer(at, "accepted_findings") == []


def test_readiness_chart_has_a_bar_per_phase_and_axis_titles(at: AppTest) -> None:
    open_loan_checks(at)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(figure["data"][0]["x"]) == 5
    assert figure["layout"]["xaxis"]["title"]["text"] == "Lifecycle phase"
    assert figure["layout"]["yaxis"]["title"]["text"].startswith("Readiness score")
    assert "overall" in figure["layout"]["title"]["text"]
    assert "bounded by the weakest phase" in figure["layout"]["title"]["subtitle"]["text"]


def test_a_perfect_plan_has_no_findings() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    document = project_document(load_project(PERFECT))
    for key, value in {"project": document, "project_clean": 0, "project_source": "perfect.yaml",
                       "project_epoch": 1, "field_errors": {}}.items():
        at.session_state[key] = value
    at.run()
    at.switch_page("pages/checks.py").run()
    assert not at.exception
    assert "the plan passes every check" in " ".join(s.value for s in at.success)


def test_phase_page_lists_its_own_open_findings(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page("pages/monitoring.py").run()
    [expander] = [e for e in at.get("expander") if "Open findings in this phase" in e.proto.label]
    assert "2 blocking" in expander.proto.label
    ids = shown_ids(at)
    assert ids and all(i.startswith("MN-") or i.startswith("GATE-MN") for i in ids)


def test_following_a_finding_focuses_its_answer_on_the_phase_page(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.query_params["focus"] = "monitoring.retraining_trigger"
    at.switch_page("pages/monitoring.py").run()
    assert any("Fixing: Retraining trigger" in m.value for m in at.markdown)
    focused = [w for w in at.selectbox if w.key.startswith("focus:")]
    assert len(focused) == 1
    focused[0].select("drift").run()
    assert answer(at, "monitoring", "retraining_trigger") == "drift"
    assert widget(at, "selectbox", "monitoring.retraining_trigger").value == "drift"  # the form below agrees
