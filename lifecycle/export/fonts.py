"""The PDF document base: vendored DejaVu fonts, deterministic metadata, and visible replacement of
characters the fonts cannot draw.

fpdf2 silently drops a character its font has no glyph for (it only logs a warning when the file is
written). Every string goes through ``WorkbookPDF.safe`` first, which swaps such characters, and
control characters, for a visible ``□`` and counts them in ``replaced``.
"""

from __future__ import annotations

import copy
import io
import unicodedata
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "dejavu"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
REPLACEMENT = "\u25a1"  # □ WHITE SQUARE, present in every DejaVu face
# A fixed date keeps the bytes of the same project's PDF identical from one export to the next.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
_SPACES = {"\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n"}


class WorkbookPDF(FPDF):
    """An FPDF with the DejaVu family registered (the styles asked for) and a fixed creation date."""

    def __init__(self, orientation: str = "P", format: str | tuple[float, float] = "A4",
                 styles: str | tuple[str, ...] = ("", "B", "I"), title: str = "", subject: str = "") -> None:
        super().__init__(orientation=orientation, unit="mm", format=format)
        self.replaced = 0
        self._cmaps: dict[str, dict[int, str]] = {}
        for style in styles:
            self._add_face(style)
            self._cmaps[style] = self.fonts[f"{FAMILY}{style}"].cmap
        self.set_creation_date(FIXED_DATE)
        self.set_creator("Lifecycle Workbook")
        self.set_producer("Lifecycle Workbook (fpdf2)")
        if title:
            self.set_title(self.safe(title, count=False))
        if subject:
            self.set_subject(subject)
        self.set_font(FAMILY, "", 10)

    def _add_face(self, style: str) -> None:
        """Register a DejaVu face. Reading a TTF's metrics takes fpdf ~25 ms a face, so they are read once
        per process and each document gets a copy with its own font file object (output subsets it in
        place) and its own subset; if fpdf's font class ever changes shape, fall back to ``add_font``."""
        key = f"{FAMILY}{style}"
        try:
            font = copy.copy(_template(style))
            font.i = len(self.fonts) + 1
            font.ttfont = ttLib.TTFont(io.BytesIO(_font_bytes(style)), recalcTimestamp=False, lazy=True)
            font.cw = copy.copy(font.cw)
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font._hbfont = None
            font.subset = SubsetMap(font)
            self.fonts[key] = font
        except Exception:  # noqa: BLE001 - any surprise in fpdf internals: take the documented slow path
            self.fonts.pop(key, None)
            self.add_font(FAMILY, style, str(FONT_DIR / FONT_FILES[style]))

    def safe(self, text: str, style: str = "", *, count: bool = True) -> str:
        """``text`` with every character the ``style`` face cannot draw replaced by □ (and counted).
        Tabs become spaces and other line separators newlines; other control characters are replaced."""
        cmap = self._cmaps.get(style) or self._cmaps[""]
        out: list[str] = []
        replaced = 0
        for char in text:
            char = _SPACES.get(char, char)
            if char == "\n" or (ord(char) in cmap and unicodedata.category(char) != "Cc"):
                out.append(char)
            else:
                out.append(REPLACEMENT)
                replaced += 1
        if count:
            self.replaced += replaced
        return "".join(out)

    def unit_widths(self, style: str) -> dict[int, float]:
        """Glyph advance widths of a face in thousandths of the font size (fpdf's ``cw``)."""
        return self.fonts[f"{FAMILY}{style}"].cw

    def output_bytes(self) -> bytes:
        return bytes(self.output())


@cache
def _font_bytes(style: str) -> bytes:
    return (FONT_DIR / FONT_FILES[style]).read_bytes()


@cache
def _template(style: str) -> TTFFont:
    """A face loaded once through fpdf's own ``add_font``, to copy metrics from."""
    pdf = FPDF()
    pdf.add_font(FAMILY, style, str(FONT_DIR / FONT_FILES[style]))
    return pdf.fonts[f"{FAMILY}{style}"]
