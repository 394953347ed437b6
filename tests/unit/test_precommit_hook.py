"""The pre-commit hook another repository uses to gate its project file: the manifest is valid for pre-commit,
its file pattern picks project files only, and run the way pre-commit runs it, it passes a good plan and
fails a plan with an open blocker."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_manifest

from lifecycle.storage import dump_project, load_project

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"


def _hook() -> dict:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return hook


def _bad_plan(path: Path) -> Path:
    project = load_project(PERFECT)
    project.modeling.evaluation_split = "random"  # MO-003, an open blocker
    path.write_text(dump_project(project), encoding="utf-8")
    return path


def test_the_manifest_is_one_valid_pre_commit_hook() -> None:
    (loaded,) = load_manifest(str(MANIFEST))  # pre-commit's own schema check; raises when invalid
    assert loaded["id"] == "lifecycle-check" and loaded["language"] == "python"
    assert loaded["entry"] == "lifecycle check" and loaded["pass_filenames"] is True


@pytest.mark.parametrize("name, picked", [
    ("lifecycle.yaml", True),
    ("plans/churn.lifecycle.yaml", True),
    ("ml/plan.lifecycle.yml", True),
    ("loan.lifecycle.json", True),
    ("lifecycle.py", False),
    ("mylifecycle.yaml", False),
    ("lifecycle.yaml.bak", False),
    ("config.yaml", False),
])
def test_the_file_pattern_picks_project_files_only(name: str, picked: bool) -> None:
    assert bool(re.search(_hook()["files"], name)) is picked


def _entry(*files: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry with the file names appended, as pre-commit calls it (the command from this venv)."""
    command, *args = shlex.split(_hook()["entry"])
    executable = shutil.which(command, path=str(Path(sys.executable).parent))
    assert executable, f"'{command}' is not installed next to {sys.executable}"
    return subprocess.run([executable, *args, *map(str, files)], capture_output=True, text=True, check=False)


def test_the_entry_passes_a_good_plan_and_fails_a_bad_one(tmp_path: Path) -> None:
    good = _entry(PERFECT)
    assert good.returncode == 0 and "passes --fail-on blocker" in good.stdout
    bad = _bad_plan(tmp_path / "plan.lifecycle.yaml")
    failed = _entry(PERFECT, bad)
    assert failed.returncode == 1
    assert f"{bad}: MO-003 [blocker]" in failed.stdout and "fix:" in failed.stdout


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args], cwd=cwd,
                   check=True, capture_output=True)


def _hook_repository(target: Path) -> Path:
    """A git repository holding this working tree's package and hook manifest, as another team would clone it."""
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "lifecycle", target / "lifecycle", ignore=shutil.ignore_patterns("__pycache__"))
    _git(target, "init", "-q")
    _git(target, "add", ".")
    _git(target, "commit", "-q", "-m", "hook repository")
    return target


def test_pre_commit_gates_a_repository_on_its_project_file(tmp_path: Path) -> None:
    """Another repository's .pre-commit-config.yaml names this repository and the hook; pre-commit installs the
    package in a virtualenv of its own (once: the second run reuses it) and runs the hook on the staged files."""
    (tmp_path / "hooks").mkdir()
    hooks = _hook_repository(tmp_path / "hooks")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True,
                         check=True).stdout.strip()
    project = tmp_path / "ml-project"
    project.mkdir()
    shutil.copy2(PERFECT, project / "good.lifecycle.yaml")
    (project / "notes.yaml").write_text("not: [a project file\n", encoding="utf-8")  # not picked by the pattern
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [
        {"repo": str(hooks), "rev": rev, "hooks": [{"id": "lifecycle-check"}]}]}), encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    run = [sys.executable, "-m", "pre_commit", "run"]

    passed = subprocess.run(run, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"Lifecycle Workbook plan check\.+Passed", passed.stdout)

    (project / "plans").mkdir()
    _bad_plan(project / "plans" / "bad.lifecycle.yaml")
    _git(project, "add", ".")
    failed = subprocess.run(run, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=900)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"Lifecycle Workbook plan check\.+Failed", failed.stdout)
    assert "plans/bad.lifecycle.yaml: MO-003 [blocker]" in failed.stdout
    assert "good.lifecycle.yaml: 0 open findings" in failed.stdout
    assert "notes.yaml" not in failed.stdout
    assert "Installing environment" not in failed.stderr + failed.stdout  # the hook's environment was reused


def _yaml_blocks(markdown: str) -> list[object]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", markdown, flags=re.DOTALL)]


def test_the_ci_examples_are_valid_yaml_and_use_real_options() -> None:
    from lifecycle.cli import build_parser

    blocks = _yaml_blocks((ROOT / "docs" / "ci.md").read_text(encoding="utf-8"))
    assert len(blocks) == 4
    commands = []
    for block in blocks:
        text = yaml.safe_dump(block)
        commands += [line.split("run: ", 1)[-1].strip("- '\"") for line in text.splitlines()
                     if "lifecycle check " in line]
    assert len(commands) >= 3
    for command in commands:
        build_parser().parse_args(shlex.split(command)[1:])  # exits (fails the test) on an unknown option
    github, gitlab, remote, local = blocks
    steps = github["jobs"]["lifecycle-check"]["steps"]
    assert any(str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif") for step in steps)
    assert gitlab["lifecycle-check"]["artifacts"]["reports"]["junit"] == "lifecycle-junit.xml"
    assert remote["repos"][0]["hooks"][0]["id"] == _hook()["id"]
    assert local["repos"][0]["hooks"][0]["files"] == _hook()["files"]
    assert local["repos"][0]["hooks"][0]["entry"] == _hook()["entry"]
