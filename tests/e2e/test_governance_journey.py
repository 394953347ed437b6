"""A platform lead screens a new use case, opens its Annex IV coverage, follows a missing point to its question,
answers it, and sees the coverage rise."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from .harness import wait_for_app
from .ui import go_to


def question(page: Page, label: str) -> Locator:
    """The element container of the widget whose label starts with ``label``."""
    return page.locator("[data-testid='stElementContainer']").filter(
        has=page.locator("label").filter(has_text=label)).first


def choose(page: Page, label: str, typed: str, option: str) -> None:
    """Open a multiselect, type as a person does, and pick the option."""
    box = question(page, label)
    box.scroll_into_view_if_needed()
    box.locator("input").click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option).click()
    wait_for_app(page)
    page.keyboard.press("Escape")
    expect(question(page, label)).to_contain_text(option)


def press(page: Page, label: str, button: str) -> None:
    box = question(page, label)
    box.scroll_into_view_if_needed()
    box.get_by_role("radio", name=button, exact=True).click()  # a segmented control's buttons are radios
    wait_for_app(page)


def metric(page: Page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label)
    return card.locator("[data-testid='stMetricValue']").inner_text()


def point(page: Page, point_id: str) -> Locator:
    return page.locator("[data-testid='stExpander']").filter(
        has=page.locator("summary").filter(has_text=re.compile(re.escape(point_id) + " [A-Z][a-z]"))).first


def test_screen_then_follow_a_missing_annex_iv_point_to_its_question(page: Page) -> None:
    go_to(page, "1. Problem Framing")
    choose(page, "Does the system do any of these prohibited practices?", "none", "None of these")
    press(page, "Is it a product, or a safety component", "No")
    choose(page, "Is its intended purpose one of the Annex III uses?", "credit", "5(b) Creditworthiness or credit "
           "score of natural persons (not fraud detection)")
    press(page, "Does it profile natural persons?", "Yes")
    choose(page, "Does any of these transparency cases apply?", "none", "None of these")
    tier = page.locator(".st-key-risk-tier-box")
    expect(tier).to_contain_text("High-risk")
    expect(tier).to_contain_text("Annex III, point 5(b)")

    go_to(page, "EU AI Act: Annex IV")
    assert metric(page, "Points documented") == "0 of 23"
    before = int(metric(page, "Answers given").split(" of ")[0])
    first = point(page, "1(a)")
    expect(first.locator("summary")).to_contain_text("not documented")
    first.get_by_role("button", name="Answer “Problem statement”").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/problem_framing\?.*focus=problem_framing\.problem_statement"))
    expect(page.get_by_text("Fixing: Problem statement")).to_be_visible()
    box = page.get_by_role("textbox", name="Problem statement").first  # the focused copy at the top
    box.fill("Loan applicants wait two days for a referral decision; a third give up before hearing back.")
    box.press("Tab")
    wait_for_app(page)

    go_to(page, "EU AI Act: Annex IV")
    assert int(metric(page, "Answers given").split(" of ")[0]) == before + 1
    expect(point(page, "1(a)").locator("summary")).to_contain_text("partly documented: 1 of 5 answers")

    # a point only Annex IV asks about: answered in place, and the point is documented
    point(page, "7").get_by_role("button", name="Answer “Harmonised standards applied”").click()
    wait_for_app(page)
    expect(page.get_by_text("Fixing: Harmonised standards applied")).to_be_visible()
    box = page.get_by_role("textbox", name="Harmonised standards applied").first
    box.fill("None published yet for credit scoring; ISO/IEC 42001 management system applied.")
    box.press("Tab")
    wait_for_app(page)
    expect(page.locator("[data-testid='stMetric']").filter(has_text="Points documented")).to_contain_text("1 of 23")
    expect(point(page, "7").locator("summary")).to_contain_text("documented")
