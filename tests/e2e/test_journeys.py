"""The main journeys, in real headless Chromium against the running app."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from lifecycle.samples import load_sample

from .harness import running_app, wait_for_app
from .ui import download_yaml, editor, go_to, pick_row, type_answer


def test_learner_opens_a_sample_edits_two_pages_and_downloads_the_yaml(page: Page) -> None:
    loan = load_sample("loan")
    page.get_by_role("button", name="Open").nth(2).click()  # the third scenario card: loan
    wait_for_app(page)
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text(loan.info.name)

    go_to(page, "1. Problem Framing")
    box = page.get_by_role("textbox", name="Problem statement")
    expect(box).to_have_value(loan.problem_framing.problem_statement)
    type_answer(page, "Problem statement", "Reframed after the February review: approvals must be explainable.")

    go_to(page, "2. Data")
    pick_row(page, "Features", f"Row 1: {loan.data.features[0].name}")
    owner = editor(page, "data.features").get_by_label("Owner (required)", exact=True)
    expect(owner).to_have_value(loan.data.features[0].owner)
    owner.fill("Data Platform — Łukasz")
    owner.press("Tab")
    wait_for_app(page)

    go_to(page, "1. Problem Framing")  # walk back: the answer is still there
    expect(page.get_by_role("textbox", name="Problem statement")).to_have_value(
        "Reframed after the February review: approvals must be explainable."
    )

    saved = download_yaml(page)
    assert saved["problem_framing"]["problem_statement"] == (
        "Reframed after the February review: approvals must be explainable."
    )
    assert saved["data"]["features"][0]["owner"] == "Data Platform — Łukasz"
    assert saved["data"]["features"][0]["name"] == loan.data.features[0].name
    assert len(saved["data"]["features"]) == len(loan.data.features)
    assert saved["monitoring"] == loan.model_dump(mode="json")["monitoring"]  # untouched pages unchanged


def test_a_bad_file_is_explained_in_the_page_and_the_project_kept(page: Page, tmp_path: Path) -> None:
    type_answer(page, "Project name", "Keep me")
    bad = tmp_path / "broken.yaml"
    bad.write_text("info:\n  name: 'unterminated\n", encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(bad))
    wait_for_app(page)
    alert = page.locator("[data-testid='stAlertContentError']")
    expect(alert).to_contain_text("Could not open broken.yaml")
    expect(alert).to_contain_text("invalid YAML")
    expect(page.get_by_role("textbox", name="Project name")).to_have_value("Keep me")
    assert download_yaml(page)["info"]["name"] == "Keep me"


def test_two_sessions_never_see_each_others_answers(browser: Browser, app_url: str) -> None:
    first, second = browser.new_context(), browser.new_context()
    try:
        one, two = first.new_page(), second.new_page()
        for p in (one, two):
            p.goto(app_url)
            wait_for_app(p)
        type_answer(one, "Project name", "Alice's secret project")
        two.reload()
        wait_for_app(two)
        expect(two.get_by_role("textbox", name="Project name")).to_have_value("")
        expect(two.locator("[data-testid='stSidebar']")).not_to_contain_text("Alice")
    finally:
        first.close()
        second.close()


def test_a_page_link_opened_first_on_a_fresh_server_shows_the_whole_app(browser: Browser) -> None:
    # Regression: with a pages/ folder, Streamlit ran the page script alone on the first request.
    with running_app() as url:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{url}/monitoring")
            wait_for_app(page)
            expect(page.get_by_role("heading", name="5. Monitoring")).to_be_visible()
            expect(page.locator("[data-testid='stSidebar']")).to_contain_text("Open project")
            expect(page.locator("[data-testid='stException']")).to_have_count(0)
        finally:
            context.close()
