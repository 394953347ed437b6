"""The Canvas page: blocks laid out from the declaration, gaps marked, links back, and deferred PDF downloads."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import lifecycle.export
from lifecycle.canvas import BLOCKS
from lifecycle.storage import project_document
from lifecycle.samples import load_sample
from ui.canvas_view import _deferred

from .conftest import APP, page_links

CANVAS = "pages/canvas.py"


def _texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def _labels(at: AppTest, kind: str) -> list[str]:
    return [element.proto.label for element in at.get(kind)]


def test_a_new_project_shows_every_block_empty_and_marked(at: AppTest) -> None:
    at.switch_page(CANVAS).run()
    assert not at.exception
    assert at.title[0].value == "ML lifecycle canvas"
    text = _texts(at)
    for block in BLOCKS:
        assert f"**{block.title}**" in text
        assert block.question in text
    assert text.count("Nothing answered yet.") == len(BLOCKS)
    assert text.count("**Missing:**") == len(BLOCKS)


def test_an_opened_sample_fills_the_blocks_and_links_each_to_its_page(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    at.switch_page(CANVAS).run()
    assert not at.exception
    text = _texts(at)
    assert "Nothing answered yet." not in text
    assert "Binary classification" in text and "Bias testing" in text  # an answer and the planted gap
    links = [label for label, _, _ in page_links(at)]
    for title in ("1. Problem Framing", "2. Data", "3. Modeling & Evaluation", "4. Deployment", "5. Monitoring",
                  "Plan"):
        assert title in links
    containers = [block.id for block in BLOCKS]
    assert len(containers) == len(BLOCKS)


def test_user_text_is_escaped_not_rendered_as_markdown(at: AppTest) -> None:
    at.switch_page("pages/problem_framing.py").run()
    key = next(w.key for w in at.text_area if w.key.endswith(":problem_framing.users"))
    at.text_area(key=key).input("**bold** [link](http://x) :red[alarm]").run()
    at.switch_page(CANVAS).run()
    assert not at.exception
    assert r"\*\*bold\*\* \[link\]\(http\:\/\/x\) \:red\[alarm\]" in _texts(at)


def test_both_download_buttons_are_offered(at: AppTest) -> None:
    at.button(key="open-sample-churn").click().run()
    at.switch_page(CANVAS).run()
    assert _labels(at, "download_button") == [
        "Canvas PDF (one A3 page)", "Lifecycle map PDF (every answer)"]


def test_pdfs_are_not_built_on_reruns(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(lifecycle.export, "canvas_pdf", lambda project: calls.append("canvas") or b"")
    monkeypatch.setattr(lifecycle.export, "map_pdf", lambda project, **_: calls.append("map") or b"")
    at.switch_page(CANVAS).run()
    at.run()
    at.run()
    assert not at.exception
    assert calls == []


def test_the_deferred_builder_makes_the_pdf_of_the_project_as_shown() -> None:
    document = project_document(load_sample("loan"))
    build = _deferred(document, lifecycle.export.canvas_pdf)
    document["info"]["name"] = "changed after the button was drawn"
    data = build()
    assert data.startswith(b"%PDF") and data == lifecycle.export.canvas_pdf(load_sample("loan"))


def test_the_map_downloaded_from_the_canvas_says_which_signed_gate_changed_since(project_store, monkeypatch) -> None:
    from datetime import date
    from io import BytesIO

    from pypdf import PdfReader

    import ui.canvas_view
    from lifecycle.gates import sign_off
    from lifecycle.store import ProjectStore

    store = ProjectStore(project_store)
    plan = load_sample("churn")
    pid = store.create(plan, by="Ana").id
    signed = sign_off(plan, "problem_framing", "Ana Ruiz", date(2026, 3, 1), findings=[])
    store.save(pid, signed, expected_version=1, by="Ana")
    edited = signed.model_copy(deep=True)
    edited.problem_framing.problem_statement = "Churn among prepaid customers doubled this year."
    store.save(pid, edited, expected_version=2, by="Bob")
    builders: dict = {}
    guarded = ui.canvas_view.guarded_download
    monkeypatch.setattr(ui.canvas_view, "guarded_download",
                        lambda what, build: builders.setdefault(what, guarded(what, build)))

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["pid"] = pid
    at.run()
    at.switch_page(CANVAS).run()

    assert not at.exception
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(builders["the lifecycle map PDF"]())).pages)
    assert "Ana Ruiz signed this gate in version 2; 1 answer of this phase changed since." in " ".join(text.split())
