"""How well the plan review finds the gaps planted in the evaluation corpus (``benchmarks/review_corpus``).

For every plan and every variant (each wording of its gaps, and the repaired plan) it runs
``lifecycle.checks.run_checks`` and compares the open findings with the answer key: recall of planted
gaps, precision of blocker and warning findings, false alarms, missed gaps, blockers on repaired plans,
and the review time per project against loading the same project file. Scoring rules: see
``benchmarks/review_corpus/README.md``.

Run alone: ``python -m benchmarks.review_quality [--split dev|holdout|holdout2|all] [--detail]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.review_corpus.corpus import SEALED_SPLITS, SPLITS, Gap, Plan, load_check_map, load_corpus, within
from lifecycle.checks import run_checks
from lifecycle.storage import ProjectFileError, parse_project

NAME = "review_quality"
TITLE = "Plan review on the evaluation corpus: recall, precision, false alarms, blockers on fixed plans, time"
TARGET_RECALL = 0.90
TARGET_PRECISION = 0.95
TARGET_MS = 5.0
COUNTED_SEVERITIES = ("blocker", "warning")
TIP_SEVERITY = "advice"


@dataclass(frozen=True)
class ReviewFinding:
    """The parts of a check finding the score looks at."""

    check_id: str
    severity: str
    field: str

    def __str__(self) -> str:
        return f"{self.check_id} ({self.severity}) at {self.field or '(no field)'}"


def open_findings(findings: Iterable[Any]) -> list[ReviewFinding]:
    """Findings not accepted by the team, reduced to id, severity (lower-case text) and field."""
    kept = []
    for finding in findings:
        if getattr(finding, "accepted", False):
            continue
        severity = getattr(finding.severity, "value", finding.severity)
        kept.append(ReviewFinding(str(finding.check_id), str(severity).lower(), str(finding.field or "")))
    return kept


def at_location(finding_field: str, where: Sequence[str]) -> bool:
    """The finding points at one of the gap's places: the same field, a field inside it, or one containing it."""
    return any(within(finding_field, path) or within(path, finding_field) for path in where)


def matches(finding: ReviewFinding, gap: Gap, check_map: dict[str, tuple[str, ...]]) -> bool:
    if not at_location(finding.field, gap.where):
        return False
    allowed = check_map.get(gap.category)
    return not allowed or finding.check_id in allowed


@dataclass
class Score:
    """The review of one project against its planted gaps (none for a fixed plan)."""

    gaps: list[Gap]
    found: dict[str, list[ReviewFinding]] = field(default_factory=dict)  # gap id -> findings that found it
    found_by_tip_only: list[str] = field(default_factory=list)
    counted: list[ReviewFinding] = field(default_factory=list)  # open blocker and warning findings
    matched: list[ReviewFinding] = field(default_factory=list)
    tips: list[ReviewFinding] = field(default_factory=list)

    @property
    def missed(self) -> list[Gap]:
        return [gap for gap in self.gaps if gap.id not in self.found]

    @property
    def false_alarms(self) -> list[ReviewFinding]:
        return [finding for finding in self.counted if finding not in self.matched]

    @property
    def blockers(self) -> list[ReviewFinding]:
        return [finding for finding in self.counted if finding.severity == "blocker"]

    @property
    def recall(self) -> float | None:
        return len(self.found) / len(self.gaps) if self.gaps else None

    @property
    def precision(self) -> float | None:
        return len(self.matched) / len(self.counted) if self.counted else None

    def blocker_gaps_as_blockers(self) -> tuple[int, int]:
        """(found blocker gaps reported as a blocker, found blocker gaps)."""
        found = [g for g in self.gaps if g.severity == "blocker" and g.id in self.found]
        agreed = [g for g in found if any(f.severity == "blocker" for f in self.found[g.id])]
        return len(agreed), len(found)


