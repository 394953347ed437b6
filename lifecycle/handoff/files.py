"""Writing the hand-off documents to files, for ``lifecycle export --model-card FILE --datasheet FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import Project
from .datasheet import build_datasheet
from .huggingface import hf_readme, validate_hf_card
from .markdown import to_markdown
from .model_card import build_model_card

EXIT_OK, EXIT_FAILED = 0, 2
HF_CARD_NAME = "readme.md"  # the Hub reads a model's card from its README.md
CARD_FORMATS = ("huggingface", "markdown")


def card_format_for(target: str | Path, fmt: str | None = None) -> str:
    """The card format to write: the one asked for, else by file name (README.md is a Hub card)."""
    if fmt is not None:
        if fmt not in CARD_FORMATS:
            raise ValueError(f"unknown model card format {fmt!r}; use one of {', '.join(CARD_FORMATS)}")
        return fmt
    return "huggingface" if Path(target).name.casefold() == HF_CARD_NAME else "markdown"


def model_card_text(project: Project, target: str | Path, fmt: str | None = None) -> tuple[str, str]:
    """The card for ``target``: the Hugging Face README (metadata + card) or plain Markdown, as ``fmt`` says
    (by default: the Hugging Face card for a file named README.md); with a note on what was written."""
    document = build_model_card(project)
    if card_format_for(target, fmt) == "huggingface":
        text = hf_readme(project)
        problems = validate_hf_card(text)
        if problems:  # the metadata is built to be valid; refuse rather than write a card the Hub drops
            raise ValueError("; ".join(problems))
        return text, "Hugging Face model card"
    return to_markdown(document), "Model Card (Markdown)"


def write_documents(project: Project, *, model_card: str | None = None, datasheet: str | None = None,
                    model_card_format: str | None = None) -> int:
    """Write the requested documents, one line on stdout each; 2 (and the reason on stderr) on failure."""
    jobs: list[tuple[str, str, str, float]] = []
    if model_card:
        try:
            text, what = model_card_text(project, model_card, model_card_format)
        except ValueError as problem:
            print(f"{model_card}: the Hugging Face metadata is not valid ({problem})", file=sys.stderr)
            return EXIT_FAILED
        jobs.append((model_card, text, what, build_model_card(project).ratio))
    if datasheet:
        document = build_datasheet(project)
        jobs.append((datasheet, to_markdown(document), "Data Sheet (Markdown)", document.ratio))
    for target, text, what, ratio in jobs:
        try:
            Path(target).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"{target}: cannot write the {what} ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_FAILED
        print(f"{target}: {what}, {round(100 * ratio)}% answered")
    return EXIT_OK
