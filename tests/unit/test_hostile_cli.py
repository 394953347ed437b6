"""`lifecycle check` on files nested hundreds or thousands of levels deep, or with 100,000 table rows: the
reader's located message and exit 2 (unreadable; exit 1 would tell a CI gate "findings"), never a
RecursionError. The file the reader refused is not indexed for line numbers at all, and the indexer itself
stops at the reader's limits, so it cannot recurse or grow without bound whatever it is given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lifecycle.cli import main
from lifecycle.cli.common import EXIT_BAD_FILE
from lifecycle.reports import UnreadableFile, check_file
from lifecycle.reports.positions import index_text

ROOT = Path(__file__).resolve().parents[2]


def _nested(fmt: str, depth: int, style: str = "flow") -> str:
    if fmt == "json":
        return '{"info": ' + "[" * depth + "]" * depth + "}"
    if style == "block":
        return "info:\n" + "".join("  " * level + "-\n" for level in range(1, depth))
    return "info: " + "[" * depth + "]" * depth + "\n"


def _rows(count: int) -> str:
    return "data:\n  sources:\n" + "".join(f"    - {{name: s{i}}}\n" for i in range(count))


DEEP = {
    "JSON, 500 levels": ("json", 500, "flow"),
    "JSON, 10,000 levels": ("json", 10_000, "flow"),
    "YAML, 500 levels": ("yaml", 500, "flow"),
    "YAML, 10,000 levels": ("yaml", 10_000, "flow"),
    "YAML, 500 levels, block style": ("yaml", 500, "block"),
}


@pytest.mark.parametrize("case", DEEP)
@pytest.mark.parametrize("output", ["text", "sarif"])
def test_a_deeply_nested_file_is_unreadable_with_a_located_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, output: str) -> None:
    fmt, depth, style = DEEP[case]
    path = tmp_path / f"deep.{fmt}"
    path.write_text(_nested(fmt, depth, style), encoding="utf-8")
    assert main(["check", "--format", output, str(path)]) == EXIT_BAD_FILE == 2
    err = capsys.readouterr().err
    [message] = err.splitlines()
    assert message.startswith(f"deep.{fmt}: ") and "nested more than 20 levels deep" in message
    assert "line " in message  # where the nesting goes too deep


def test_a_yaml_file_with_100000_rows_is_refused_at_row_201(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rows.yaml"
    path.write_text(_rows(100_000), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == ("rows.yaml: data.sources: more than 200 items; a table or list in a project "
                                       "file holds at most 200 (line 203)\n")


def test_a_refused_file_is_not_indexed_but_a_file_that_only_fails_validation_is(tmp_path: Path) -> None:
    refused = tmp_path / "rows.yaml"
    refused.write_text(_rows(300), encoding="utf-8")  # within what the indexer could index: only check_file decides
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("info:\n  name: Churn\ndata:\n  labelled_examples: -5\n", encoding="utf-8")
    not_read = check_file(refused, policies=[])
    assert isinstance(not_read, UnreadableFile) and not_read.index is None
    read = check_file(invalid, policies=[])
    assert isinstance(read, UnreadableFile) and read.index is not None
    [(problem, where)] = read.located()
    assert problem.startswith("data.labelled_examples: ") and where is not None and where.line == 4


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("depth", [500, 10_000])
def test_the_position_index_refuses_what_the_reader_refuses_instead_of_recursing(fmt: str, depth: int) -> None:
    # Ours at level 21, or libyaml's own limit at 1,000 when its scanner looks that far ahead: a ValueError either way.
    with pytest.raises(ValueError, match="nested more than 20 levels deep|maximum nesting depth"):
        index_text("[" * depth + "]" * depth, fmt)  # type: ignore[arg-type]


def test_the_position_index_stops_at_the_readers_value_limit() -> None:
    with pytest.raises(ValueError, match="more than 50,000 values"):
        index_text(_rows(100_000), "yaml")
    with pytest.raises(ValueError, match="more than 50,000 values"):
        index_text("[" + ",".join(["1"] * 60_000) + "]", "json")


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(_nested("json", 10_000), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lifecycle", "check", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.startswith("deep.json: line 1, column 29: nested more ")
