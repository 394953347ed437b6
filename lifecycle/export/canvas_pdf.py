"""The one-page canvas PDF: every block of ``lifecycle.canvas.BLOCKS`` on one landscape A3 page.

Each block's answers are fitted into its box (``textfit``): the font of the whole page
shrinks together, down to ``MIN_SIZE``, until the most crowded block fits; past that, long
answers are cut with a visible marker; the full text is in the lifecycle map. The same drawing is used for the canvas page of the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..canvas import BLOCKS, GRID_COLUMNS, FilledBlock, FilledCanvas, fill_canvas, grid_rows
from ..model import Project
from .fonts import FAMILY, WorkbookPDF
from .textfit import Fit, Item, Measure, Style, draw_fit, fit, truncate_line, wrap

PAGE_FORMAT = "A3"
MAX_SIZE = 8.0  # pt: answers start at this size…
MIN_SIZE = 6.0  # pt: …and shrink no further (still legible on A3); then text is cut
TITLE_SIZE = 10.5
QUESTION_SIZE = 6.8
MARGIN = 10.0
GAP = 3.0
PAD = 2.4
COLUMN_GAP = GAP + 2 * PAD  # text columns of a wide block line up with the grid's columns
HEADER = 17.0
FOOTER = 6.0
ROW_WEIGHTS = {1: 1.0, 2: 1.0, 3: 0.74, 4: 0.5}

INK = (33, 33, 33)
GREY = (110, 110, 110)
MISSING_RED = (176, 32, 32)
# Border and title-strip tint per block: predict side blue, learn side amber, value green,
# evaluation and life in production violet, gates grey.
COLOURS = {
    "decisions": ((41, 98, 163), (226, 236, 248)),
    "prediction_task": ((41, 98, 163), (226, 236, 248)),
    "serving": ((41, 98, 163), (226, 236, 248)),
    "offline_evaluation": ((41, 98, 163), (226, 236, 248)),
    "value": ((46, 125, 50), (227, 242, 228)),
    "data_sources": ((176, 110, 0), (252, 241, 220)),
    "labels": ((176, 110, 0), (252, 241, 220)),
    "features": ((176, 110, 0), (252, 241, 220)),
    "model_building": ((176, 110, 0), (252, 241, 220)),
    "release": ((106, 61, 154), (238, 230, 246)),
    "monitoring": ((106, 61, 154), (238, 230, 246)),
    "governance": ((84, 84, 84), (236, 236, 236)),
}
EMPTY_COLOURS = ((150, 150, 150), (244, 244, 244))
ANSWER_STYLE = Style("", INK)
LABEL_STYLE = Style("B", INK)
MISSING_STYLE = Style("I", MISSING_RED)
EMPTY_STYLE = Style("I", GREY)
CREDIT = (
    "Block layout inspired by the MLOps Stack Canvas (ml-ops.org) and the Machine Learning Canvas (L. Dorard); "
    "block names and questions are the Lifecycle Workbook's own. Cut answers continue in the full lifecycle map."
)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass
class BlockDrawing:
    block_id: str
    box: Box  # the block's frame
    content: Box  # where its answers go
    fit: Fit


@dataclass
class CanvasExport:
    data: bytes
    pages: int
    blocks: dict[str, BlockDrawing]
    replaced: int  # characters no font could draw, shown as □

    @property
    def truncated(self) -> list[str]:
        return [block_id for block_id, drawing in self.blocks.items() if drawing.fit.truncated]


def grid_boxes(x: float, y: float, w: float, h: float) -> dict[str, Box]:
    """Each block's frame on a grid filling the given area."""
    rows = grid_rows()
    weights = [ROW_WEIGHTS.get(r, 1.0) for r in range(1, rows + 1)]
    usable_h = h - GAP * (rows - 1)
    heights = [usable_h * weight / sum(weights) for weight in weights]
    tops = [y + sum(heights[:i]) + GAP * i for i in range(rows)]
    col_w = (w - GAP * (GRID_COLUMNS - 1)) / GRID_COLUMNS
    boxes = {}
    for block in BLOCKS:
        left = x + (block.col - 1) * (col_w + GAP)
        top = tops[block.row - 1]
        width = col_w * block.col_span + GAP * (block.col_span - 1)
        height = sum(heights[block.row - 1: block.row - 1 + block.row_span]) + GAP * (block.row_span - 1)
        boxes[block.id] = Box(left, top, width, height)
    return boxes


