"""The plain-text blocks a memo is made of, rendered alike as Markdown and PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "subheading", "paragraph", "bullets", "table", "note", "chart"]


@dataclass(frozen=True)
class ChartData:
    """One bar chart: a value per label (None: not measured yet), an optional reference line."""

    title: str
    x_title: str
    y_title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    reference: float | None = None
    reference_label: str = "reference"
    missing_label: str = "not measured yet"
    prefix: str = ""  # written before each value, e.g. "EUR "
    digits: int = 0

    def value_text(self, value: float | None) -> str:
        return self.missing_label if value is None else f"{self.prefix}{value:,.{self.digits}f}"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""
    lead: str = ""  # bold words before a paragraph
    items: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()  # relative column widths for the PDF
    chart: ChartData | None = None


@dataclass
class Memo:
    title: str
    blocks: list[Block] = field(default_factory=list)
