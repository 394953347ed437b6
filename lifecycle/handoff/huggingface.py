"""The Model Card as a Hugging Face ``README.md``: YAML metadata in front, the card below.

The metadata carries the licence, the task the Hub lists the model under (``pipeline_tag``), the
library it is built with (``library_name``, when the Hub knows it), the evaluation data set, the
metrics, a ``model-index`` built from the card's table of results per slice, and the training
emissions when recorded. The Hub drops a malformed ``model-index`` without a word
(huggingface_hub#1361), so ``validate_hf_card`` parses a written README back (front matter split
off, ``yaml.safe_load``) and checks every key the Hub requires, with its type.

Which Hub task a plan maps to (``pipeline_tag``), from its ML task and the kind of input:

- binary and multi-class classification: tabular-, text-, image- or audio-classification;
- regression on tabular data: tabular-regression; forecasting: time-series-forecasting;
- ranking of text: text-ranking;
- no tag where the Hub has no task for the plan (recommendation, anomaly detection, clustering,
  ranking of anything but text, regression on other inputs): the Hub's ``other`` is hidden from
  its task filters, so the model is better listed by its tags than under a task that misdescribes it.

An unanswered kind of input counts as tabular, since the plan describes the inputs as a table of
named features. ``library_name`` is only written for a library the Hub has as a library id
(scikit-learn, Keras, Transformers…); XGBoost, LightGBM or PyTorch models, or a library not given,
get none rather than a guess.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..model import MLTask, Project
from ..model.model_card import InputKind
from .datasheet import dataset_name
from .markdown import to_markdown
from .model_card import build_model_card, evaluation_dataset, model_name

FRONT_MATTER = "---"

# Licence ids the Hub knows, keyed by the lower-cased SPDX id. Anything else becomes
# ``license: other`` with the SPDX id (or "proprietary") as ``license_name``.
HUB_LICENCES = frozenset({
    "apache-2.0", "mit", "afl-3.0", "artistic-2.0", "bsl-1.0", "bsd-2-clause", "bsd-3-clause", "bsd-3-clause-clear",
    "cc0-1.0", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-2.0",
    "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0",
    "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0", "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "wtfpl",
    "ecl-2.0", "epl-1.0", "epl-2.0", "eupl-1.1", "eupl-1.2", "agpl-3.0", "gpl-2.0", "gpl-3.0", "lgpl-2.1", "lgpl-3.0",
    "isc", "mpl-2.0", "odbl", "osl-3.0", "postgresql", "ofl-1.1", "ncsa", "unlicense", "zlib", "pddl",
})

# ML task -> readable task name in the model-index.
TASKS: dict[MLTask, str] = {
    MLTask.BINARY_CLASSIFICATION: "Binary classification",
    MLTask.MULTICLASS_CLASSIFICATION: "Multi-class classification",
    MLTask.REGRESSION: "Regression",
    MLTask.FORECASTING: "Time-series forecasting",
    MLTask.RANKING: "Ranking",
    MLTask.RECOMMENDATION: "Recommendation",
    MLTask.ANOMALY_DETECTION: "Anomaly detection",
    MLTask.CLUSTERING: "Clustering",
    MLTask.OTHER: "Other",
}

_CLASSIFICATION = {InputKind.TABULAR: "tabular-classification", InputKind.TEXT: "text-classification",
                   InputKind.IMAGE: "image-classification", InputKind.AUDIO: "audio-classification"}
# (ML task, kind of input) -> the Hub's pipeline tag; pairs not listed get none (see the module docstring).
PIPELINE_TAGS: dict[tuple[MLTask, InputKind], str] = {
    **{(MLTask.BINARY_CLASSIFICATION, kind): tag for kind, tag in _CLASSIFICATION.items()},
    **{(MLTask.MULTICLASS_CLASSIFICATION, kind): tag for kind, tag in _CLASSIFICATION.items()},
    (MLTask.REGRESSION, InputKind.TABULAR): "tabular-regression",
    **{(MLTask.FORECASTING, kind): "time-series-forecasting" for kind in InputKind},
    (MLTask.RANKING, InputKind.TEXT): "text-ranking",
}

# Library names as teams write them (slugged) -> the Hub's library id. Only libraries the Hub lists.
HUB_LIBRARIES: dict[str, str] = {
    "scikit-learn": "sklearn", "sklearn": "sklearn", "scikit": "sklearn",
    "keras": "keras", "tf-keras": "tf-keras",
    "transformers": "transformers", "hugging-face-transformers": "transformers",
    "huggingface-transformers": "transformers",
    "sentence-transformers": "sentence-transformers", "setfit": "setfit", "spacy": "spacy", "timm": "timm",
    "fastai": "fastai", "fasttext": "fasttext", "flair": "flair", "peft": "peft", "diffusers": "diffusers",
    "tabpfn": "tabpfn", "stable-baselines3": "stable-baselines3", "speechbrain": "speechbrain", "mlx": "mlx",
    "ultralytics": "ultralytics", "open-clip": "open_clip", "nemo": "nemo", "espnet": "espnet",
}

# The top-level sections of the Hub's default card template and the sections of our card that answer them.
HUB_TEMPLATE_SECTIONS: dict[str, tuple[str, ...]] = {
    "Model Details": ("details",),
    "Uses": ("intended_use",),
    "Bias, Risks, and Limitations": ("ethics", "caveats"),
    "How to Get Started with the Model": ("get_started",),
    "Training Details": ("training_data",),
    "Evaluation": ("factors", "metrics", "evaluation_data", "quantitative"),
    "Model Examination": ("examination",),
    "Environmental Impact": ("environment",),
    "Technical Specifications": ("details",),
    "Citation": ("details",),
    "Glossary": ("glossary",),
    "More Information": ("details",),
    "Model Card Authors": ("authors",),
    "Model Card Contact": ("details",),
}


def slug(text: str, sep: str = "-") -> str:
    """'Recall@12 of the next product' -> 'recall-12-of-the-next-product'."""
    return re.sub(r"[^a-z0-9]+", sep, text.casefold()).strip(sep)


def licence_metadata(licence: str) -> dict[str, str]:
    given = licence.strip()
    if not given:
        return {}
    if given.casefold() in HUB_LICENCES:
        return {"license": given.casefold()}
    return {"license": "other", "license_name": slug(given) or "proprietary"}


def pipeline_tag(project: Project) -> str | None:
    """The Hub task the model is listed under, or None where the Hub has none that fits."""
    task = project.problem_framing.ml_task
    if task is None:
        return None
    return PIPELINE_TAGS.get((task, project.model_card.details.input_kind or InputKind.TABULAR))


def library_name(project: Project) -> str | None:
    """The Hub's id of the library the card names, or None (not given, or not a library the Hub lists)."""
    return HUB_LIBRARIES.get(slug(project.model_card.details.library)) if project.model_card.details.library.strip() \
        else None


