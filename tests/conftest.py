"""Settings and fixtures for the whole suite; each fixture starts what it needs only when a test asks for it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lifecycle import settings
from lifecycle.policies import ENV_VAR
from tests.mlflow_server import ADMIN, Server, mlflow_server

NO_CONFIG_FILE = Path(__file__).parent / "no such folder" / settings.CONFIG_FILE


@pytest.fixture(autouse=True)
def no_policy_packs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's LIFECYCLE_POLICY_PACKS or lifecycle.toml must not change what the checks find in tests;
    tests that need packs set them themselves."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(settings, "config_file", lambda: NO_CONFIG_FILE)


@pytest.fixture(scope="session")
def mlflow_tracking_server() -> Iterator[Server]:
    """A real MLflow tracking server on loopback (SQLite, local artifacts, basic auth), for the whole run."""
    with mlflow_server() as server:
        yield server


@pytest.fixture
def mlflow_admin(mlflow_tracking_server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    """The server, with the MLflow client's credentials set to its administrator for this test."""
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", ADMIN[0])
    monkeypatch.setenv("MLFLOW_TRACKING_PASSWORD", ADMIN[1])
    monkeypatch.delenv("MLFLOW_TRACKING_TOKEN", raising=False)
    assert os.environ["MLFLOW_TRACKING_USERNAME"] == ADMIN[0]
    return mlflow_tracking_server
