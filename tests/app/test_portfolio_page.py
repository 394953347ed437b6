"""The Portfolio page: all stored projects, filters, heatmap, and create/open/duplicate/archive/delete."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample
from lifecycle.store import ProjectStore

from .conftest import APP, answer


@pytest.fixture
def stored(project_store: str) -> dict[str, str]:
    store = ProjectStore(project_store)
    ids = {key: store.create(load_sample(key)).id for key in ("churn", "recommendation", "loan")}
    store.dispose()
    return ids


def portfolio() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/portfolio.py").run()
    assert not at.exception
    return at


def test_every_stored_project_is_listed_with_its_figures(stored: dict[str, str]) -> None:
    at = portfolio()
    table = at.dataframe[0].value
    assert sorted(table["Project"]) == sorted(load_sample(k).info.name for k in stored)
    loan = table[table["Project"] == load_sample("loan").info.name].iloc[0]
    assert loan["Open blockers"] > 0 and loan["Gates passed"] == "5/5"
    assert loan["MLOps maturity"] == "Google 0 · Microsoft 1"  # the levels its answers imply
    recommender = table[table["Project"] == load_sample("recommendation").info.name].iloc[0]
    assert recommender["MLOps maturity"] == "Google 1 · Microsoft 2"
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    heatmap = figure["data"][0]
    assert heatmap["type"] == "heatmap" and len(heatmap["y"]) == 3 and len(heatmap["x"]) == 5
    assert figure["layout"]["xaxis"]["title"]["text"] == "Lifecycle phase"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Project"


def test_filters_by_business_unit_and_owner(stored: dict[str, str]) -> None:
    at = portfolio()
    loan = load_sample("loan").info
    at.selectbox(key="portfolio-unit").select(loan.business_unit).run()
    assert list(at.dataframe[0].value["Project"]) == [loan.name]
    at.selectbox(key="portfolio-unit").select("All").run()
    churn = load_sample("churn").info
    at.selectbox(key="portfolio-owner").select(churn.owner).run()
    assert list(at.dataframe[0].value["Project"]) == [churn.name]


def test_open_a_project_from_the_portfolio(stored: dict[str, str]) -> None:
    at = portfolio()
    at.selectbox(key="portfolio-target").select(stored["recommendation"]).run()
    at.button(key="portfolio-open").click().run()
    assert not at.exception
    assert answer(at, "info", "name") == load_sample("recommendation").info.name
    assert at.session_state["project_id"] == stored["recommendation"]


def test_create_from_a_sample_and_blank(project_store: str) -> None:
    at = portfolio()
    assert any("No project matches" in i.value for i in at.info)
    at.selectbox(key="portfolio-sample").select("loan").run()
    at.button(key="portfolio-from-sample").click().run()
    assert answer(at, "info", "name") == load_sample("loan").info.name + " (copy)"
    at.switch_page("pages/portfolio.py").run()
    at.button(key="portfolio-new").click().run()
    names = [p.summary.name for p in ProjectStore(project_store).list()]
    assert sorted(names) == sorted([load_sample("loan").info.name + " (copy)", "Untitled project"])


def test_duplicate_archive_and_delete_with_confirmation(stored: dict[str, str], project_store: str) -> None:
    at = portfolio()
    at.selectbox(key="portfolio-target").select(stored["churn"]).run()
    at.button(key="portfolio-duplicate").click().run()
    store = ProjectStore(project_store)
    assert len(store.list()) == 4
    at.selectbox(key="portfolio-target").select(stored["churn"]).run()
    at.button(key="portfolio-archive").click().run()
    assert len(at.dataframe[0].value) == 3
    at.toggle(key="portfolio-archived").set_value(True).run()
    assert len(at.dataframe[0].value) == 4

    at.selectbox(key="portfolio-target").select(stored["loan"]).run()
    at.button(key="portfolio-delete").click().run()
    assert "cannot be undone" in " ".join(w.value for w in at.warning)
    at.button(key="portfolio-delete-no").click().run()
    assert len(store.list(include_archived=True)) == 4
    at.button(key="portfolio-delete").click().run()
    at.button(key="portfolio-delete-yes").click().run()
    assert stored["loan"] not in {p.id for p in store.list(include_archived=True)}


def test_a_new_store_starts_with_the_three_scenarios_once(project_store: str, monkeypatch) -> None:
    monkeypatch.setenv("LIFECYCLE_SEED_SAMPLES", "1")
    at = portfolio()
    names = sorted(at.dataframe[0].value["Project"])
    assert names == sorted(load_sample(k).info.name for k in ("churn", "recommendation", "loan"))
    at.selectbox(key="portfolio-target").select(at.session_state["portfolio-target"]).run()
    at.button(key="portfolio-delete").click().run()
    at.button(key="portfolio-delete-yes").click().run()
    assert len(portfolio().dataframe[0].value) == 2  # a deleted scenario is not brought back
