"""A learner does the loan scenario as an exercise: brief, three flags (two right, one wrong), submit, read the
feedback, turn to fixing the plan, fix one gap and see its check pass."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .harness import wait_for_app
from .ui import go_to, sidebar, type_text


def flag(page: Page, answer: str, reason: str, area: str = "modeling") -> None:
    panel = page.locator(f".st-key-practice-flags-{area}")
    panel.get_by_role("combobox", name="Answer or row").click()
    type_text(page, answer)  # the picker filters its options as one types
    page.keyboard.press("Enter")
    wait_for_app(page)
    box = panel.get_by_role("textbox", name="Why it is wrong")
    box.click()
    type_text(page, reason)
    box.press("Tab")
    wait_for_app(page)
    panel.get_by_role("button", name="Flag it").click()
    wait_for_app(page)
    expect(panel).to_contain_text(reason)


def metric(page: Page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text()


def test_a_learner_practises_the_loan_scenario_and_fixes_a_gap(page: Page) -> None:
    page.get_by_role("button", name="Practise").nth(2).click()  # the loan scenario, for practice
    wait_for_app(page)
    expect(page.get_by_text("Your brief: Post-mortem: the loan model that passed every gate")).to_be_visible()
    expect(page.get_by_text("Intermediate · about 45 minutes").first).to_be_visible()
    expect(sidebar(page).get_by_text("blocking findings")).to_have_count(0)

    go_to(page, "3. Modeling & Evaluation")
    expect(page.get_by_text("Open findings in this phase")).to_have_count(0)
    flag(page, "Evaluation split", "Loans from 2019 to 2023 split at random, not by time")
    flag(page, "Traffic held out from the filter", "Only approved loans get outcomes and nothing is held out")
    flag(page, "Calibration checked", "I doubt the calibration")  # the team got this one right
    expect(sidebar(page).get_by_role("button", name="Practice mode · 3 flags")).to_be_visible()

    go_to(page, "Practice")
    page.get_by_role("button", name="Submit my flags").click()
    wait_for_app(page)
    assert metric(page, "Score") == "14/100"
    assert metric(page, "Found") == "2 of 11"
    assert metric(page, "False flags") == "1"
    expect(page.get_by_text("What you missed (9)")).to_be_visible()
    missed = page.locator(".st-key-gap-LN01")
    expect(missed).to_contain_text("missed")
    expect(missed).to_contain_text("Why it matters")
    expect(page.locator(".st-key-gap-LN06")).to_contain_text("found")
    expect(page.get_by_text("Flags that point at no planted gap (1)")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="I doubt the calibration")).to_contain_text("no gap here")

    page.get_by_role("button", name="Fix the plan: show the checks").click()
    wait_for_app(page)
    page.get_by_role("heading", name="Checks").first.wait_for()
    card = page.locator("[data-testid='stVerticalBlock']").filter(has_text="MO-018").filter(
        has=page.get_by_role("button", name="Go to the answer")).last
    expect(card).to_contain_text("Filter with no held-out traffic")
    card.get_by_role("button", name="Go to the answer").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/modeling\?.*focus=modeling\.filter_holdout_percent"))
    box = page.get_by_role("spinbutton", name="Traffic held out from the filter (%)").first
    box.click()
    box.press("Control+a")
    type_text(page, "3")
    box.press("Tab")
    wait_for_app(page)

    go_to(page, "Checks")
    expect(page.get_by_text("MO-018")).to_have_count(1)  # only under "Every check", as passed
    expect(page.locator("[data-testid='stExpander']").filter(has_text="Passed (")).to_contain_text("MO-018")


def test_a_learner_flags_rows_of_the_plan_and_finds_their_gaps(page: Page) -> None:
    page.get_by_role("button", name="Practise").nth(2).click()  # the loan scenario, for practice
    wait_for_app(page)
    go_to(page, "Plan and timeline")
    flag(page, "Six-month performance review", "The first look at performance comes six months in", "timeline")
    flag(page, "row 5: Monitoring", "The Monitoring gate is signed before anything about fairness was watched",
         "timeline")
    expect(sidebar(page).get_by_role("button", name="Practice mode · 2 flags")).to_be_visible()

    go_to(page, "Practice")
    page.get_by_role("button", name="Submit my flags").click()
    wait_for_app(page)
    assert metric(page, "Found") == "2 of 11"
    assert metric(page, "False flags") == "0"
    expect(page.locator(".st-key-gap-LN01")).to_contain_text("found")
    expect(page.locator(".st-key-gap-LN11")).to_contain_text("found")
