"""The MLflow client, imported only when a project talks to a registry, with errors a person can act on.

MLflow is an optional extra (``pip install '.[mlflow]'``, the light ``mlflow-skinny`` client):
``available()`` tells without importing it, ``Registry`` imports it on first use.

By default MLflow retries a failed HTTP request seven times with exponential backoff and waits
up to 120 s for each answer, so a wrong URL hangs an import for minutes. Unless the app's
environment sets them, the workbook sets ``MLFLOW_HTTP_REQUEST_MAX_RETRIES=0`` and
``MLFLOW_HTTP_REQUEST_TIMEOUT=5``: an unreachable server is reported within seconds. It also
turns MLflow's usage telemetry off (``MLFLOW_DISABLE_TELEMETRY``), as the app does for Streamlit's.

Every call goes through ``Registry.call``, which turns MLflow's exceptions into one
``RegistryError`` whose message names what the workbook was doing, on which server, and why
it failed (unreachable, not found, not signed in, no permission, not an MLflow server).
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable
from typing import Any, TypeVar

INSTALL_HINT = "pip install '.[mlflow]'"
DEFAULT_ENV = {
    "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "0",
    "MLFLOW_HTTP_REQUEST_TIMEOUT": "5",
    "MLFLOW_DISABLE_TELEMETRY": "true",
    "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
}
CREDENTIAL_VARS = ("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN")

T = TypeVar("T")


class RegistryError(RuntimeError):
    """A registry call that failed, with a message for the person who asked for it.

    ``kind`` is one of: not_installed, unreachable, not_found, unauthenticated, permission,
    not_mlflow, invalid, failed.
    """

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


def available() -> bool:
    """Whether the MLflow client is installed (without importing it)."""
    try:
        return importlib.util.find_spec("mlflow") is not None
    except (ImportError, ValueError):
        return False


def not_installed() -> RegistryError:
    return RegistryError(
        "not_installed",
        f"The MLflow client is not installed. Install the workbook's MLflow extra ({INSTALL_HINT}, which brings "
        "the light mlflow-skinny client) and restart the app.",
    )


def configure_environment() -> None:
    """Fast failure instead of minutes of retries; values the environment already sets are kept."""
    for name, value in DEFAULT_ENV.items():
        os.environ.setdefault(name, value)


def _timeout() -> str:
    return os.environ.get("MLFLOW_HTTP_REQUEST_TIMEOUT", DEFAULT_ENV["MLFLOW_HTTP_REQUEST_TIMEOUT"])


def _account() -> str:
    user = os.environ.get("MLFLOW_TRACKING_USERNAME", "").strip()
    if user:
        return f"the account '{user}' that the app uses"
    if os.environ.get("MLFLOW_TRACKING_TOKEN", "").strip():
        return "the token that the app uses"
    return "the app (it has no MLflow credentials set)"


_UNREACHABLE = (
    (re.compile(r"ConnectionRefused|Connection refused|Errno 111", re.I), "the connection was refused (is the server "
     "running, and is the port right?)"),
    (re.compile(r"ReadTimeout|ConnectTimeout|timed out|Timeout", re.I), "it did not answer within {timeout} s"),
    (re.compile(r"NameResolution|Name or service not known|nodename nor servname|getaddrinfo|Failed to resolve", re.I),
     "the host name could not be resolved"),
    (re.compile(r"SSLError|CERTIFICATE|WRONG_VERSION_NUMBER", re.I), "the TLS (https) connection failed; check "
     "http:// against https:// and the server's certificate"),
    (re.compile(r"NewConnectionError|ConnectionError|Max retries exceeded|RemoteDisconnected|Connection aborted|"
                r"Connection reset", re.I), "the connection failed"),
)


def _first_line(text: str, limit: int = 240) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def explain(error: BaseException, action: str, uri: str) -> RegistryError:
    """The error a failed MLflow call raised, as one message naming what failed and why."""
    code = str(getattr(error, "error_code", "") or "")
    text = str(error)
    status = getattr(getattr(error, "response", None), "status_code", None)
    where = f"on {uri}"
    if code == "RESOURCE_DOES_NOT_EXIST":
        return RegistryError("not_found", f"{action.capitalize()} failed: {_not_found(text)} {where}.")
    if code == "ENDPOINT_NOT_FOUND":
        return RegistryError("not_mlflow", f"{action.capitalize()} failed: {uri} does not answer as an MLflow "
                             "tracking server (its API was not found there). Check the URL, including any path "
                             "prefix the server is mounted under.")
    if status == 404:
        return RegistryError("not_found", f"{action.capitalize()} failed: not found {where} ({_first_line(text)}).")
    if code == "UNAUTHENTICATED" or status == 401:
        return RegistryError("unauthenticated", f"{action.capitalize()} failed: {uri} refused the app's credentials. "
                             "Set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN) in "
                             "the app's environment and restart it.")
    if code == "PERMISSION_DENIED" or status == 403:
        return RegistryError("permission", f"{action.capitalize()} failed: {_account()} has no permission for this "
                             f"{where}. Ask the server's administrator for the permission, or use an account "
                             "that has it.")
    if code in ("INVALID_PARAMETER_VALUE", "BAD_REQUEST", "INVALID_STATE"):
        return RegistryError("invalid", f"{action.capitalize()} failed: the server refused the request "
                             f"({_first_line(text.split(':', 1)[-1])}).")
    for pattern, reason in _UNREACHABLE:
        if pattern.search(text):
            return RegistryError("unreachable", f"{action.capitalize()} failed: cannot reach the tracking server at "
                                 f"{uri}; {reason.format(timeout=_timeout())}.")
    return RegistryError("failed", f"{action.capitalize()} failed {where}: {_first_line(text)}")


def _not_found(text: str) -> str:
    detail = text.split(":", 1)[-1].strip() if "RESOURCE_DOES_NOT_EXIST" in text else text
    return _first_line(detail, 200).rstrip(".") or "it does not exist"


class Registry:
    """One tracking server, through ``MlflowClient``; every call's failure becomes a ``RegistryError``."""

    def __init__(self, tracking_uri: str):
        self.uri = tracking_uri.strip().rstrip("/")
        if not available():
            raise not_installed()
        configure_environment()
        try:
            from mlflow import MlflowClient
        except ImportError as error:  # installed but broken (e.g. a missing dependency)
            raise RegistryError("not_installed", f"The MLflow client cannot be imported ({error}). Reinstall the "
                                f"workbook's MLflow extra ({INSTALL_HINT}).") from None
        self.client: Any = MlflowClient(tracking_uri=self.uri, registry_uri=self.uri)

    def call(self, action: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)``; on failure a ``RegistryError`` saying that ``action`` failed and why."""
        try:
            return function(*args, **kwargs)
        except RegistryError:
            raise
        except Exception as error:  # noqa: BLE001 - MLflow raises MlflowException, requests errors, OSError…
            raise explain(error, action, self.uri) from error
