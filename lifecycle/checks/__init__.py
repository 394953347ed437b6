"""Rules of ML checks: a linter for a project's lifecycle plan.

Each check is one decorated function in the module of its phase (``gates`` for stage-gate
completeness); ``run_checks(project)`` runs them all and returns sorted ``Finding``s,
``readiness(project)`` turns them into a score per phase, and ``review(project)`` gives the
whole result: each check's outcome (issue, tip, passed, not applicable, suppressed) and the
answers that need a human reviewer. Prose is read through ``lifecycle.text``. Pure Python,
no UI imports.
"""

# The phase modules register their checks on import; importing them here keeps the registry complete.
from . import data, deployment, gates, modeling, monitoring, problem_framing  # noqa: F401
from ..compliance import gate_checks  # noqa: F401,E402  (the EU AI Act checks: GATE-xx-AIA, PF-901)
from ..integrations.mlflow import checks as _registry_checks  # noqa: F401  (MLflow registry-aware checks)
from .finding import ANSWER, BASES, CROSS, TEXT, Finding, Severity, field_path, field_value
from .human import HumanReview, needs_human
from .readiness import BANDS, Band, PhaseReadiness, Readiness, band_for, readiness
from .registry import REGISTRY, UNCHECKED_PATTERNS, UNCHECKED_RULES, Check, Hit, check, checked_rules, registered
from .review import CheckOutcome, Outcome, Review, review
from .run import (
    apply_accepted,
    by_phase,
    by_severity,
    counts,
    failing,
    filter_findings,
    open_findings,
    run_checks,
    sort_key,
    unmatched_acceptances,
)

__all__ = [
    "ANSWER", "BASES", "CROSS", "TEXT", "CheckOutcome", "HumanReview", "Outcome", "Review", "needs_human", "review",
    "BANDS", "REGISTRY", "UNCHECKED_PATTERNS", "UNCHECKED_RULES", "Band", "Check", "Finding", "Hit", "PhaseReadiness",
    "Readiness", "Severity", "apply_accepted", "band_for", "by_phase", "by_severity", "check", "checked_rules",
    "counts", "failing", "field_path", "field_value", "filter_findings", "open_findings", "readiness", "registered",
    "run_checks", "sort_key", "unmatched_acceptances",
]
