"""A learner diagnoses the loan model from its bundled monitoring data and downloads the memo PDF."""

from __future__ import annotations

import io
import re

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .harness import wait_for_app
from .ui import go_to


def symptom_card(page: Page, title: str):  # type: ignore[no-untyped-def]
    return page.locator("[data-testid='stVerticalBlock']").filter(
        has=page.locator("strong", has_text=re.compile(f"^{title}$"))).last


def test_learner_diagnoses_the_loan_model_and_downloads_the_memo(page: Page) -> None:
    go_to(page, "Diagnosis")
    page.get_by_role("button", name="Use the bundled loan monitoring data").click()
    wait_for_app(page, timeout=60_000)
    page.get_by_role("button", name="Skip the exercise, show the analysis").click()  # the exercise has its own test
    wait_for_app(page, timeout=60_000)

    for title, detail in (("Data drift", "declared_net_income"), ("Concept drift", "AUC 0.81"),
                          ("Fairness violation", "age_band")):
        card = symptom_card(page, title)
        expect(card).to_contain_text("found")
        expect(card).to_contain_text(detail)
    expect(page.get_by_text("Control batch (drawn like the reference): no alarm")).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible()

    page.get_by_role("tab", name="Memo").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download memo (PDF)").click()
    assert download.value.suggested_filename == "diagnosis-memo.pdf"
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    for expected in ("Data drift", "Concept drift", "Fairness violation", "declared_net_income", "Revised plan"):
        assert expected in text
