"""The bounded reader from the command line and on streams: exit 2 with the reason, never a traceback, and a
read that stops at the byte limit whatever the file system says about the size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lifecycle.cli import main
from lifecycle.reader import LIMITS, ProjectFileError, read_bounded
from lifecycle.storage import load_project, parse_project

from .pipes import endless_pipe

ROOT = Path(__file__).resolve().parents[2]


def only(data: bytes | str, name: str = "bad.yaml") -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    with pytest.raises(ProjectFileError) as caught:
        parse_project(data, name)
    [problem] = caught.value.problems
    return problem


# --- size: a byte-limited read, never stat() ------------------------------------------------------


def test_a_file_over_the_byte_limit_is_refused_before_parsing() -> None:
    message = only(b"a: " + b"x" * LIMITS.max_bytes)
    assert "2.0 MB" in message and "limited to 2 MB" in message


def test_dev_zero_stops_at_the_limit_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/dev/zero"]) == 2  # unreadable file, not "findings" (exit 1)
    err = capsys.readouterr().err
    assert "larger than 2 MB (reading stopped there)" in err and "limited to 2 MB" in err


def test_a_pipe_is_read_up_to_the_limit_only() -> None:
    with endless_pipe(b"key: value\n") as path, pytest.raises(ProjectFileError, match="larger than 2 MB"):
        read_bounded(path)  # as `yes | lifecycle check /dev/stdin`


def test_a_directory_or_a_missing_file_is_a_message(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "nope.yaml"):
        with pytest.raises(ProjectFileError) as caught:
            load_project(path)
        assert caught.value.problems and caught.value.problems[0]



# --- no traceback, exit 2, from the command line ---------------------------------------------------


@pytest.mark.parametrize("content", [
    "info: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "data:\n  labelled_examples: " + "9" * 5000 + "\n",
    "info: {name: a}\ninfo: {name: b}\n",
    "timeline:\n  activities:\n    - {name: a, start: 0001-01-01, end: 9999-12-31}\n",
    "problem_framing:\n  gate:\n    decided_on: 2025-02-30\n",
])
def test_the_cli_explains_hostile_files_with_exit_2_and_no_traceback(tmp_path: Path, content: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lifecycle", "check", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.startswith("hostile.yaml: ")
