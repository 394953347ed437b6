"""Showing user text safely inside Streamlit markdown."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# keeps user text from becoming links, emphasis, colour directives (:red[..]) or LaTeX ($..$).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(text: str) -> str:
    """User text as literal characters in a markdown string."""
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", "  \n")
