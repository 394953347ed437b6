"""A learner does the loan diagnosis exercise: looks at the data, names the symptoms and phase gaps by typing,
reveals the analysis and reads what was right, missed and wrongly named."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from .harness import wait_for_app
from .ui import go_to, type_text


def pick(page: Page, box: Locator, *typed: str) -> None:
    """Type into a multiselect the way a person does: click it, type a few letters, Enter, for each choice."""
    box.click()
    for text in typed:
        type_text(page, text)
        page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_learner_names_the_symptoms_then_compares_with_the_analysis(page: Page) -> None:
    go_to(page, "Diagnosis")
    page.get_by_role("button", name="Use the bundled loan monitoring data").click()
    wait_for_app(page, timeout=60_000)

    expect(page.get_by_role("heading", name="Exercise: diagnose ClearLend yourself first")).to_be_visible()
    expect(page.get_by_text("found", exact=True)).to_have_count(0)  # no verdict before the answer
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(0)
    form = page.locator("[data-testid='stForm']")
    phases = form.get_by_role("combobox", name="Which phases' answers let it through?")

    form.get_by_text("I see data drift").click()
    pick(page, form.get_by_role("combobox", name="In which inputs?"), "declared_net", "age_b", "bureau")
    pick(page, phases.nth(0), "Monitor")
    form.get_by_text("I see concept drift").click()
    pick(page, phases.nth(1), "Modeling")
    page.get_by_role("button", name="Reveal the analysis and compare").click()
    wait_for_app(page, timeout=60_000)

    expect(page.get_by_role("heading", name="Your diagnosis against the analysis")).to_be_visible()
    # right: data drift, declared_net_income, age_band, Monitoring; concept drift, Modeling & Evaluation
    expect(page.get_by_text("6 of 17 points right (35%)")).to_be_visible()
    expect(page.get_by_text(re.compile(r"10 missed, 1 wrongly named"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"bureau_score did not drift: its largest PSI is 0\.0\d"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"Launch criteria have no outcome guardrail")).first).to_be_visible()
    expect(page.get_by_text(re.compile(r"Modeling.bias_testing is empty")).first).to_be_visible()  # fairness missed
    # the analysis is revealed below, with the same headline
    expect(page.get_by_text("AUC 0.81 on the reference, 0.73 in 2025-12, the latest month with outcomes").first
           ).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible()

    page.get_by_role("button", name="Try the exercise again").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Exercise: diagnose ClearLend yourself first")).to_be_visible()
    expect(page.get_by_role("button", name="Reveal the analysis and compare")).to_be_visible()