def _items(pdf: WorkbookPDF, filled: FilledBlock) -> list[Item]:
    items: list[Item] = []
    if filled.missing:
        names = ", ".join(m.label + (" *" if m.required else "") for m in filled.missing)
        items.append(Item(None, (pdf.safe(f"Missing: {names}", "I"),), body_style=MISSING_STYLE))
    if filled.is_empty:
        items.insert(0, Item(None, ("Nothing answered yet.",), body_style=EMPTY_STYLE))
    for answer in filled.answers:
        items.append(Item(
            pdf.safe(answer.label, "B"),
            tuple(pdf.safe(line) for line in answer.lines),
            label_style=LABEL_STYLE,
            body_style=ANSWER_STYLE,
            bullets=answer.table,
        ))
    return items


@dataclass(frozen=True)
class _Frame:
    """Where a block's parts go: its title strip and the box its answers are fitted into."""

    title: str
    question_lines: tuple[str, ...]
    title_h: float
    question_h: float
    strip_h: float
    content: Box


def _frame(pdf: WorkbookPDF, filled: FilledBlock, box: Box, measure: Measure) -> _Frame:
    block = filled.block
    inner_w = box.w - 2 * PAD
    title = truncate_line(pdf.safe(block.title, "B"), inner_w, "B", TITLE_SIZE, measure)
    question_lines = tuple(wrap(pdf.safe(block.question, "I"), inner_w, "I", QUESTION_SIZE, measure)[:3])
    title_h = TITLE_SIZE * 0.3528 * 1.25
    question_h = QUESTION_SIZE * 0.3528 * 1.2
    strip_h = PAD + title_h + question_h * len(question_lines) + PAD * 0.6
    content = Box(box.x + PAD, box.y + strip_h + PAD * 0.7, inner_w, box.h - strip_h - PAD * 1.5)
    return _Frame(title, question_lines, title_h, question_h, strip_h, content)


def _fit_block(pdf: WorkbookPDF, filled: FilledBlock, frame: _Frame, measure: Measure,
               max_size: float, min_size: float) -> Fit:
    columns = filled.block.col_span  # a wide block sets its text in columns as wide as the grid's
    return fit(_items(pdf, filled), frame.content.w, frame.content.h, measure, max_size=max_size,
               min_size=min_size, columns=columns, column_gap=COLUMN_GAP)


def _draw_block(pdf: WorkbookPDF, filled: FilledBlock, box: Box, frame: _Frame, fitted: Fit) -> BlockDrawing:
    block = filled.block
    line_colour, tint = EMPTY_COLOURS if filled.is_empty else COLOURS.get(block.id, COLOURS["governance"])
    inner_w = box.w - 2 * PAD

    pdf.set_line_width(0.35)
    pdf.set_draw_color(*line_colour)
    pdf.set_fill_color(*tint)
    if filled.is_empty:
        pdf.set_dash_pattern(dash=1.6, gap=1.0)
    pdf.rect(box.x, box.y, box.w, box.h, style="D", round_corners=True, corner_radius=2.0)
    pdf.set_dash_pattern()
    pdf.rect(box.x + 0.3, box.y + 0.3, box.w - 0.6, frame.strip_h - 0.3, style="F", round_corners=True,
             corner_radius=1.8)

    pdf.c_margin, saved = 0, pdf.c_margin
    pdf.set_text_color(*line_colour)
    pdf.set_font(FAMILY, "B", TITLE_SIZE)
    pdf.set_xy(box.x + PAD, box.y + PAD * 0.8)
    pdf.cell(inner_w, frame.title_h, frame.title)
    pdf.set_text_color(*GREY)
    pdf.set_font(FAMILY, "I", QUESTION_SIZE)
    y = box.y + PAD * 0.8 + frame.title_h
    for line in frame.question_lines:
        pdf.set_xy(box.x + PAD, y)
        pdf.cell(inner_w, frame.question_h, line)
        y += frame.question_h
    pdf.c_margin = saved

    content = frame.content
    draw_fit(pdf, fitted, content.x, content.y, content.w, FAMILY, column_gap=COLUMN_GAP)
    return BlockDrawing(block.id, box, content, fitted)


