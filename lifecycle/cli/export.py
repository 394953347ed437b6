"""``lifecycle export PROJECT_FILE --canvas canvas.pdf --map map.pdf``: the PDF exports from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..handoff.files import CARD_FORMATS
from .common import EXIT_BAD_FILE, EXIT_OK, load_or_explain, policy_packs_or_explain


def _export(args: argparse.Namespace) -> int:
    if not (args.canvas or args.map or args.model_card or args.datasheet or args.annex_iv):
        print("lifecycle export: nothing to do; give --canvas FILE, --map FILE, --model-card FILE, "
              "--datasheet FILE and/or --annex-iv FILE", file=sys.stderr)
        return EXIT_BAD_FILE
    if args.model_card_format and not args.model_card:
        print("lifecycle export: --model-card-format needs --model-card FILE, the file to write the card to",
              file=sys.stderr)
        return EXIT_BAD_FILE
    project = load_or_explain(args.project_file)
    if project is None:
        return EXIT_BAD_FILE
    packs = policy_packs_or_explain(args.policy) if args.map else ()
    if packs is None:
        return EXIT_BAD_FILE

    from ..export import export_canvas, export_map  # fpdf is only imported when a PDF is made

    jobs: list[tuple[str, Any]] = []
    if args.canvas:
        jobs.append((args.canvas, export_canvas))
    if args.map:
        from ..checks import run_checks

        findings = run_checks(project, policies=packs)
        jobs.append((args.map, lambda p: export_map(p, findings)))
    for target, build in jobs:
        result = build(project)
        try:
            Path(target).write_bytes(result.data)
        except OSError as exc:
            print(f"{target}: cannot write the PDF ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_BAD_FILE
        notes = [f"{result.pages} page{'s' if result.pages != 1 else ''}"]
        if result.replaced:
            notes.append(f"{result.replaced} character{'s' if result.replaced != 1 else ''} no font can draw "
                         "shown as □")
        cut = getattr(result, "truncated", [])
        if cut:
            notes.append(f"shortened blocks: {', '.join(cut)} (full text in the map)")
        print(f"{target}: {'; '.join(notes)}")
    from ..handoff.files import write_documents  # the Model Card and the Data Sheet (Markdown)

    status = write_documents(project, model_card=args.model_card, datasheet=args.datasheet,
                             model_card_format=args.model_card_format)
    if status != EXIT_OK or not args.annex_iv:
        return status
    from ..compliance.files import write_annex_iv

    return write_annex_iv(project, args.annex_iv)


def register(subcommands: Any) -> None:
    """Add the ``export`` subcommand to the ``lifecycle`` parser's subcommands."""
    export = subcommands.add_parser(
        "export",
        help="write the canvas and the lifecycle map as PDF, the Model Card and the Data Sheet as Markdown",
        description="Export a project file as PDF: --canvas writes the one-page ML lifecycle canvas (A3 landscape), "
                    "--map the full lifecycle map (cover, canvas, plan and stage gates, every phase, Model Card and "
                    "Data Sheet, EU AI Act section, findings); --model-card and --datasheet write those two documents as "
                    "Markdown, --annex-iv the Annex IV technical documentation. "
                    "Exit status: 0 when written, 2 when the project file cannot be read or an output cannot be "
                    "written.",
    )
    export.add_argument("project_file", metavar="PROJECT_FILE", help="a project file (.yaml, .yml or .json)")
    export.add_argument("--canvas", metavar="FILE", help="where to write the one-page canvas PDF")
    export.add_argument("--map", metavar="FILE", help="where to write the full lifecycle map PDF")
    export.add_argument("--model-card", metavar="FILE", help="where to write the Model Card (Markdown); its format "
                        "follows --model-card-format")
    export.add_argument("--model-card-format", choices=CARD_FORMATS, default=None,
                        help="huggingface: a Hugging Face Hub README with its YAML metadata (licence, pipeline_tag, "
                             "library_name, datasets, metrics, model-index) on top; markdown: the card alone. "
                             "Default: by file name, huggingface for a file named README.md, markdown otherwise")
    export.add_argument("--datasheet", metavar="FILE", help="where to write the Data Sheet as Markdown")
    export.add_argument("--annex-iv", metavar="FILE", help="where to write the EU AI Act Annex IV technical "
                        "documentation as Markdown: every point with the answers behind it and what is missing "
                        "(a documentation aid, not legal advice)")
    export.add_argument("--policy", metavar="PACK.yaml", action="append", help="apply this organisation policy pack "
                        "to the map's findings (repeatable; packs listed in lifecycle.toml or named by "
                        "LIFECYCLE_POLICY_PACKS always apply)")
    export.set_defaults(run=_export)