def score(findings: Iterable[Any], gaps: Sequence[Gap], check_map: dict[str, tuple[str, ...]] | None = None) -> Score:
    """Score one project's findings (objects with check_id, severity, field, accepted) against its gaps."""
    check_map = check_map or {}
    result = Score(gaps=list(gaps))
    for finding in open_findings(findings):
        hits = [gap for gap in gaps if matches(finding, gap, check_map)]
        if finding.severity in COUNTED_SEVERITIES:
            result.counted.append(finding)
            if hits:
                result.matched.append(finding)
            for gap in hits:
                result.found.setdefault(gap.id, []).append(finding)
        elif finding.severity == TIP_SEVERITY:
            result.tips.append(finding)
    for finding in result.tips:
        for gap in gaps:
            if gap.severity == TIP_SEVERITY and gap.id not in result.found and matches(finding, gap, check_map):
                result.found[gap.id] = [finding]
                result.found_by_tip_only.append(gap.id)
    return result


@dataclass
class Case:
    plan: Plan
    variant: str
    blob: bytes
    project: Any
    score: Score

    @property
    def is_fixed(self) -> bool:
        return self.variant.startswith("fixed")


def build_cases(plans: Sequence[Plan], check_map: dict[str, tuple[str, ...]]) -> list[Case]:
    cases = []
    for plan in plans:
        for variant, document in plan.variants():
            blob = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
            try:
                project = parse_project(blob, f"{plan.name}.yaml")
            except ProjectFileError as exc:
                raise SystemExit(f"{plan.split}/{plan.name} {variant} is not a valid project: {exc}") from None
            gaps = [] if variant.startswith("fixed") else plan.gaps
            cases.append(Case(plan, variant, blob, project, score(run_checks(project), gaps, check_map)))
    return cases


