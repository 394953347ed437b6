"""The command line: ``lifecycle schema`` and ``lifecycle check``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lifecycle.cli import main
from lifecycle.storage import dump_project, load_project

ROOT = Path(__file__).resolve().parents[2]
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"
FINDING_KEYS = {"id", "rules", "refs", "phase", "severity", "message", "fix", "field", "subject", "accepted"}


def _write(tmp_path: Path, name: str, mutate=None) -> Path:
    project = load_project(PERFECT)
    if mutate:
        mutate(project)
    path = tmp_path / name
    path.write_text(dump_project(project, "json" if name.endswith(".json") else "yaml"), encoding="utf-8")
    return path


def _warning_only(project) -> None:
    project.deployment.rollout_strategy = "all_at_once"  # DE-003, warning


def _blocker(project) -> None:
    project.modeling.evaluation_split = "random"  # MO-003, blocker


def test_schema_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Lifecycle Workbook project file"
    assert "accepted_findings" in schema["properties"]


def test_check_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(PERFECT)]) == 0
    out = capsys.readouterr().out
    assert "0 open findings" in out and "passes --fail-on blocker" in out


def test_check_text_output_reads_like_a_linter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "plan.yaml", _blocker)
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{path}: MO-003 [blocker] Modeling & Evaluation: The data is time-ordered but the evaluation split is "
        "'Random split': the model is tested on examples older than some of its training data. "
        "(Rules of ML #33; Leakage L3.1)"
    )
    assert lines[1].startswith("    fix: Train on data up to a cut-off date") and lines[1].endswith(
        "[modeling.evaluation_split]"
    )
    assert lines[-1].startswith(f"{path}: 1 open finding (1 blocker, 0 warnings, 0 advice), 0 accepted; readiness")
    assert lines[-1].endswith("failing: 1 at or above blocker.")


def test_fail_on_level(tmp_path: Path) -> None:
    path = _write(tmp_path, "plan.yaml", _warning_only)
    assert main(["check", str(path)]) == 0
    assert main(["check", str(path), "--fail-on", "warning"]) == 1
    assert main(["check", str(path), "--fail-on", "advice"]) == 1
    assert main(["check", str(PERFECT), "--fail-on", "advice"]) == 0


def test_accepted_finding_does_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def accepted(project) -> None:
        _blocker(project)
        document = project.model_dump(mode="json")
        document["accepted_findings"] = [
            {"check_id": "MO-003", "subject": "", "reason": "Tickets do not depend on time.", "accepted_by": "Lead"},
            {"check_id": "DA-002", "subject": "nothing", "reason": "Stale entry.", "accepted_by": "Lead"},
        ]
        project.accepted_findings = document["accepted_findings"]

    path = _write(tmp_path, "plan.yaml", accepted)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "MO-003 [blocker, accepted]" in out and "accepted: Tickets do not depend on time." in out
    assert "note: accepted finding DA-002 (nothing) matches no current finding" in out


def test_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "plan.json", _blocker)
    assert main(["check", str(path), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["failed"] is True and document["fail_on"] == "blocker"
    assert document["summary"]["blocker"] == 1
    (finding,) = document["findings"]
    assert FINDING_KEYS <= set(finding)
    assert finding["id"] == "MO-003" and finding["rules"] == [33] and finding["severity"] == "blocker"
    assert finding["field"] == "modeling.evaluation_split" and finding["accepted"] is False
    assert document["readiness"]["phases"][2]["phase"] == "modeling"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("modeling: {bogus: 1}\n", "modeling.bogus: unknown field"),
        ("info: [unclosed\n", "invalid YAML"),
        ("", "the file is empty"),
        ("modeling: {evaluation_split: sideways}\n", "is not one of the allowed answers"),
    ],
)
def test_invalid_file_exits_2_with_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err and captured.err.startswith("bad.yaml: ")
    assert "Traceback" not in captured.err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_bad_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(PERFECT), "--fail-on", "never"])
    assert exit_info.value.code == 2


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifecycle", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_subprocess_exit_codes_and_json(tmp_path: Path) -> None:
    clean = _run("check", str(PERFECT))
    assert clean.returncode == 0, clean.stderr

    failing = _run("check", str(_write(tmp_path, "plan.yaml", _blocker)), "--format", "json")
    assert failing.returncode == 1
    findings = json.loads(failing.stdout)["findings"]
    assert isinstance(findings, list) and all(FINDING_KEYS <= set(f) for f in findings)

    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"data": {"features": "not a table"}}), encoding="utf-8")
    broken = _run("check", str(bad))
    assert broken.returncode == 2
    assert broken.stdout == "" and "data.features" in broken.stderr and "Traceback" not in broken.stderr
