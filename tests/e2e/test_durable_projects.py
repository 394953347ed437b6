"""Projects survive a browser refresh, and two people in one workshop cannot overwrite each other."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

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


def test_two_people_on_one_project_get_a_conflict_not_a_silent_overwrite(browser: Browser, app_url: str) -> None:
    alice_ctx, bob_ctx = browser.new_context(), browser.new_context()
    try:
        alice, bob = alice_ctx.new_page(), bob_ctx.new_page()
        alice.goto(app_url)
        wait_for_app(alice)
        type_answer(alice, "Project name", "Workshop plan")
        link = alice.url
        bob.goto(link)
        wait_for_app(bob)
        expect(bob.get_by_role("textbox", name="Project name")).to_have_value("Workshop plan")

        type_answer(alice, "Project owner", "Alice")
        type_answer(bob, "Project owner", "Bob")
        expect(bob.get_by_text("Someone else changed 1 of the answers you changed")).to_be_visible()
        expect(bob.get_by_role("textbox", name="Project owner")).to_have_value("Bob")  # input kept

        alice.reload()
        wait_for_app(alice)
        expect(alice.get_by_role("textbox", name="Project owner")).to_have_value("Alice")  # not overwritten

        bob.get_by_role("button", name="Keep mine").click()
        wait_for_app(bob)
        expect(bob.get_by_text("Someone else changed")).to_have_count(0)
        alice.reload()
        wait_for_app(alice)
        expect(alice.get_by_role("textbox", name="Project owner")).to_have_value("Bob")
    finally:
        alice_ctx.close()
        bob_ctx.close()
