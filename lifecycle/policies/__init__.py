"""Organisation policy packs: house rules over a project's answers, declared as YAML, applied beside the checks.

``load_packs(paths)`` reads and validates packs (every problem located in its file);
``configured_packs()`` reads those ``lifecycle.toml`` lists and ``LIFECYCLE_POLICY_PACKS``
names; ``policy_findings`` is what ``lifecycle.checks.run_checks`` calls, so every view that
shows findings shows policy findings too. See ``sample_projects/policies/`` for an example pack.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..checks.finding import Finding
from ..compliance.screening import screen
from ..model import Project
from .config import ENV_VAR, configuration_problems, configured_packs, configured_paths
from .evaluate import evaluate, holds, pack_error_finding
from .loader import LoadResult, PolicyPackError, load_or_raise, load_packs, parse_pack, read_pack
from .model import PACK_ERROR_ID, Condition, Operator, PolicyPack, PolicyRule


def policy_findings(project: Project, packs: Sequence[PolicyPack] | None = None) -> list[Finding]:
    """Findings of ``packs``, or of the configured packs when None (with one finding if any cannot be read)."""
    problems: tuple[str, ...] = ()
    if packs is None:
        loaded = configured_packs()
        packs, problems = loaded.packs, loaded.problems
    findings: list[Finding] = [pack_error_finding(problems)] if problems else []
    if packs:
        screening = screen(project)
        for pack in packs:
            findings.extend(evaluate(pack, project, screening))
    return findings


__all__ = [
    "ENV_VAR", "PACK_ERROR_ID", "Condition", "LoadResult", "Operator", "PolicyPack", "PolicyPackError", "PolicyRule",
    "configuration_problems", "configured_packs", "configured_paths", "evaluate", "holds", "load_or_raise",
    "load_packs", "parse_pack", "policy_findings", "read_pack",
]
