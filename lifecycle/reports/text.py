"""The linter-style text report and the JSON document of ``lifecycle check``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..checks import Severity, counts
from .checked import CheckedFile
from .governance import annex_iv, governance_line, risk_tier


def _plural(count: int, word: str) -> str:
    if word == "advice":
        return f"{count} advice"
    return f"{count} {word}{'' if count == 1 else 's'}"


def text_report(checked: CheckedFile, fail_on: Severity | str) -> str:
    """One line per finding (with its fix or the reason it was accepted), the EU AI Act tier and Annex IV
    coverage, then a summary line."""
    fail_on = Severity(fail_on)
    name, failed, tally, ready = checked.name, checked.failing(fail_on), counts(checked.findings), checked.readiness
    lines: list[str] = []
    for finding in checked.findings:
        state = f"{finding.severity}, accepted" if finding.accepted else str(finding.severity)
        refs = f" ({finding.references()})" if finding.references() else ""
        lines.append(f"{name}: {finding.check_id} [{state}] {finding.phase_title}: {finding.message}{refs}")
        if finding.accepted:
            lines.append(f"    accepted: {finding.accepted_reason}")
        else:
            lines.append(f"    fix: {finding.fix} [{finding.field}]")
    for entry in checked.stale:
        subject = f" ({entry.subject})" if entry.subject else ""
        lines.append(f"{name}: note: accepted finding {entry.check_id}{subject} matches no current finding")
    lines.append(governance_line(name, checked.project))  # above the summary, which stays the last line
    open_count = tally["total"] - tally["accepted"]
    parts = ", ".join(_plural(tally[s.value], s.value) for s in Severity)
    lines.append(
        f"{name}: {_plural(open_count, 'open finding')} ({parts}), {tally['accepted']} accepted; "
        f"readiness {ready.score}/100, {ready.band.label} (weakest: {ready.weakest.title}); "
        + (f"failing: {len(failed)} at or above {fail_on}." if failed else f"passes --fail-on {fail_on}.")
    )
    return "\n".join(lines)


def json_document(checked: CheckedFile, fail_on: Severity | str, packs: Sequence[Any] = ()) -> dict[str, Any]:
    fail_on = Severity(fail_on)
    return {
        "file": checked.name,
        "fail_on": fail_on.value,
        "failed": bool(checked.failing(fail_on)),
        "summary": counts(checked.findings),
        "readiness": checked.readiness.to_dict(),
        "findings": [finding.to_dict() for finding in checked.findings],
        "policy_packs": [{"name": p.name, "file": p.source, "rules": len(p.rules)} for p in packs],
        "unmatched_accepted": [{"check_id": entry.check_id, "subject": entry.subject} for entry in checked.stale],
        # added after the keys above, which scripts already read; nothing before them changes
        "risk_tier": risk_tier(checked.project),
        "annex_iv": annex_iv(checked.project),
    }


def json_report(
    files: Sequence[CheckedFile], fail_on: Severity | str, *, several: bool = False, packs: Sequence[Any] = ()
) -> str:
    """One file: its document; ``several`` files on the command line: a list of documents, in their order."""
    documents = [json_document(checked, fail_on, packs) for checked in files]
    return json.dumps(documents if several else documents[0], indent=2, ensure_ascii=False)
