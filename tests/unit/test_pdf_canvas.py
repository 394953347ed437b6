"""The one-page canvas PDF: one landscape page, every block and key answer on it, fitted, never clipped."""

from __future__ import annotations

import logging

import pytest

from lifecycle.canvas import BLOCKS, fill_canvas
from lifecycle.export import MARKER, canvas_pdf, export_canvas
from lifecycle.export.canvas_pdf import MIN_SIZE
from lifecycle.export.textfit import Measure
from lifecycle.export.fonts import WorkbookPDF
from lifecycle.model import Project
from lifecycle.samples import load_sample

from .test_pdf_support import all_text, fpdf_warnings, ink_share, reader, render, squeeze

KEYS = ("churn", "recommendation", "loan")
A3_LANDSCAPE = (1190.55, 841.89)


@pytest.fixture(scope="module")
def exports() -> dict:
    return {key: export_canvas(load_sample(key)) for key in KEYS}


@pytest.mark.parametrize("key", KEYS)
def test_canvas_is_exactly_one_a3_landscape_page(key: str, exports: dict) -> None:
    pdf = reader(exports[key].data)
    assert len(pdf.pages) == 1 == exports[key].pages
    box = pdf.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A3_LANDSCAPE[0], 1), round(A3_LANDSCAPE[1], 1))


@pytest.mark.parametrize("key", KEYS)
def test_every_block_title_and_the_key_answers_are_on_the_page(key: str, exports: dict) -> None:
    project = load_sample(key)
    text = all_text(exports[key].data)
    assert squeeze(project.info.name) in text
    for block in BLOCKS:
        assert squeeze(block.title) in text, block.title
    for short in (project.problem_framing.ml_task.label, project.deployment.serving_mode.label,
                  project.modeling.model_family.label, project.monitoring.alert_owner):
        assert squeeze(short) in text, short
    canvas = fill_canvas(project)
    for filled in canvas.blocks:  # every answer's label is shown, even when its text is cut
        for answer in filled.answers:
            assert squeeze(answer.label) in text, (filled.block.id, answer.label)


@pytest.mark.parametrize("key", KEYS)
def test_every_block_fits_its_box_and_cut_answers_say_so(key: str, exports: dict) -> None:
    export = exports[key]
    text = all_text(export.data)
    pdf = WorkbookPDF(styles=("", "B", "I"))
    measure = Measure({s: pdf.unit_widths(s) for s in ("", "B", "I")})
    for block_id, drawing in export.blocks.items():
        fit = drawing.fit
        assert fit.size >= MIN_SIZE
        assert fit.height <= drawing.content.h + 1e-6, block_id
        columns = len(fit.columns)
        gap = 3.0 + 2 * 2.4
        column_width = (drawing.content.w - gap * (columns - 1)) / columns
        for column in fit.columns:
            for line in column:
                assert measure.mm(line.text, line.style.emphasis, fit.size) <= column_width - line.indent + 1e-6
        if fit.truncated:
            assert any(line.text == MARKER or line.text.startswith("…") for line in fit.lines)
    if export.truncated:
        assert squeeze(MARKER) in text


def test_a_new_project_marks_every_block_empty() -> None:
    export = export_canvas(Project())
    text = all_text(export.data)
    assert text.count(squeeze("Nothing answered yet.")) == len(BLOCKS)
    assert squeeze("Missing:") in text and squeeze("Untitled project") in text
    assert export.truncated == []


def test_huge_answers_shrink_to_the_minimum_then_are_cut_visibly_on_one_page() -> None:
    project = load_sample("loan")
    project.problem_framing.problem_statement = "A very long problem statement. " * 320
    project.problem_framing.users = "Ünïcødé users ✓ " * 600
    export = export_canvas(project)
    assert export.pages == 1 and len(reader(export.data).pages) == 1
    value = export.blocks["value"]
    assert value.fit.truncated and value.fit.size == MIN_SIZE
    assert "Problem statement" in value.fit.cut
    assert squeeze(MARKER) in all_text(export.data)


def test_an_unbreakable_word_is_broken_rather_than_run_outside_its_box() -> None:
    project = load_sample("loan")
    project.data.label_source = "x" * 5000
    export = export_canvas(project)
    drawing = export.blocks["labels"]
    assert drawing.fit.height <= drawing.content.h + 1e-6
    assert export.pages == 1


def test_same_project_same_bytes() -> None:
    loan = load_sample("loan")
    assert canvas_pdf(loan) == canvas_pdf(load_sample("loan"))


def test_no_fpdf_warnings_for_the_samples(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        for key in KEYS:
            canvas_pdf(load_sample(key))
    assert fpdf_warnings(caplog) == []


@pytest.mark.parametrize("key", ["loan", "churn"])
def test_rendered_page_is_not_blank(key: str, exports: dict, tmp_path) -> None:
    image = render(exports[key].data, tmp_path, f"{key}-canvas")
    assert image.width > image.height  # landscape
    assert 0.02 < ink_share(image) < 0.6
