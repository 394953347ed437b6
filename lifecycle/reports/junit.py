"""``lifecycle check --format junit``: one JUnit test case per registered check, for CI test-report views.

Per project file, one test suite per phase, and in it one test case per check of that phase
(``classname`` the phase, ``name`` the check id and title):

- **failed** when the check has open findings: the failure's ``type`` is the highest severity,
  its message the first finding, its text every open finding with its fix and the line of its answer;
- **skipped** when the check does not apply to the project (``lifecycle.reports.applicability``:
  a conditional check whose ``when`` condition does not hold);
- **passed** otherwise; findings the project accepted are listed in the case's ``system-out``
  with their reasons, and do not fail it (as they do not fail ``lifecycle check``).

Each rule of the policy packs applied is a case too, in its phase's suite after the checks:
skipped when its ``applies_when`` does not hold (``lifecycle.policies.evaluate.not_applicable``,
the same test that decides whether it is evaluated). Any other finding (``POL-PACK-ERROR``) gets
a case of its own, so the failures always account for every open finding and agree with the exit
status. A policy pack that cannot be read is a case in error, in a suite before the files.

Every open finding fails its case whatever its severity; ``--fail-on`` decides only the exit
status. A file that cannot be read is a suite with one case in error. With several files, the
``classname`` starts with the file, so that no two cases share a name (GitLab drops duplicates).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from ..checks import Check, Finding, Severity, registered
from ..compliance.screening import screen
from ..phases import PHASES
from ..policies.describe import describe_applies_when
from ..policies.evaluate import not_applicable
from .applicability import applicability
from .checked import CheckedFile, UnreadableFile
from .packs import locate_problem
from .sarif import missing_note

# Characters XML 1.0 cannot carry; user text containing them is shown escaped rather than breaking the file.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _element(tag: str, parent: ET.Element | None = None, text: str = "", **attributes: str) -> ET.Element:
    clean = {key: xml_text(str(value)) for key, value in attributes.items()}
    element = ET.Element(tag, clean) if parent is None else ET.SubElement(parent, tag, clean)
    if text:
        element.text = xml_text(text)
    return element


def _finding_text(checked: CheckedFile, finding: Finding) -> str:
    where = checked.locate(finding.field)
    lines = [
        f"[{finding.severity}] {finding.message}",
        f"Fix: {finding.fix}",
        f"Answer: {finding.field} at {checked.name}:{where.line}:{where.column}."
        + missing_note(finding.field, where),
    ]
    if finding.references():
        lines.append(f"Enforces: {finding.references()}")
    return "\n".join(lines)


def _accepted_text(finding: Finding) -> str:
    subject = f" ({finding.subject})" if finding.subject else ""
    return f"Accepted [{finding.severity}]{subject}: {finding.message}\nReason: {finding.accepted_reason}"


def _case(suite: ET.Element, checked: CheckedFile, name: str, findings: list[Finding], classname: str,
          skip: Callable[[], str]) -> str:
    """Add the test case ``name``; ``skip`` says why it does not apply ('' when it does), asked only when no
    finding is open. Returns its outcome: 'failed', 'skipped' or 'passed'."""
    case = _element("testcase", suite, classname=classname, name=name, file=checked.name)
    open_findings = [f for f in findings if not f.accepted]
    accepted = [f for f in findings if f.accepted]
    outcome = "passed"
    if open_findings:
        worst = min(open_findings, key=lambda f: f.severity.rank)
        message = f"[{open_findings[0].severity}] {open_findings[0].message}"
        if len(open_findings) > 1:
            message = f"{len(open_findings)} open findings; first: {message}"
        case.set("line", str(checked.locate(open_findings[0].field).line))
        _element("failure", case, "\n\n".join(_finding_text(checked, f) for f in open_findings),
                 message=message, type=str(worst.severity))
        outcome = "failed"
    elif not accepted and (reason := skip()):
        _element("skipped", case, message=f"Not applicable: {reason}.")
        outcome = "skipped"
    if accepted:
        _element("system-out", case, "\n\n".join(_accepted_text(f) for f in accepted))
    return outcome


def _check_skip(entry: Check, checked: CheckedFile) -> str:
    applies = applicability(entry, checked.project)
    return "" if applies.applies else applies.reason


def _rule_skip(rule: Any, checked: CheckedFile, screening: Any) -> str:
    reason = not_applicable(rule, checked.project, screening)
    return f"applies only when {describe_applies_when(rule.applies_when)}; {reason}" if reason else ""


def _suites(root: ET.Element, checked: CheckedFile, fail_on: Severity, several: bool) -> None:
    by_check: dict[str, list[Finding]] = {}
    for finding in checked.findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    checks = registered()
    rules = [(pack, rule) for pack in checked.packs for rule in pack.rules]
    covered = {entry.id for entry in checks} | {rule.id for _, rule in rules}
    others = [found[0] for check_id, found in by_check.items() if check_id not in covered]
    screening = screen(checked.project) if rules else None  # what the rules' risk tiers are compared with
    for phase in PHASES:
        suite = _element("testsuite", root, name=f"{checked.name}: {phase.title}")
        properties = _element("properties", suite)
        _element("property", properties, name="file", value=checked.name)
        _element("property", properties, name="phase", value=phase.key)
        _element("property", properties, name="fail_on", value=fail_on.value)
        _element("property", properties, name="readiness", value=str(checked.readiness.score))
        classname = f"{checked.name}: {phase.title}" if several else phase.title
        outcomes = [_case(suite, checked, f"{entry.id}: {entry.title}", by_check.get(entry.id, []), classname,
                          lambda entry=entry: _check_skip(entry, checked))
                    for entry in checks if entry.phase == phase.key]
        outcomes += [_case(suite, checked, f"{rule.id}: {rule.title}", by_check.get(rule.id, []), classname,
                           lambda rule=rule: _rule_skip(rule, checked, screening))
                     for _, rule in rules if rule.phase == phase.key]
        outcomes += [_case(suite, checked, f"{first.check_id}: {first.title}", by_check[first.check_id], classname,
                           lambda: "") for first in others if first.phase == phase.key]
        _count(suite, len(outcomes), outcomes.count("failed"), 0, outcomes.count("skipped"))


def _unreadable(root: ET.Element, bad: UnreadableFile, several: bool) -> None:
    suite = _element("testsuite", root, name=f"{bad.name}: project file")
    classname = f"{bad.name}: Project file" if several else "Project file"
    case = _element("testcase", suite, classname=classname, name="The project file can be read", file=bad.name)
    located = bad.located()
    lines = [f"{bad.name}:{where.line}:{where.column}: {problem}" if where else f"{bad.name}: {problem}"
             for problem, where in located]
    first = located[0][1] if located else None
    if first is not None:
        case.set("line", str(first.line))
    _element("error", case, "\n".join(lines), type="ProjectFileError",
             message=bad.problems[0] if bad.problems else "the file cannot be read")
    _count(suite, 1, 0, 1, 0)


def _unreadable_packs(root: ET.Element, problems: Sequence[str]) -> None:
    """The packs named for the run that could not be read, and so were not applied: one case in error."""
    suite = _element("testsuite", root, name="policy packs")
    case = _element("testcase", suite, classname="Policy packs", name="The policy packs can be read")
    first = locate_problem(problems[0])
    if first.file:
        case.set("file", first.file)
        if first.line:
            case.set("line", str(first.line))
    _element("error", case, "\n".join(problems), type="PolicyPackError",
             message=f"Policy pack not applied: {problems[0]}")
    _count(suite, 1, 0, 1, 0)


def _count(element: ET.Element, tests: int, failures: int, errors: int, skipped: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
    element.set("skipped", str(skipped))


def junit_report(files: Sequence[CheckedFile | UnreadableFile], fail_on: Severity | str,
                 pack_problems: Sequence[str] = ()) -> str:
    """The JUnit XML document of one ``lifecycle check`` run over ``files``; ``pack_problems``: why policy packs
    named for the run could not be read (they were not applied)."""
    fail_on = Severity(fail_on)
    root = _element("testsuites", name="lifecycle check")
    if pack_problems:
        _unreadable_packs(root, pack_problems)
    several = len(files) > 1
    for item in files:
        if isinstance(item, UnreadableFile):
            _unreadable(root, item, several)
        else:
            _suites(root, item, fail_on, several)
    totals = [sum(int(suite.get(key, "0")) for suite in root) for key in ("tests", "failures", "errors", "skipped")]
    _count(root, *totals)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
