"""Policy packs are read like project files: a byte-limited read (a stream reports size 0, so /dev/zero used to
be read until MemoryError), the bounded YAML builder with the pack's own limits, and duplicate keys refused
with both lines instead of the later value silently winning. Each case a clear message, exit 2, no traceback."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lifecycle.cli import main
from lifecycle.model import Project
from lifecycle.policies import load_packs, policy_findings, read_pack
from lifecycle.policies.loader import MAX_BYTES, PACK_LIMITS
from lifecycle.samples import load_sample

from .pipes import endless_pipe

ROOT = Path(__file__).resolve().parents[2]
LOAN = ROOT / "sample_projects" / "loan.yaml"

PACK = """\
name: Org
rules:
  - id: POL-ORG-1
    title: The gate has a date
    phase: problem_framing
    severity: warning
    require: {field: problem_framing.gate.decided_on, operator: not_empty}
    message: "Record when the gate was decided"
    fix: "Fill in the date"
"""


def _problems(path: Path | str) -> list[str]:
    pack, problems = read_pack(path)
    assert pack is None
    return problems


def test_dev_zero_is_refused_once_the_limit_is_passed() -> None:
    assert _problems("/dev/zero") == [f"/dev/zero: more than {MAX_BYTES:,} bytes (reading stopped there); a policy "
                                      f"pack may be at most {MAX_BYTES:,}"]


def test_dev_zero_on_the_command_line_exits_2_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--policy", "/dev/zero", str(LOAN)]) == 2
    assert "/dev/zero: more than 1,000,000 bytes (reading stopped there)" in capsys.readouterr().err


def test_an_endless_pipe_is_read_up_to_the_limit_only() -> None:
    with endless_pipe(b"# comment\n") as path:  # as `--policy <(yes)`
        [problem] = _problems(path)
        assert "(reading stopped there); a policy pack may be at most 1,000,000" in problem


def test_a_pack_from_a_pipe_within_the_limit_still_reads() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, PACK.encode())
    os.close(write_end)
    try:
        pack, problems = read_pack(f"/dev/fd/{read_end}")
    finally:
        os.close(read_end)
    assert problems == [] and pack is not None and [rule.id for rule in pack.rules] == ["POL-ORG-1"]


def test_an_over_size_pack_file_says_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(PACK.encode() + b"#" * MAX_BYTES)
    assert _problems(big) == [f"{big}: the file is {MAX_BYTES + len(PACK):,} bytes; a policy pack may be at most "
                              f"{MAX_BYTES:,}"]


@pytest.mark.parametrize("depth", [30, 500, 10_000])
def test_a_deeply_nested_pack_is_refused_with_the_place(tmp_path: Path, depth: int) -> None:
    deep = tmp_path / "deep.yaml"
    condition = "{all: [" * depth + "{field: info.name, operator: empty}" + "]}" * depth
    deep.write_text(PACK.replace("{field: problem_framing.gate.decided_on, operator: not_empty}", condition),
                    encoding="utf-8")
    [problem] = _problems(deep)
    assert problem.startswith(f"{deep}: ")
    assert f"nested more than {PACK_LIMITS.max_depth} levels deep; a policy pack's conditions nest a few " in problem
    assert "line " in problem and "project file" not in problem


def test_a_pack_nested_as_deep_as_a_real_one_reads(tmp_path: Path) -> None:
    nested = "{all: [{any: [{all: [{field: info.name, operator: not_empty}]}]}]}"
    path = tmp_path / "nested.yaml"
    path.write_text(PACK.replace("{field: problem_framing.gate.decided_on, operator: not_empty}", nested),
                    encoding="utf-8")
    pack, problems = read_pack(path)
    assert problems == [] and pack is not None


def test_a_duplicate_key_is_refused_with_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(PACK.replace("    severity: warning\n", "    severity: warning\n    severity: advice\n"),
                    encoding="utf-8")
    assert _problems(path) == [f"{path}: rules[0]: the key 'severity' appears twice (lines 6 and 7); a pack with "
                               "two values for one key is ambiguous"]


def test_a_duplicate_top_level_key_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(PACK + "name: Another org\n", encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith(f"{path}: (top level): the key 'name' appears twice (lines 1 and 10)")


def test_a_rule_problem_still_names_the_rules_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(PACK + "  - just text\n", encoding="utf-8")
    assert _problems(path) == [f"{path}: rule 2, line 10: a rule is a mapping with id, title, phase, severity, "
                               "require, message and fix"]


def test_a_date_written_unquoted_in_a_pack_still_compares_as_a_date(tmp_path: Path) -> None:
    # The bounded builder leaves dates as text (as for project files); the rule must still read and apply.
    path = tmp_path / "dates.yaml"
    path.write_text(PACK.replace("{field: problem_framing.gate.decided_on, operator: not_empty}",
                                 "{field: problem_framing.gate.decided_on, operator: at_least, value: 2025-01-01}"),
                    encoding="utf-8")
    result = load_packs([path])
    assert result.ok, result.problems
    document = load_sample("loan").model_dump(mode="json")
    document["problem_framing"]["gate"]["decided_on"] = "2024-06-30"
    early = Project.model_validate(document)
    assert early.problem_framing.gate.decided_on == dt.date(2024, 6, 30)
    assert [f.check_id for f in policy_findings(early, result.packs)] == ["POL-ORG-1"]
    document["problem_framing"]["gate"]["decided_on"] = "2025-03-01"
    assert policy_findings(Project.model_validate(document), result.packs) == []


def test_the_command_prints_no_traceback_for_a_hostile_pack(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("name: x\nrules: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lifecycle", "check", "--policy", str(deep), str(LOAN)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.startswith(f"{deep}: ")
