"""Readiness score per phase and overall, in the spirit of the ML Test Score (weakest section bounds the total).

Formula, per phase (0 to 100):

1. ``completeness`` = share of the phase's gate-required answers that are given
   (``lifecycle.completeness.phase_progress``); a missing answer whose gate finding the
   team has accepted counts as given.
2. ``score = 100 * completeness - penalty``, where the penalty sums, over the phase's
   *open* (not accepted) anti-pattern findings, 30 per blocker, 10 per warning and 3 per
   piece of advice. Gate-completeness findings are not penalised again: step 1 already
   counts them. The score is floored at 0 and rounded.
3. Caps: a phase with an open anti-pattern blocker scores at most 39 (it is "Not
   ready" whatever else is good); a phase with any required answer missing scores at
   most 89 (it cannot be "Ready"); so does a phase where a part of the gate deliverable
   rests only on prose the review could not judge (``lifecycle.checks.human``): a person
   has to read it first.

Overall: the **minimum** of the phase scores, as the ML Test Score takes the minimum of
its sections: a plan is only as ready as its weakest phase. Bands put the number into
words (see ``BANDS``). Pure data: the UI draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..completeness import phase_progress
from ..model import Project
from ..phases import PHASES, Phase
from ..questions import gate_questions
from .finding import Finding, Severity
from .human import HumanReview, needs_human
from .run import run_checks

WEIGHTS = {Severity.BLOCKER: 30, Severity.WARNING: 10, Severity.ADVICE: 3}
BLOCKER_CAP = 39
INCOMPLETE_CAP = 89
UNREVIEWED_CAP = 89


@dataclass(frozen=True)
class Band:
    minimum: int  # lowest score in the band
    label: str
    meaning: str


BANDS: tuple[Band, ...] = (
    Band(90, "Ready", "The plan covers the essentials; remaining points are refinements."),
    Band(70, "Nearly ready", "A few issues to settle or accept before the gate."),
    Band(40, "Taking shape", "Real gaps remain; plan more work before relying on it."),
    Band(0, "Not ready: serious gaps", "A blocker is open or much of the plan is missing."),
)


def band_for(score: int) -> Band:
    for band in BANDS:
        if score >= band.minimum:
            return band
    return BANDS[-1]


@dataclass(frozen=True)
class PhaseReadiness:
    key: str
    title: str
    score: int
    completeness: float  # 0..1, accepted gaps counted as answered
    blockers: int  # open findings of each severity (gate findings included)
    warnings: int
    advice: int
    accepted: int
    penalty: int
    needs_human: int = 0  # prose answers a person has to judge
    unreviewed_deliverable: bool = False  # part of the gate deliverable rests only on such prose

    @property
    def band(self) -> Band:
        return band_for(self.score)


@dataclass(frozen=True)
class Readiness:
    phases: tuple[PhaseReadiness, ...]

    @property
    def score(self) -> int:
        """The weakest phase's score."""
        return min(phase.score for phase in self.phases)

    @property
    def weakest(self) -> PhaseReadiness:
        """The phase that bounds the overall score (the first one, on ties)."""
        return min(self.phases, key=lambda phase: phase.score)

    @property
    def band(self) -> Band:
        return band_for(self.score)

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "band": self.band.label,
            "weakest_phase": self.weakest.key,
            "phases": [
                {
                    "phase": p.key, "title": p.title, "score": p.score, "band": p.band.label,
                    "completeness": round(p.completeness, 3), "blockers": p.blockers, "warnings": p.warnings,
                    "advice": p.advice, "accepted": p.accepted, "needs_human_review": p.needs_human,
                }
                for p in self.phases
            ],
        }


def _completeness(project: Project, phase: Phase, gate_findings: list[Finding]) -> float:
    progress = phase_progress(project, phase)
    if not progress.required:
        return 1.0
    answered = progress.answered
    gate = gate_questions()
    for question in progress.missing:
        is_gate = any(question is asked for asked in gate)
        path = f"{phase.key}.{'gate.' if is_gate else ''}{question.name}"
        related = [f for f in gate_findings if f.field == path or f.field.startswith(path + "[")]
        if related and all(f.accepted for f in related):
            answered += 1
    return answered / progress.required


def phase_readiness(project: Project, phase: Phase, findings: Iterable[Finding],
                    human: Iterable[HumanReview] = ()) -> PhaseReadiness:
    mine = [f for f in findings if f.phase == phase.key]
    people = [item for item in human if item.phase == phase.key]
    unreviewed = any(item.blocks_ready for item in people)
    completeness = _completeness(project, phase, [f for f in mine if f.is_missing_answer])
    open_ = [f for f in mine if not f.accepted]
    patterns = [f for f in open_ if not f.is_missing_answer]
    penalty = sum(WEIGHTS[f.severity] for f in patterns)
    score = max(0, round(100 * completeness) - penalty)
    if any(f.severity is Severity.BLOCKER for f in patterns):
        score = min(score, BLOCKER_CAP)
    if completeness < 1:
        score = min(score, INCOMPLETE_CAP)
    if unreviewed:
        score = min(score, UNREVIEWED_CAP)
    return PhaseReadiness(
        key=phase.key,
        title=phase.title,
        score=score,
        completeness=completeness,
        blockers=sum(f.severity is Severity.BLOCKER for f in open_),
        warnings=sum(f.severity is Severity.WARNING for f in open_),
        advice=sum(f.severity is Severity.ADVICE for f in open_),
        accepted=len(mine) - len(open_),
        penalty=penalty,
        needs_human=len(people),
        unreviewed_deliverable=unreviewed,
    )


def readiness(project: Project, findings: Iterable[Finding] | None = None,
              human: Iterable[HumanReview] | None = None) -> Readiness:
    """Per-phase and overall readiness; pass ``findings`` from ``run_checks`` to avoid running them twice."""
    findings = run_checks(project) if findings is None else list(findings)
    human = needs_human(project) if human is None else tuple(human)
    return Readiness(phases=tuple(phase_readiness(project, phase, findings, human) for phase in PHASES))
