"""Helpers shared by the PDF tests (read back with pypdf, render with pdftoppm), plus their own sanity tests."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

PDFTOPPM = "/usr/bin/pdftoppm"


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapping, pypdf's spacing quirks and broken long words compare equal."""
    return re.sub(r"\s+", "", text)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


FOOTER = re.compile(r"^ML lifecycle map · .* \d+ / \d+$", re.MULTILINE)


def all_text(data: bytes) -> str:
    """The document's text without whitespace, running footers left out (a paragraph may go over a page)."""
    return squeeze(FOOTER.sub("", "\n".join(page_texts(data))))


def render(data: bytes, tmp_path: Path, name: str, page: int = 1) -> Image.Image:
    """One page as a PNG at 50 dpi, through poppler."""
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run([PDFTOPPM, "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(tmp_path / name)], check=True, capture_output=True, timeout=60)
    return Image.open(tmp_path / f"{name}.png").convert("L")


def ink_share(image: Image.Image) -> float:
    """Share of pixels that are not (near) white."""
    histogram = image.histogram()
    return sum(histogram[:200]) / (image.width * image.height)


def fpdf_warnings(caplog) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.getMessage() for r in caplog.records if r.name.startswith("fpdf")]


def test_squeeze_ignores_every_kind_of_whitespace() -> None:
    assert squeeze(" a \n b\tc  ") == "abc"
