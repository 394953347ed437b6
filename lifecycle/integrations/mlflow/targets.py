"""The plan's targets against the values the imported run measured.

Two kinds of target: the evaluation plan's offline metrics, whose threshold is text a person
wrote ("at least 0.78", "≥ 78%", "0.03 or lower", "between 0.4 and 0.6"), and the pre-release
quality gate's rows, whose comparator and threshold are structured. ``parse_threshold`` reads
the text; what it cannot read as an absolute number (a target relative to a baseline, a
sentence without a number) is reported as not comparable, never guessed.

Percentages: a target written with ``%`` is compared with a measured value between -1 and 1 as
a fraction (0.029 is 2.9%), and with a larger value as a percentage. Log rates as fractions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ...model import Comparator, Project
from ...model.integrations import ImportedRun, MlflowLink
from .names import Measurement, canonical_metric, find_measurement, pairing_for, words

_SYMBOL = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤", Comparator.LT: "<"}

# Comparison words, longest first within each comparator so that "no less than" wins over "less than".
_BEFORE_NUMBER: tuple[tuple[Comparator, str], ...] = (
    (Comparator.GE, r"≥|>=|=>|⩾|at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+lower\s+than|not\s+lower\s+than"
                    r"|not\s+below|not\s+under|no\s+worse\s+than|minimum(?:\s+of)?|min\.?"),
    (Comparator.LE, r"≤|<=|=<|⩽|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+higher\s+than"
                    r"|not\s+higher\s+than|no\s+greater\s+than|not\s+above|not\s+over|not\s+exceed(?:ing)?"
                    r"|does\s+not\s+exceed|maximum(?:\s+of)?|max\.?|up\s+to"),
    (Comparator.GT, r">|more\s+than|greater\s+than|higher\s+than|above|over|exceed(?:s|ing)?|beyond"),
    (Comparator.LT, r"<|less\s+than|lower\s+than|fewer\s+than|below|under"),
)
_AFTER_NUMBER: tuple[tuple[Comparator, str], ...] = (
    (Comparator.GE, r"or\s+(?:more|higher|above|greater|better|over)|and\s+(?:above|up|over)|\+|minimum|min"),
    (Comparator.LE, r"or\s+(?:less|lower|below|fewer|under)|and\s+(?:below|under)|maximum|max|at\s+most"),
)
_NUMBER = r"(?P<number>[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.,]\d+)?(?:e[-+]?\d+)?|[-+−]?[.,]\d+)"
_PERCENT = r"(?P<percent>\s*(?:%|percent\b|per\s*cent\b|pct\b))?"
_RELATIVE = re.compile(
    r"\b(?:baselines?|drops?|declines?|decreases?|increases?|improve\w*|uplift|lift|relative|versus|vs|compared"
    r"|than\s+(?:the|our|current|today)|current\s+model|previous|scorecard|champion|incumbent|points?|pp|up(?!\s+to\b)|down"
    r"|within|of\s+the)\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(rf"(?:between|from)\s+{_NUMBER}{_PERCENT}\s+(?:and|to)\s+(?P<high>[-+−]?\d+(?:[.,]\d+)?)"
                      r"(?P<percent2>\s*%)?", re.IGNORECASE)

# When a threshold is a bare number, the metric's name says which way is better.
HIGHER_IS_BETTER = frozenset({
    "auc", "accuracy", "precision", "recall", "f1", "ks", "gini", "r2", "ndcg", "map", "mrr", "hit", "hits",
    "coverage", "average_precision", "specificity", "sensitivity", "tpr", "iou", "bleu", "rouge", "lift",
    "balanced_accuracy", "auprc", "kappa", "mcc",
})
LOWER_IS_BETTER_WORDS = frozenset({
    "loss", "error", "rmse", "mae", "mse", "mape", "smape", "log_loss", "brier", "latency", "fpr", "fnr",
    "perplexity", "wer", "cer", "cost", "default", "defaults", "churn", "fraud", "complaints",
})


class Unreadable(ValueError):
    """A threshold that is not an absolute number with a direction; the reason says why."""


@dataclass(frozen=True)
class Threshold:
    comparator: Comparator | None  # None for a range (between low and high)
    value: float
    high: float | None = None
    percent: bool = False

    def describe(self) -> str:
        unit = "%" if self.percent else ""
        if self.comparator is None:
            return f"between {_fmt(self.value)}{unit} and {_fmt(self.high or 0)}{unit}"
        return f"{_SYMBOL[self.comparator]} {_fmt(self.value)}{unit}"

    def holds(self, measured: float) -> bool:
        value = measured
        if self.percent and -1 <= measured <= 1:
            value = measured * 100
        if self.comparator is None:
            high = self.high if self.high is not None else math.inf
            return (value >= self.value or _same(value, self.value)) and (value <= high or _same(value, high))
        on_the_line = _same(value, self.value)  # 0.034 as a percentage is 3.4000000000000004
        return {
            Comparator.GE: value >= self.value or on_the_line,
            Comparator.GT: value > self.value and not on_the_line,
            Comparator.LE: value <= self.value or on_the_line,
            Comparator.LT: value < self.value and not on_the_line,
        }[self.comparator]


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _fmt(value: float) -> str:
    return f"{value:.6g}"


def _number(text: str) -> float:
    text = text.replace("−", "-").replace(" ", "")
    if re.fullmatch(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")  # thousands separators: 1,000 or 12,500.5
    else:
        text = text.replace(",", ".")  # a decimal comma: 0,78
    return float(text)


def direction(metric: str) -> Comparator | None:
    """GE for metrics where higher is better (AUC, recall), LE for errors and rates of harm, None if unknown."""
    canonical = canonical_metric(metric)
    if canonical in HIGHER_IS_BETTER or canonical.split("_")[0] in HIGHER_IS_BETTER:
        return Comparator.GE
    if canonical in LOWER_IS_BETTER_WORDS or LOWER_IS_BETTER_WORDS & set(words(metric)):
        return Comparator.LE
    return None


def parse_threshold(text: str, metric: str = "") -> Threshold:
    """Read a threshold written by a person; raise ``Unreadable`` with the reason when it is not absolute.

    ``metric`` gives the direction of a bare number ("0.78" for AUC means at least 0.78).
    """
    stripped = " ".join(text.split())
    if not stripped:
        raise Unreadable("no threshold is written")
    between = _BETWEEN.search(stripped)
    if between:
        low, high = _number(between["number"]), _number(between["high"])
        percent = bool(between["percent"] or between["percent2"])
        return Threshold(None, min(low, high), max(low, high), percent)
    if _RELATIVE.search(stripped):
        raise Unreadable("it is relative to another value (a baseline or the current model), not a number")
    for comparator, phrase in _BEFORE_NUMBER:
        found = re.search(rf"(?<!\w)(?:{phrase})\s*(?:of\s+|than\s+)?{_NUMBER}{_PERCENT}", stripped, re.IGNORECASE)
        if found:
            return Threshold(comparator, _number(found["number"]), percent=bool(found["percent"]))
    for comparator, phrase in _AFTER_NUMBER:
        found = re.search(rf"{_NUMBER}{_PERCENT}\s*(?:{phrase})(?:\W|$)", stripped, re.IGNORECASE)
        if found:
            return Threshold(comparator, _number(found["number"]), percent=bool(found["percent"]))
    numbers = list(re.finditer(rf"{_NUMBER}{_PERCENT}", stripped, re.IGNORECASE))
    if len(numbers) == 1:
        inferred = direction(metric)
        if inferred is None:
            raise Unreadable(f"it gives {numbers[0]['number']} without saying 'at least' or 'at most', and "
                             f"'{metric.strip() or 'this metric'}' has no usual direction")
        return Threshold(inferred, _number(numbers[0]["number"]), percent=bool(numbers[0]["percent"]))
    if not numbers:
        raise Unreadable("it holds no number")
    raise Unreadable("it holds several numbers and no word such as 'at least' says which one is the threshold")


class Outcome(str, Enum):
    MET = "met"
    MISSED = "missed"
    NOT_LOGGED = "not logged"
    NOT_COMPARABLE = "not comparable"


@dataclass(frozen=True)
class TargetResult:
    """One plan target beside the value the imported run measured."""

    field: str  # the answer that sets the target, e.g. "modeling.offline_metrics[2]"
    kind: str  # "offline metric" or "quality gate"
    metric: str
    slice: str
    target: str  # as the plan states it
    outcome: Outcome
    measured: Measurement | None = None
    threshold: Threshold | None = None
    note: str = ""

    @property
    def name(self) -> str:
        """The target as a finding's subject: metric, and slice when not overall."""
        where = self.slice.strip()
        return self.metric.strip() + (f" on {where}" if where and where.casefold() != "overall" else "")


