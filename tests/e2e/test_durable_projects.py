"""Projects survive a browser refresh."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .harness import wait_for_app
from .ui import go_to, type_answer


def test_refresh_restores_the_project_where_the_user_was(page: Page) -> None:
    type_answer(page, "Project name", "Half-done fraud plan")
    go_to(page, "1. Problem Framing")
    type_answer(page, "Problem statement", "Card fraud costs €2.1M a year; analysts review 4% of payments.")
    expect(page).to_have_url(re.compile(r"/problem_framing\?pid=[0-9a-f]{32}$"))

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="1. Problem Framing")).to_be_visible()
    expect(page.get_by_role("textbox", name="Problem statement")).to_have_value(
        "Card fraud costs €2.1M a year; analysts review 4% of payments."
    )
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text("Half-done fraud plan")
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text("saved automatically")


# Two people on one project (merged edits, a per-answer conflict, live updates): test_side_by_side.py.
