"""The app at the widths people use it: a phone, a 1024 px laptop, a wide screen."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .harness import wait_for_app
from .ui import sidebar

SIDEBAR_RIGHT = "e => Math.round(e.getBoundingClientRect().right)"


def _open(browser: Browser, app_url: str, width: int, phone: bool = False) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app_url)
    wait_for_app(page)
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser, app_url: str) -> Iterator[Page]:
    yield from _open(browser, app_url, 390, phone=True)


@pytest.fixture
def laptop(browser: Browser, app_url: str) -> Iterator[Page]:
    yield from _open(browser, app_url, 1024)


def _block_boxes(page: Page) -> list[dict]:
    page.locator("[class*='st-key-canvas-block-']").first.wait_for()
    return page.evaluate("""() => [...document.querySelectorAll("[class*='st-key-canvas-block-']")]
        .map(e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width}; })""")


def _sidebar_closes(page: Page) -> None:
    page.wait_for_function("() => document.querySelector(\"[data-testid='stSidebar']\")"
                           ".getBoundingClientRect().right <= 0")


def test_on_a_phone_the_sidebar_closes_each_time_a_page_is_picked(phone: Page) -> None:
    assert sidebar(phone).evaluate(SIDEBAR_RIGHT) <= 0  # a phone starts with the sidebar closed
    for title, heading in (("2. Data", "2. Data"), ("Checks", "Checks")):
        phone.get_by_test_id("stExpandSidebarButton").click()
        phone.wait_for_function("() => document.querySelector(\"[data-testid='stSidebar']\")"
                                ".getBoundingClientRect().right > 0")
        sidebar(phone).get_by_role("button", name=title, exact=True).click()
        wait_for_app(phone)
        phone.get_by_role("heading", name=heading).first.wait_for()
        _sidebar_closes(phone)
        assert phone.get_by_role("heading", name=heading).first.is_visible()


def test_on_a_laptop_the_sidebar_stays_open_and_the_canvas_has_fewer_wider_blocks(laptop: Page) -> None:
    laptop.locator("[class*='st-key-open-sample-loan'] button").click()
    wait_for_app(laptop)
    sidebar(laptop).get_by_role("button", name="Canvas", exact=True).click()
    wait_for_app(laptop)
    assert sidebar(laptop).evaluate(SIDEBAR_RIGHT) > 0
    boxes = _block_boxes(laptop)
    assert len(boxes) == 12
    assert min(box["w"] for box in boxes) >= 260, [round(box["w"]) for box in boxes]
    rows: dict[int, int] = {}
    for box in boxes:
        rows[round(box["y"])] = rows.get(round(box["y"]), 0) + 1
    assert max(rows.values()) <= 2


def test_on_a_wide_screen_the_canvas_keeps_its_grid(page: Page) -> None:
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.locator("[class*='st-key-open-sample-loan'] button").click()
    wait_for_app(page)
    sidebar(page).get_by_role("button", name="Canvas", exact=True).click()
    wait_for_app(page)
    boxes = _block_boxes(page)
    lefts = {round(box["x"]) for box in boxes}
    assert len(lefts) >= 4  # blocks stand side by side in four or more columns, like the printed canvas
