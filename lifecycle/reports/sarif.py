"""``lifecycle check --format sarif``: the findings as a SARIF 2.1.0 log for code-scanning dashboards.

One run of one tool. The tool's rules are the registered checks (id, title, the docstring as
the full description, help naming the Rules of ML and other sources it enforces); the Rules of
ML are also declared as a SARIF taxonomy that each rule relates to; the rules of the policy packs
applied follow them (``sarif_packs``). Each finding is a result at
the line and column of its answer in the project file (or of the nearest section or row that
exists, when the answer is not written yet; the message then says which answer is missing).
A finding the project accepts carries an ``accepted`` suppression with the written reason,
located at its entry under ``accepted_findings``. Files that cannot be read, and accepted
entries that match no finding, are tool notifications of the run's invocation, and so are the
problems of a policy pack that could not be read (the run then reports an unsuccessful execution).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..checks import Check, Finding, Severity, registered
from ..checks.doc import SEVERITY_MEANING
from ..checks.rules import RULE_TITLES
from ..phases import PHASES_BY_KEY
from .checked import CheckedFile, UnreadableFile
from .positions import Location, Span, dotted

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "Lifecycle Workbook"
RULES_OF_ML = "Rules of ML"
RULES_OF_ML_URI = "https://developers.google.com/machine-learning/guides/rules-of-ml"
# Where the other sources a check names are published; the first source of a check gives its helpUri.
SOURCE_URIS = {
    "ML Test Score": "https://research.google.com/pubs/archive/46555.pdf",
    "Leakage": "https://reproducible.cs.princeton.edu/",
    "Technical debt": "https://proceedings.neurips.cc/paper_files/paper/2015/file/"
                      "86df7dcfd896fcaf2674f757a2463eba-Paper.pdf",
}
# What the run itself reports besides results (SARIF notification descriptors, referenced by index).
NOTIFICATIONS = (
    {"id": "unreadable-project-file", "shortDescription": {"text": "The project file cannot be read"},
     "defaultConfiguration": {"level": "error"}},
    {"id": "stale-acceptance", "shortDescription": {"text": "An accepted finding matches no current finding"},
     "defaultConfiguration": {"level": "note"}},
    # appended last, so the indices of the two above stay as earlier reports had them
    {"id": "unreadable-policy-pack",
     "shortDescription": {"text": "A policy pack cannot be read; its rules are not applied"},
     "defaultConfiguration": {"level": "error"}},
)
_NOTE_INDEX = {descriptor["id"]: index for index, descriptor in enumerate(NOTIFICATIONS)}
LEVELS = {Severity.BLOCKER: "error", Severity.WARNING: "warning", Severity.ADVICE: "note"}
SOURCE_ROOT = "%SRCROOT%"  # relative file names are relative to where the check ran (the repository root in CI)
FINGERPRINT = "lifecycleFinding/v1"


def _version() -> str:
    try:
        return metadata.version("lifecycle-workbook")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"


def _paragraphs(doc: str) -> list[str]:
    """A docstring's paragraphs, each unwrapped onto one line."""
    return [" ".join(line.strip() for line in block.splitlines()) for block in re.split(r"\n\s*\n", doc.strip())
            if block.strip()]


