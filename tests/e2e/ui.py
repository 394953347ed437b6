"""Small helpers that act on the app the way a person does: click into a field, type, Tab to the next."""

from __future__ import annotations

import re
from typing import Any

import yaml
from playwright.sync_api import Locator, Page, expect

from lifecycle.store import ProjectStore

from .harness import wait_for_app

TYPING_DELAY_MS = 35  # a quick typist; fast enough to type while the previous answer is being saved
FOCUSED = (
    "() => { const e = document.activeElement; "
    "return [e.tagName, e.getAttribute('aria-label') || '', e.getAttribute('role') || ''] }"
)
DATE_FIRST_PART = "year, "  # a date input is three parts (year, month, day), each reached with Tab


def sidebar(page: Page) -> Locator:
    return page.locator("[data-testid='stSidebar']")


def go_to(page: Page, title: str) -> None:
    """Open a page from the sidebar menu (unless it is the open one) and wait for its title."""
    entry = sidebar(page).get_by_role("button", name=title, exact=True)
    if entry.is_enabled():
        entry.click()
        wait_for_app(page)
    heading = "Lifecycle Workbook" if title == "Overview" else title
    page.get_by_role("heading", name=heading).first.wait_for()


def sign_in(page: Page, name: str) -> None:
    """Give the session a display name in the sidebar, as a person types it."""
    box = sidebar(page).get_by_role("textbox", name="Your display name")
    box.click()
    page.keyboard.type(name, delay=35)
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(sidebar(page)).to_contain_text(f"You: {name}")


def type_answer(page: Page, label: str, text: str) -> None:
    box = page.get_by_role("textbox", name=label).first
    box.fill(text)
    box.press("Tab" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
    wait_for_app(page)


def type_text(page: Page, text: str) -> None:
    page.keyboard.type(text, delay=TYPING_DELAY_MS)


def _field_label(page: Page) -> str | None:
    tag, label, role = page.evaluate(FOCUSED)
    if tag in ("INPUT", "TEXTAREA"):
        return label
    if role == "spinbutton" and label.startswith(DATE_FIRST_PART):
        return label.removeprefix(DATE_FIRST_PART)
    return None


def tab_to_next_field(page: Page) -> str:
    """Press Tab until another input has the focus (help icons are on the way); returns its label.

    On a busy machine the rerun that saves the field just left can give it the focus back for a
    moment; a person then presses Tab again, and so does this."""
    leaving = _field_label(page)
    for _ in range(10):
        page.keyboard.press("Tab")
        label = _field_label(page)
        if label is not None and label != leaving:
            return label
    raise AssertionError("Tab did not reach another input")


def editor(page: Page, table_path: str) -> Locator:
    """The row editor of a table question, e.g. editor(page, "data.sources")."""
    return page.locator(f".st-key-q-table-{table_path.replace('.', '-')}")


def table_shown(page: Page, table_title: str) -> Locator:
    """The table as displayed, under its bold title."""
    heading = page.locator("[data-testid='stMarkdown'] strong").filter(has_text=re.compile(f"^{re.escape(table_title)}$"))
    return heading.first.locator("xpath=following::*[@data-testid='stDataFrame'][1]")


def pick_row(page: Page, table_title: str, row_title: str) -> None:
    """Choose the row to edit in the table's row selector ("New row", "Row 2: billing" …)."""
    picker = page.get_by_role("combobox", name=f"Row of “{table_title}” to edit")
    picker.click()
    type_text(page, row_title)  # a select box filters its options as one types
    page.keyboard.press("Enter")
    wait_for_app(page)


def choose(page: Page, scope: Locator, label: str, option: str) -> None:
    """Pick an option of a select box by its label, as a person does: open it, click the option."""
    scope.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def answer_yes_no(scope: Locator, label: str, value: str) -> None:
    """Click Yes or No of a yes/no question (a radio group named by its label)."""
    scope.get_by_role("radiogroup", name=label).get_by_role("radio", name=value, exact=True).click()


def download_yaml(page: Page) -> dict[str, Any]:
    go_to(page, "Overview")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download YAML").click()
    path = download.value.path()
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def from_store(store_url: str, page: Page):  # type: ignore[no-untyped-def]
    """The project the page has open, and its saved versions, read from the store itself."""
    pid = page.url.split("pid=")[1].split("&")[0]
    store = ProjectStore(store_url)
    try:
        return store.get(pid).project, store.versions(pid)
    finally:
        store.dispose()


def stored(page: Page) -> dict[str, Any]:
    """The project as the app stored it (downloaded from the Overview)."""
    return download_yaml(page)
