"""A team hands the loan model over: its Model Card downloads as a Hugging Face README that parses."""

from __future__ import annotations

import re

import yaml
from playwright.sync_api import Page, expect

from lifecycle.samples import load_sample

from .harness import wait_for_app
from .ui import go_to


def test_model_card_downloads_as_a_hugging_face_readme_with_valid_metadata(page: Page) -> None:
    loan = load_sample("loan")
    page.get_by_role("button", name="Open").nth(2).click()
    wait_for_app(page)
    go_to(page, "Model Card")
    expect(page.get_by_text("The Hugging Face metadata parses back and is valid")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as Hugging Face README.md").click()
    assert download.value.suggested_filename == "README.md"
    with open(download.value.path(), encoding="utf-8") as handle:
        text = handle.read()
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    metadata = yaml.safe_load(front)
    [entry] = metadata["model-index"]
    assert entry["name"] == loan.model_card.details.model_id
    values = [m["value"] for result in entry["results"] for m in result["metrics"]]
    assert 0.81 in values and 0.73 in values  # the pre-launch AUC and the post-launch back-test (December 2025)
    assert "Model Details" in body or "Model details" in body
    assert metadata["pipeline_tag"] == "tabular-classification"  # listed under a Hub task
    for heading in ("How to get started with the model", "Model examination", "Environmental impact", "Glossary",
                    "Model card authors"):  # the Hub template's sections
        assert re.search(rf"^## \d+\. {heading}$", body, flags=re.MULTILINE), heading
    assert loan.deployment.serving_environment.split(";")[0] in body
