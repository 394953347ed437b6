"""Fitting text into a fixed box: measure, shrink the font, and only then truncate, visibly.

Text is wrapped here, word by word, with the same glyph widths fpdf uses, and drawn
line by line; nothing is left to fpdf's own wrapping, so what is measured is exactly
what is drawn and no line can run past its box.

``fit(items, width, height, ...)`` tries font sizes from ``max_size`` down to
``min_size``. If everything fits at some size, that size is used. If not, the text
is set at ``min_size`` and cut: labels always stay, every answer keeps as many lines
as the space allows (the longest answers are cut first, to the same number of lines
each), and a cut answer ends with the marker line "… (continued in the full map)".
If even the labels do not fit, the last answers are left out and a line says how many.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

PT_TO_MM = 25.4 / 72
MARKER = "… (continued in the full map)"
LEADING = 1.2  # line height as a multiple of the font size
ITEM_GAP = 0.35  # extra space before each answer after the first, in line heights
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Style:
    emphasis: str = ""  # fpdf style: "", "B", "I", "BI"
    color: tuple[int, int, int] = (33, 33, 33)


@dataclass(frozen=True)
class Item:
    """One thing to fit: an optional label (never cut) and body paragraphs (cut from the end if needed)."""

    label: str | None
    body: tuple[str, ...]
    label_style: Style = Style("B")
    body_style: Style = Style()
    bullets: bool = False  # table rows: each paragraph starts with a bullet and hangs


@dataclass(frozen=True)
class Line:
    text: str
    style: Style
    indent: float = 0.0  # mm from the box's left edge
    gap_before: float = 0.0  # in line heights
    bullet: bool = False  # draw a bullet in the indent
    keep_with_next: bool = False  # a label, or a table row's line: stays in the column of the next line


@dataclass
class Fit:
    size: float  # font size in points
    line_height: float  # mm
    lines: list[Line]
    truncated: bool = False  # some answer was cut or left out
    cut: list[str] = field(default_factory=list)  # labels of the answers cut or left out
    columns: list[list[Line]] = field(default_factory=list)  # the lines of each text column, top to bottom

    @property
    def height(self) -> float:
        """Height of the tallest column, in mm."""
        return max((_height(column, self.line_height) for column in self.columns or [self.lines]), default=0.0)


def _units(lines: list[Line]) -> list[list[Line]]:
    """Lines that must stay in one column: a label with the first line after it, a table row's lines."""
    units: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        current.append(line)
        if not line.keep_with_next:
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def flow(lines: list[Line], line_height: float, height: float, columns: int) -> list[list[Line]] | None:
    """``lines`` poured into ``columns`` columns of ``height`` mm (a gap at the top of a column is dropped),
    or None if they do not fit. Lines chained by ``keep_with_next`` move to the next column together, unless
    they are taller than a whole column."""
    result: list[list[Line]] = [[]]
    used = 0.0
    for unit in _units(lines):
        whole = sum((1 + line.gap_before) * line_height for line in unit)
        fits_a_column = whole - unit[0].gap_before * line_height <= height + 1e-6
        if result[-1] and used + whole > height + 1e-6 and fits_a_column:
            if len(result) == columns:
                return None
            result.append([])
            used = 0.0
        for line in unit:
            step = (1 + line.gap_before) * line_height
            if result[-1] and used + step > height + 1e-6:
                if len(result) == columns:
                    return None
                result.append([])
                used = 0.0
            if not result[-1]:
                line = replace(line, gap_before=0.0)
                step = line_height
                if step > height + 1e-6:
                    return None
            result[-1].append(line)
            used += step
    return result


class Measure:
    """String widths from fpdf's glyph-width tables (thousandths of the font size, per face)."""

    def __init__(self, widths: Mapping[str, Mapping[int, float]], default: float = 600.0) -> None:
        self._widths = widths
        self._default = default
        self._cache: dict[tuple[str, str], float] = {}

    def units(self, text: str, emphasis: str) -> float:
        """Width of ``text`` at a font size of 1 pt, in points."""
        key = (text, emphasis)
        found = self._cache.get(key)
        if found is None:
            table = self._widths.get(emphasis) or self._widths[""]
            default = self._default
            found = sum(table.get(ord(char), default) for char in text) / 1000
            if len(self._cache) < 50_000:
                self._cache[key] = found
        return found

    def mm(self, text: str, emphasis: str, size: float) -> float:
        return self.units(text, emphasis) * size * PT_TO_MM


