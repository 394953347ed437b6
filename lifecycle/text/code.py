"""Programming languages named in a plan's description of its training and serving paths.

Two languages for one feature path ('training in PySpark, serving re-written in Go') mean two
implementations that drift apart, unless both sides run the same transformation code (an
exported graph, one shared module).
"""

from __future__ import annotations

import re

# Edges by hand rather than \b: 'C#', 'C++' and '.NET' begin or end with a character that is not a word character.
LANGUAGES = re.compile(
    r"(?<![\w#+.])(?:python|pandas|sklearn|scikit-learn|notebook|pyspark|pytorch|torchvision|tensorflow|keras|"
    r"javascript|typescript|node\.js|java|kotlin|scala|golang|c#|\.net|c\+\+|rust|swift|php|ruby|ccl|pl/sql|t-sql|vba|"
    r"excel formulas?|stored procedures?)(?![\w#+])"
    r"|\bGo\b(?=\s+(?:port|service|binary|rewrite|version|implementation|code|module))", re.IGNORECASE)
_FAMILY = {"pandas": "python", "sklearn": "python", "scikit-learn": "python", "notebook": "python",
           "pyspark": "python", "pytorch": "python", "torchvision": "python", "tensorflow": "python",
           "keras": "python", "typescript": "javascript", "node.js": "javascript", "kotlin": "java", ".net": "c#"}

# Both sides run the same transformation code, whatever the languages around it ('the exported graph contains the
# preprocessing, exported from the same module the training loader calls').
_ONE_CODE_PATH = re.compile(
    r"\b(?:same|shared|single|one|common|identical)\s+(?:[\w-]+\s+){0,2}?(?:module|modules|code|function|functions|"
    r"library|graph|package|definitions?|transforms?|transformations?|implementation|code\s+path)\b",
    re.IGNORECASE,
)


def language_families(text: str) -> set[str]:
    """The languages a text names, libraries counted as their language ('PyTorch' is Python)."""
    return {_FAMILY.get(m.group(0).lower(), m.group(0).lower().split()[0]) for m in LANGUAGES.finditer(text)}


def one_code_path(text: str) -> bool:
    """The text says both sides run the same transformation code."""
    return bool(_ONE_CODE_PATH.search(text or ""))


_DISPLAY = {"c#": "C#", "c++": "C++", "javascript": "JavaScript", "golang": "Go", "go": "Go", "pl/sql": "PL/SQL",
            "t-sql": "T-SQL", "vba": "VBA", "ccl": "CCL", "php": "PHP"}


def display_name(family: str) -> str:
    """How a language is written ('c#' -> 'C#', 'python' -> 'Python')."""
    return _DISPLAY.get(family, family.capitalize())
