"""What the YAML and the JSON reader check alike, and how a place in the document is named."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from .errors import Refused
from .limits import Limits

Path = Sequence[str | int]
PathOrThunk = Path | Callable[[], Path]  # the YAML reader passes a function: the path is built only for a message

# C0 controls other than tab, line feed and carriage return, DEL and the C1 controls: invisible in a form,
# and in a terminal (the CLI prints names) they can rewrite what is shown.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
SHOWN_CHARS = 40


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value as it may appear in a message: repr'd (control characters visible) and cut to ``limit``."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cut(text: str, limit: int = SHOWN_CHARS) -> str:
    """Text as written (a number, a date), cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def path_text(path: Path) -> str:
    """('data', 'features', 2, 'name') -> 'data.features[2].name'; long or odd keys are quoted and cut."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if isinstance(part, str) and _NAME.fullmatch(part) and len(part) <= SHOWN_CHARS else shown(part)
            text += f".{key}" if text else key
    return text or "(top level)"


def located(path: PathOrThunk, problem: str, line: int | None = None) -> str:
    """'data.sources: more than 200 items… (line 203)': the path first, as validation messages have it."""
    where = f" (line {line})" if line is not None else ""
    return f"{path_text(path() if callable(path) else path)}: {problem}{where}"


class Guard:
    """Counts values and checks each scalar and key against the limits, raising ``Refused`` at the first breach."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.values = 0

    def count(self, path: PathOrThunk, line: int | None = None) -> None:
        self.values += 1
        if self.values > self.limits.max_values:
            raise Refused(located(path, f"the file holds more than {self.limits.max_values:,} values; "
                                        f"{self.limits.wording.values}", line))

    def depth(self, depth: int, path: PathOrThunk, line: int | None = None) -> None:
        if depth > self.limits.max_depth:
            raise Refused(located(path, f"nested more than {self.limits.max_depth} levels deep; "
                                        f"{self.limits.wording.depth}", line))

    def items(self, count: int, path: PathOrThunk, line: int | None = None) -> None:
        if count > self.limits.max_items:
            raise Refused(located(path, f"more than {self.limits.max_items} items; "
                                        + self.limits.wording.items.format(max_items=self.limits.max_items), line))

    def keys(self, count: int, path: PathOrThunk, line: int | None = None) -> None:
        if count > self.limits.max_keys:
            raise Refused(located(path, f"more than {self.limits.max_keys} keys in one mapping; "
                                        f"{self.limits.wording.keys}", line))

    def key(self, key: object, path: PathOrThunk, line: int | None = None) -> None:
        if isinstance(key, str):
            if len(key) > self.limits.max_key_chars:
                raise Refused(located(path, f"a key of {len(key):,} characters ({shown(key)}); "
                                            + self.limits.wording.key.format(max_key_chars=self.limits.max_key_chars),
                                      line))
            self.text(key, path, line)

    def text(self, value: str, path: PathOrThunk, line: int | None = None) -> None:
        if self.limits.control_characters:
            return
        found = CONTROL.search(value)
        if found:
            raise Refused(located(path, f"the text holds the control character U+{ord(found.group()):04X}; only "
                                        "tabs and line breaks are allowed", line))

    def integer_text(self, digits: str, path: PathOrThunk, line: int | None = None) -> None:
        """Checked on the written number, before Python converts it (its own limit would give a worse message)."""
        written = digits.strip().lstrip("+-").lower()
        for prefix in ("0x", "0o", "0b"):
            written = written.removeprefix(prefix)
        count = sum(ch.isalnum() for ch in written)
        if count > self.limits.max_int_digits:
            raise Refused(located(path, f"the number {cut(digits.strip(), 24)} has {count:,} digits; numbers in "
                                        f"a {self.limits.wording.kind} have at most {self.limits.max_int_digits}",
                                  line))

    def integer(self, value: int, written: str, path: PathOrThunk, line: int | None = None) -> None:
        if abs(value) >= 10 ** self.limits.max_int_digits:
            raise Refused(located(path, f"the number {cut(written.strip(), 24)} is too large; numbers in a "
                                        f"{self.limits.wording.kind} have at most {self.limits.max_int_digits} digits",
                                  line))

    def real(self, value: float, written: str, path: PathOrThunk, line: int | None = None) -> None:
        if not math.isfinite(value):
            kind = "not a number (NaN)" if math.isnan(value) else "infinite" if written.strip().lstrip(
                "+-.").lower().startswith("inf") else "too large to be a number (it overflows to infinity)"
            raise Refused(located(path, f"{cut(written.strip(), 24)} is {kind}; a {self.limits.wording.kind} holds "
                                        "finite numbers only (leave an unknown answer empty)", line))


def scalar_checks(guard: Guard, value: Any, path: PathOrThunk, line: int | None = None) -> None:
    """The checks of an already built scalar (the JSON reader's values come built)."""
    if isinstance(value, str):
        guard.text(value, path, line)
