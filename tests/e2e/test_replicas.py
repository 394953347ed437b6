"""Two app servers on one PostgreSQL store, as behind a load balancer: each person's session is served by
a different replica, and they still work on one project as if on one server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.postgres import postgres_server

from .harness import AppURL, running_app, wait_for_app
from .ui import from_store, go_to, sidebar, sign_in, type_answer


@pytest.fixture(scope="module")
def replicas() -> Iterator[tuple[AppURL, AppURL]]:
    with postgres_server() as url, running_app(store_url=url) as one, running_app(store_url=url) as two:
        yield one, two


def _open(browser: Browser, url: str, name: str) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    wait_for_app(page)
    sign_in(page, name)
    return page


def test_people_on_two_replicas_edit_one_project_see_each_other_and_both_keep_their_answers(
    browser: Browser, replicas: tuple[AppURL, AppURL]
) -> None:
    one, two = replicas
    alice = _open(browser, one, "Alice")
    type_answer(alice, "Project name", "Replicated plan")
    pid = alice.url.split("pid=")[1].split("&")[0]
    bob = _open(browser, f"{two}/?pid={pid}", "Bob")  # the shared link, answered by the other server
    try:
        expect(bob.get_by_role("textbox", name="Project name")).to_have_value("Replicated plan")
        go_to(alice, "2. Data")
        go_to(bob, "4. Deployment")
        type_answer(alice, "Where labels come from", "Chargebacks from the card ledger.")
        type_answer(bob, "Serving environment", "Kubernetes in eu-west")  # based on an older version: merged
        expect(bob.get_by_text("Someone else")).to_have_count(0)

        expect(sidebar(bob)).to_contain_text("Also here: Alice (2. Data)", timeout=15_000)
        expect(sidebar(alice)).to_contain_text("Also here: Bob (4. Deployment)", timeout=15_000)
        go_to(alice, "4. Deployment")  # Alice's server shows what Bob saved through his
        expect(alice.get_by_role("textbox", name="Serving environment")).to_have_value(
            "Kubernetes in eu-west", timeout=15_000)

        project, versions = from_store(one.store_url, alice)
        assert project.data.label_source == "Chargebacks from the card ledger."
        assert project.deployment.serving_environment == "Kubernetes in eu-west"
        assert {"Alice", "Bob"} <= {v.saved_by for v in versions}
    finally:
        alice.context.close()
        bob.context.close()