def _best_ms_per_item(action: Callable[[Any], object], items: Sequence[Any], rounds: int) -> float:
    """Milliseconds per item for the fastest of ``rounds`` passes over ``items``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            action(item)
        best = min(best, (time.perf_counter() - start) * 1000 / len(items))
    return best


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _row(split: str, plan: str, variant: str, scores: Sequence[Score]) -> dict[str, str]:
    gaps = sum(len(s.gaps) for s in scores)
    found = sum(len(s.found) for s in scores)
    counted = sum(len(s.counted) for s in scores)
    matched = sum(len(s.matched) for s in scores)
    return {
        "split": split,
        "plan": plan,
        "variant": variant,
        "gaps": str(gaps) if gaps else "-",
        "found": str(found) if gaps else "-",
        "recall": _pct(_ratio(found, gaps)) if gaps else "-",
        "findings (B+W)": str(counted),
        "matched": str(matched),
        "precision": _pct(_ratio(matched, counted)) if gaps else "-",
        "false alarms": str(counted - matched),
        "tips": str(sum(len(s.tips) for s in scores)),
        "blockers": str(sum(len(s.blockers) for s in scores)),
    }


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _split_summary(split: str, cases: Sequence[Case]) -> list[str]:
    worded = [c.score for c in cases if not c.is_fixed]
    fixed = [c for c in cases if c.is_fixed]
    gaps = sum(len(s.gaps) for s in worded)
    found = sum(len(s.found) for s in worded)
    counted = sum(len(s.counted) for s in worded)
    matched = sum(len(s.matched) for s in worded)
    recall, precision = _ratio(found, gaps), _ratio(matched, counted)
    fixed_blockers = sum(len(c.score.blockers) for c in fixed)
    agreed = [s.blocker_gaps_as_blockers() for s in worded]
    lines = [
        f"{split}: recall {_pct(recall)} ({found}/{gaps}; target ≥ {TARGET_RECALL:.0%}: "
        f"{_verdict(recall is not None and recall >= TARGET_RECALL)}), precision {_pct(precision)} "
        f"({matched}/{counted}; target ≥ {TARGET_PRECISION:.0%}: "
        f"{_verdict(precision is None or precision >= TARGET_PRECISION)}), blockers on fixed plans {fixed_blockers} "
        f"over {len(fixed)} plan(s) (target 0: {_verdict(fixed_blockers == 0)}), warnings on fixed plans "
        f"{sum(len(c.score.counted) - len(c.score.blockers) for c in fixed)}.",
    ]
    by_form = []
    for form in ("text", "structured", "cross"):
        planted = [(s, g) for s in worded for g in s.gaps if g.form == form]
        hit = sum(1 for s, g in planted if g.id in s.found)
        by_form.append(f"{form} {hit}/{len(planted)} ({_pct(_ratio(hit, len(planted)))})")
    as_blocker = sum(a for a, _ in agreed)
    blocker_found = sum(b for _, b in agreed)
    tip_only = sum(len(s.found_by_tip_only) for s in worded)
    lines.append(
        f"{split}: recall by form: {', '.join(by_form)}; found blocker gaps reported as blockers "
        f"{as_blocker}/{blocker_found}; advice gaps found only by a tip {tip_only}."
    )
    return lines


def _detail(cases: Sequence[Case]) -> list[str]:
    lines = []
    for case in cases:
        head = f"{case.plan.split}/{case.plan.name} {case.variant}"
        if case.is_fixed:
            for finding in case.score.counted:
                lines.append(f"{head}: false alarm on the fixed plan: {finding}")
            continue
        for finding in case.score.false_alarms:
            lines.append(f"{head}: false alarm: {finding}")
        for gap in case.score.missed:
            lines.append(
                f"{head}: missed {gap.id} {gap.category} ({gap.form}, {gap.severity}) at {', '.join(gap.where)}"
            )
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--review-split", choices=(*SPLITS, "all"), default="all",
                        help="review_quality: which corpus split to score (default all)")
    parser.add_argument("--review-detail", action="store_true",
                        help="review_quality: list every false alarm and missed gap, sealed splits included")
    parser.add_argument("--review-repeat", type=int, default=5,
                        help="review_quality: timed rounds over all variants; the best is kept (default 5)")


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    split = getattr(options, "review_split", "all")
    splits = SPLITS if split == "all" else (split,)
    detail = getattr(options, "review_detail", False)
    rounds = max(1, getattr(options, "review_repeat", 5))
    check_map = load_check_map()
    plans = load_corpus(splits)
    cases = build_cases(plans, check_map)

    rows = []
    for name in splits:
        in_split = [c for c in cases if c.plan.split == name]
        rows += [_row(name, c.plan.name, c.variant, [c.score]) for c in in_split]
        rows.append(_row(name, "TOTAL", "all wordings", [c.score for c in in_split if not c.is_fixed]))
        rows.append(_row(name, "TOTAL", "fixed plans", [c.score for c in in_split if c.is_fixed]))

    load_ms = _best_ms_per_item(lambda case: parse_project(case.blob, "variant.yaml"), cases, rounds)
    review_ms = _best_ms_per_item(lambda case: run_checks(case.project), cases, rounds)
    notes = [f"Targets: recall ≥ {TARGET_RECALL:.0%}, precision ≥ {TARGET_PRECISION:.0%}, no blocker on a fixed "
             f"plan, review < {TARGET_MS:g} ms per project."]
    for name in splits:
        notes += _split_summary(name, [c for c in cases if c.plan.split == name])
    notes.append(
        f"time per project: review {review_ms:.3f} ms, load (parse_project of the YAML) {load_ms:.3f} ms, "
        f"review / load {review_ms / load_ms:.3f}; {len(cases)} projects, best of {rounds} rounds "
        f"(target < {TARGET_MS:g} ms: {_verdict(review_ms < TARGET_MS)})."
    )
    notes.append(
        f"check_map.yaml: {len(check_map)} categories mapped to check ids; other categories match on field only."
        if check_map else "check_map.yaml: absent, so findings match gaps on field only."
    )
    notes.append("B+W = open blocker and warning findings (precision counts these); tips = open advice findings.")
    shown = [c for c in cases if detail or c.plan.split not in SEALED_SPLITS]
    notes += _detail(shown)
    for name in SEALED_SPLITS:
        if not detail and any(c.plan.split == name for c in cases):
            notes.append(f"{name} false alarms and missed gaps are not listed (see {name}/README.md); "
                         "--detail shows them.")
    return rows, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.review_quality", description=TITLE)
    parser.add_argument("--split", dest="review_split", choices=(*SPLITS, "all"), default="all",
                        help="which corpus split to score (default all)")
    parser.add_argument("--detail", dest="review_detail", action="store_true",
                        help="list every false alarm and missed gap, sealed splits included")
    parser.add_argument("--repeat", dest="review_repeat", type=int, default=5,
                        help="timed rounds over all variants; the best is kept (default 5)")
    from benchmarks.__main__ import report

    report(sys.modules[__name__], *run(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
