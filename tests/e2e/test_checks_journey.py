"""A reviewer follows a finding to the answer at fault, fixes it, and sees the finding go."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .harness import wait_for_app
from .ui import go_to


def finding_card(page: Page, check_id: str):  # type: ignore[no-untyped-def]
    link = page.get_by_role("button", name="Go to the answer")
    return page.locator("[data-testid='stVerticalBlock']").filter(has_text=check_id).filter(has=link).last


def test_fixing_the_answer_a_finding_points_to_clears_the_finding(page: Page) -> None:
    page.get_by_role("button", name="Open").nth(2).click()  # the loan scenario
    wait_for_app(page)
    go_to(page, "Checks")
    expect(finding_card(page, "MO-011")).to_contain_text("Sensitive features with no bias testing")
    blockers_before = int(page.locator("[data-testid='stMetric']").nth(1).locator("[data-testid='stMetricValue']").inner_text())

    finding_card(page, "MO-011").get_by_role("button", name="Go to the answer").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/modeling\?.*focus=modeling\.bias_testing"))
    expect(page.get_by_text("Fixing: Bias testing")).to_be_visible()
    box = page.get_by_role("textbox", name="Bias testing").first  # the focused copy sits at the top
    box.fill("Approval rate and TPR by age band and postcode region; ratio ≥ 0.8 reviewed by Model Risk.")
    box.press("Tab")
    wait_for_app(page)

    go_to(page, "Checks")
    # no finding any more: the check is only listed under "Every check", as passed
    expect(page.get_by_text("MO-011")).to_have_count(1)
    expect(page.locator("[data-testid='stExpander']").filter(has_text="Passed (")).to_contain_text("MO-011")
    blockers_after = int(page.locator("[data-testid='stMetric']").nth(1).locator("[data-testid='stMetricValue']").inner_text())
    assert blockers_after == blockers_before - 1
