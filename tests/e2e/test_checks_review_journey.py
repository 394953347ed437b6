"""A reviewer reads what the review read: a finding from the prose quotes its sentence, and every check's outcome
and the answers that need a person are listed."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .harness import wait_for_app
from .ui import go_to


def test_the_checks_page_quotes_the_prose_and_lists_every_outcome(page: Page) -> None:
    page.get_by_role("button", name="Open").nth(2).click()  # the loan scenario
    wait_for_app(page)
    go_to(page, "Checks")
    card = page.locator("[data-testid='stVerticalBlock']").filter(has_text="MN-007").filter(
        has_text="read from the text").last
    expect(card).to_contain_text("Read in the plan: “Underwriters see the referred applications")
    expect(page.get_by_text("Needs a human reviewer")).to_be_visible()
    expect(page.get_by_text("Every check")).to_be_visible()
    passed = page.locator("[data-testid='stExpander']").filter(has_text="Passed (")
    expect(passed).to_have_count(1)
    passed.locator("summary").click()
    expect(passed).to_contain_text("DE-001")
