"""A platform lead links the loan plan to its registered model in Chromium, imports, picks the candidate
version, pairs a target, and finds the measured numbers in the Model Card and the saved project file."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.mlflow_seed import DEFAULT_RATE_KEY, V2_METRICS, register_loan_model
from tests.mlflow_server import Server

from .harness import running_app, wait_for_app
from .ui import download_yaml, go_to, type_answer


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of a select box as a person does: open it, type to narrow the list, press Enter."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.press_sequentially(option, delay=20)
    page.get_by_role("option", name=option, exact=True).wait_for()
    box.press("Enter")
    wait_for_app(page)
    expect(box).to_have_value(option)


@pytest.fixture
def mlflow_page(browser: Browser, mlflow_admin: Server) -> Iterator[Page]:
    # An app of its own: it must start with the MLflow credentials in its environment, as a deployment would.
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(url)
        wait_for_app(page)
        yield page
        context.close()


def test_link_import_and_pair_the_loan_plan(mlflow_page: Page, mlflow_admin: Server) -> None:
    page = mlflow_page
    model = f"clearlend-pd-e2e-{uuid.uuid4().hex[:6]}"
    register_loan_model(mlflow_admin.url, model)
    page.get_by_role("button", name="Open").nth(2).click()  # the loan scenario
    wait_for_app(page)
    go_to(page, "4. Deployment")
    page.get_by_role("heading", name="MLflow model registry").scroll_into_view_if_needed()
    type_answer(page, "Tracking server URL", mlflow_admin.url)
    type_answer(page, "Registered model", model)

    page.get_by_role("button", name="Import from MLflow").click()
    expect(page.get_by_text(f"Imported '{model}' (2 versions); the plan now describes version 1")).to_be_visible(
        timeout=60_000)
    wait_for_app(page)
    expect(page.get_by_text("the plan describes version 1.", exact=False)).to_be_visible()

    # The candidate: version 2 (challenger).
    choose(page, "Version the plan describes", "Version 2 (challenger)")
    wait_for_app(page)
    expect(page.get_by_text("Import again to read the run of version 2")).to_be_visible()
    page.get_by_role("button", name="Import again").click()
    expect(page.get_by_text(f"Imported '{model}' (2 versions); the plan now describes version 2")).to_be_visible(
        timeout=60_000)
    wait_for_app(page)

    # The default-rate target is a sentence in the plan: pair it with the key the run logged.
    choose(page, "12-month default rate of approved loans at a 64% approval rate (offline metric)", DEFAULT_RATE_KEY)
    wait_for_app(page)

    go_to(page, "3. Modeling & Evaluation")
    expect(page.get_by_role("heading", name="Measured in MLflow")).to_be_visible()

    document = download_yaml(page)
    link = document["integrations"]["mlflow"]
    assert (link["tracking_uri"], link["registered_model"], link["version"]) == (mlflow_admin.url, model, "2")
    assert link["snapshot"]["version"] == "2"
    assert {v["version"]: v["aliases"] for v in link["snapshot"]["versions"]} == {"1": ["champion"],
                                                                                 "2": ["challenger"]}
    assert [p["key"] for p in link["metric_keys"]] == [DEFAULT_RATE_KEY]
    results = {(r["metric"], r["slice"]): r["value"] for r in document["model_card"]["quantitative"]["results"]}
    assert results[("AUC", "overall")] == V2_METRICS["auc"]
    assert results[("AUC", "thin-file applicants (fewer than 2 bureau accounts)")] == V2_METRICS["auc/thin-file"]
