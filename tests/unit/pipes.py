"""An endless pipe for reader tests: what `yes | lifecycle check /dev/stdin` or `--policy <(yes)` hands a reader."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def endless_pipe(line: bytes) -> Iterator[str]:
    """A /dev/fd path whose writer repeats ``line`` until the reader stops and closes its end."""
    read_end, write_end = os.pipe()
    stop = threading.Event()

    def flood() -> None:
        chunk = line * 1000
        try:
            while not stop.is_set():
                os.write(write_end, chunk)
        except OSError:  # the reader closed its end
            pass
        finally:
            os.close(write_end)

    writer = threading.Thread(target=flood, daemon=True)
    writer.start()
    try:
        yield f"/dev/fd/{read_end}"
    finally:
        stop.set()
        os.close(read_end)
        writer.join(timeout=5)
