"""Command line: ``lifecycle schema`` (more subcommands join as the workbook grows)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .model import Project


def _schema(_: argparse.Namespace) -> int:
    schema = Project.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Lifecycle Workbook project file"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifecycle", description="Lifecycle Workbook command line.")
    commands = parser.add_subparsers(dest="command", required=True)
    schema = commands.add_parser("schema", help="print the JSON Schema of the project file format")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
