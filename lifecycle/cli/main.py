"""Command line: ``lifecycle schema`` and ``lifecycle check``; the reports themselves are built in ``lifecycle.reports``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..model import Project
from ..reports import CheckedFile, UnreadableFile, check_file, json_report, junit_report, sarif_report, text_report
from . import export as cli_export
from .common import EXIT_BAD_FILE, EXIT_FINDINGS, EXIT_OK, read_policy_packs


def _schema(_: argparse.Namespace) -> int:
    schema = Project.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Lifecycle Workbook project file"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    loaded = read_policy_packs(args.policy)
    # A CI step uploads the SARIF or JUnit file whatever the exit status, so those are still written (with the
    # clean packs, and the problems reported in them); text and json stop here as before.
    if loaded.problems and args.format not in ("sarif", "junit"):
        return EXIT_BAD_FILE
    packs = loaded.packs
    files = [check_file(name, policies=packs) for name in args.project_files]
    readable = [item for item in files if isinstance(item, CheckedFile)]
    for bad in (item for item in files if isinstance(item, UnreadableFile)):
        for problem in bad.problems:
            print(f"{bad.source or bad.name}: {problem}", file=sys.stderr)
    report = ""
    if args.format == "sarif":
        report = sarif_report(files, args.fail_on, loaded.problems)
    elif args.format == "junit":
        report = junit_report(files, args.fail_on, loaded.problems).rstrip("\n")
    elif readable and args.format == "json":
        report = json_report(readable, args.fail_on, several=len(files) > 1, packs=packs)
    elif readable:
        report = "\n".join(text_report(item, args.fail_on) for item in readable)
    if args.output:
        try:
            Path(args.output).write_text(report + "\n" if report else "", encoding="utf-8")
        except OSError as exc:
            print(f"{args.output}: cannot write the report ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_BAD_FILE
    elif report:
        _emit(report)
    if len(readable) < len(files) or loaded.problems:
        return EXIT_BAD_FILE
    return EXIT_FINDINGS if any(item.failing(args.fail_on) for item in readable) else EXIT_OK


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
        help="check project files against the Rules of ML and lifecycle gates",
        description="Run every check on one or more project files. Formats: text (linter-style lines), json, "
                    "sarif (SARIF 2.1.0 for code scanning: each finding at the line and column of its answer in "
                    "the file) and junit (JUnit XML for CI test reports: one test case per check, failed with "
                    "its open findings, skipped when the check does not apply to the project). "
                    "Exit status: 0 when no open finding reaches --fail-on, 1 when one does, 2 when a file cannot "
                    "be read or is not a valid project (the reasons go to stderr; sarif and junit also report them). "
                    "Text and json also give each project's EU AI Act risk tier and Annex IV coverage.",
    )
    check.add_argument("project_files", metavar="PROJECT_FILE", nargs="+",
                       help="project files (.yaml, .yml or .json); several are checked in one report")
    check.add_argument("--format", choices=("text", "json", "sarif", "junit"), default="text",
                       help="output format (default: text); json gives a list when several files are given")
    check.add_argument(
        "--fail-on", choices=("blocker", "warning", "advice"), default="blocker",
        help="lowest severity of an open (not accepted) finding that makes the exit status 1 (default: blocker)",
    )
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report to FILE instead of standard output (e.g. lifecycle.sarif)")
    check.add_argument(
        "--policy", metavar="PACK.yaml", action="append",
        help="also apply this organisation policy pack (repeatable; packs listed in lifecycle.toml or named by "
             "LIFECYCLE_POLICY_PACKS always apply); a pack with problems is reported and the exit status is 2",
    )
    check.set_defaults(run=_check)
    cli_export.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
