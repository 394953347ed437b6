"""Optional login for team deployments: Streamlit's built-in OIDC (``st.login``).

It is on when the app's ``secrets.toml`` has an ``[auth]`` section (README, "Login"). Then every
page asks to log in first; who a session is comes from the identity provider, never from a
typed name or the address; sign-offs and accepted findings carry that identity; and, if the
provider sends a business-unit claim, the portfolio lists that unit's projects only.
"""

from __future__ import annotations

import os

import streamlit as st

BUSINESS_UNIT_CLAIM_ENV = "LIFECYCLE_BUSINESS_UNIT_CLAIM"  # the claim naming the user's business unit


def enabled() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises rather than answering "no"
        return False


def logged_in() -> bool:
    return bool(st.user.get("is_logged_in"))


def identity() -> str:
    """The logged-in person as the provider names them (name, else e-mail, else subject)."""
    for claim in ("name", "email", "sub"):
        value = st.user.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def business_unit() -> str | None:
    """The logged-in person's business unit, when login is on and the provider sends the claim."""
    if not enabled() or not logged_in():
        return None
    value = st.user.get(os.environ.get(BUSINESS_UNIT_CLAIM_ENV, "business_unit"))
    return value.strip() if isinstance(value, str) and value.strip() else None


def require() -> None:
    """With login on, a session that is not logged in sees only the way to log in."""
    if not enabled() or logged_in():
        return
    st.title("Lifecycle Workbook")
    st.write("This workbook is shared by a team: log in, so that what you save and sign carries your name.")
    if st.button("Log in", type="primary", icon=":material/login:", key="login"):
        st.login()
    st.stop()
