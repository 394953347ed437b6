"""Getting the text of a project file: a read that stops at the byte limit, and decoding.

The limit is enforced by reading at most ``max_bytes + 1`` bytes, never by asking the file
system for a size: a pipe, ``/dev/zero`` or a file that grows reports a size of 0 (or a
wrong one), and would otherwise be read until memory runs out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import NotReadError
from .limits import LIMITS, Limits

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16",
}


def too_large(source: str, limits: Limits, size: int | None) -> NotReadError:
    known = f"the file is {size / 1_048_576:.1f} MB" if size else (
        f"the file is larger than {limits.max_megabytes} MB (reading stopped there)")
    return NotReadError(source, [f"{known}; {limits.wording.kinds} are limited to {limits.max_megabytes} MB"])


class TooLarge(Exception):
    """More than the limit: ``size`` is the file's size when a regular file can say it, else None (a stream)."""

    def __init__(self, size: int | None):
        super().__init__(size)
        self.size = size


def read_at_most(path: str | Path, max_bytes: int) -> bytes:
    """The whole of ``path`` when it holds at most ``max_bytes``, else ``TooLarge``; OSError as raised. Used for
    project files, policy packs and ``lifecycle.toml`` alike."""
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            # Only for the message: a regular file can say how big it is. The limit itself never relies on it.
            info = os.fstat(handle.fileno())
            raise TooLarge(info.st_size if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes else None)
    return data


def read_bounded(path: str | Path, limits: Limits = LIMITS) -> bytes:
    """At most ``limits.max_bytes`` of ``path``; a longer file or stream is refused once the limit is passed."""
    path = Path(path)
    try:
        return read_at_most(path, limits.max_bytes)
    except TooLarge as large:
        raise too_large(path.name, limits, large.size) from None
    except OSError as exc:
        raise NotReadError(str(path), [exc.strerror or str(exc)]) from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a UTF-8 byte order mark is dropped), or a message saying what the bytes are instead."""
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            raise NotReadError(source, [f"the file is {encoding} text; save it as UTF-8 (YAML or JSON)"])
    if b"\x00" in data[:8192]:
        raise NotReadError(source, ["this is a binary file, not a YAML or JSON project file"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotReadError(
            source, [f"byte {exc.start} is not valid UTF-8; save the file as UTF-8 text (YAML or JSON)"]
        ) from None
