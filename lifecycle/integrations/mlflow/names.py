"""The metric naming convention: how a logged MLflow metric key names a metric, a slice and a bound.

A run logs one number per key. The workbook reads a key as ``<metric>[<separator><slice>][<bound>]``:

- ``auc``: the metric over the whole evaluation data (overall);
- ``auc/thin-file``, ``auc_slice_thin_file``, ``auc__thin_file``: AUC on the slice "thin-file"; the
  first ``/`` (or ``_slice_``, or ``__``) separates metric from slice, and a slice may itself
  hold ``/`` (``auc/region/north``);
- ``auc_ci_lower``, ``auc/thin-file/ci_upper``: the bounds of a confidence interval for that
  metric and slice (``ci_lower``/``ci_low``/``ci_lo`` and ``ci_upper``/``ci_high``/``ci_hi``, after
  ``/``, ``_``, ``.`` or ``-``);
- a slice named ``overall``, ``all``, ``global``, ``total`` or ``full`` is the whole data;
- a metric may start with the split it was measured on: ``test_auc``, ``eval_auc``, ``val_auc``
  (also ``holdout_``, ``evaluation_``, ``validation_``) measure AUC; without a prefix, then test,
  holdout, evaluation and validation are preferred in that order. ``train_``/``training_`` metrics
  (e.g. from autologging) never stand for an evaluation target;
- ``system/…`` keys (MLflow's system metrics) are not results and are left out.

Plan targets are matched to keys by meaning, not spelling: names are compared as words
(case, punctuation and spacing ignored; ``@`` reads as "at", ``%`` as "pct"), with a few
common synonyms (``roc_auc`` = ``AUC``, ``ks_statistic`` = ``KS``). A slice matches when the
words of one are all among the words of the other, after a parenthetical explanation is
dropped: the plan's "thin-file applicants (fewer than 2 bureau accounts)" matches the key
``auc/thin-file``. Where names differ more than that, the link's metric pairings say which
key measures which target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...model.integrations import MetricKey

OVERALL_WORDS = frozenset({"overall", "all", "global", "total", "full", "whole", "everyone", "entire"})
SYSTEM_PREFIX = "system/"
_BOUND = re.compile(r"[/._-]ci[_-]?(?P<which>lower|upper|low|high|lo|hi)$", re.IGNORECASE)
_SEPARATORS = ("/", "_slice_", ".slice.", "__")
_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z0-9]+")

# Common spellings of the same metric, each mapped to one canonical name.
SYNONYMS: dict[str, str] = {
    alias: canonical
    for canonical, aliases in {
        "auc": ("roc_auc", "auroc", "auc_roc", "roc_auc_score", "area_under_roc", "area_under_the_roc_curve"),
        "ks": ("ks_statistic", "ks_stat", "ks_score", "kolmogorov_smirnov", "kolmogorov_smirnov_statistic"),
        "f1": ("f1_score", "f1score", "f_1", "f_score"),
        "accuracy": ("acc", "accuracy_score"),
        "log_loss": ("logloss", "cross_entropy", "binary_cross_entropy"),
        "rmse": ("root_mean_squared_error", "root_mean_square_error"),
        "mae": ("mean_absolute_error",),
        "mse": ("mean_squared_error",),
        "r2": ("r2_score", "r_squared", "r_2"),
        "brier": ("brier_score", "brier_score_loss"),
        "average_precision": ("ap", "auprc", "pr_auc", "auc_pr"),
    }.items()
    for alias in aliases
}


def words(text: str) -> tuple[str, ...]:
    """The words of a name, lower-cased: 'Recall@10 (new users)' -> ('recall', 'at', '10', 'new', 'users')."""
    text = text.casefold().replace("@", " at ").replace("%", " pct ").replace("&", " and ")
    return tuple(_WORD.findall(text))


# Split prefixes, best first for an evaluation target ('' = none); training ones are never used for targets.
EVALUATION_SPLITS = ("", "test", "holdout", "evaluation", "eval", "validation", "val")
TRAINING_SPLITS = ("training", "train")


def _split_and_words(name: str) -> tuple[str, tuple[str, ...]]:
    found = words(name)
    if len(found) > 1 and found[0] in EVALUATION_SPLITS[1:] + TRAINING_SPLITS:
        return found[0], found[1:]
    return "", found


def canonical_metric(name: str) -> str:
    """One spelling per metric: 'ROC AUC', 'roc_auc', 'test_auc' and 'AUC' all give 'auc'."""
    found = _split_and_words(name)[1]
    if len(found) > 1 and found[-1] == "score":  # mlflow.evaluate logs 'precision_score', 'f1_score'
        found = found[:-1]
    joined = "_".join(found)
    return SYNONYMS.get(joined, joined)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def slice_words(text: str) -> frozenset[str]:
    """A slice as a set of words, its parenthetical explanation dropped; empty for the whole data."""
    found = frozenset(_stem(w) for w in words(_PARENTHETICAL.sub(" ", text)))
    if not found:
        found = frozenset(_stem(w) for w in words(text))  # a slice written only in brackets
    return frozenset() if found <= OVERALL_WORDS else found


def slice_match(plan_slice: str, logged_slice: str) -> float:
    """How well a logged slice matches the plan's: 1 for the same words, a share when one holds the other, else 0."""
    plan, logged = slice_words(plan_slice), slice_words(logged_slice)
    if not plan and not logged:
        return 1.0
    if not plan or not logged:
        return 0.0
    if plan <= logged or logged <= plan:
        return len(plan & logged) / len(plan | logged)
    return 0.0