def co2_metadata(project: Project) -> dict[str, Any]:
    """``co2_eq_emissions`` (grams, as the Hub expects) when the card records the training emissions."""
    environment = project.model_card.environment
    if environment.carbon_emitted_kg is None:
        return {}
    emissions: dict[str, Any] = {"emissions": round(environment.carbon_emitted_kg * 1000, 3),
                                 "source": "Estimate recorded in the project's lifecycle plan",
                                 "training_type": "training"}
    if environment.compute_region.strip():
        emissions["geographical_location"] = environment.compute_region.strip()
    if environment.hardware_type.strip():
        emissions["hardware_used"] = environment.hardware_type.strip()
    return {"co2_eq_emissions": emissions}


def model_index(project: Project) -> list[dict[str, Any]]:
    """The ``model-index``: one result (task, evaluation data set) holding a metric per table row.

    Empty when the card has no results yet: the Hub refuses a result without metrics.
    """
    rows = [r for r in project.model_card.quantitative.results if r.metric.strip() and r.value is not None]
    if not rows:
        return []
    task = project.problem_framing.ml_task
    task_type, task_name = pipeline_tag(project) or "other", TASKS[task] if task else "Other"
    dataset = evaluation_dataset(project)
    metrics = []
    for row in rows:
        where = row.slice.strip() or "overall"
        metrics.append({
            "type": slug(row.metric, "_") or "metric", "value": row.value, "name": f"{row.metric.strip()} ({where})",
        })
    return [{
        "name": model_name(project),
        "results": [{
            "task": {"type": task_type, "name": task_name},
            "dataset": {"type": slug(dataset_name(project)) or "evaluation-data", "name": dataset, "split": "test"},
            "metrics": metrics,
        }],
    }]


def hf_metadata(project: Project) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    metadata.update(licence_metadata(project.model_card.details.licence))
    tag, library = pipeline_tag(project), library_name(project)
    if tag:
        metadata["pipeline_tag"] = tag
    if library:
        metadata["library_name"] = library
    tags = ["lifecycle-workbook"]
    if project.problem_framing.ml_task:
        tags.append(slug(project.problem_framing.ml_task.value))
    if project.modeling.model_family:
        tags.append(slug(project.modeling.model_family.value))
    metadata["tags"] = tags
    metadata["datasets"] = [slug(dataset_name(project)) or "training-data"]
    index = model_index(project)
    if index:
        metadata["metrics"] = list(dict.fromkeys(m["type"] for m in index[0]["results"][0]["metrics"]))
        metadata["model-index"] = index
    metadata.update(co2_metadata(project))
    return metadata