def draw_canvas(pdf: WorkbookPDF, canvas: FilledCanvas) -> dict[str, BlockDrawing]:
    """Draw the canvas on the current page (which must be A3 landscape-sized or similar)."""
    measure = Measure({style: pdf.unit_widths(style) for style in ("", "B", "I")})
    width, height = pdf.w, pdf.h
    inner_w = width - 2 * MARGIN

    pdf.c_margin, saved = 0, pdf.c_margin
    pdf.set_text_color(*GREY)
    pdf.set_font(FAMILY, "B", 8)
    pdf.set_xy(MARGIN, MARGIN - 1)
    pdf.cell(inner_w / 2, 4, "ML LIFECYCLE CANVAS")
    name = pdf.safe(canvas.project_name or "Untitled project", "B")
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 17)
    pdf.set_xy(MARGIN, MARGIN + 3)
    pdf.cell(inner_w * 0.55, 9, truncate_line(name, inner_w * 0.55, "B", 17, measure))
    right_w = inner_w * 0.43
    right_x = MARGIN + inner_w - right_w
    pdf.set_font(FAMILY, "", 8)
    pdf.set_text_color(*GREY)
    for index, (label, value) in enumerate((("Owner", canvas.owner), ("Team", canvas.team))):
        text = f"{label}: " + (pdf.safe(value) if value else "not given")
        pdf.set_xy(right_x, MARGIN + index * 4.6)
        pdf.cell(right_w, 4.4, truncate_line(text, right_w, "", 8, measure), align="R")
    pdf.set_font(FAMILY, "I", 6.5)
    pdf.set_xy(MARGIN, height - MARGIN + 1)
    pdf.cell(inner_w, 4, truncate_line(CREDIT, inner_w, "I", 6.5, measure))
    pdf.c_margin = saved

    grid_top = MARGIN + HEADER
    boxes = grid_boxes(MARGIN, grid_top, inner_w, height - MARGIN - FOOTER - grid_top + 2)
    frames = {filled.block.id: _frame(pdf, filled, boxes[filled.block.id], measure) for filled in canvas.blocks}
    # One body size for the whole page: the size the most crowded block needs (never below MIN_SIZE), so a
    # reader never sees blocks set at different sizes side by side.
    size = min((_fit_block(pdf, filled, frames[filled.block.id], measure, MAX_SIZE, MIN_SIZE).size
                for filled in canvas.blocks), default=MAX_SIZE)
    drawings = {}
    for filled in canvas.blocks:
        frame = frames[filled.block.id]
        fitted = _fit_block(pdf, filled, frame, measure, size, size)
        drawings[filled.block.id] = _draw_block(pdf, filled, boxes[filled.block.id], frame, fitted)
    pdf.set_text_color(*INK)
    return drawings


def export_canvas(project: Project) -> CanvasExport:
    """The one-page canvas for ``project``, with how each block was fitted."""
    canvas = fill_canvas(project)
    pdf = WorkbookPDF(
        orientation="L", format=PAGE_FORMAT, styles=("", "B", "I"),
        title=f"ML lifecycle canvas: {canvas.project_name or 'Untitled project'}",
        subject="One-page ML lifecycle canvas",
    )
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_page()
    drawings = draw_canvas(pdf, canvas)
    data = pdf.output_bytes()
    return CanvasExport(data=data, pages=pdf.pages_count, blocks=drawings, replaced=pdf.replaced)


def canvas_pdf(project: Project) -> bytes:
    """The one-page canvas as PDF bytes (the same project always gives the same bytes)."""
    return export_canvas(project).data
