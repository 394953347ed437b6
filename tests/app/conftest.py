from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(autouse=True)
def project_store(tmp_path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """Each test gets its own empty project store."""
    url = f"sqlite:///{tmp_path / 'projects.db'}"
    monkeypatch.setenv("LIFECYCLE_STORE_URL", url)
    monkeypatch.setenv("LIFECYCLE_SEED_SAMPLES", "0")  # tests say what they store; one test covers seeding
    return url


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def widget(at: AppTest, kind: str, path: str):
    """The widget bound to a project field, e.g. widget(at, "text_area", "data.label_source")."""
    matches = [w for w in getattr(at, kind) if w.key and w.key.startswith("q:") and w.key.endswith(":" + path)]
    assert len(matches) == 1, f"expected one {kind} for {path}, found {[w.key for w in getattr(at, kind)]}"
    return matches[0]


def answer(at: AppTest, *path: str):
    node = at.session_state["project"]
    for part in path:
        node = node[part]
    return node
