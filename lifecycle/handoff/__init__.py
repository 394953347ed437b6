"""Hand-off documents built from a project: the Data Sheet and the Model Card, and their exports.

``build_datasheet`` and ``build_model_card`` pre-fill each section from the phase answers and
list the questions left; ``to_markdown`` writes either as Markdown; ``hf_readme`` writes the
Model Card as a Hugging Face README.md, which ``validate_hf_card`` checks by parsing it back.
"""

from .datasheet import build_datasheet, dataset_name
from .document import Asked, DocSection, HandoffDocument, Prefilled
from .huggingface import hf_metadata, hf_readme, split_front_matter, validate_hf_card, validate_metadata
from .markdown import md_text, to_markdown
from .model_card import build_model_card, evaluation_dataset, model_name


def datasheet_markdown(project) -> str:  # type: ignore[no-untyped-def]
    return to_markdown(build_datasheet(project))


def model_card_markdown(project) -> str:  # type: ignore[no-untyped-def]
    return to_markdown(build_model_card(project))


__all__ = [
    "Asked", "DocSection", "HandoffDocument", "Prefilled", "build_datasheet", "build_model_card", "dataset_name",
    "datasheet_markdown", "evaluation_dataset", "hf_metadata", "hf_readme", "md_text", "model_card_markdown",
    "model_name", "split_front_matter", "to_markdown", "validate_hf_card", "validate_metadata",
]