def wrap(text: str, width: float, emphasis: str, size: float, measure: Measure) -> list[str]:
    """``text`` broken into lines no wider than ``width`` mm: at spaces, and inside words longer than a line.
    Each newline starts a new line; empty paragraphs are dropped."""
    limit = width / (size * PT_TO_MM)  # the width in points at 1 pt
    space = measure.units(" ", emphasis)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = [w for w in _WHITESPACE.split(paragraph) if w]
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = measure.units(word, emphasis)
            if word_width > limit:  # longer than a whole line: fill the line, then break the word
                pieces = _break_word(word, limit, emphasis, measure, first_room=limit - current_width - space)
                if current and pieces[0][1] <= limit - current_width - space:
                    current.append(pieces.pop(0)[0])
                if current:
                    lines.append(" ".join(current))
                for piece, piece_width in pieces[:-1]:
                    lines.append(piece)
                current, current_width = [pieces[-1][0]], pieces[-1][1]
                continue
            needed = word_width if not current else current_width + space + word_width
            if needed <= limit:
                current.append(word)
                current_width = needed
            else:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
        if current:
            lines.append(" ".join(current))
    return lines


def _break_word(word: str, limit: float, emphasis: str, measure: Measure, first_room: float) -> list[tuple[str, float]]:
    """A long word in pieces that each fit ``limit``; the first piece may fit the room left on a line."""
    pieces: list[tuple[str, float]] = []
    room = first_room if first_room > limit / 4 else limit
    start = 0
    while start < len(word):
        end = start + 1
        width = measure.units(word[start], emphasis)
        while end < len(word):
            step = measure.units(word[end], emphasis)
            if width + step > room:
                break
            width += step
            end += 1
        pieces.append((word[start:end], width))
        start = end
        room = limit
    return pieces


def _sizes(max_size: float, min_size: float, step: float) -> Iterable[float]:
    count = max(0, int(round((max_size - min_size) / step)))
    for index in range(count + 1):
        yield round(max_size - index * step, 3)
    if count * step < max_size - min_size - 1e-9:
        yield min_size


@dataclass
class _Laid:
    label: list[Line]
    body: list[Line]
    name: str


def _lay_out(items: list[Item], width: float, size: float, measure: Measure) -> list[_Laid]:
    laid: list[_Laid] = []
    bullet_indent = measure.mm("•  ", "", size)
    for position, item in enumerate(items):
        gap = ITEM_GAP if position else 0.0
        label_lines: list[Line] = []
        if item.label:
            for text in wrap(item.label, width, item.label_style.emphasis, size, measure):
                label_lines.append(Line(text, item.label_style, gap_before=gap, keep_with_next=bool(item.body)))
                gap = 0.0
        body_lines: list[Line] = []
        for paragraph in item.body:
            indent = bullet_indent if item.bullets else 0.0
            wrapped = wrap(paragraph, width - indent, item.body_style.emphasis, size, measure)
            for number, text in enumerate(wrapped):
                body_lines.append(Line(text, item.body_style, indent=indent, gap_before=gap,
                                       bullet=item.bullets and number == 0,
                                       keep_with_next=item.bullets and number < len(wrapped) - 1))
                gap = 0.0
        laid.append(_Laid(label_lines, body_lines, item.label or (item.body[0] if item.body else "")))
    return laid


def _height(lines: Iterable[Line], line_height: float) -> float:
    return sum((1 + line.gap_before) * line_height for line in lines)


def fit(
    items: list[Item],
    width: float,
    height: float,
    measure: Measure,
    *,
    max_size: float,
    min_size: float,
    step: float = 0.25,
    columns: int = 1,
    column_gap: float = 4.0,
    marker_style: Style = Style("I", (110, 110, 110)),
) -> Fit:
    """Lines for ``items`` in a ``width`` × ``height`` mm box, set in ``columns`` text columns of equal
    width (see the module docstring)."""
    column_width = (width - column_gap * (columns - 1)) / columns
    for size in _sizes(max_size, min_size, step):
        line_height = size * LEADING * PT_TO_MM
        laid = _lay_out(items, column_width, size, measure)
        lines = [line for part in laid for line in (*part.label, *part.body)]
        poured = flow(lines, line_height, height, columns)
        if poured is not None:
            return Fit(size, line_height, lines, columns=poured)
    line_height = min_size * LEADING * PT_TO_MM
    room = columns * math.floor(height / line_height + 1e-6)
    while room > 0:
        result = _truncate(items, column_width, room, measure, min_size, marker_style)
        poured = flow(result.lines, line_height, height, columns)
        if poured is not None:
            result.columns = poured
            return result
        room -= 1  # gaps between answers took more room than counted: give up one line and retry
    return Fit(min_size, line_height, [], truncated=bool(items), cut=[i.label or "" for i in items], columns=[[]])


