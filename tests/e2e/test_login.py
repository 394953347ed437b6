"""Login for a team deployment (st.login with an OpenID provider; a mock provider on loopback here):
the identity comes from the login, cannot be typed or put in the address, signs gates, and limits
the portfolio to the person's business unit."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Browser, Page, expect

from lifecycle.storage import load_project
from lifecycle.store import ProjectStore

from .harness import AppURL, free_port, running_app, wait_for_app
from .ui import go_to, sidebar

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"  # every gate can be signed
ANA = User(sub="ana@example.com", claims={"name": "Ana Ruiz", "email": "ana@example.com",
                                         "business_unit": "Customer Support"})


@pytest.fixture(scope="module")
def login_app() -> Iterator[tuple[AppURL, str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="lifecycle-login-"))
    store_url = f"sqlite:///{folder / 'projects.db'}"
    store = ProjectStore(store_url)
    ours = store.create(load_project(PERFECT)).id  # business unit "Customer Support"
    other = load_project(PERFECT)
    other.info.name, other.info.business_unit = "Wholesale pricing", "Wholesale"
    store.create(other)
    store.dispose()
    with run_server_in_thread(user_claims=[ANA]) as provider:
        port = free_port()
        secrets = folder / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "for-the-e2e-test-only-0123456789abcdef"\n'
            'client_id = "lifecycle-workbook"\n'
            'client_secret = "e2e-only"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        with running_app(store_url=store_url, port=port, extra_args=("--secrets.files", str(secrets))) as url:
            yield url, store_url, ours


@pytest.fixture
def anonymous(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _log_in(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_text("log in, so that what you save and sign carries your name")).to_be_visible()
    page.get_by_role("button", name="Log in").click()
    page.get_by_placeholder("sub").fill("ana@example.com")  # the provider's own form
    page.get_by_role("button", name="Authorize").click()
    wait_for_app(page)
    expect(sidebar(page)).to_contain_text("You: Ana Ruiz")


def test_nothing_is_shown_before_logging_in(anonymous: Page, login_app) -> None:  # type: ignore[no-untyped-def]
    url, _, ours = login_app
    anonymous.goto(f"{url}/?pid={ours}")
    wait_for_app(anonymous)
    expect(anonymous.get_by_role("button", name="Log in")).to_be_visible()
    expect(anonymous.get_by_text("Ticket routing")).to_have_count(0)
    expect(anonymous.get_by_role("button", name="1. Problem Framing")).to_have_count(0)
    expect(anonymous.locator("[data-testid='stSidebarNav']")).to_have_count(0)  # no list of the pages either
    anonymous.goto(f"{url}/checks?pid={ours}")  # nor a page opened by its address
    wait_for_app(anonymous)
    expect(anonymous.get_by_role("button", name="Log in")).to_be_visible()
    expect(anonymous.get_by_role("heading", name="Checks")).to_have_count(0)


def test_the_logged_in_identity_signs_and_cannot_be_typed_or_set_in_the_address(anonymous: Page, login_app) -> None:  # type: ignore[no-untyped-def]
    url, store_url, ours = login_app
    page = anonymous
    _log_in(page, url)
    page.goto(f"{url}/?pid={ours}&as=Mallory")  # a name in the address changes nothing
    wait_for_app(page)
    expect(sidebar(page)).to_contain_text("You: Ana Ruiz")
    expect(sidebar(page).get_by_role("textbox", name="Your display name")).to_have_count(0)
    assert "as=Mallory" not in page.url

    go_to(page, "4. Deployment")
    name = page.get_by_role("textbox", name="Your name")
    expect(name).to_have_value("Ana Ruiz")
    expect(name).to_be_disabled()
    page.get_by_role("button", name="Sign off this gate").click()
    wait_for_app(page)
    expect(page.get_by_text("Signed off by Ana Ruiz", exact=False)).to_be_visible()
    store = ProjectStore(store_url)
    try:
        gate = store.get(ours).project.deployment.gate
        assert gate.signed_off_by == "Ana Ruiz"
        assert store.versions(ours)[-1].saved_by == "Ana Ruiz"
    finally:
        store.dispose()


def test_the_portfolio_lists_the_projects_of_the_persons_business_unit_only(anonymous: Page, login_app) -> None:  # type: ignore[no-untyped-def]
    url, _, _ = login_app
    _log_in(anonymous, url)
    go_to(anonymous, "Portfolio")
    expect(anonymous.get_by_text("Projects of your business unit: Customer Support")).to_be_visible()
    main = anonymous.locator("[data-testid='stMain']")
    expect(main).to_contain_text("Ticket routing")
    expect(main).not_to_contain_text("Wholesale pricing")
