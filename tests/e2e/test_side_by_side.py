"""Two people in one workshop on one project: different phases merge, the same answer asks per answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .harness import running_app, wait_for_app
from .ui import from_store, go_to, sidebar, sign_in, type_answer


@pytest.fixture(scope="module")
def still_app(monkeypatch_module: pytest.MonkeyPatch) -> Iterator[str]:
    """An app whose sessions take others' changes only when they run, not every few seconds: two
    edits of one answer then meet the way edits made within the same poll interval do."""
    monkeypatch_module.setenv("LIFECYCLE_LIVE_SECONDS", "0")
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture
def pair(browser: Browser, app_url: str) -> Iterator[tuple[Page, Page]]:
    yield from _pair(browser, app_url)


@pytest.fixture
def still_pair(browser: Browser, still_app: str) -> Iterator[tuple[Page, Page]]:
    yield from _pair(browser, still_app)


def _pair(browser: Browser, app_url: str) -> Iterator[tuple[Page, Page]]:
    alice_ctx, bob_ctx = browser.new_context(), browser.new_context()
    try:
        alice, bob = alice_ctx.new_page(), bob_ctx.new_page()
        for page in (alice, bob):
            page.set_default_timeout(30_000)
        alice.goto(app_url)
        wait_for_app(alice)
        sign_in(alice, "Alice")
        type_answer(alice, "Project name", "Workshop plan")
        bob.goto(alice.url.replace("as=Alice", ""))  # the project's link, without Alice's name
        wait_for_app(bob)
        sign_in(bob, "Bob")
        expect(bob.get_by_role("textbox", name="Project name")).to_have_value("Workshop plan")
        yield alice, bob
    finally:
        alice_ctx.close()
        bob_ctx.close()


def test_two_people_filling_different_phases_both_keep_their_answers(pair: tuple[Page, Page], app_url: str) -> None:
    alice, bob = pair
    go_to(alice, "2. Data")
    go_to(bob, "4. Deployment")
    type_answer(alice, "Where labels come from", "Chargebacks from the card ledger, 90 days on.")
    type_answer(bob, "Serving environment", "Kubernetes in eu-west, ONNX")  # saved after Alice's: merged
    expect(bob.get_by_text("Someone else")).to_have_count(0)
    type_answer(alice, "Known data quality issues", "Merchant names are free text.")  # and Alice's next one too
    expect(alice.get_by_text("Someone else")).to_have_count(0)

    project, versions = from_store(app_url.store_url, alice)  # type: ignore[attr-defined]
    assert project.data.label_source == "Chargebacks from the card ledger, 90 days on."
    assert project.data.quality_notes == "Merchant names are free text."
    assert project.deployment.serving_environment == "Kubernetes in eu-west, ONNX"
    assert [v.saved_by for v in versions][-3:] == ["Alice", "Bob", "Alice"]

    go_to(bob, "2. Data")  # Bob's session continued from the merged version
    expect(bob.get_by_role("textbox", name="Where labels come from")).to_have_value(
        "Chargebacks from the card ledger, 90 days on."
    )
    expect(sidebar(bob)).to_contain_text("Also here: Alice (2. Data)", timeout=10_000)


def test_each_sees_the_others_saved_answers_within_seconds_without_a_reload(pair: tuple[Page, Page]) -> None:
    alice, bob = pair
    go_to(alice, "2. Data")
    go_to(bob, "2. Data")
    box = bob.get_by_role("textbox", name="Known data quality issues")
    box.click()
    bob.keyboard.type("Duplicates in", delay=35)  # Bob is typing here while Alice saves elsewhere
    type_answer(alice, "Where labels come from", "Chargebacks from the card ledger.")
    expect(bob.get_by_role("textbox", name="Where labels come from")).to_have_value(
        "Chargebacks from the card ledger.", timeout=10_000
    )
    expect(box).to_have_value("Duplicates in")  # what Bob was typing is untouched
    bob.keyboard.type(" the merchant table.", delay=35)
    box.press("Tab")
    wait_for_app(bob)
    expect(alice.get_by_role("textbox", name="Known data quality issues")).to_have_value(
        "Duplicates in the merchant table.", timeout=10_000
    )


def test_both_changing_the_same_answer_get_a_choice_for_that_answer_only(
    still_pair: tuple[Page, Page], still_app: str
) -> None:
    alice, bob = still_pair
    app_url = still_app
    type_answer(alice, "Project owner", "Alice Martin")
    type_answer(bob, "Team", "Fraud analytics")  # merged: Bob now has Alice's owner
    type_answer(alice, "Project owner", "Alice M.")
    type_answer(bob, "Project owner", "Bob Stone")  # Bob has not seen "Alice M."

    panel = bob.locator(".st-key-conflicts")
    expect(panel).to_contain_text("Someone else changed 1 of the answers you changed")
    expect(panel).to_contain_text("Overview › Project owner")
    expect(panel).to_contain_text("Mine (Bob)")
    expect(panel).to_contain_text("Theirs (saved by Alice)")
    expect(panel).to_contain_text("Alice M.")
    expect(bob.get_by_role("textbox", name="Project owner")).to_have_value("Bob Stone")  # kept on screen
    assert from_store(app_url.store_url, bob)[0].info.owner == "Alice M."  # nothing saved over Alice's answer yet

    panel.get_by_role("button", name="Keep mine").click()
    wait_for_app(bob)
    expect(bob.locator(".st-key-conflicts")).to_have_count(0)
    project, _ = from_store(app_url.store_url, bob)  # type: ignore[attr-defined]
    assert project.info.owner == "Bob Stone" and project.info.team == "Fraud analytics"
