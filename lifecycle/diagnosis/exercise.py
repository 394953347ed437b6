"""The diagnosis exercise: the learner names the symptoms and the phase gap behind each, then compares.

The expected answer is not written by hand: it is read from the computed ``Diagnosis``, so it
always agrees with what the page reveals. For each kind of symptom (data drift, concept drift,
fairness) it holds whether the analysis found it, the inputs or attributes concerned, and the
lifecycle phases whose answers let it through (the phases of its gaps). The learner's answer has
the same shape; ``compare`` turns the two into points that are right, missed or wrongly named,
each with the reason from the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..phases import PHASES, PHASES_BY_KEY
from . import figures
from .analysis import SYMPTOM_TITLES, Analysis, SymptomKind
from .diagnose import Diagnosis
from .drift import PSI_MODERATE
from .fairness import DI_THRESHOLD

KINDS: tuple[SymptomKind, ...] = ("data_drift", "concept_drift", "fairness")
WITH_SUBJECTS: dict[str, str] = {"data_drift": "inputs", "fairness": "attributes"}  # concept drift is the model's
Outcome = Literal["right", "missed", "wrong"]


@dataclass(frozen=True)
class SymptomAnswer:
    """What the learner says about one kind of symptom; naming inputs or phases names the symptom too."""

    kind: SymptomKind
    named: bool = False
    subjects: frozenset[str] = frozenset()  # inputs (data drift) or attributes (fairness)
    phases: frozenset[str] = frozenset()  # phase keys whose gaps let it through

    @property
    def claimed(self) -> bool:
        return self.named or bool(self.subjects) or bool(self.phases)


@dataclass(frozen=True)
class Answer:
    symptoms: tuple[SymptomAnswer, ...] = ()

    def of(self, kind: SymptomKind) -> SymptomAnswer:
        return next((s for s in self.symptoms if s.kind == kind), SymptomAnswer(kind))


@dataclass(frozen=True)
class ExpectedSymptom:
    kind: SymptomKind
    found: bool
    subjects: tuple[str, ...]  # in the analysis's order
    phases: tuple[str, ...]  # in lifecycle order
    evidence: dict[str, str] = field(default_factory=dict)  # subject (or "model") → the analysis's evidence
    gaps: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phase → the gaps found in it


@dataclass(frozen=True)
class Choices:
    """What the learner picks from: the analysed inputs, the compared attributes, the phases."""

    inputs: tuple[str, ...]
    attributes: tuple[str, ...]
    phases: tuple[str, ...] = tuple(p.key for p in PHASES)


def choices(analysis: Analysis) -> Choices:
    inputs: list[str] = []
    for name in analysis.batches:
        inputs += [c.column for c in analysis.drift[name].columns if c.column not in inputs]
    return Choices(tuple(inputs), tuple(analysis.fairness))


def expected(diagnosis: Diagnosis) -> dict[SymptomKind, ExpectedSymptom]:
    """The answer the analysis gives, kind by kind."""
    result: dict[SymptomKind, ExpectedSymptom] = {}
    for kind in KINDS:
        entries = [e for e in diagnosis.symptoms if e.symptom.kind == kind]
        subjects = tuple(e.symptom.subject for e in entries) if kind in WITH_SUBJECTS else ()
        gaps: dict[str, list[str]] = {}
        for entry in entries:
            for gap in entry.gaps:
                problems = gaps.setdefault(gap.phase, [])
                if gap.problem not in problems:
                    problems.append(gap.problem)
        phases = tuple(p.key for p in PHASES if p.key in gaps)
        result[kind] = ExpectedSymptom(kind, bool(entries), subjects, phases,
                                       {e.symptom.subject: e.symptom.evidence for e in entries},
                                       {k: tuple(v) for k, v in gaps.items()})
    return result


@dataclass(frozen=True)
class Point:
    kind: SymptomKind
    part: Literal["symptom", "subject", "phase"]
    name: str  # the symptom's title, the input or attribute, or the phase's title
    outcome: Outcome
    why: str

    @property
    def kind_title(self) -> str:
        return SYMPTOM_TITLES[self.kind]


@dataclass(frozen=True)
class Feedback:
    points: tuple[Point, ...]

    def where(self, outcome: Outcome, kind: SymptomKind | None = None) -> list[Point]:
        return [p for p in self.points if p.outcome == outcome and (kind is None or p.kind == kind)]

    @property
    def right(self) -> list[Point]:
        return self.where("right")

    @property
    def missed(self) -> list[Point]:
        return self.where("missed")

    @property
    def wrong(self) -> list[Point]:
        return self.where("wrong")

    @property
    def score(self) -> float:
        """Share of the points that are right; a wrongly named point counts against it like a missed one."""
        return len(self.right) / len(self.points) if self.points else 1.0


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else ""


def _not_drifted(analysis: Analysis, column: str) -> str:
    psis = [c.psi for n in analysis.batches if (c := analysis.drift[n].column(column)) is not None]
    largest = f"its largest PSI is {max(psis):.2f}" if psis else "it was not compared"
    return f"{column} did not drift: {largest} (drift takes PSI {PSI_MODERATE:g} or more and a significant test)."


def _not_unfair(analysis: Analysis, attribute: str) -> str:
    ratios = [f.di_ratio for f in analysis.fairness.get(attribute, {}).values() if f.di_ratio is not None]
    lowest = f"its lowest disparate impact ratio is {min(ratios):.2f}" if ratios else "it could not be compared"
    return (f"No fairness violation across {attribute}: {lowest}, and no gap passed the thresholds "
            f"(ratio below {DI_THRESHOLD:g}, or equal opportunity difference, both beyond chance).")


def _summary(analysis: Analysis, want: ExpectedSymptom) -> str:
    """The symptom in one line, in the words the page and the memo use for it."""
    if want.kind == "data_drift":
        return _sentence(figures.drift_headline(figures.headline(analysis)))
    if want.kind == "concept_drift":
        return _sentence(figures.auc_headline(figures.headline(analysis)))
    return " ".join(f"{subject}: {evidence.split('; ')[0].rstrip('.')}." for subject, evidence in want.evidence.items())


def compare(diagnosis: Diagnosis, answer: Answer) -> Feedback:
    """The learner's answer point by point against the analysis."""
    analysis = diagnosis.analysis
    points: list[Point] = []
    for kind, want in expected(diagnosis).items():
        given = answer.of(kind)
        title = SYMPTOM_TITLES[kind]
        if not want.found:
            if given.claimed:
                points.append(Point(kind, "symptom", title, "wrong",
                                    f"The analysis found no {title.lower()}: nothing crossed its thresholds."))
            continue
        summary = _summary(analysis, want)
        if not given.claimed:
            points.append(Point(kind, "symptom", title, "missed", summary))
        else:
            points.append(Point(kind, "symptom", title, "right", summary))
        for subject in want.subjects:
            outcome: Outcome = "right" if subject in given.subjects else "missed"
            points.append(Point(kind, "subject", subject, outcome, _sentence(want.evidence[subject])))
        for subject in sorted(given.subjects - set(want.subjects)):
            why = _not_drifted(analysis, subject) if kind == "data_drift" else _not_unfair(analysis, subject)
            points.append(Point(kind, "subject", subject, "wrong", why))
        for phase in want.phases:
            outcome = "right" if phase in given.phases else "missed"
            points.append(Point(kind, "phase", PHASES_BY_KEY[phase].title, outcome,
                                _sentence(want.gaps[phase][0])))  # the first gap; the table below has them all
        for phase in [p.key for p in PHASES if p.key in given.phases - set(want.phases)]:
            points.append(Point(kind, "phase", PHASES_BY_KEY[phase].title, "wrong",
                                f"The plan's {PHASES_BY_KEY[phase].title} answers hold no gap behind this symptom."))
    return Feedback(tuple(points))
