"""``lifecycle check --format sarif|junit``, ``--output`` and several files: the CI gate's reports and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from junitparser import JUnitXml

from lifecycle.checks import registered
from lifecycle.cli import build_parser, main
from lifecycle.storage import dump_project, load_project

from .test_report_sarif import valid

ROOT = Path(__file__).resolve().parents[2]
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"


def _write(tmp_path: Path, name: str, mutate=None) -> Path:
    project = load_project(PERFECT)
    if mutate:
        mutate(project)
    path = tmp_path / name
    path.write_text(dump_project(project, "json" if name.endswith(".json") else "yaml"), encoding="utf-8")
    return path


def _warning(project) -> None:
    project.deployment.rollout_strategy = "all_at_once"  # DE-003, a warning


def _blocker(project) -> None:
    project.modeling.evaluation_split = "random"  # MO-003, a blocker


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_exit_codes_follow_fail_on_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   fmt: str) -> None:
    warning = _write(tmp_path, "plan.yaml", _warning)
    assert main(["check", str(PERFECT), "--format", fmt]) == 0
    assert main(["check", str(warning), "--format", fmt]) == 0
    assert main(["check", str(warning), "--format", fmt, "--fail-on", "warning"]) == 1
    assert main(["check", str(_write(tmp_path, "b.yaml", _blocker)), "--format", fmt]) == 1
    assert capsys.readouterr().err == ""


def test_sarif_on_stdout_is_valid_and_locates_the_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "plan.lifecycle.yaml", _blocker)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "plan.lifecycle.yaml", "--format", "sarif"]) == 1
    log = valid(json.loads(capsys.readouterr().out))
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "plan.lifecycle.yaml", "index": 0, "uriBaseId": "%SRCROOT%"}
    line = path.read_text(encoding="utf-8").split("\n")[location["region"]["startLine"] - 1]
    assert line.strip().startswith("evaluation_split: random")
    assert log["runs"][0]["invocations"][0]["properties"] == {"failOn": "blocker", "failed": True}


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "reports" / "lifecycle.xml"
    target.parent.mkdir()
    assert main(["check", str(_write(tmp_path, "p.yaml", _blocker)), "--format", "junit", "-o", str(target)]) == 1
    assert capsys.readouterr().out == ""
    report = JUnitXml.fromfile(str(target))
    assert report.tests == len(registered()) and report.failures == 1
    assert main(["check", str(PERFECT), "--output", str(tmp_path / "missing-dir" / "x.sarif"),
                 "--format", "sarif"]) == 2
    assert "cannot write the report" in capsys.readouterr().err


def test_an_unreadable_file_exits_2_and_is_still_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("modeling: {evaluation_split: sideways}\n", encoding="utf-8")
    assert main(["check", str(bad), str(PERFECT), "--format", "sarif"]) == 2
    captured = capsys.readouterr()
    assert "bad.yaml: modeling.evaluation_split: 'sideways' is not one of the allowed answers" in captured.err
    run = valid(json.loads(captured.out))["runs"][0]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert main(["check", str(bad), "--format", "junit"]) == 2
    assert "<error" in capsys.readouterr().out


def test_several_files_in_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = _write(tmp_path, "b.yaml", _blocker)
    assert main(["check", str(PERFECT), str(blocker)]) == 1
    out = capsys.readouterr().out
    assert f"{PERFECT}: 0 open findings" in out and f"{blocker}: MO-003 [blocker]" in out
    assert main(["check", str(PERFECT), str(blocker), "--format", "json"]) == 1
    documents = json.loads(capsys.readouterr().out)
    assert [d["file"] for d in documents] == [str(PERFECT), str(blocker)]
    assert [d["failed"] for d in documents] == [False, True]
    assert main(["check", str(PERFECT), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["file"] == str(PERFECT)  # one file: one document, as before


def test_help_names_the_formats_and_the_exit_codes() -> None:
    check = build_parser()._subparsers._group_actions[0].choices["check"]  # noqa: SLF001
    text = check.format_help()
    for word in ("sarif", "junit", "SARIF 2.1.0", "JUnit XML", "--output", "Exit status: 0"):
        assert word in text


def test_console_command_writes_sarif_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    done = subprocess.run([sys.executable, "-m", "lifecycle", "check", "sample_projects/loan.yaml", "--format",
                           "sarif", "--output", str(target)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and done.stdout == "" and done.stderr == ""
    log = valid(json.loads(target.read_text(encoding="utf-8")))
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"MO-003", "MN-001"}
