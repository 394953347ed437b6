"""Every table of the app, typed the way a person types: another answer first, then a new row across
several cells with Tab between them, then straight on to the next page. What was stored must have
every value in its own column; the same for editing and deleting rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from lifecycle.model import Timeline
from lifecycle.model.model_card import ModelCardQuantitative
from lifecycle.phases import PHASES
from lifecycle.questions import Question, questions_of
from lifecycle.store import ProjectStore

from .harness import AppURL, wait_for_app
from .ui import (
    answer_yes_no, editor, go_to, pick_row, sidebar, tab_to_next_field, type_text,
)

CELLS_TYPED = 6  # "across three or more cells": every column up to six


@dataclass(frozen=True)
class TableCase:
    page: str  # the page title in the menu
    path: str  # e.g. "data.sources"
    question: Question
    first_answer: str | None  # a text answer on the same page, typed before the table
    next_page: str | None  # the "Next: …" button on a phase page; None: leave through the menu

    @property
    def id(self) -> str:
        return self.path


def _cases() -> list[TableCase]:
    cases = []
    for index, phase in enumerate(PHASES):
        questions = questions_of(phase.section)
        first = next(q for q in questions if q.kind == "long_text")
        after = f"Next: {PHASES[index + 1].title}" if index + 1 < len(PHASES) else "Done: back to the overview"
        for question in questions:
            if question.kind == "table":
                cases.append(TableCase(f"{phase.number}. {phase.title}", f"{phase.key}.{question.name}", question,
                                       first.label, after))
    for question in questions_of(Timeline):
        cases.append(TableCase("Plan and timeline", f"timeline.{question.name}", question, None, None))
    results = next(q for q in questions_of(ModelCardQuantitative) if q.kind == "table")
    cases.append(TableCase("Model Card", f"model_card.quantitative.{results.name}", results, None, None))
    return cases


CASES = _cases()


def _sample_value(column: Question, number: int) -> Any:
    """What a person would type into this column, and what the project must then hold."""
    if column.kind in ("text", "long_text"):
        return f"{column.label} {number} – ü"
    if column.kind == "integer":
        return 10 + number
    if column.kind == "number":
        if column.name == "ci_lower":  # a confidence interval must hold the value it bounds
            return 0.25
        return 0.5 + number
    if column.kind == "choice":
        return column.choices[min(number, len(column.choices) - 1)]
    if column.kind == "flag":
        return False
    if column.kind == "date":
        return f"2026-0{1 + number % 8}-1{number % 9}"
    raise AssertionError(f"no sample for {column.kind}")


def _stored_row(app_url: AppURL, page: Page, path: str) -> list[dict[str, Any]]:
    pid = parse_qs(urlparse(page.url).query)["pid"][0]
    node: Any = ProjectStore(app_url.store_url).get(pid).project.model_dump(mode="json")
    for part in path.split("."):
        node = node[part]
    return node


def _enter(page: Page, column: Question, value: Any, scope) -> None:  # type: ignore[no-untyped-def]
    """Fill the focused field of ``column`` as a person does."""
    if column.kind == "choice":
        type_text(page, value.label[:12])
        page.keyboard.press("Enter")
    elif column.kind == "flag":
        answer_yes_no(scope, column.label + (" (required)" if column.required else ""), "No")
    elif column.kind == "date":
        type_text(page, value.replace("-", ""))  # the year, month and day parts move on by themselves
    else:
        type_text(page, str(value))


def _fill_new_row(page: Page, case: TableCase) -> dict[str, Any]:
    scope = editor(page, case.path)
    # "Depends on" must name another activity, so a first row leaves it empty.
    columns = [c for c in case.question.columns if c.kind != "flag" and c.name != "depends_on"][:CELLS_TYPED]
    expected: dict[str, Any] = {}
    for column in case.question.columns:  # every field drawn (the browser loads some input kinds on first use)
        label = scope.get_by_text(column.label + (" (required)" if column.required else ""), exact=True)
        expect(label).to_have_count(1)  # a rerun may briefly show the old field beside the new one
        expect(label).to_be_visible()
    first = scope.get_by_label(columns[0].label + (" (required)" if columns[0].required else ""), exact=True)
    first.click()
    for number, column in enumerate(columns):
        if number:
            label = tab_to_next_field(page)
            assert label.startswith(column.label), f"Tab reached {label!r}, not {column.label!r}"
        value = _sample_value(column, number)
        _enter(page, column, value, scope)
        expected[column.name] = value.value if hasattr(value, "value") else value
    flag = next((c for c in case.question.columns if c.kind == "flag"), None)
    if flag is not None:  # a yes/no cell: clicked, as nobody types into it
        _enter(page, flag, False, scope)
        expected[flag.name] = False
    return expected


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_new_row_typed_after_other_answers_keeps_every_value_in_its_column(
    page: Page, app_url: AppURL, case: TableCase
) -> None:
    go_to(page, case.page)
    if case.first_answer:
        box = page.get_by_role("textbox", name=case.first_answer).first
        box.click()
        type_text(page, "Answered first, then the table.")
        page.keyboard.press("Tab")  # and on to the table at once, while this answer is being saved
    expected = _fill_new_row(page, case)
    if case.next_page:
        page.get_by_role("button", name=case.next_page).first.click()
        wait_for_app(page)
        expect(page.get_by_role("heading", level=1)).not_to_have_text(case.page)  # one click was enough
    else:
        sidebar(page).get_by_role("button", name="Overview", exact=True).click()
        wait_for_app(page)
        page.get_by_role("heading", name="Lifecycle Workbook").wait_for()
    rows = _stored_row(app_url, page, case.path)
    assert len(rows) == 1, rows
    for column, value in expected.items():
        assert rows[0][column] == value, (column, rows[0])
    if case.first_answer:
        phase, _ = case.path.split(".", 1)
        question = next(q for q in questions_of(next(p for p in PHASES if p.key == phase).section)
                        if q.label == case.first_answer)
        assert _stored_row(app_url, page, f"{phase}.{question.name}") == "Answered first, then the table."


def test_editing_and_deleting_rows_touch_only_the_chosen_row(page: Page, app_url: AppURL) -> None:
    go_to(page, "2. Data")
    scope = editor(page, "data.sources")
    for name, owner in (("crm.accounts", "CRM team"), ("billing.invoices", "Finance"), ("web.sessions", "Web")):
        scope.get_by_label("Source (required)", exact=True).click()
        type_text(page, name)
        tab_to_next_field(page)
        type_text(page, owner)
        page.keyboard.press("Tab")
        wait_for_app(page)
        scope.get_by_role("button", name="Add a row").click()
        wait_for_app(page)
    pick_row(page, "Data sources", "Row 2: billing.invoices")
    owner = scope.get_by_label("Owner (required)", exact=True)
    expect(owner).to_have_value("Finance")
    owner.fill("")
    type_text(page, "Billing platform")
    page.keyboard.press("Tab")
    wait_for_app(page)
    pick_row(page, "Data sources", "Row 1: crm.accounts")
    scope.get_by_role("button", name="Delete this row").click()
    wait_for_app(page)
    expect(scope.get_by_text("Deleted the row “crm.accounts”.")).to_be_visible()
    page.get_by_role("button", name="Next: Modeling & Evaluation").first.click()
    wait_for_app(page)
    rows = _stored_row(app_url, page, "data.sources")
    assert [(r["name"], r["owner"]) for r in rows] == [("billing.invoices", "Billing platform"), ("web.sessions", "Web")]


def test_typing_and_clicking_next_at_once_saves_and_moves_on(page: Page, app_url: AppURL) -> None:
    go_to(page, "1. Problem Framing")
    page.get_by_role("textbox", name="Problem statement (required)").click()
    type_text(page, "Churn rose from 1.6% to 1.9% a month.")
    page.get_by_role("button", name="Next: Data").first.click()  # no Tab, no pause: the click blurs the box
    wait_for_app(page)
    expect(page.get_by_role("heading", name="2. Data")).to_be_visible()
    assert _stored_row(app_url, page, "problem_framing.problem_statement") == "Churn rose from 1.6% to 1.9% a month."
    page.get_by_role("textbox", name="Access and privacy controls (required)").click()
    type_text(page, "Pseudonymised extracts only.")
    sidebar(page).get_by_role("button", name="3. Modeling & Evaluation", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="3. Modeling & Evaluation")).to_be_visible()
    assert _stored_row(app_url, page, "data.access_and_privacy") == "Pseudonymised extracts only."


def test_a_refresh_shows_what_was_saved(page: Page, app_url: AppURL) -> None:
    go_to(page, "1. Problem Framing")
    page.get_by_role("textbox", name="Problem statement (required)").click()
    type_text(page, "Saved before the refresh.")
    page.keyboard.press("Tab")
    wait_for_app(page)
    assert "pid=" in page.url
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Problem statement (required)")).to_have_value("Saved before the refresh.")
