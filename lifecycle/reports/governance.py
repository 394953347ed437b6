"""The EU AI Act part of a ``lifecycle check`` report: the risk tier with its reasons, and Annex IV coverage.

A platform lead gating hundreds of projects in CI needs the tier and the documentation gaps next to the findings,
without opening the app; both are derived from the project here exactly as the app derives them.
"""

from __future__ import annotations

from typing import Any

from ..compliance.annex_iv import coverage
from ..compliance.screening import Reason, Tier, screen
from ..model import Project


def _reason(reason: Reason) -> dict[str, str]:
    return {"text": reason.text, "reference": reason.reference, "field": reason.field}


def risk_tier(project: Project) -> dict[str, Any]:
    """``key`` (``high_risk``… or ``not_screened``), ``label``, the ``reasons`` for the tier, the Article 50
    ``obligations`` that apply on top of it, and the screening answers still ``unanswered``."""
    screening = screen(project)
    return {
        "key": screening.key,
        "label": screening.label,
        "reasons": [_reason(r) for r in screening.reasons],
        "obligations": [_reason(r) for r in screening.obligations],
        "unanswered": list(screening.missing),
    }


def annex_iv(project: Project) -> dict[str, Any]:
    """Points documented of the total, the ids of those not (fully) documented, in Annex IV order, and whether the
    tier makes the documentation an obligation (high-risk) rather than good practice (None: not screened yet)."""
    covered = coverage(project)
    tier = screen(project).tier
    return {"covered": covered.covered, "total": covered.total,
            "missing": [item.spec.id for item in covered.points if not item.covered],
            "required": None if tier is None else tier is Tier.HIGH_RISK}


def governance_line(name: str, project: Project) -> str:
    """One line of the text report: 'plan.yaml: EU AI Act: High-risk (Annex III, point 5(b)); Annex IV: 20 of 23
    points documented, missing 2(g), 7, 8'; below high-risk, Annex IV is marked as not required."""
    screening = screen(project)
    refs = "; ".join(screening.references)
    tier = f"{screening.label} ({refs})" if refs else screening.label
    documented = annex_iv(project)
    gaps = f", missing {', '.join(documented['missing'])}" if documented["missing"] else ""
    optional = " (not required at this tier)" if documented["required"] is False else ""
    return (f"{name}: EU AI Act: {tier}; Annex IV{optional}: {documented['covered']} of {documented['total']} points "
            f"documented{gaps}")
