"""docs/checks.md is generated from the registry and must be kept up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lifecycle.checks import UNCHECKED_RULES, registered
from lifecycle.checks.doc import render

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "checks.md"


def test_docs_page_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/checks.md is stale: run `python -m lifecycle.checks.doc > docs/checks.md`"
    )


def test_docs_page_lists_every_check_with_its_docstring_and_every_unchecked_rule() -> None:
    page = render()
    for entry in registered():
        assert f"### {entry.id}: {entry.title}" in page
        assert entry.doc.splitlines()[0] in page
    for reason in UNCHECKED_RULES.values():
        assert reason in page


def test_module_prints_the_page() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lifecycle.checks.doc"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout == render()
