"""Print quality of the PDFs as a reader sees them: one body size on the canvas, whole words in table headings,
numbers with thousands separators, no near-empty pages, no heading printed twice, readable Gantt ticks."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lifecycle.canvas import BLOCKS
from lifecycle.export import export_canvas, export_map
from lifecycle.export.canvas_pdf import QUESTION_SIZE, TITLE_SIZE
from lifecycle.export.textfit import Item, Line, Measure, Style, fit, flow
from lifecycle.model import Project
from lifecycle.model.timeline import Activity, Timeline
from lifecycle.phases import PHASES
from lifecycle.questions import format_number, questions_of, summarise_row
from lifecycle.samples import load_sample

from .test_pdf_support import FOOTER, page_texts, reader

KEYS = ("churn", "recommendation", "loan")


@pytest.fixture(scope="module")
def maps() -> dict:
    return {key: export_map(load_sample(key)).data for key in KEYS}


def _font_sizes(data: bytes) -> set[float]:
    """Every font size text is drawn at on the first page, read back from the PDF's content stream."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font_dict, font_size):  # type: ignore[no-untyped-def]
        if text.strip():
            sizes.add(round(font_size * tm[0] * cm[0], 2))

    reader(data).pages[0].extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("key", KEYS)
def test_the_canvas_sets_every_block_at_one_body_size(key: str) -> None:
    export = export_canvas(load_sample(key))
    assert len({drawing.fit.size for drawing in export.blocks.values()}) == 1
    # Read back: besides the page header (17, 8 pt), the credit (6.5), block titles and questions, one size only.
    body = _font_sizes(export.data) - {17.0, 8.0, 6.5, TITLE_SIZE, QUESTION_SIZE}
    assert len(body) == 1, body


def test_a_table_row_is_never_split_between_two_columns() -> None:
    measure = Measure({"": {}, "B": {}, "I": {}}, default=500)
    rows = tuple(f"row {n} " + "word " * 10 for n in range(6))  # two lines each in a 50 mm column
    items = [Item("Table", rows, bullets=True)]
    five_lines = 5 * 8 * 1.2 * 25.4 / 72 + 0.1  # label + two rows, or two rows, per column
    fitted = fit(items, 154, five_lines, measure, max_size=8, min_size=8, columns=3, column_gap=2)
    assert not fitted.truncated and len(fitted.columns) == 3
    for column in fitted.columns[1:]:
        assert column[0].bullet, "a column starts in the middle of a row"


def test_lines_chained_longer_than_a_column_still_flow() -> None:
    chained = [Line(f"l{n}", Style(), keep_with_next=True) for n in range(9)] + [Line("end", Style())]
    poured = flow(chained, 4.0, 16.0, 3)
    assert poured is not None and sum(len(c) for c in poured) == 10


def all_questions() -> list:
    return [question for phase in PHASES for question in questions_of(phase.section)]


def _heading_words() -> set[str]:
    words: set[str] = set()
    for question in all_questions():
        if question.kind == "table":
            for column in question.columns:
                words.update(w for w in re.findall(r"[A-Za-z]+", column.label) if len(w) >= 5)
    return words


@pytest.mark.parametrize("key", KEYS)
def test_no_table_heading_word_is_broken_in_the_map(key: str, maps: dict) -> None:
    text = "\n".join(FOOTER.sub("", page) for page in page_texts(maps[key]))
    tokens = set(re.findall(r"[A-Za-z]+", text))
    fragments = set()
    for word in _heading_words():
        for cut in range(2, len(word) - 1):
            fragments.update({word[:cut], word[cut:]})
    broken = {t for t in tokens & fragments if t.lower() not in {w.lower() for w in _heading_words()}}
    # A fragment may also be a real word of an answer ("Sour" never, "time" often): only pairs that rebuild a
    # heading word on consecutive lines count as a break.
    lines = [line.split() for line in text.splitlines()]
    pairs = {(a[-1], b[0]) for a, b in zip(lines, lines[1:]) if a and b}
    rebuilt = {a + b for a, b in pairs if a in broken or b in broken}
    assert not rebuilt & _heading_words(), sorted(rebuilt & _heading_words())


@pytest.mark.parametrize("key", KEYS)
def test_no_page_but_the_last_is_nearly_empty(key: str, maps: dict) -> None:
    texts = [FOOTER.sub("", page).strip() for page in page_texts(maps[key])]
    short = [number for number, text in enumerate(texts[:-1], 1) if len(text) < 600]
    assert not short, f"pages {short} hold less than a few lines"


@pytest.mark.parametrize("key", KEYS)
def test_no_heading_is_printed_twice_in_a_row(key: str, maps: dict) -> None:
    for number, page in enumerate(page_texts(maps[key]), 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        doubled = [a for a, b in zip(lines, lines[1:]) if a == b and len(a) > 3]
        assert not doubled, f"page {number}: {doubled}"


def test_numbers_read_with_thousands_separators_and_no_trailing_zero(maps: dict) -> None:
    assert [format_number(v) for v in (1100.0, 186000, 0.18, 0.1 + 0.2, -2500.5, 7)] == \
        ["1,100", "186,000", "0.18", "0.3", "-2,500.5", "7"]
    project = load_sample("loan")
    text = "\n".join(page_texts(maps["loan"]))
    cost = project.problem_framing.false_positive_cost
    assert cost is not None and cost >= 1000
    assert format_number(cost) in text and f"{cost}" not in text


def test_a_comparison_reads_as_words_before_its_number() -> None:
    project = load_sample("loan")
    question = next(q for q in all_questions() if q.name == "quality_gate_checks")
    line = summarise_row(project.deployment.quality_gate_checks[0], question.columns)
    assert "at least 0." in line and "≥" not in line


def test_a_plan_over_twenty_years_is_ticked_by_year_without_crowding() -> None:
    project = Project()
    project.timeline = Timeline(activities=[
        Activity(name="Long programme", start=date(2026, 1, 1), end=date(2046, 6, 30)),
        Activity(name="Pilot", start=date(2026, 2, 1), end=date(2026, 9, 30)),
    ])
    data = export_map(project).data
    plan_page = next(page for page in page_texts(data) if "Long programme" in page)
    years = re.findall(r"\b20[2-4]\d\b", plan_page.split("Activities")[0])
    assert 3 <= len(years) <= 12, years
    assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d", plan_page.split("Activities")[0])


def test_every_canvas_block_is_on_the_page_at_the_shared_size() -> None:
    export = export_canvas(load_sample("loan"))
    assert set(export.blocks) == {block.id for block in BLOCKS}
