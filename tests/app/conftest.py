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


def row_picker(at: AppTest, table: str):
    """The "row to edit" selector of a table question, e.g. row_picker(at, "data.sources")."""
    matches = [w for w in at.selectbox if w.key and w.key.startswith("q:") and w.key.endswith(f":{table}:row")]
    assert len(matches) == 1, f"expected one row picker for {table}, found {[w.key for w in at.selectbox]}"
    return matches[0]


def cell(at: AppTest, kind: str, table: str, column: str):
    """The input for ``column`` of the row open in the table's editor."""
    row_id = row_picker(at, table).value
    suffix = f":{table}:{row_id}:{column}"
    matches = [w for w in getattr(at, kind) if w.key and w.key.startswith("q:") and w.key.endswith(suffix)]
    assert len(matches) == 1, f"expected one {kind} for {table} column {column}, found {[w.key for w in getattr(at, kind)]}"
    return matches[0]


def shown_table(at: AppTest, first_column_label: str):
    """The table as displayed (a DataFrame of text), found by the label of its first column."""
    matches = [d.value for d in at.dataframe if list(d.value.columns)[1:2] == [first_column_label]]
    assert len(matches) == 1, f"expected one table starting with {first_column_label!r}"
    return matches[0]


def page_links(at: AppTest, main_only: bool = False) -> list[tuple[str, str, str]]:
    """(label, page, query string) of every link-button to another page (``ui.nav.go_link``), read off its key
    ``go:<page>?<query>#…``."""
    found = []
    for button in (at.main if main_only else at).button:
        key = button.key or ""
        if key.startswith("go:"):
            target, _, rest = key[3:].partition("?")
            query = rest.split("#", 1)[0]
            found.append((button.label, target, query))
    return found
