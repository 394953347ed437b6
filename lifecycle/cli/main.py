"""Command line: ``lifecycle schema`` and ``lifecycle check`` (more subcommands join as the workbook grows)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from . import export as cli_export
from ..checks import Severity, counts, failing, readiness, run_checks, unmatched_acceptances
from ..model import Project
from .common import EXIT_OK, EXIT_FINDINGS, EXIT_BAD_FILE, load_or_explain, policy_packs_or_explain



def _schema(_: argparse.Namespace) -> int:
    schema = Project.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Lifecycle Workbook project file"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _plural(count: int, word: str) -> str:
    if word == "advice":
        return f"{count} advice"
    return f"{count} {word}{'' if count == 1 else 's'}"


def _check(args: argparse.Namespace) -> int:
    project = load_or_explain(args.project_file)
    if project is None:
        return EXIT_BAD_FILE

    packs = policy_packs_or_explain(args.policy)
    if packs is None:
        return EXIT_BAD_FILE
    findings = run_checks(project, policies=packs)
    fail_on = Severity(args.fail_on)
    failed = failing(findings, fail_on)
    tally = counts(findings)
    ready = readiness(project, findings)
    stale = unmatched_acceptances(project, findings)
    name = args.project_file

    lines: list[str] = []
    if args.format == "json":
        document = {
            "file": name,
            "fail_on": fail_on.value,
            "failed": bool(failed),
            "summary": tally,
            "readiness": ready.to_dict(),
            "findings": [finding.to_dict() for finding in findings],
            "policy_packs": [{"name": p.name, "file": p.source, "rules": len(p.rules)} for p in packs],
            "unmatched_accepted": [
                {"check_id": entry.check_id, "subject": entry.subject} for entry in stale
            ],
        }
        lines.append(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            state = f"{finding.severity}, accepted" if finding.accepted else str(finding.severity)
            refs = f" ({finding.references()})" if finding.references() else ""
            lines.append(f"{name}: {finding.check_id} [{state}] {finding.phase_title}: {finding.message}{refs}")
            if finding.accepted:
                lines.append(f"    accepted: {finding.accepted_reason}")
            else:
                lines.append(f"    fix: {finding.fix} [{finding.field}]")
        for entry in stale:
            subject = f" ({entry.subject})" if entry.subject else ""
            lines.append(f"{name}: note: accepted finding {entry.check_id}{subject} matches no current finding")
        open_count = tally["total"] - tally["accepted"]
        parts = ", ".join(_plural(tally[s.value], s.value) for s in Severity)
        lines.append(
            f"{name}: {_plural(open_count, 'open finding')} ({parts}), {tally['accepted']} accepted; "
            f"readiness {ready.score}/100, {ready.band.label} (weakest: {ready.weakest.title}); "
            + (f"failing: {len(failed)} at or above {fail_on}." if failed else f"passes --fail-on {fail_on}.")
        )
    _emit("\n".join(lines))
    return EXIT_FINDINGS if failed else EXIT_OK


def _emit(text: str) -> None:
    """Print the report; a reader that stops early (``| head``) is not an error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # keep the interpreter from complaining again at exit


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifecycle", description="Lifecycle Workbook command line.")
    commands = parser.add_subparsers(dest="command", required=True)
    schema = commands.add_parser("schema", help="print the JSON Schema of the project file format")
    schema.set_defaults(run=_schema)
    check = commands.add_parser(
        "check",
        help="check a project file against the Rules of ML and lifecycle gates",
        description="Run every check on a project file, and the rules of any organisation policy packs. Exit status: 0 when no open finding reaches --fail-on, "
                    "1 when one does, 2 when the file cannot be read or is not a valid project.",
    )
    check.add_argument("project_file", metavar="PROJECT_FILE", help="a project file (.yaml, .yml or .json)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument(
        "--fail-on", choices=("blocker", "warning", "advice"), default="blocker",
        help="lowest severity of an open (not accepted) finding that makes the exit status 1 (default: blocker)",
    )
    check.add_argument(
        "--policy", metavar="PACK.yaml", action="append",
        help="also apply this organisation policy pack (repeatable; packs named by LIFECYCLE_POLICY_PACKS always "
             "apply); a pack with problems is reported and the exit status is 2",
    )
    check.set_defaults(run=_check)
    cli_export.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
