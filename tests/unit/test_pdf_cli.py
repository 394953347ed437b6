"""``lifecycle export``: writes the PDFs, and refuses an unreadable project file with exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lifecycle.cli import main
from lifecycle.samples import SAMPLES_DIR

from .test_pdf_support import reader


def test_export_writes_the_canvas_and_the_map(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    canvas, full = tmp_path / "canvas.pdf", tmp_path / "map.pdf"
    status = main(["export", str(SAMPLES_DIR / "loan.yaml"), "--canvas", str(canvas), "--map", str(full)])
    assert status == 0
    assert len(reader(canvas.read_bytes()).pages) == 1
    assert len(reader(full.read_bytes()).pages) > 10
    out = capsys.readouterr().out
    assert f"{canvas}: 1 page" in out and f"{full}: " in out


def test_export_of_one_pdf_only(tmp_path: Path) -> None:
    full = tmp_path / "map.pdf"
    assert main(["export", str(SAMPLES_DIR / "churn.yaml"), "--map", str(full)]) == 0
    assert full.read_bytes().startswith(b"%PDF")


def test_unreadable_project_file_exits_2_with_the_reason(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("info: [unclosed\n", encoding="utf-8")
    assert main(["export", str(bad), "--canvas", str(tmp_path / "c.pdf")]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml: line" in err and "invalid YAML" in err
    assert not (tmp_path / "c.pdf").exists()
    assert main(["export", str(tmp_path / "missing.yaml"), "--map", str(tmp_path / "m.pdf")]) == 2
    assert "missing.yaml" in capsys.readouterr().err


def test_nothing_to_export_is_an_error(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", str(SAMPLES_DIR / "loan.yaml")]) == 2
    assert "--canvas" in capsys.readouterr().err


def test_unwritable_output_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "no-such-dir" / "c.pdf"
    assert main(["export", str(SAMPLES_DIR / "loan.yaml"), "--canvas", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_the_installed_command_runs_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "lifecycle", "export", "nope.yaml", "--canvas", "x.pdf"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={"PYTHONPATH": str(SAMPLES_DIR.parent)})
    assert result.returncode == 2 and "nope.yaml" in result.stderr
