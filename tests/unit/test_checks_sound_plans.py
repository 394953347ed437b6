"""Sound plans in other domains and voices than perfect.yaml: an expert would pass them, so the review must raise
no blocker or warning on them (tips are allowed). They guard precision beyond the plans the checks were built on."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifecycle.checks import Severity, run_checks
from lifecycle.storage import load_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOUND = ["sound_gl_coding.yaml", "sound_student_support.yaml"]


@pytest.mark.parametrize("name", SOUND)
def test_a_sound_plan_gets_no_blocker_or_warning(name: str) -> None:
    findings = run_checks(load_project(FIXTURES / name))
    serious = [(f.check_id, f.field, f.message) for f in findings if f.severity is not Severity.ADVICE]
    assert serious == []


@pytest.mark.parametrize(("name", "path", "value", "check_id"), [
    ("sound_gl_coding.yaml", "modeling.model_description", "Lines are shuffled and a tenth is kept aside to test.",
     "MO-003"),
    ("sound_gl_coding.yaml", "deployment.latency_budget_ms", 800, "DE-013"),
    ("sound_gl_coding.yaml", "monitoring.retraining_interval_days", 7, "MN-015"),
    ("sound_student_support.yaml", "modeling.split_gap_days", 30, "MO-019"),
    ("sound_student_support.yaml", "data.features[3].sensitivity", "none", "DA-016"),
    ("sound_student_support.yaml", "modeling.bias_testing", "Will be looked at after the pilot.", "MO-011"),
])
def test_one_planted_gap_in_a_sound_plan_is_found(name: str, path: str, value: object, check_id: str) -> None:
    from .test_checks_cases import put

    project = load_project(FIXTURES / name)
    put(path, value)(project)
    assert check_id in {f.check_id for f in run_checks(project)}
