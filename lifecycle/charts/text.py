"""User text in plotly figures: always shown as the characters typed, never as markup.

Plotly draws a subset of HTML in every string it renders (titles, axis titles, tick
labels, legend entries, hover text, annotations): ``<b>``, ``<i>``, ``<br>``, ``<a href>``
and entities. So every user string (a project or activity name, an owner, a CSV column,
a group value, a file name) goes through ``label`` before it reaches a figure: ``&``, ``<``
and ``>`` become entities, which plotly turns back into those characters as text.
Control characters and line breaks become spaces (plotly would drop or mangle them).

Never build a ``hovertemplate`` or ``texttemplate`` out of user text: ``%{...}`` in it would
be read as a placeholder. Pass the text as a trace's data (``customdata``, ``name``) and
refer to it (``%{customdata[0]}``, ``%{fullData.name}``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_SPACES = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
ELLIPSIS = "…"


def label(text: object, limit: int | None = None) -> str:
    """``text`` safe for any plotly string; cut to ``limit`` characters (before escaping) with an ellipsis."""
    plain = _SPACES.sub(" ", str(text)).strip()
    if limit is not None and len(plain) > limit:
        plain = plain[: max(limit - 1, 1)].rstrip() + ELLIPSIS
    return html.escape(plain, quote=False)


def labels(texts: Iterable[object], limit: int | None = None) -> list[str]:
    """``label`` of each, kept distinct (see ``distinct``): categories on one axis must not merge when cut."""
    return distinct(label(text, limit) for text in texts)


def distinct(names: Iterable[str]) -> list[str]:
    """Names made unique for a category axis (equal names would share one row): 'A', 'A (2)', 'A (3)'."""
    result: list[str] = []
    used: set[str] = set()
    for name in names:
        candidate, count = name, 1
        while candidate in used:
            count += 1
            candidate = f"{name} ({count})"
        used.add(candidate)
        result.append(candidate)
    return result
