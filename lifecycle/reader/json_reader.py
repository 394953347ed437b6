"""JSON project files: nesting measured before parsing, everything else checked on the parsed values.

Python's JSON parser recurses once per level (so a file nested 10,000 levels deep ends in
``RecursionError``), accepts ``NaN`` and ``Infinity``, keeps the last of two equal keys, and
converts integers of any length (up to its own 4,300-digit limit, with a message about
Python). So the depth is measured on the text first, with strings blanked out; numbers and
objects are handed to hooks that mark what is refused; and one walk over the result, in
document order, reports the first problem with its key path.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from .errors import Refused
from .guard import Guard, cut, located, shown

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKETS = str.maketrans({"[": "(", "{": "(", "]": ")", "}": ")"})
_STEP = {"(": 1, ")": -1}


class _Bad:
    """A value a hook refused; the walk reports it with its path."""

    __slots__ = ("problem",)

    def __init__(self, problem: str):
        self.problem = problem


class _Object(dict):
    """A JSON object that had a key twice (the walk reports it with its path)."""

    duplicate: Any = None


def _depth_check(text: str, guard: Guard) -> None:
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)).translate(_BRACKETS)
    if not brackets or max(accumulate(_STEP[ch] for ch in brackets)) <= guard.limits.max_depth:
        return
    depth = 0
    for match in _TOKEN.finditer(text):  # only when too deep: find the line
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > guard.limits.max_depth:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                raise Refused(f"line {line}, column {column}: nested more than {guard.limits.max_depth} levels "
                              f"deep; {guard.limits.wording.depth}")
        elif token in "]}":
            depth -= 1


def read_json(text: str, guard: Guard) -> Any:
    """The JSON document in ``text`` as plain data; ``Refused`` or ``json.JSONDecodeError`` otherwise."""
    _depth_check(text, guard)
    limits = guard.limits
    kind = limits.wording.kind

    def pairs(items: list[tuple[str, Any]]) -> dict:
        result = _Object()
        for key, value in items:
            if key in result and result.duplicate is None:
                result.duplicate = key
            result[key] = value
        return result

    def integer(written: str) -> Any:
        if len(written.lstrip("-")) > limits.max_int_digits:
            return _Bad(f"the number {cut(written, 24)} has {len(written.lstrip('-')):,} digits; numbers in a "
                        f"{kind} have at most {limits.max_int_digits}")
        return int(written)

    def real(written: str) -> Any:
        value = float(written)
        if value in (float("inf"), float("-inf")):
            return _Bad(f"{cut(written, 24)} is too large to be a number (it overflows to infinity); a {kind} "
                        "holds finite numbers only")
        return value

    def constant(name: str) -> Any:
        what = "not a number" if name == "NaN" else "infinite"
        return _Bad(f"{name} is {what}; a {kind} holds finite numbers only (leave an unknown answer empty)")

    document = json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_float=real,
                          parse_constant=constant)
    _walk(document, guard)
    return document


def _walk(document: Any, guard: Guard) -> None:
    """Check every value in document order (depth first), with its path; stop at the first problem."""
    stack: list[tuple[tuple, Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        guard.count(path)
        if isinstance(value, _Bad):
            raise Refused(located(path, value.problem))
        if isinstance(value, dict):
            if isinstance(value, _Object) and value.duplicate is not None:
                raise Refused(located(path, f"the key {shown(value.duplicate)} appears twice; "
                                            f"{guard.limits.wording.duplicate}"))
            guard.keys(len(value), path)
            for key in value:
                guard.key(key, path)
            stack.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            guard.items(len(value), path)
            stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            guard.text(value, path)

