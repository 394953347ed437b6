"""The stakeholder memo as a PDF (fpdf2), from the same blocks as the Markdown.

Fonts are the DejaVu Sans TTFs vendored in ``lifecycle/fonts/`` (Unicode, so em dashes,
"≤" or names like "Łukasz" print), never the system's: the app must not depend on fonts
installed on the server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from .diagnose import Diagnosis
from .memo import Block, Memo, build_memo

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVuSans"
INK = (33, 37, 41)
MUTED = (96, 103, 112)
ACCENT = (31, 78, 121)
RULE = (200, 205, 212)
HEADER_FILL = (232, 238, 245)


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
