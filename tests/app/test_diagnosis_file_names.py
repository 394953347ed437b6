"""Uploaded CSV file names (and the open project's name) reach the Diagnosis page as text: never live
Markdown, links or emphasis in a status line, a progress bar, a caption or a choice."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Status

from lifecycle.diagnosis.bundled import bundled_paths

from .conftest import widget

REFERENCE = "**ref**[a](http://e).csv"
BATCH = "x/y\\[b](http://e)_2025-09.csv"
LIVE = ("[a](http://e)", "[b](http://e)", "**ref**", "**Boss**")


def _statuses(block: Block) -> list[str]:
    found = []
    for child in block.children.values():
        if isinstance(child, Status):
            found.append(child.label)
        if isinstance(child, Block):
            found.extend(_statuses(child))
    return found


def _markdown_texts(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer."""
    kinds = ("markdown", "caption", "error", "warning", "success", "info")
    texts = [e.value for kind in kinds for e in getattr(at, kind)]
    texts += [p.proto.text for p in at.get("progress")]
    texts += _statuses(at._tree)  # noqa: SLF001 - AppTest lists no status blocks of its own
    texts += [option for radio in at.radio for option in radio.options]
    return texts


def test_hostile_file_and_project_names_show_as_text(at: AppTest) -> None:
    widget(at, "text_input", "info.name").input("**Boss** [home](http://e)").run()
    at.switch_page("pages/diagnosis.py").run()
    paths = bundled_paths()
    at.file_uploader(key="diagnosis-reference").upload(REFERENCE, paths["reference"].read_bytes())
    at.file_uploader(key="diagnosis-batches").upload(BATCH, paths["2025-09"].read_bytes()).run()
    assert not at.exception and not at.error
    assert at.session_state["diagnosis_result"].analysis.batches == ["x/y\\[b](http://e)_2025-09"]  # the whole name
    texts = _markdown_texts(at)
    live = [t for t in texts if any(bit in t for bit in LIVE)]
    assert live == []
    shown = re.sub(r"\\(.)", r"\1", " ".join(texts))  # what a reader sees once the escapes are rendered
    assert f"Analysed 1 batch(es) against {REFERENCE[:-4]}" in shown  # the status line, as typed
    assert f"Reading {BATCH} (2 of 2)" in shown
    assert f"inputs drifted in {BATCH[:-4]}" in shown
    assert "The open project (**Boss** [home](http://e))" in shown
