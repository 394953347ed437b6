"""Unicode in the PDFs, visible replacement of characters no font has, and the text-fitting rules."""

from __future__ import annotations

import logging

import pytest

from lifecycle.export import REPLACEMENT, export_canvas, export_map
from lifecycle.export.fonts import WorkbookPDF
from lifecycle.export.textfit import MARKER, Item, Measure, fit, wrap
from lifecycle.samples import load_sample

from .test_pdf_support import all_text, fpdf_warnings, squeeze

WORLD = "Café “quoted” — 12 € · Ωμέγα · Привет мир · naïve façade ½ ✓"


@pytest.fixture(scope="module")
def measure() -> Measure:
    pdf = WorkbookPDF()
    return Measure({s: pdf.unit_widths(s) for s in ("", "B", "I")})


def test_smart_quotes_euro_accents_greek_and_cyrillic_render(caplog: pytest.LogCaptureFixture) -> None:
    project = load_sample("churn")
    project.info.name = WORLD
    project.problem_framing.problem_statement = WORLD
    with caplog.at_level(logging.WARNING):
        canvas = export_canvas(project)
        full = export_map(project)
    assert fpdf_warnings(caplog) == []
    assert canvas.replaced == 0 and full.replaced == 0
    for data in (canvas.data, full.data):
        assert squeeze(WORLD) in all_text(data)


def test_characters_no_font_has_are_shown_as_a_square_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    project = load_sample("loan")
    project.info.name = "Loan 中文 model"  # two CJK characters DejaVu does not have
    project.problem_framing.users = "bell\x07 and tab\there"  # a control character; a tab is a space
    with caplog.at_level(logging.WARNING):
        canvas = export_canvas(project)
        full = export_map(project)
    assert fpdf_warnings(caplog) == []  # nothing silently dropped by fpdf
    assert canvas.replaced >= 3 and full.replaced >= 3
    assert squeeze(f"Loan {REPLACEMENT}{REPLACEMENT} model") in all_text(canvas.data)
    assert squeeze(f"bell{REPLACEMENT} and tab here") in all_text(full.data)


def test_safe_replaces_only_what_the_face_lacks() -> None:
    pdf = WorkbookPDF()
    assert pdf.safe("é€Ω\n", "") == "é€Ω\n" and pdf.replaced == 0
    assert pdf.safe("a\U0001d11eb") == f"a{REPLACEMENT}b" and pdf.replaced == 1  # musical G clef


def test_wrap_keeps_lines_within_the_width_and_breaks_long_words(measure: Measure) -> None:
    text = "short words then " + "x" * 300 + " and the end\nsecond paragraph"
    lines = wrap(text, 40, "", 8, measure)
    assert all(measure.mm(line, "", 8) <= 40 + 1e-9 for line in lines)
    assert squeeze("".join(lines)) == squeeze(text)
    assert lines[-1] == "second paragraph"


def test_fit_shrinks_before_it_cuts(measure: Measure) -> None:
    items = [Item("Label", ("word " * 60,))]
    roomy = fit(items, 60, 100, measure, max_size=9, min_size=6)
    assert roomy.size == 9 and not roomy.truncated
    tight = fit(items, 60, 18, measure, max_size=9, min_size=6)
    assert 6 <= tight.size < 9 and not tight.truncated
    cut = fit(items, 60, 8, measure, max_size=9, min_size=6)
    assert cut.size == 6 and cut.truncated and cut.lines[-1].text == MARKER
    assert cut.lines[0].text == "Label"
    assert cut.height <= 8 + 1e-9


def test_the_longest_answers_are_cut_first_and_short_ones_kept_whole(measure: Measure) -> None:
    items = [Item("Short", ("one line",)), Item("Long", ("word " * 400,)), Item("Also short", ("two",))]
    result = fit(items, 60, 40, measure, max_size=8, min_size=6)
    texts = [line.text for line in result.lines]
    assert "one line" in texts and "two" in texts
    assert result.cut == ["Long"] and MARKER in texts
    assert result.height <= 40 + 1e-9


def test_when_even_labels_do_not_fit_the_rest_is_counted(measure: Measure) -> None:
    items = [Item(f"Label {n}", ("text",)) for n in range(30)]
    result = fit(items, 60, 20, measure, max_size=8, min_size=6)
    assert result.truncated and result.lines[-1].text.endswith("more answers in the full map")
    assert result.height <= 20 + 1e-9


def test_text_columns_share_the_box(measure: Measure) -> None:
    items = [Item(f"Label {n}", ("some words " * 8,)) for n in range(6)]
    one = fit(items, 120, 30, measure, max_size=8, min_size=6)
    three = fit(items, 120, 30, measure, max_size=8, min_size=6, columns=3)
    assert len(three.columns) <= 3 and three.size >= one.size
    assert all(sum(1 for _ in column) for column in three.columns)