def _pascal(title: str) -> str:
    """'Position bias not handled' -> 'PositionBiasNotHandled' (SARIF's readable rule name)."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    return "".join(word[:1].upper() + word[1:] for word in words) or "Check"


def _sources(entry: Check) -> list[str]:
    return [f"Rules of ML #{rule}: {RULE_TITLES[rule]}" for rule in entry.rules] + list(entry.refs)


def _help_uri(entry: Check) -> str | None:
    if entry.rules:
        return RULES_OF_ML_URI
    for ref in entry.refs:
        for prefix, uri in SOURCE_URIS.items():
            if ref.startswith(prefix):
                return uri
    return None


def _help(entry: Check) -> dict[str, str]:
    phase = PHASES_BY_KEY[entry.phase].title
    paragraphs = _paragraphs(entry.doc)
    severity = f"Severity: {entry.severity} ({SEVERITY_MEANING[entry.severity]}). Phase: {phase}."
    accept = ("A finding the team takes on deliberately can be accepted in the project file, under "
              "accepted_findings, with the check id, its subject and a written reason.")
    text = [*paragraphs, severity]
    markdown = [*paragraphs, f"**Severity:** {entry.severity} ({SEVERITY_MEANING[entry.severity]}). "
                             f"**Phase:** {phase}."]
    if entry.when:
        text.append(f"Applies only to {entry.when}.")
        markdown.append(f"**Applies only to** {entry.when}.")
    sources = _sources(entry)
    text.append("Enforces: " + "; ".join(sources) + ".")
    markdown.append("**Enforces:**\n\n" + "\n".join(f"- {source}" for source in sources))
    text.append(accept)
    markdown.append(accept.replace("accepted_findings", "`accepted_findings`"))
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def rule_descriptor(entry: Check) -> dict[str, Any]:
    """The SARIF reportingDescriptor of one check."""
    paragraphs = _paragraphs(entry.doc)
    descriptor: dict[str, Any] = {
        "id": entry.id,
        "name": _pascal(entry.title),
        "shortDescription": {"text": entry.title},
        "fullDescription": {"text": " ".join(paragraphs) or entry.title},
        "help": _help(entry),
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {
            "tags": ["ml-lifecycle", entry.phase, str(entry.severity), *(["rules-of-ml"] if entry.rules else [])],
            "phase": entry.phase,
            "severity": str(entry.severity),
            "rulesOfML": list(entry.rules),
            "references": list(entry.refs),
            **({"appliesOnlyTo": entry.when} if entry.when else {}),
        },
    }
    uri = _help_uri(entry)
    if uri:
        descriptor["helpUri"] = uri
    if entry.rules:
        descriptor["relationships"] = [
            {"target": {"id": str(rule), "index": rule - 1, "toolComponent": {"name": RULES_OF_ML, "index": 0}},
             "kinds": ["relevant"]}
            for rule in entry.rules
        ]
    return descriptor


def rules_of_ml_taxonomy() -> dict[str, Any]:
    return {
        "name": RULES_OF_ML,
        "fullName": "Rules of Machine Learning: Best Practices for ML Engineering (Martin Zinkevich)",
        "organization": "Google",
        "informationUri": RULES_OF_ML_URI,
        "isComprehensive": True,
        "taxa": [
            {"id": str(number), "name": f"Rule{number}", "shortDescription": {"text": title}}
            for number, title in sorted(RULE_TITLES.items())
        ],
    }


def artifact_uri(name: str) -> tuple[str, str | None]:
    """The URI of a file as given on the command line, and its base id: relative names stay relative to
    the directory the check ran in (a repository root in CI); others become file:// URIs."""
    path = Path(name)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri(), None
    return quote(os.path.normpath(path.as_posix()), safe="/"), SOURCE_ROOT


def _region(span: Span) -> dict[str, int]:
    return {"startLine": span.start_line, "startColumn": span.start_column,
            "endLine": span.end_line, "endColumn": span.end_column}


def _physical(index: int, uri: str, base: str | None, span: Span) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": uri, "index": index}
    if base:
        location["uriBaseId"] = base
    return {"artifactLocation": location, "region": _region(span)}


def missing_note(field: str, where: Location) -> str:
    """What a report adds when the answer a finding names is not in the file yet."""
    if where.exact:
        return ""
    parent = dotted(where.found)
    place = f"under '{parent}'" if parent else "at the top level of the file"
    return f" The answer '{field}' is not in the file yet; it belongs {place}."


def _fingerprint(finding: Finding) -> str:
    key = "\x1f".join((finding.check_id, finding.subject.strip().casefold(), finding.field))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(checked: CheckedFile, artifact: int, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    uri, base = artifact_uri(checked.name)
    where = checked.locate(finding.field)
    result: dict[str, Any] = {
        "ruleId": finding.check_id,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} Fix: {finding.fix}{missing_note(finding.field, where)}"},
        "locations": [{
            "physicalLocation": _physical(artifact, uri, base, where.span),
            "logicalLocations": [{"fullyQualifiedName": finding.field, "kind": "member"}],
        }],
        "partialFingerprints": {FINGERPRINT: _fingerprint(finding)},
        "properties": {
            "phase": finding.phase,
            "subject": finding.subject,
            "field": finding.field,
            "answerInFile": where.exact,
            "missingAnswer": finding.is_missing_answer,
        },
    }
    if finding.check_id in rule_index:
        result["ruleIndex"] = rule_index[finding.check_id]
    if finding.accepted:
        result["suppressions"] = [_suppression(checked, artifact, finding)]
    return result


def _suppression(checked: CheckedFile, artifact: int, finding: Finding) -> dict[str, Any]:
    uri, base = artifact_uri(checked.name)
    index = checked.acceptance(finding)
    suppression: dict[str, Any] = {"kind": "external", "status": "accepted", "justification": finding.accepted_reason}
    if index is None:
        return suppression
    entry = checked.project.accepted_findings[index]
    where = checked.locate(f"accepted_findings[{index}].check_id")  # its check id, the line people read
    if where.exact:  # written in the analysed file itself, like a suppression comment in code
        suppression["kind"] = "inSource"
        suppression["location"] = {"physicalLocation": _physical(artifact, uri, base, where.span)}
    suppression["properties"] = {
        "acceptedBy": entry.accepted_by,
        **({"acceptedOn": entry.accepted_on.isoformat()} if entry.accepted_on else {}),
    }
    return suppression


