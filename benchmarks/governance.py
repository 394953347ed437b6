"""What governance adds to the review: EU AI Act gate checks, Annex IV coverage and policy packs.

Every time is given as ratios to two baselines measured in the same run over the same
generated portfolio (see ``benchmarks.portfolio``): all checks with no screening and no
policy pack, and loading (parsing and validating) the project files. The target is on the
second: with governance on, the review must stay under a quarter of the time it takes to
open the file. A high-risk plan has about twenty more findings (its Annex IV gaps), so it
is expected to cost more than the plain checks.
The high-risk rows give every project the loan's screening, so the Annex IV gate checks
and the gate templates do their full work; the pack rows add the example pack, passed in
or named by ``LIFECYCLE_POLICY_PACKS`` (which also re-checks the file's stamp each run).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

from lifecycle.checks import run_checks
from lifecycle.compliance.annex_iv import coverage
from lifecycle.model import Project
from lifecycle.policies import ENV_VAR, load_packs
from lifecycle.storage import dump_project, parse_project

from .portfolio import portfolio

NAME = "governance"
TITLE = "EU AI Act checks, Annex IV coverage and policy packs: time per project vs the plain checks"
ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "perfect.yaml"
PACK = ROOT / "sample_projects" / "policies" / "harbourline.yaml"
HIGH_RISK = {"prohibited_practices": ["none"], "annex_i_product": False, "annex_iii_uses": ["credit_scoring"],
             "profiles_natural_persons": True, "exemption_condition": "none", "transparency_cases": ["none"]}
TARGET_OF_LOAD = 0.25


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--governance-projects", type=int, default=300,
                        help="size of the generated portfolio for the governance benchmark (default 300)")


def _best_ms_per(action: Callable[[], object], count: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        best = min(best, (time.perf_counter() - start) * 1000 / count)
    return best


def _screened(project: Project) -> Project:
    document = project.model_dump(mode="json")
    document["ai_act"]["screening"] = HIGH_RISK
    return Project.model_validate(document)


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    rounds = max(1, getattr(options, "repeat", 5))
    saved = os.environ.pop(ENV_VAR, None)
    try:
        base = parse_project(FIXTURE.read_bytes(), FIXTURE.name)
        plain = portfolio(base, options.governance_projects)
        high = [_screened(p) for p in plain]
        packs = load_packs([PACK]).packs
        count = len(plain)
        files = [dump_project(p).encode("utf-8") for p in high]
        load = _best_ms_per(lambda: [parse_project(blob, "p.yaml") for blob in files], count, min(rounds, 2))
        baseline = _best_ms_per(lambda: [run_checks(p, policies=[]) for p in plain], count, rounds)
        cases = [
            ("high-risk: Annex IV gate checks and templates", lambda: [run_checks(p, policies=[]) for p in high]),
            ("example policy pack passed in (5 rules)", lambda: [run_checks(p, policies=packs) for p in plain]),
            ("high-risk and the pack", lambda: [run_checks(p, policies=packs) for p in high]),
        ]
        timed = [(name, _best_ms_per(action, count, rounds)) for name, action in cases]
        os.environ[ENV_VAR] = str(PACK)
        timed.append(("pack named by LIFECYCLE_POLICY_PACKS",
                      _best_ms_per(lambda: [run_checks(p) for p in plain], count, rounds)))
        os.environ.pop(ENV_VAR)
        coverage_ms = _best_ms_per(lambda: [coverage(p) for p in high], count, rounds)
        pack_ms = _best_ms_per(lambda: load_packs([PACK]), 1, rounds)
    finally:
        if saved is not None:
            os.environ[ENV_VAR] = saved
    target = f"target < {TARGET_OF_LOAD:g} of load"

    def row(name: str, ms: float, judged: bool = True) -> dict[str, str]:
        share = ms / load
        return {"case": name, "ms/project": f"{ms:.3f}", "vs plain checks": f"{ms / baseline:.2f}",
                "vs load": f"{share:.3f}", target: ("ok" if share < TARGET_OF_LOAD else "MISSED") if judged else ""}

    rows = [row("all checks, no screening, no pack (baseline)", baseline)]
    rows += [row(name, ms) for name, ms in timed]
    rows.append(row("Annex IV coverage alone (high-risk)", coverage_ms, judged=False))
    notes = [
        f"{count} generated projects (varied {FIXTURE.name}); best of {rounds} rounds; load = parse_project(bytes) "
        f"of the high-risk files, {load:.1f} ms/project.",
        f"reading and validating the example pack: {pack_ms:.1f} ms (once per change of the file).",
    ]
    return rows, notes