def _marker(text: str, width: float, size: float, measure: Measure, style: Style) -> str:
    return text if measure.mm(text, style.emphasis, size) <= width else "…"


def _truncate(items: list[Item], width: float, room_lines: int, measure: Measure, size: float,
              marker_style: Style) -> Fit:
    line_height = size * LEADING * PT_TO_MM
    laid = _lay_out(items, width, size, measure)

    def fixed_lines(parts: list[_Laid]) -> float:
        return sum(1 + line.gap_before for part in parts for line in part.label)

    # Keep as many answers as fit with their labels and at least one line each (plus a "more" line).
    kept = list(laid)
    dropped: list[_Laid] = []
    while kept and fixed_lines(kept) + sum(1 for p in kept if p.body) + (1 if dropped else 0) > room_lines:
        dropped.insert(0, kept.pop())
    available = room_lines - fixed_lines(kept) - (1 if dropped else 0)
    counts = [len(part.body) for part in kept]
    cap = _water_level(counts, int(math.floor(available + 1e-6)))
    shown = [min(n, cap) for n in counts]
    spare = int(math.floor(available + 1e-6)) - sum(shown)
    for index, n in enumerate(counts):  # hand out what the equal cut left over, first answers first
        if spare <= 0:
            break
        if shown[index] < n:
            extra = min(spare, n - shown[index])
            shown[index] += extra
            spare -= extra

    lines: list[Line] = []
    cut: list[str] = []
    for part, n, limit in zip(kept, counts, shown):
        lines.extend(part.label)
        if limit >= n:
            lines.extend(part.body)
            continue
        cut.append(part.name)
        body = part.body[: max(0, limit - 1)]
        gap = part.body[0].gap_before if part.body and not part.label else 0.0
        lines.extend(body)
        lines.append(Line(_marker(MARKER, width, size, measure, marker_style), marker_style,
                          gap_before=gap if not body else 0.0))
    if dropped:
        cut.extend(part.name for part in dropped)
        text = f"… {len(dropped)} more answer{'s' if len(dropped) > 1 else ''} in the full map"
        lines.append(Line(_marker(text, width, size, measure, marker_style), marker_style))
    return Fit(size, line_height, lines, truncated=True, cut=cut)


def _water_level(counts: list[int], available: int) -> int:
    """The largest per-answer line cap L with sum(min(n, L)) <= available (0 if nothing fits)."""
    if sum(counts) <= available:
        return max(counts, default=0)
    low, high = 0, max(counts, default=0)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(n, middle) for n in counts) <= available:
            low = middle
        else:
            high = middle - 1
    return low


def truncate_line(text: str, width: float, emphasis: str, size: float, measure: Measure) -> str:
    """One line of ``text`` that fits ``width`` mm, ending in "…" if it had to be shortened."""
    text = " ".join(text.split())
    if measure.mm(text, emphasis, size) <= width:
        return text
    while text and measure.mm(text + "…", emphasis, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_fit(pdf, fit_: Fit, x: float, y: float, width: float, family: str,  # type: ignore[no-untyped-def]
             column_gap: float = 4.0) -> None:
    """Draw the columns of a ``Fit`` side by side from (x, y)."""
    saved_margin = pdf.c_margin
    pdf.c_margin = 0
    columns = fit_.columns or [fit_.lines]
    column_width = (width - column_gap * (len(columns) - 1)) / len(columns) if fit_.columns else width
    for index, column in enumerate(columns):
        left = x + index * (column_width + column_gap)
        top = y
        for line in column:
            top += line.gap_before * fit_.line_height
            pdf.set_font(family, line.style.emphasis, fit_.size)
            pdf.set_text_color(*line.style.color)
            if line.bullet:
                pdf.set_xy(left, top)
                pdf.cell(line.indent, fit_.line_height, "•")
            pdf.set_xy(left + line.indent, top)
            pdf.cell(column_width - line.indent, fit_.line_height, line.text)
            top += fit_.line_height
    pdf.c_margin = saved_margin
