"""Errors as a user expects them: fast, naming what failed and why, and the project left as it was."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from lifecycle.integrations.mlflow import client
from lifecycle.integrations.mlflow.client import RegistryError, explain
from lifecycle.integrations.mlflow.importer import read_registry
from lifecycle.model.integrations import MlflowLink
from lifecycle.samples import load_sample
from lifecycle.storage import dump_project


@pytest.fixture(autouse=True)
def _mlflow_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    # The workbook's own defaults apply (fast failure), whatever the machine running the tests sets.
    for name in client.DEFAULT_ENV:
        monkeypatch.delenv(name, raising=False)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers: a hung server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=2)
    for connection in accepted:
        connection.close()
    listener.close()


def test_an_unreachable_server_fails_fast_with_the_url_named() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    project = load_sample("loan")
    project.integrations.mlflow = MlflowLink(tracking_uri=url, registered_model="clearlend-pd")
    before = dump_project(project)
    started = time.monotonic()
    with pytest.raises(RegistryError) as caught:
        read_registry(project.integrations.mlflow)
    assert time.monotonic() - started < 10  # MLflow's own defaults retry for about two minutes
    assert caught.value.kind == "unreachable"
    message = str(caught.value)
    assert url in message and "refused" in message and "clearlend-pd" in message
    assert "Traceback" not in message and "HTTPConnectionPool" not in message
    assert dump_project(project) == before


def test_a_server_that_never_answers_times_out_in_seconds(silent_server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "2")
    started = time.monotonic()
    with pytest.raises(RegistryError) as caught:
        read_registry(MlflowLink(tracking_uri=f"http://127.0.0.1:{silent_server}", registered_model="m"))
    assert time.monotonic() - started < 8
    assert caught.value.kind == "unreachable" and "did not answer within 2 s" in str(caught.value)


def test_the_workbook_sets_fast_defaults_but_keeps_what_the_environment_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")
    client.configure_environment()
    import os
    assert os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] == "30"
    assert os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] == "0"
    assert os.environ["MLFLOW_DISABLE_TELEMETRY"] == "true"


def test_without_the_extra_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client.importlib.util, "find_spec", lambda name: None)
    assert not client.available()
    with pytest.raises(RegistryError) as caught:
        read_registry(MlflowLink(tracking_uri="http://127.0.0.1:1", registered_model="m"))
    assert caught.value.kind == "not_installed" and "pip install '.[mlflow]'" in str(caught.value)


def test_an_unlinked_project_is_told_what_to_fill_in() -> None:
    with pytest.raises(RegistryError, match="URL and the registered model"):
        read_registry(MlflowLink())


@pytest.mark.parametrize("url", ["https://alice:secret@mlflow.example.com", "http://token@mlflow:5000"])
def test_credentials_in_the_url_are_refused_before_they_reach_the_file(url: str) -> None:
    with pytest.raises(ValidationError, match="remove the user name and password"):
        MlflowLink(tracking_uri=url)


@pytest.mark.parametrize("url", ["mlflow.example.com", "file:///tmp/mlruns", "databricks", "sqlite:///x.db"])
def test_only_http_servers_can_be_linked(url: str) -> None:
    with pytest.raises(ValidationError, match="http:// or https://"):
        MlflowLink(tracking_uri=url)


class _Failure(Exception):
    def __init__(self, message: str, error_code: str = "", status: int | None = None):
        super().__init__(message)
        self.error_code = error_code
        if status is not None:
            self.response = type("Response", (), {"status_code": status})()


@pytest.mark.parametrize(("error", "kind", "words"), [
    (_Failure("RESOURCE_DOES_NOT_EXIST: Registered Model with name=x not found", "RESOURCE_DOES_NOT_EXIST"),
     "not_found", "Registered Model with name=x not found"),
    (_Failure("API request failed with error code 403 != 200", "PERMISSION_DENIED"), "permission", "no permission"),
    (_Failure("403 Client Error: Forbidden", status=403), "permission", "no permission"),
    (_Failure("You are not authenticated", "UNAUTHENTICATED"), "unauthenticated", "MLFLOW_TRACKING_TOKEN"),
    (_Failure("404 != 200 <html>", "ENDPOINT_NOT_FOUND"), "not_mlflow", "does not answer as an MLflow"),
    (_Failure("Max retries exceeded (Caused by NameResolutionError)"), "unreachable", "could not be resolved"),
    (_Failure("Caused by SSLError(WRONG_VERSION_NUMBER)"), "unreachable", "TLS"),
    (_Failure("INVALID_PARAMETER_VALUE: bad alias", "INVALID_PARAMETER_VALUE"), "invalid", "bad alias"),
    (_Failure("something else entirely"), "failed", "something else entirely"),
])
def test_errors_are_named_in_words(error: Exception, kind: str, words: str) -> None:
    explained = explain(error, "reading the registered model 'x'", "http://mlflow:5000")
    assert explained.kind == kind
    assert words in str(explained)
    assert str(explained).startswith("Reading the registered model 'x' failed")


def test_a_permission_error_names_the_account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", "ci-bot")
    explained = explain(_Failure("denied", "PERMISSION_DENIED"), "tagging version 2 of 'x'", "http://mlflow:5000")
    assert "the account 'ci-bot'" in str(explained)
