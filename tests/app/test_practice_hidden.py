"""Practice mode hides the checks' results beyond the phase pages and the Checks page too: in the lifecycle map
downloaded from the Canvas page, on the History page, in the portfolio (counts and completeness), on the Policy packs
page and on the Annex IV page."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from lifecycle.checks import run_checks
from lifecycle.model import Practice, Project
from lifecycle.policies import ENV_VAR
from lifecycle.samples import SAMPLES_DIR, load_sample
from lifecycle.store import ProjectStore
from lifecycle.store.summary import summarise
from lifecycle.store.table import HIDDEN

from .conftest import APP

NOTE = "Findings and readiness are hidden in practice mode"
PACK = SAMPLES_DIR / "policies" / "harbourline.yaml"


def _texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.info]
    return " ".join(p.value for p in parts).replace("\\", "")


def _practising(project: Project) -> Project:
    return project.model_copy(update={"practice": Practice(scenario="loan", active=True)}, deep=True)


def _open(pid: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["pid"] = pid
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_the_map_downloaded_from_the_canvas_in_practice_mode_hides_the_findings(monkeypatch) -> None:
    import ui.canvas_view

    builders: dict = {}
    guarded = ui.canvas_view.guarded_download
    monkeypatch.setattr(ui.canvas_view, "guarded_download",
                        lambda what, build: builders.setdefault(what, guarded(what, build)))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.button(key="practise-sample-loan").click().run()
    at.switch_page("pages/canvas.py").run()
    assert not at.exception
    assert "no findings: they are hidden in practice mode" in _texts(at)
    pdf = PdfReader(BytesIO(builders["the lifecycle map PDF"]()))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert NOTE in text
    assert [f.check_id for f in run_checks(load_sample("loan")) if f.check_id in text] == []


def test_the_history_in_practice_mode_shows_the_answers_only(project_store: str) -> None:
    store = ProjectStore(project_store)
    attempt = _practising(load_sample("loan"))
    pid = store.create(attempt, by="Lea").id
    changed = attempt.model_copy(deep=True)
    changed.modeling.model_description = "Gradient-boosted trees, monotone in income."
    store.save(pid, changed, expected_version=1, by="Lea")

    at = _open(pid, "pages/history.py")
    assert not at.metric  # no readiness, no findings opened or closed
    assert NOTE in _texts(at)
    assert "Readiness by phase" not in _texts(at) and "Findings opened" not in _texts(at)
    tables = [list(d.value.columns) for d in at.dataframe]
    assert ["What", "Change", "Before", "After"] in tables
    assert not any("Check" in columns or "Readiness after" in columns for columns in tables)
    diff = next(d.value for d in at.dataframe if "Change" in d.value.columns)
    assert "Gradient-boosted trees, monotone in income." in list(diff["After"])


def test_the_portfolio_shows_a_dash_for_a_practice_attempts_blockers(project_store: str) -> None:
    store = ProjectStore(project_store)
    loan = load_sample("loan")
    store.create(loan)
    attempt = _practising(loan)
    attempt.info.name = "Lea's attempt"
    pid = store.create(attempt).id

    at = _open(pid, "pages/portfolio.py")
    table = at.dataframe[0].value.set_index("Project")
    assert table.loc["Lea's attempt", "Open blockers"] == HIDDEN
    assert table.loc["Lea's attempt", "Practice"] == "Practice: loan, not submitted"
    assert table.loc[loan.info.name, "Open blockers"] == str(summarise(loan).open_blockers)  # a real plan: its count
    # '95 %' for Modeling would point at the one gate answer still missing (the planted bias-testing gap)
    assert table.loc["Lea's attempt", ["Modeling & Evaluation", "Deployment"]].isna().all()
    assert table.loc[loan.info.name, "Modeling & Evaluation"] == 95
    heatmap = at.get("plotly_chart")[0].proto.spec
    assert '"hidden"' in heatmap


def test_the_annex_iv_page_in_practice_mode_lists_no_missing_answer(project_store: str) -> None:
    store = ProjectStore(project_store)
    pid = store.create(_practising(load_sample("loan"))).id
    at = _open(pid, "pages/annex_iv.py")
    shown = _texts(at)
    assert "Practice mode is on: the Annex IV coverage" in shown
    assert "not answered yet" not in shown and not at.metric
    assert not [b for b in at.get("download_button")]
    at.session_state["project"]["practice"]["active"] = False  # fixing the plan: the coverage is back
    at.run()
    assert "not answered yet" in _texts(at) and at.metric


def test_the_policy_packs_page_in_practice_mode_lists_the_rules_without_their_findings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(PACK))
    at = AppTest.from_file(str(Path(APP)), default_timeout=60)
    at.run()
    at.button(key="practise-sample-loan").click().run()
    at.switch_page("pages/policies.py").run()
    assert not at.exception
    assert "Practice mode is on" in _texts(at)
    assert "findings for" not in _texts(at)
    (table,) = at.dataframe
    assert list(table.value.columns) == ["Rule", "Title", "Phase", "Severity"]
    assert "POL-MRM-001" in list(table.value["Rule"])
    assert "See the findings on the Checks page" not in [b.label for b in at.button]
