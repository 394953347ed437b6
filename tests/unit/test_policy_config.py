"""Policy packs from the app's configuration file, lifecycle.toml, beside LIFECYCLE_POLICY_PACKS: read by the
checks and by ``lifecycle check``, with every problem of the file itself reported, not silently ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lifecycle import settings
from lifecycle.checks import run_checks
from lifecycle.cli import main
from lifecycle.policies import ENV_VAR, PACK_ERROR_ID, configured_packs, configured_paths
from lifecycle.samples import SAMPLES_DIR, load_sample
from lifecycle.settings import read_settings

from .test_policies import pack_text, rule

EXAMPLE = SAMPLES_DIR / "policies" / "harbourline.yaml"
LOAN = SAMPLES_DIR / "loan.yaml"
WHERE_THE_APP_STARTS = settings.config_file  # the real lookup; tests/conftest.py points it nowhere for the suite


@pytest.fixture
def project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the app or the CLI is started from, with a pack in policies/; lifecycle.toml is written by the test."""
    (tmp_path / "policies").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "policies" / "org.yaml")
    monkeypatch.setattr(settings, "config_file", WHERE_THE_APP_STARTS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ids(findings) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.check_id for f in findings}


def test_packs_listed_in_lifecycle_toml_apply_to_the_checks(project_root: Path) -> None:
    (project_root / "lifecycle.toml").write_text('policy_packs = ["policies"]\n', encoding="utf-8")
    assert configured_paths() == [project_root / "policies" / "org.yaml"]  # a folder stands for its packs
    assert {"POL-MRM-001", "POL-PRIV-001"} <= ids(run_checks(load_sample("loan")))


def test_relative_entries_are_read_from_the_file_s_folder_not_the_working_directory(tmp_path: Path) -> None:
    config = tmp_path / "repo" / "lifecycle.toml"
    config.parent.mkdir()
    config.write_text(f'policy_packs = ["../team.yaml", "{EXAMPLE}"]\n', encoding="utf-8")
    found = read_settings(config)
    assert found.source == str(config) and found.problems == ()
    assert found.policy_packs == (config.parent / "../team.yaml", EXAMPLE)


def test_the_environment_variable_still_works_and_a_pack_in_both_is_applied_once(
        project_root: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path_factory.mktemp("other") / "team.yaml"
    other.write_text(pack_text(rule("{field: data.label_source, operator: matches, value: never-there}")),
                     encoding="utf-8")
    (project_root / "lifecycle.toml").write_text('policy_packs = ["policies/org.yaml"]\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, f"{other}:{project_root / 'policies'}")
    assert configured_paths() == [project_root / "policies" / "org.yaml", other]
    assert configured_packs().ok  # no "id already used" clash from reading org.yaml twice
    assert {"POL-MRM-001", "POL-T-001"} <= ids(run_checks(load_sample("loan")))
    assert main(["check", str(LOAN)]) == 1
    out = capsys.readouterr().out
    assert out.count("POL-MRM-001 [blocker]") == 1 and "POL-T-001 [warning]" in out


def test_no_lifecycle_toml_configures_nothing_and_is_no_problem(project_root: Path) -> None:
    assert read_settings().source == "" and configured_paths() == [] and configured_packs().ok
    assert not {f for f in ids(run_checks(load_sample("loan"))) if f.startswith("POL-")}


@pytest.mark.parametrize(("text", "problem"), [
    ("policy_packs = [\"policies\"\n", "lifecycle.toml: not valid TOML: "),
    ("policy_packs = \"policies\"\n", "lifecycle.toml: policy_packs: expected a list of pack files or folders, "
                                      "e.g. policy_packs = [\"policies/org.yaml\", \"policies/team\"]"),
    ("policy_pack = [\"policies\"]\n", "lifecycle.toml: policy_pack: not a setting of the workbook (did you mean "
                                       "'policy_packs'?); known: policy_packs"),
])
def test_a_broken_lifecycle_toml_is_one_finding_in_the_app_and_exit_2_on_the_command_line(
        project_root: Path, capsys: pytest.CaptureFixture[str], text: str, problem: str) -> None:
    (project_root / "lifecycle.toml").write_text(text, encoding="utf-8")
    error = next(f for f in run_checks(load_sample("loan")) if f.check_id == PACK_ERROR_ID)
    assert f"{project_root}/{problem}" in error.message
    assert main(["check", str(LOAN)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and f"{project_root}/{problem}" in captured.err


def test_the_file_is_re_read_when_it_changes(project_root: Path) -> None:
    config = project_root / "lifecycle.toml"
    config.write_text("policy_packs = []\n", encoding="utf-8")
    assert configured_paths() == []
    config.write_text('policy_packs = ["policies/org.yaml"]  # now with the pack\n', encoding="utf-8")
    assert configured_paths() == [project_root / "policies" / "org.yaml"]


def test_a_lifecycle_toml_nested_thousands_deep_is_a_message_not_a_traceback(
        project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project_root / "lifecycle.toml").write_text("policy_packs = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["check", str(LOAN)]) == 2  # unreadable settings, not "findings"
    err = capsys.readouterr().err
    assert "lifecycle.toml: nested too deeply to be a settings file" in err and "Traceback" not in err


def test_a_lifecycle_toml_that_never_ends_is_read_up_to_its_limit_only(
        project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project_root / "lifecycle.toml").symlink_to("/dev/zero")
    assert main(["check", str(LOAN)]) == 2
    assert f"lifecycle.toml: more than {settings.MAX_BYTES:,} bytes (reading stopped there)" in capsys.readouterr().err