def _outcome(
    measured: Measurement | None, threshold: Threshold | None, why_not: str, paired_key: str
) -> tuple[Outcome, str]:
    if measured is None:
        if paired_key:
            return Outcome.NOT_LOGGED, f"the paired metric '{paired_key}' is not logged on the run"
        return Outcome.NOT_LOGGED, "no logged metric matches it"
    if not math.isfinite(measured.value):
        return Outcome.NOT_COMPARABLE, f"'{measured.key}' is {measured.value}"
    if threshold is None:
        return Outcome.NOT_COMPARABLE, f"the threshold cannot be compared: {why_not}"
    return (Outcome.MET, "") if threshold.holds(measured.value) else (Outcome.MISSED, "")


def _results(link: MlflowLink, run: ImportedRun, project: Project) -> Iterator[TargetResult]:
    for index, row in enumerate(project.modeling.offline_metrics):
        if not row.name.strip():
            continue
        measured = find_measurement(run.metrics, row.name, row.slice, link.metric_keys)
        paired = pairing_for(link.metric_keys, row.name, row.slice)
        try:
            threshold, why_not = parse_threshold(row.threshold, row.name), ""
        except Unreadable as reason:
            threshold, why_not = None, str(reason)
        outcome, note = _outcome(measured, threshold, why_not, paired.key if paired else "")
        yield TargetResult(f"modeling.offline_metrics[{index}]", "offline metric", row.name, row.slice,
                           row.threshold.strip(), outcome, measured, threshold, note)
    for index, check in enumerate(project.deployment.quality_gate_checks):
        if not check.metric.strip():
            continue
        measured = find_measurement(run.metrics, check.metric, check.slice, link.metric_keys)
        paired = pairing_for(link.metric_keys, check.metric, check.slice)
        threshold = None
        why_not = "the comparator or the threshold is not filled in"
        if check.comparator is not None and check.threshold is not None:
            threshold, why_not = Threshold(check.comparator, check.threshold), ""
        outcome, note = _outcome(measured, threshold, why_not, paired.key if paired else "")
        target = threshold.describe() if threshold else ""
        yield TargetResult(f"deployment.quality_gate_checks[{index}]", "quality gate", check.metric, check.slice,
                           target, outcome, measured, threshold, note)


def compare_targets(project: Project) -> list[TargetResult]:
    """Every offline-metric and quality-gate target beside the imported run's value; empty without an import."""
    link = project.integrations.mlflow
    snapshot = link.current_snapshot()
    if snapshot is None or snapshot.run is None:
        return []
    return list(_results(link, snapshot.run, project))


def shown_value(result: TargetResult) -> str:
    """The measured value as the table shows it, in the target's unit where that is a percentage."""
    if result.measured is None:
        return ""
    value = result.measured.value
    if result.threshold is not None and result.threshold.percent and -1 <= value <= 1:
        return f"{_fmt(value * 100)}% (logged {_fmt(value)})"
    return _fmt(value)
