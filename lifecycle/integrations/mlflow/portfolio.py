"""What the Portfolio shows of each project's registry: which version holds which alias, and models without a plan.

``registry_summary`` is computed when a project is saved and stored with its portfolio
summary (plain data), so listing a thousand projects reads no document. ``unplanned`` then
combines the summaries: a registered model seen on a server has no plan when no write-back
tagged it with one and no project in this workbook links it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...model import Project
from .checks import production_holders, unplanned_models


def _server(uri: str) -> str:
    return uri.strip().rstrip("/")


def registry_summary(project: Project) -> dict[str, Any]:
    """The link and the aliases at the last import, as plain data; empty for a project without a link."""
    link = project.integrations.mlflow
    if not link.is_linked:
        return {}
    summary: dict[str, Any] = {"server": _server(link.tracking_uri), "model": link.registered_model.strip()}
    snapshot = link.current_snapshot()
    if snapshot is None:
        return summary
    aliases = {alias: version.version for version in snapshot.versions for alias in version.aliases}
    summary.update(
        version=snapshot.version,
        imported_at=snapshot.imported_at.isoformat() if snapshot.imported_at else "",
        aliases=dict(sorted(aliases.items(), key=lambda item: (int(item[1]) if item[1].isdigit() else 0, item[0]))),
        production=[alias for alias, _ in production_holders(link, snapshot)],
        unplanned=unplanned_models(link, snapshot),
    )
    return summary


def alias_line(summary: Mapping[str, Any]) -> str:
    """'clearlend-pd: champion → v1, challenger → v2' (or why there is nothing to show)."""
    if not summary:
        return ""
    model = summary.get("model", "")
    if "aliases" not in summary:
        return f"{model}: not imported yet"
    aliases = summary.get("aliases") or {}
    if not aliases:
        return f"{model}: no aliases (plan describes v{summary.get('version', '?')})"
    return f"{model}: " + ", ".join(f"{alias} → v{version}" for alias, version in aliases.items())


def unplanned(summaries: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(server, model) for registered models no plan links, from every project's last import."""
    summaries = [s for s in summaries if s]
    linked = {(s["server"], s["model"]) for s in summaries}
    seen = {(s["server"], name) for s in summaries for name in s.get("unplanned", ())}
    return sorted(seen - linked)