@dataclass(frozen=True)
class MetricName:
    """A logged key read by the convention."""

    key: str
    metric: str  # the metric part as logged, e.g. 'auc'
    slice: str  # the slice part as logged, '' for the whole data
    bound: str = ""  # '', 'lower' or 'upper'

    @property
    def canonical(self) -> str:
        return canonical_metric(self.metric)

    @property
    def split(self) -> str:
        """The split named by a prefix ('test' for 'test_auc'), '' when none."""
        return _split_and_words(self.metric)[0]

    @property
    def is_training(self) -> bool:
        return self.split in TRAINING_SPLITS

    @property
    def is_overall(self) -> bool:
        return not slice_words(self.slice)


def parse_metric_key(key: str) -> MetricName | None:
    """Read one logged key; None for MLflow's system metrics and empty keys."""
    stripped = key.strip()
    if not stripped or stripped.casefold().startswith(SYSTEM_PREFIX):
        return None
    bound = ""
    found = _BOUND.search(stripped)
    if found and found.start() > 0:
        bound = "lower" if found["which"].casefold() in ("lower", "low", "lo") else "upper"
        stripped = stripped[: found.start()]
    folded = stripped.casefold()
    for separator in _SEPARATORS:
        at = folded.find(separator)
        if at > 0 and at + len(separator) < len(stripped):
            metric, slice_ = stripped[:at], stripped[at + len(separator):]
            return MetricName(key, metric, "" if not slice_words(slice_) else slice_, bound)
    return MetricName(key, stripped, "", bound)


def readable_slice(logged: str) -> str:
    """A logged slice as a reader sees it: 'thin_file' -> 'thin file', 'region/north' -> 'region / north'."""
    return " / ".join(part.replace("_", " ").strip() for part in logged.split("/") if part.strip()) or "overall"


@dataclass(frozen=True)
class Measurement:
    """A measured value for a plan target: the key it came from, and its confidence bounds if logged."""

    key: str
    value: float
    lower: float | None = None
    upper: float | None = None
    paired: bool = False  # chosen by the link's metric pairings rather than by the convention


def _same_target(pairing: MetricKey, metric: str, slice_: str) -> bool:
    return canonical_metric(pairing.metric) == canonical_metric(metric) and slice_words(pairing.slice) == slice_words(
        slice_
    )


def pairing_for(pairings: Iterable[MetricKey], metric: str, slice_: str) -> MetricKey | None:
    """The explicit pairing for a plan target, if the link has one."""
    return next((p for p in pairings if p.key.strip() and _same_target(p, metric, slice_)), None)


def _bounds(metrics: Mapping[str, float], name: MetricName) -> tuple[float | None, float | None]:
    lower = upper = None
    for key, value in metrics.items():
        other = parse_metric_key(key)
        if other is None or not other.bound or other.canonical != name.canonical:
            continue
        if slice_words(other.slice) != slice_words(name.slice):
            continue
        if other.bound == "lower":
            lower = value
        else:
            upper = value
    return lower, upper


def measurement_for_key(metrics: Mapping[str, float], key: str, *, paired: bool = False) -> Measurement | None:
    if key not in metrics:
        return None
    name = parse_metric_key(key) or MetricName(key, key, "")
    lower, upper = _bounds(metrics, name)
    return Measurement(key, metrics[key], lower, upper, paired)


def find_measurement(
    metrics: Mapping[str, float], metric: str, slice_: str, pairings: Iterable[MetricKey] = ()
) -> Measurement | None:
    """The logged value that measures the plan's ``metric`` on ``slice_``, or None when the run has none.

    An explicit pairing wins; otherwise the key whose metric is the same and whose slice
    matches best (ties go to the alphabetically first key, so the answer never depends on order).
    """
    pairing = pairing_for(pairings, metric, slice_)
    if pairing is not None:
        return measurement_for_key(metrics, pairing.key.strip(), paired=True)
    wanted = canonical_metric(metric)
    if not wanted:
        return None
    best: tuple[float, int, str] | None = None
    for key in metrics:
        name = parse_metric_key(key)
        if name is None or name.bound or name.is_training or name.canonical != wanted:
            continue
        score = slice_match(slice_, name.slice)
        rank = (-score, EVALUATION_SPLITS.index(name.split), key)
        if score > 0 and (best is None or rank < best):
            best = rank
    return measurement_for_key(metrics, best[2]) if best else None


def result_keys(metrics: Mapping[str, float], plan_metrics: Iterable[str]) -> list[MetricName]:
    """The logged keys that are results of a metric the plan names (any slice), without bounds, in key order."""
    wanted = {canonical_metric(m) for m in plan_metrics if canonical_metric(m)}
    found = []
    for key in sorted(metrics):
        name = parse_metric_key(key)
        if name is not None and not name.bound and not name.is_training and name.canonical in wanted:
            found.append(name)
    return found
