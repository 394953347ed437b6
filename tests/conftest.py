"""Settings for the whole suite."""

from __future__ import annotations

import pytest

from lifecycle.policies import ENV_VAR


@pytest.fixture(autouse=True)
def no_policy_packs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's LIFECYCLE_POLICY_PACKS must not change what the checks find in tests; tests that need
    packs set it themselves."""
    monkeypatch.delenv(ENV_VAR, raising=False)
