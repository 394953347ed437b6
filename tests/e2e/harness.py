"""Start the real app and drive it with Playwright in Debian's headless Chromium.

Waits follow Streamlit's own e2e harness: poll the health endpoint, then wait for the
app to be connected and its script to stop running, instead of sleeping.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class AppURL(str):
    """The app's address, and the store it saves to (so a test can read back what was saved)."""

    store_url: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(timeout: float = 60.0, store_url: str | None = None, port: int | None = None,
                extra_args: tuple[str, ...] = ()) -> Iterator[AppURL]:
    """Serve app.py on a loopback port (a free one unless given), with its own empty project store unless
    one is given; ``extra_args`` are more ``streamlit run`` options."""
    port = port or free_port()
    store_dir = tempfile.mkdtemp(prefix="lifecycle-e2e-")
    store_url = store_url or f"sqlite:///{store_dir}/projects.db"
    log = open(ROOT / ".pytest_cache" / f"streamlit-{port}.log", "w") if (ROOT / ".pytest_cache").is_dir() else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
            *extra_args,
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "LIFECYCLE_STORE_URL": store_url},
    )
    url = AppURL(f"http://127.0.0.1:{port}")
    url.store_url = store_url
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("streamlit did not become healthy")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(store_dir, ignore_errors=True)


def wait_for_app(page, timeout: float = 30_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app is connected and no script run is in progress."""
    page.wait_for_timeout(200)  # the frontend debounces before it reports a new run
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
