"""The stakeholder memo as a PDF (fpdf2), from the same blocks as the Markdown.

Fonts are the DejaVu Sans TTFs vendored in ``lifecycle/fonts/`` (Unicode, so em dashes,
"≤" or names like "Łukasz" print), never the system's: the app must not depend on fonts
installed on the server.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from .diagnose import Diagnosis
from .memo import build_memo
from .memo_blocks import Block, ChartData, Memo

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVuSans"
INK = (33, 37, 41)
MUTED = (96, 103, 112)
ACCENT = (31, 78, 121)
RULE = (200, 205, 212)
HEADER_FILL = (232, 238, 245)
REFERENCE_LINE = (176, 58, 46)


class _MemoPDF(FPDF):
    def __init__(self, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.memo_title = title
        self.add_font(FAMILY, "", str(FONTS_DIR / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_author("Lifecycle Workbook")
        self.set_creator("Lifecycle Workbook diagnosis")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.memo_title}  ·  page {self.page_no()} of {{nb}}", align="C")


def _block(pdf: _MemoPDF, block: Block) -> None:
    width = pdf.epw
    if block.kind == "title":
        pdf.set_font(FAMILY, "B", 17)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(width, 8, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif block.kind == "note":
        pdf.set_font(FAMILY, "", 8.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width, 4.4, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*RULE)
        pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.l_margin + width, pdf.get_y() + 2)
        pdf.ln(4)
    elif block.kind == "heading":
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font(FAMILY, "B", 12.5)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(width, 6.5, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif block.kind == "subheading":
        if pdf.get_y() > pdf.h - 35:
            pdf.add_page()
        pdf.ln(1)
        pdf.set_font(FAMILY, "B", 10)
        pdf.set_text_color(*INK)
        pdf.multi_cell(width, 5.5, block.text, new_x="LMARGIN", new_y="NEXT")
    elif block.kind == "paragraph":
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, "", 9.3)
        if block.lead:
            pdf.set_font(FAMILY, "B", 9.3)
            pdf.multi_cell(width, 4.8, block.lead, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FAMILY, "", 9.3)
        pdf.multi_cell(width, 4.8, block.text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1.5)
    elif block.kind == "bullets":
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, "", 9.3)
        for item in block.items:
            y = pdf.get_y()
            if y > pdf.h - 25:
                pdf.add_page()
            pdf.set_x(pdf.l_margin)
            pdf.cell(5, 4.8, "•")
            pdf.multi_cell(width - 5, 4.8, item, new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(0.8)
        pdf.ln(1)
    elif block.kind == "table":
        _table(pdf, block)
    elif block.kind == "chart" and block.chart is not None:
        _chart(pdf, block.chart)


def _nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value`` (the y axis's top)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def _chart(pdf: _MemoPDF, chart: ChartData) -> None:
    """A bar chart drawn with PDF primitives (text stays text: titles and labels read back and print sharp)."""
    height = 62.0
    if pdf.get_y() + height + 12 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.set_font(FAMILY, "B", 9.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(pdf.epw, 5, chart.title, new_x="LMARGIN", new_y="NEXT")
    top_y = pdf.get_y() + 2
    left = pdf.l_margin + 16  # room for the y axis title and the tick labels
    width = pdf.epw - 16 - 30  # room on the right for the reference line's label
    plot_h = height - 22
    bottom = top_y + plot_h
    known = [v for v in chart.values if v is not None] + ([chart.reference] if chart.reference is not None else [])
    top = _nice_top(max(known, default=1.0) * 1.1)
    pdf.set_draw_color(*RULE)
    pdf.set_font(FAMILY, "", 7)
    pdf.set_text_color(*MUTED)
    for i in range(5):  # grid lines and tick labels
        value = top * i / 4
        y = bottom - plot_h * i / 4
        pdf.line(left, y, left + width, y)
        pdf.set_xy(left - 13, y - 2)
        pdf.cell(12, 4, chart.value_text(value).replace(chart.prefix, ""), align="R")
    with pdf.rotation(90, pdf.l_margin + 2, top_y + plot_h / 2):  # the y axis title, read bottom to top
        pdf.set_xy(pdf.l_margin + 2 - plot_h / 2, top_y + plot_h / 2 - 2)
        pdf.set_font(FAMILY, "B", 7.5)
        pdf.set_text_color(*INK)
        pdf.cell(plot_h, 4, chart.y_title, align="C")
    slot = width / max(len(chart.labels), 1)
    for index, (label, value) in enumerate(zip(chart.labels, chart.values)):
        x = left + slot * index
        pdf.set_font(FAMILY, "", 7)
        if value is None:
            pdf.set_text_color(*MUTED)
            pdf.set_xy(x, bottom - 9)
            pdf.multi_cell(slot, 3.2, chart.missing_label, align="C")
        else:
            bar = plot_h * max(value, 0.0) / top
            pdf.set_fill_color(*ACCENT)
            pdf.rect(x + slot * 0.18, bottom - bar, slot * 0.64, bar, style="F")
            pdf.set_text_color(*INK)
            pdf.set_xy(x, bottom - bar - 4.2)
            pdf.cell(slot, 4, chart.value_text(value), align="C")
        pdf.set_text_color(*INK)
        pdf.set_xy(x, bottom + 1)
        pdf.cell(slot, 4, label, align="C")
    if chart.reference is not None:
        y = bottom - plot_h * chart.reference / top
        pdf.set_draw_color(*REFERENCE_LINE)
        pdf.set_line_width(0.4)
        with pdf.local_context():
            pdf.set_dash_pattern(dash=1.5, gap=1.0)
            pdf.line(left, y, left + width, y)
        pdf.set_line_width(0.2)
        pdf.set_font(FAMILY, "", 7)
        pdf.set_text_color(*REFERENCE_LINE)
        pdf.set_xy(left + width + 1, y - 4)
        pdf.multi_cell(29, 3.2, f"{chart.reference_label}: {chart.value_text(chart.reference)}", align="L")
    pdf.set_draw_color(*INK)
    pdf.line(left, bottom, left + width, bottom)
    pdf.line(left, top_y, left, bottom)
    pdf.set_font(FAMILY, "B", 7.5)
    pdf.set_text_color(*INK)
    pdf.set_xy(left, bottom + 6)
    pdf.cell(width, 4, chart.x_title, align="C")
    pdf.set_xy(pdf.l_margin, bottom + 12)
    pdf.ln(2)


def _table(pdf: _MemoPDF, block: Block) -> None:
    columns = len(block.header)
    weights = list(block.widths) if len(block.widths) == columns else [2.0] + [1.0] * (columns - 1)
    total = sum(weights)
    widths = tuple(pdf.epw * w / total for w in weights)
    size = 8.2 if columns <= 6 else 7.2
    pdf.set_font(FAMILY, "", size)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=widths,
        width=pdf.epw,
        line_height=size * 0.5,
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL, color=INK),
        borders_layout="HORIZONTAL_LINES",
        padding=1.1,
        first_row_as_headings=True,
    ) as table:
        row = table.row()
        for heading in block.header:
            row.cell(heading)
        for values in block.rows:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)


def render_pdf(memo: Memo, created: dt.datetime | None = None) -> bytes:
    pdf = _MemoPDF(memo.title)
    if created is not None:
        pdf.set_creation_date(created)
    pdf.alias_nb_pages()
    pdf.add_page()
    for block in memo.blocks:
        _block(pdf, block)
    return bytes(pdf.output())


def memo_pdf(diagnosis: Diagnosis, prepared_on: dt.date | None = None) -> bytes:
    """The memo as PDF bytes (a new FPDF per call: an FPDF cannot be reused after output())."""
    prepared_on = prepared_on or dt.date.today()
    created = dt.datetime(prepared_on.year, prepared_on.month, prepared_on.day, tzinfo=dt.timezone.utc)
    return render_pdf(build_memo(diagnosis, prepared_on), created)
