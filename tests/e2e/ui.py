"""Small helpers that act on the app the way a person does."""

from __future__ import annotations

import re
from typing import Any

import yaml
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .harness import wait_for_app

HEADER_HEIGHT = ROW_HEIGHT = 35  # st.data_editor's default header and row heights, in CSS pixels
CELL_EDITOR = "#portal textarea, #portal input"  # the overlay the grid opens to edit a cell
FIRST_COLUMN_X = 60  # past the row-marker column of an editor that can add rows


def go_to(page: Page, title: str) -> None:
    """Follow a sidebar link and wait for that page's title."""
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title).click()
    wait_for_app(page)
    heading = "Lifecycle Workbook" if title == "Overview" else title
    page.get_by_role("heading", name=heading).first.wait_for()


def type_answer(page: Page, label: str, text: str) -> None:
    box = page.get_by_role("textbox", name=label).first
    box.fill(text)
    box.press("Tab" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
    wait_for_app(page)


def table(page: Page, title: str) -> Locator:
    """The data editor under a table question's heading (the bold title, matched exactly)."""
    heading = page.locator("[data-testid='stMarkdown'] strong").filter(has_text=re.compile(f"^{re.escape(title)}$"))
    return heading.first.locator("xpath=following::*[@data-testid='stDataFrame'][1]")


def _click_row(page: Page, grid: Locator, row: int) -> None:
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + FIRST_COLUMN_X, box["y"] + HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT / 2)


def _save_marker(page: Page) -> str:
    """The sidebar line that says which version is saved; it changes whenever an edit is stored."""
    return page.locator("[data-testid='stSidebar']").get_by_text(re.compile(r"^From ")).inner_text()


def _type_into_open_cell(page: Page, text: str) -> bool:
    """Type into the open cell editor and commit; True once the app has saved the edit."""
    before = _save_marker(page)
    editor = page.locator(CELL_EDITOR).first
    editor.fill(text)
    editor.press("Enter")
    for _ in range(100):  # up to 10 s on a busy machine
        wait_for_app(page)
        if _save_marker(page) != before:
            return True
        page.wait_for_timeout(100)
    return False


def add_row(page: Page, grid: Locator, rows_now: int, first_cell: str) -> None:
    """Click the empty row under the last one, as a person adds a row; the grid opens the new
    row's first cell for typing. On a busy machine the rerun that the new row triggers can close
    that editor, or swallow what was typed; then the new row's first cell is edited like any other."""
    _click_row(page, grid, rows_now)
    try:
        page.locator(CELL_EDITOR).first.wait_for(timeout=5_000)
    except PlaywrightTimeout:
        saved = False
    else:
        saved = _type_into_open_cell(page, first_cell)
    if not saved:
        wait_for_app(page)
        edit_cell(page, grid, rows_now, 0, first_cell, current="")


def edit_cell(page: Page, grid: Locator, row: int, column: int, text: str, current: str) -> None:
    """Replace the text of an existing cell (row and column counted from 0). Columns are reached
    with the arrow keys, as their widths vary; ``current`` is the cell's value before the edit,
    which confirms the editor opened on the intended cell (a busy machine can drop a key press).
    The edit counts once the app has saved it."""
    editor = page.locator(CELL_EDITOR).first
    seen = []
    for _ in range(3):
        _click_row(page, grid, row)
        page.wait_for_timeout(150)
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        editor.wait_for(timeout=5_000)
        seen.append(editor.input_value())
        if seen[-1] == current:
            if _type_into_open_cell(page, text):
                return
            continue  # typed but not saved: the editor was closed under the typing; try again
        page.keyboard.press("Escape")
        editor.wait_for(state="detached", timeout=5_000)
    raise AssertionError(f"could not edit the cell holding {current!r}; opened cells holding {seen}")


def download_yaml(page: Page) -> dict[str, Any]:
    go_to(page, "Overview")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download YAML").click()
    path = download.value.path()
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