def _stale_notification(checked: CheckedFile, artifact: int, entry: Any) -> dict[str, Any]:
    uri, base = artifact_uri(checked.name)
    index = checked.entry_index(entry)
    subject = f" ({entry.subject})" if entry.subject else ""
    where = checked.locate(f"accepted_findings[{index}].check_id")  # its check id, the line people read
    return {
        "level": "note",
        "message": {"text": f"Accepted finding {entry.check_id}{subject} matches no current finding; remove the "
                            "entry or correct its check id and subject."},
        "locations": [{"physicalLocation": _physical(artifact, uri, base, where.span)}],
        "descriptor": {"id": "stale-acceptance", "index": _NOTE_INDEX["stale-acceptance"]},
    }


def _unreadable_notifications(bad: UnreadableFile, artifact: int) -> list[dict[str, Any]]:
    uri, base = artifact_uri(bad.name)
    notes = []
    for problem, where in bad.located():
        note: dict[str, Any] = {"level": "error", "message": {"text": f"{bad.name}: {problem}"},
                                "descriptor": {"id": "unreadable-project-file",
                                               "index": _NOTE_INDEX["unreadable-project-file"]}}
        if where is not None:
            note["locations"] = [{"physicalLocation": _physical(artifact, uri, base, where.span)}]
        else:
            location: dict[str, Any] = {"uri": uri, "index": artifact}
            if base:
                location["uriBaseId"] = base
            note["locations"] = [{"physicalLocation": {"artifactLocation": location}}]
        notes.append(note)
    return notes


def _artifact(name: str, checked: CheckedFile | None) -> dict[str, Any]:
    uri, base = artifact_uri(name)
    location: dict[str, Any] = {"uri": uri}
    if base:
        location["uriBaseId"] = base
    artifact: dict[str, Any] = {"location": location, "roles": ["analysisTarget"]}
    if checked is not None:
        artifact["mimeType"] = "application/json" if checked.fmt == "json" else "application/yaml"
        artifact["sourceLanguage"] = checked.fmt
        artifact["properties"] = {
            "readiness": checked.readiness.score,
            "readinessBand": checked.readiness.band.label,
            "project": checked.project.info.name,
        }
    return artifact


def _rules(files: Sequence[CheckedFile | UnreadableFile]) -> list[dict[str, Any]]:
    """The registered checks, the rules of the packs applied, then a rule for any other id a finding has."""
    from .packs import pack_rules  # imported here: these modules build on this one's helpers
    from .sarif_packs import finding_descriptor, pack_rule_descriptor

    rules = [rule_descriptor(entry) for entry in registered()]
    rules += [pack_rule_descriptor(pack, rule) for pack, rule in pack_rules(files)]
    known = {rule["id"] for rule in rules}
    for finding in (f for item in files if isinstance(item, CheckedFile) for f in item.findings):
        if finding.check_id not in known:
            known.add(finding.check_id)
            rules.append(finding_descriptor(finding))
    return rules


def sarif_log(files: Sequence[CheckedFile | UnreadableFile], fail_on: Severity | str,
              pack_problems: Sequence[str] = ()) -> dict[str, Any]:
    """The SARIF log of one ``lifecycle check`` run over ``files``, in the order given; ``pack_problems``: why
    policy packs named for the run could not be read (those packs were not applied)."""
    from .sarif_packs import pack_notifications

    fail_on = Severity(fail_on)
    rules = _rules(files)
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts = []
    for artifact, item in enumerate(files):
        if isinstance(item, UnreadableFile):
            artifacts.append(_artifact(item.name, None))
            notifications += _unreadable_notifications(item, artifact)
            continue
        artifacts.append(_artifact(item.name, item))
        results += [_result(item, artifact, finding, rule_index) for finding in item.findings]
        notifications += [_stale_notification(item, artifact, entry) for entry in item.stale]
    notifications += pack_notifications(pack_problems, _NOTE_INDEX["unreadable-policy-pack"])
    readable = [item for item in files if isinstance(item, CheckedFile)]
    failed = any(item.failing(fail_on) for item in readable)
    packs = list({id(pack): pack for item in readable for pack in item.packs}.values())
    invocation: dict[str, Any] = {
        "executionSuccessful": len(readable) == len(files) and not pack_problems,
        "properties": {"failOn": fail_on.value, "failed": failed},
    }
    if packs:  # which organisation rules this run applied, beside the built-in checks
        invocation["properties"]["policyPacks"] = [
            {"name": p.name, "rules": len(p.rules), **({"file": artifact_uri(p.source)[0]} if p.source else {})}
            for p in packs]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": TOOL_NAME,
                    "fullName": "Lifecycle Workbook plan check (lifecycle check)",
                    "version": _version(),
                    "semanticVersion": _version(),
                    "rules": rules,
                    "notifications": list(NOTIFICATIONS),
                    "supportedTaxonomies": [{"name": RULES_OF_ML, "index": 0}],
                },
            },
            "taxonomies": [rules_of_ml_taxonomy()],
            "invocations": [invocation],
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def sarif_report(files: Sequence[CheckedFile | UnreadableFile], fail_on: Severity | str,
                 pack_problems: Sequence[str] = ()) -> str:
    return json.dumps(sarif_log(files, fail_on, pack_problems), indent=2, ensure_ascii=False)
