"""Metric names as people write them, mapped to one key and the direction in which they improve.

"ROC AUC", "AUROC" and "area under the curve" are one metric; "recall@10" keeps its cut-off
so it is not compared with plain recall. ``parse_metric("Precision at the routing
threshold")`` gives ``MetricName("precision", None)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import years
from .patterns import compile_phrases

# key -> (phrases, higher is better, bounded between 0 and 1)
_METRICS: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    "pr_auc": (("pr auc|auc-pr|curve", "pr-auc", "auprc", "auc-pr", "average precision", "area under the precision-recall"
                " curve", "precision-recall auc"), True, True),
    "auc": (("auc=", "roc auc", "roc-auc", "auroc", "auc-roc", "area under the roc|curve", "c-statistic", "c statistic",
             "concordance"), True, True),
    "gini": (("gini=", "gini coefficient"), True, True),
    "accuracy": (("accuracy", "acc=", "share|percentage|proportion|fraction of ~~ correct|right|correctly", "correctly "
                  "classified|routed|predicted", "hit ratio"), True, True),
    "balanced_accuracy": (("balanced accuracy",), True, True),
    "f1": (("f1", "f1-score", "f-score", "f-measure", "f1 score", "f-beta", "fbeta"), True, True),
    "precision": (("precision", "ppv=", "positive predictive value"), True, True),
    "recall": (("recall", "sensitivity", "tpr=", "true positive rate", "detection rate", "capture rate"), True, True),
    "specificity": (("specificity", "tnr=", "true negative rate"), True, True),
    "fpr": (("false positive rate", "fpr=", "false alarm rate", "false-positive rate"), False, True),
    "fnr": (("false negative rate", "fnr=", "miss rate"), False, True),
    "ndcg": (("ndcg", "normalised|normalized discounted cumulative gain"), True, True),
    "map": (("map=", "mean average precision"), True, True),
    "mrr": (("mrr=", "mean reciprocal rank"), True, True),
    "hit_rate": (("hit rate", "hit-rate", "hitrate"), True, True),
    "coverage": (("coverage",), True, True),
    "r2": (("r2=", "r²", "r-squared", "r squared", "coefficient of determination"), True, True),
    "rmse": (("rmse=", "root mean squared|square error"), False, False),
    "mse": (("mse=", "mean squared error"), False, False),
    "rmsle": (("rmsle=", "root mean squared|square log|logarithmic error"), False, False),
    "mae": (("mae=", "mean absolute error", "mdae=", "median absolute error"), False, False),
    "mape": (("mape=", "smape=", "wape=", "mdape=", "mean absolute percentage error", "percentage error"),
             False, False),
    "mase": (("mase=", "mean absolute scaled error"), False, False),
    "pinball": (("pinball", "quantile loss"), False, False),
    "log_loss": (("log-loss", "log loss", "logloss", "cross-entropy", "cross entropy", "deviance"), False, False),
    "brier": (("brier",), False, True),
    "error_rate": (("error rate", "misclassification rate", "misrouting rate", "misrouted"), False, True),
    "default_rate": (("default rate", "bad rate", "delinquency rate", "loss rate"), False, True),
    "cost": (("cost", "expected cost", "loss per"), False, False),
    "latency": (("latency", "response time", "p99", "p95"), False, False),
}
_PATTERNS = [(key, compile_phrases(phrases), higher, bounded) for key, (phrases, higher, bounded) in _METRICS.items()]
_NUMBERS = re.compile(r"(?<![A-Za-z\d])\d[\d,]*(?:\.\d+)?")
_AT_K = re.compile(r"@\s*(\d[\d,]*)|\bat\s+k\s*=\s*(\d+)|\btop[- ]?(\d[\d,]*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class MetricName:
    key: str
    at: int | None  # the cut-off of a ranking metric ('recall@10' -> 10)
    qualifiers: tuple[str, ...] = ()  # the other numbers of the name ('WAPE at D+2' -> ('2',)): horizons, windows

    @property
    def higher_is_better(self) -> bool:
        return _METRICS[self.key][1]

    @property
    def bounded(self) -> bool:
        """Scores between 0 and 1 (or 0 and 100 %)."""
        return _METRICS[self.key][2]


@lru_cache(maxsize=4096)
def parse_metric(name: str) -> MetricName | None:
    """The metric a name refers to (the first one named), or None when it names none the review knows."""
    if not name.strip():
        return None
    best: tuple[int, str] | None = None
    for key, pattern, _, _ in _PATTERNS:
        match = pattern.search(name)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), key)
    if best is None:
        return None
    at = _AT_K.search(name)
    cut = next((int(g.replace(",", "")) for g in at.groups() if g), None) if at else None
    # a year names the data it was measured on ('2024 cohort'), not what the metric counts
    numbers = tuple(sorted({n.replace(",", "") for n in _NUMBERS.findall(name) if n not in years(n)}
                           - ({str(cut)} if cut else set())))
    return MetricName(best[1], cut, numbers)


def same_metric(a: str, b: str) -> bool:
    """Two names refer to the same metric (and the same cut-off). A name without qualifying numbers is the same
    metric as one with them ('Precision at adviser capacity' and 'Precision at adviser capacity (about 1,500
    listed)'): people leave out what they take as read, but two different horizons are two metrics."""
    left, right = parse_metric(a), parse_metric(b)
    if left is None or right is None or (left.key, left.at) != (right.key, right.at):
        return False
    return left.qualifiers == right.qualifiers or not left.qualifiers or not right.qualifiers


_STOP = frozenset("""a an the of in on at for to by per and or with from as is are be vs than its their our this that
rate share number count overall""".split())


def content_words(name: str) -> frozenset[str]:
    """The meaningful words of a metric name (lower case, without stop words and numbers)."""
    return frozenset(w for w in re.findall(r"[a-z][a-z-]+", name.lower()) if w not in _STOP and len(w) > 2)
