"""The SARIF rules of organisation policy packs, and the notifications of packs that cannot be read.

A pack rule is a rule of the tool like a registered check: a dashboard lists it, shows its help
beside each alert and can filter by it. Its help is the rule's own message and fix (their
``{placeholders}`` shown as the answers they stand for), when it applies and what it requires,
in words, and the pack it comes from. A finding whose id is neither a check nor a rule of a pack
applied (``POL-PACK-ERROR``, which says a configured pack could not be read) gets a rule made
from the finding itself, so that every result has its ``ruleIndex``.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from ..checks import Finding
from ..checks.doc import SEVERITY_MEANING
from ..phases import PHASES_BY_KEY
from ..policies.describe import describe_applies_when, describe_condition
from .packs import locate_problem
from .sarif import LEVELS, _pascal, artifact_uri

PACK_NOTIFICATION_ID = "unreadable-policy-pack"  # declared with the run's other notifications in ``sarif``
ACCEPT = ("A finding the team takes on deliberately can be accepted in the project file, under accepted_findings, "
          "with the rule id, its subject and a written reason.")


def _template(text: str, pack: Any, markdown: bool) -> str:
    """A message or fix as a rule shows it before any project fills it: its ``{placeholders}`` as written (they
    name the answers the finding will quote), except ``{pack}``, which is known already."""
    parts: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(text):  # the loader checked the braces
        parts.append(literal)
        if name == "pack":
            parts.append(pack.name)
        elif name is not None:
            parts.append(f"`{{{name}}}`" if markdown else f"{{{name}}}")
    return " ".join("".join(parts).split())


def pack_rule_descriptor(pack: Any, rule: Any) -> dict[str, Any]:
    """The SARIF reportingDescriptor of one rule of a policy pack."""
    phase = PHASES_BY_KEY[rule.phase].title
    applies = describe_applies_when(rule.applies_when)
    requires = describe_condition(rule.require)
    severity = f"{rule.severity} ({SEVERITY_MEANING[rule.severity]})"
    origin = pack.name + (f": {pack.description.strip()}" if pack.description.strip() else "")
    origin = origin.rstrip(".")  # the sentence adds its own full stop
    scope = f"Applies only when {applies}." if applies else "Applies to every project."
    message, fix = _template(rule.message, pack, False), _template(rule.fix, pack, False)
    text = [f"Finding ({{…}} filled from the project): {message}", f"Fix: {fix}",
            f"Severity: {severity}. Phase: {phase}.", scope, f"Requires: {requires}.", f"Policy pack: {origin}.",
            ACCEPT]
    message, fix = _template(rule.message, pack, True), _template(rule.fix, pack, True)
    markdown = [f"**Finding** (`{{…}}` filled from the project): {message}", f"**Fix:** {fix}",
                f"**Severity:** {severity}. **Phase:** {phase}.", scope, f"**Requires:** `{requires}`.",
                f"**Policy pack:** {origin}.", ACCEPT.replace("accepted_findings", "`accepted_findings`")]
    properties: dict[str, Any] = {
        "tags": ["ml-lifecycle", "policy-pack", rule.phase, str(rule.severity)],
        "phase": rule.phase,
        "severity": str(rule.severity),
        "policyPack": pack.name,
        "requires": requires,
        **({"appliesOnlyTo": applies} if applies else {}),
    }
    if pack.source:
        properties["policyPackFile"] = artifact_uri(pack.source)[0]
    return {
        "id": rule.id,
        "name": _pascal(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.title}. {scope} Requires: {requires}."},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": properties,
    }


def finding_descriptor(finding: Finding) -> dict[str, Any]:
    """A rule for a finding no check or applied pack rule describes: what the finding itself says."""
    return {
        "id": finding.check_id,
        "name": _pascal(finding.title),
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": finding.title},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": ["ml-lifecycle", finding.phase, str(finding.severity)], "phase": finding.phase,
                       "severity": str(finding.severity), "references": list(finding.refs)},
    }


def pack_notifications(problems: Sequence[str], index: int) -> list[dict[str, Any]]:
    """One error notification per problem of a pack that was not applied, at its line in the pack when known."""
    notes = []
    for problem in problems:
        where = locate_problem(problem)
        note: dict[str, Any] = {"level": "error", "message": {"text": f"Policy pack not applied: {problem}"},
                                "descriptor": {"id": PACK_NOTIFICATION_ID, "index": index}}
        if where.file:
            uri, base = artifact_uri(where.file)
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri, **({"uriBaseId": base} if base else {})}}
            if where.line:
                physical["region"] = {"startLine": where.line, **({"startColumn": where.column} if where.column
                                                                   else {})}
            note["locations"] = [{"physicalLocation": physical}]
        notes.append(note)
    return notes
