"""Scoring a submission against the scenario's answer key.

A flag finds a gap when it points at one of the gap's answers, inside it (a cell of a named row), or at a
row that holds the gap's cell. A flag on a whole table does not find a gap in one of its rows: naming the
features table is not naming the leaky feature. A flag that finds no gap is a false flag.

Score: 100 × (gaps found − ½ × false flags) ÷ gaps in the key, at least 0. Flagging everything therefore
does not pay. The checks' own findings are reported beside each gap, never used for the score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..checks import Finding, field_path
from ..model import PracticeFlag, Project
from ..phases import PHASES
from .keys import AnswerKey, Gap
from .paths import PathError, Resolved, as_field, document_of, flag_target, resolve
from .targets import counted_phase

FALSE_FLAG_COST = 0.5
BANDS: tuple[tuple[int, str], ...] = (
    (80, "Expert reviewer"),
    (60, "Solid reviewer"),
    (35, "Developing reviewer"),
    (0, "Beginner"),
)


def band_for(score: int) -> str:
    return next(name for floor, name in BANDS if score >= floor)


def finds(flag: Resolved, gap: Resolved) -> bool:
    if flag[: len(gap)] == gap:
        return True
    return len(flag) < len(gap) and gap[: len(flag)] == flag and isinstance(flag[-1], int)


@dataclass(frozen=True)
class GapResult:
    gap: Gap
    found: bool
    fields: tuple[str, ...]  # the gap's answers in the learner's project (index form, for links)
    flags: tuple[int, ...]  # positions of the flags that found it
    check_ids: tuple[str, ...]  # the checks' own open findings on these answers


@dataclass(frozen=True)
class PhaseScore:
    phase: str
    title: str
    gaps: int
    found: int
    false_flags: int

    @property
    def missed(self) -> int:
        return self.gaps - self.found


@dataclass(frozen=True)
class Feedback:
    gaps: tuple[GapResult, ...]
    false_flags: tuple[int, ...]  # positions of flags that found no gap
    phases: tuple[PhaseScore, ...]
    score: int
    band: str

    @property
    def found(self) -> int:
        return sum(g.found for g in self.gaps)

    @property
    def missed(self) -> int:
        return len(self.gaps) - self.found

    @property
    def found_ids(self) -> list[str]:
        return [g.gap.id for g in self.gaps if g.found]


def _flag_phase(flag: PracticeFlag) -> str:
    return counted_phase(flag.field)  # a flag on the Plan or a document counts under its phase


def score_attempt(project: Project, key: AnswerKey, findings: Iterable[Finding] = ()) -> Feedback:
    document = document_of(project)
    flags = list(project.practice.flags)
    targets: list[Resolved | None] = []
    for flag in flags:
        try:
            targets.append(flag_target(document, flag))
        except PathError:
            targets.append(None)  # an answer this version of the model no longer has: counts as a false flag
    open_findings = [(f.check_id, field_path(f.field)) for f in findings if f.is_open]
    results: list[GapResult] = []
    used: set[int] = set()
    for gap in key.gaps:
        paths: list[Resolved] = []
        for where in gap.where:
            try:
                paths.append(resolve(document, where))
            except PathError:
                continue  # a row the learner removed while fixing the plan
        hits = tuple(i for i, t in enumerate(targets) if t is not None and any(finds(t, p) for p in paths))
        used.update(hits)
        checks = tuple(sorted({cid for cid, fp in open_findings if any(finds(fp, p) for p in paths)}))
        results.append(GapResult(gap, bool(hits), tuple(as_field(p) for p in paths), hits, checks))
    false = tuple(i for i in range(len(flags)) if i not in used)
    phases = tuple(
        PhaseScore(
            phase.key, phase.title,
            gaps=sum(r.gap.phase == phase.key for r in results),
            found=sum(r.found and r.gap.phase == phase.key for r in results),
            false_flags=sum(_flag_phase(flags[i]) == phase.key for i in false),
        )
        for phase in PHASES
    )
    found = sum(r.found for r in results)
    score = max(0, round(100 * (found - FALSE_FLAG_COST * len(false)) / len(results)))
    return Feedback(tuple(results), false, phases, score, band_for(score))
