"""The project's history in the browser: who saved what, a diff of two versions, restoring an old one."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from lifecycle.store import ProjectStore

from .harness import wait_for_app
from .ui import go_to, sidebar, type_answer


def test_history_shows_the_change_and_restores_an_old_version(page: Page, app_url: str) -> None:
    box = sidebar(page).get_by_role("textbox", name="Your display name")
    box.click()
    page.keyboard.type("Alice", delay=35)
    page.keyboard.press("Enter")
    wait_for_app(page)
    type_answer(page, "Project name", "Fraud plan")
    type_answer(page, "Project owner", "Alice Martin")
    type_answer(page, "Project owner", "Someone else")

    go_to(page, "History")
    expect(page.get_by_text("Answers changed (1, of which 0 rows added and 0 removed)")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Readiness")

    restore = page.get_by_role("button", name="Restore version 2 as a new version")
    restore.click()
    wait_for_app(page)
    expect(page.get_by_text("Version 2 was restored as version 4")).to_be_visible()
    go_to(page, "Overview")
    expect(page.get_by_role("textbox", name="Project owner")).to_have_value("Alice Martin")

    pid = page.url.split("pid=")[1].split("&")[0]
    store = ProjectStore(app_url.store_url)  # type: ignore[attr-defined]
    try:
        assert [(v.version, v.saved_by) for v in store.versions(pid)] == [
            (1, "Alice"), (2, "Alice"), (3, "Alice"), (4, "Alice")
        ]
        assert store.get(pid).project.info.owner == "Alice Martin"
    finally:
        store.dispose()