class _QuotedDumper(yaml.SafeDumper):
    """Every string value double-quoted with escapes, on one line: a value holding a line break and '---'
    can then never close the front matter early, or be read back as another type."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the Hub's metadata has no anchors; a repeated value is written out again


def _quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


def _mapping(dumper: yaml.SafeDumper, mapping: dict[str, Any]) -> yaml.MappingNode:
    # Keys are the Hub's own names (license, model-index…): written plain, as the Hub's docs show them.
    pairs = [(dumper.represent_scalar("tag:yaml.org,2002:str", str(key)), dumper.represent_data(value))
             for key, value in mapping.items()]
    return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)


_QuotedDumper.add_representer(str, _quoted)
_QuotedDumper.add_representer(dict, _mapping)


def front_matter(metadata: dict[str, Any]) -> str:
    """The YAML between the '---' lines; ``yaml.safe_load`` of it gives ``metadata`` back, equal."""
    return yaml.dump(metadata, Dumper=_QuotedDumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=float("inf"))


def hf_readme(project: Project) -> str:
    """A README.md for the Hugging Face Hub: YAML metadata between '---' lines, then the card."""
    front = front_matter(hf_metadata(project))
    body = to_markdown(build_model_card(project), heading=f"Model Card for {model_name(project)}")
    return f"{FRONT_MATTER}\n{front}{FRONT_MATTER}\n\n{body}"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The parsed YAML metadata and the Markdown body of a card; ValueError when there is no valid block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise ValueError("the card does not start with a '---' line opening the YAML metadata")
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER:
            try:
                metadata = yaml.safe_load("".join(lines[1:index]))
            except yaml.YAMLError as exc:
                raise ValueError(f"the metadata is not valid YAML ({exc})") from None
            if metadata is None:
                metadata = {}
            if not isinstance(metadata, dict):
                raise ValueError("the metadata is not a mapping of keys to values")
            return metadata, "".join(lines[index + 1:])
    raise ValueError("the YAML metadata has no closing '---' line")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _string_list(metadata: dict[str, Any], key: str, problems: list[str]) -> None:
    if key in metadata and not (isinstance(metadata[key], list) and all(_text(v) for v in metadata[key])):
        problems.append(f"'{key}' must be a list of non-empty strings")


def _check_result(where: str, result: Any, problems: list[str]) -> None:
    if not isinstance(result, dict):
        problems.append(f"{where} must be a mapping with 'task', 'dataset' and 'metrics'")
        return
    task = result.get("task")
    if not (isinstance(task, dict) and _text(task.get("type"))):
        problems.append(f"{where}.task needs a 'type'")
    dataset = result.get("dataset")
    if not (isinstance(dataset, dict) and _text(dataset.get("type")) and _text(dataset.get("name"))):
        problems.append(f"{where}.dataset needs a 'type' and a 'name'")
    metrics = result.get("metrics")
    if not (isinstance(metrics, list) and metrics):
        problems.append(f"{where}.metrics must be a non-empty list")
        return
    for m, metric in enumerate(metrics):
        if not (isinstance(metric, dict) and _text(metric.get("type"))):
            problems.append(f"{where}.metrics[{m}] needs a 'type'")
        elif metric.get("value") is None or isinstance(metric.get("value"), (dict, list, bool)):
            problems.append(f"{where}.metrics[{m}] needs a 'value' (a number or a string)")


def validate_metadata(metadata: dict[str, Any]) -> list[str]:
    """Problems with card metadata against the keys and types the Hub requires; [] when it is valid."""
    problems: list[str] = []
    licence = metadata.get("license")
    if licence is not None:
        if not _text(licence):
            problems.append("'license' must be a non-empty string")
        elif licence == "other" and not _text(metadata.get("license_name")):
            problems.append("'license: other' needs a 'license_name'")
        elif licence != "other" and licence not in HUB_LICENCES:
            problems.append(f"'license' {licence!r} is not a Hub licence id; use 'other' with a 'license_name'")
    for key in ("tags", "datasets", "metrics"):
        _string_list(metadata, key, problems)
    for key in ("pipeline_tag", "library_name"):
        if key in metadata and not _text(metadata[key]):
            problems.append(f"'{key}' must be a non-empty string")
    emissions = metadata.get("co2_eq_emissions")
    if emissions is not None and not (isinstance(emissions, dict) and isinstance(emissions.get("emissions"), (int, float))
                                      and not isinstance(emissions.get("emissions"), bool)):
        problems.append("'co2_eq_emissions' must be a mapping with a number of grams as 'emissions'")
    if "model-index" in metadata:
        index = metadata["model-index"]
        if not (isinstance(index, list) and index):
            problems.append("'model-index' must be a non-empty list")
        else:
            for i, entry in enumerate(index):
                where = f"model-index[{i}]"
                if not isinstance(entry, dict):
                    problems.append(f"{where} must be a mapping")
                    continue
                if not _text(entry.get("name")):
                    problems.append(f"{where} needs a 'name'")
                results = entry.get("results")
                if not (isinstance(results, list) and results):
                    problems.append(f"{where}.results must be a non-empty list")
                    continue
                for r, result in enumerate(results):
                    _check_result(f"{where}.results[{r}]", result, problems)
    return problems


def validate_hf_card(text: str) -> list[str]:
    """Parse a README.md back and check its metadata; [] when the Hub would accept it."""
    try:
        metadata, _ = split_front_matter(text)
    except ValueError as exc:
        return [str(exc)]
    return validate_metadata(metadata)
