"""A throwaway MLflow tracking server for tests: loopback only, SQLite backend, local artifact store.

The server is the full ``mlflow`` package, which lives in a virtualenv of its own
(``.venv-mlflow``, installed by ``scripts/install-mlflow-server.sh``; ``make test`` runs it)
so that its dependencies never mix with the app's. The tests talk to it with the light
``mlflow-skinny`` client from the app's own virtualenv, as the app does.

The server runs MLflow's basic-auth app, so that "no permission" and "wrong credentials" are
tested against the real thing: ``admin`` may do anything, every other account may only read
(``default_permission = READ``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import requests

ROOT = Path(__file__).resolve().parents[1]
SERVER_VENV = ROOT / ".venv-mlflow"
INSTALL = ROOT / "scripts" / "install-mlflow-server.sh"
ADMIN = ("admin", "admin-password-for-tests")
READER = ("reader", "reader-password-for-tests")


@dataclass(frozen=True)
class Server:
    url: str
    root: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_installed() -> Path:
    """The server's ``mlflow`` executable; installs the server's virtualenv when it is missing."""
    executable = SERVER_VENV / "bin" / "mlflow"
    if not (SERVER_VENV / ".installed").exists():
        subprocess.run(["bash", str(INSTALL), str(SERVER_VENV)], check=True, cwd=ROOT)
    return executable


@contextmanager
def mlflow_server(timeout: float = 90.0) -> Iterator[Server]:
    executable = ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="lifecycle-mlflow-"))
    port = _free_port()
    config = root / "basic_auth.ini"
    config.write_text(
        "[mlflow]\n"
        "default_permission = READ\n"
        f"database_uri = sqlite:///{root / 'basic_auth.db'}\n"
        f"admin_username = {ADMIN[0]}\n"
        "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n"
        # Checking a password costs a deliberately slow hash on every request; cache it, or each
        # request of the tests takes seconds on a busy machine.
        "auth_cache_ttl_seconds = 600\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "MLFLOW_AUTH_CONFIG_PATH": str(config),
        "MLFLOW_AUTH_ADMIN_PASSWORD": ADMIN[1],
        "MLFLOW_FLASK_SERVER_SECRET_KEY": "lifecycle-tests-only",
        "MLFLOW_DISABLE_TELEMETRY": "true",
        "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false",  # no background job workers (GenAI jobs) for these tests
    }
    log = open(root / "server.log", "w")
    process = subprocess.Popen(
        [
            str(executable), "server", "--app-name", "basic-auth",
            "--backend-store-uri", f"sqlite:///{root / 'mlflow.db'}",
            "--artifacts-destination", str(root / "artifacts"),
            "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
        ],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the MLflow server exited with code {process.returncode}: "
                                   + (root / "server.log").read_text()[-2000:])
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("the MLflow server did not become healthy")
            time.sleep(0.25)
        response = requests.post(f"{url}/api/2.0/mlflow/users/create",
                                 json={"username": READER[0], "password": READER[1]}, auth=ADMIN, timeout=10)
        response.raise_for_status()
        yield Server(url, root)
    finally:
        # The server forks workers; end its whole process group (it was started in a session of its own).
        try:
            os.killpg(process.pid, 15)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=2)  # throwaway data: no need to wait for a graceful shutdown
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=5)
        log.close()
        shutil.rmtree(root, ignore_errors=True)
