"""The Model Card: pre-filled from the phase answers, a results table per slice, Markdown that says
what the project says, and a Hugging Face README whose metadata parses back with a valid model-index."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from lifecycle.checks import field_value
from lifecycle.handoff import (
    build_model_card,
    hf_metadata,
    hf_readme,
    md_text,
    model_card_markdown,
    model_name,
    split_front_matter,
    validate_hf_card,
    validate_metadata,
)
from lifecycle.model import ModelCard, Project, SliceResult
from lifecycle.model.model_card import ModelCardDetails
from lifecycle.questions import questions_of
from lifecycle.samples import load_sample

KEYS = ("churn", "recommendation", "loan")
SECTIONS = ["details", "intended_use", "factors", "metrics", "evaluation_data", "training_data", "quantitative",
            "ethics", "caveats", "get_started", "examination", "environment", "glossary", "authors"]


@pytest.fixture(scope="module", params=KEYS)
def sample(request) -> Project:  # type: ignore[no-untyped-def]
    return load_sample(request.param)


def test_sections_follow_model_cards_for_model_reporting_then_the_hub_template() -> None:
    document = build_model_card(Project())
    assert [s.key for s in document.sections] == SECTIONS
    assert document.section("training_data").model is None  # described by the Data answers and the Data Sheet
    for name, info in ModelCard.model_fields.items():
        for question in questions_of(info.annotation):
            assert question.help, f"{name}.{question.name} needs help text"


def test_every_prefilled_item_points_at_a_real_answer(sample: Project) -> None:
    origins = set()
    for section in build_model_card(sample).sections:
        for item in section.prefilled:
            field_value(sample, item.source)
            origins.add(item.origin)
    # pre-filled from Problem Framing, Modeling and Monitoring (and Data, Deployment, the Data Sheet)
    assert {"problem_framing", "modeling", "monitoring", "data"} <= origins


def test_markdown_contains_names_metrics_sources_and_results(sample: Project) -> None:
    markdown = model_card_markdown(sample)
    card = sample.model_card
    assert markdown.startswith(f"# Model Card: {md_text(card.details.model_id)} {md_text(card.details.version)}\n")
    assert md_text(sample.info.name) in markdown
    for metric in sample.modeling.offline_metrics:
        assert md_text(metric.name) in markdown and md_text(metric.threshold) in markdown
    for source in sample.data.sources:
        assert md_text(source.name) in markdown
    for signal in sample.monitoring.signals:
        assert md_text(signal.name) in markdown
    for row in card.quantitative.results:
        assert f"| {md_text(row.metric)} | {md_text(row.slice)} | {row.value:g} |" in markdown
    assert md_text(sample.problem_framing.decision_supported) in markdown
    assert md_text(card.details.licence) in markdown
    positions = [markdown.index(f"\n## {n}. ") for n in range(1, 15)]
    assert positions == sorted(positions)


def test_confidence_intervals_appear_in_the_results_table() -> None:
    markdown = model_card_markdown(load_sample("loan"))
    assert "| Metric | Slice | Value | CI lower | CI upper |" in markdown
    assert "| AUC | overall | 0.81 | 0.8 | 0.82 |" in markdown


def test_hugging_face_readme_metadata_parses_back_with_a_valid_model_index(sample: Project) -> None:
    readme = hf_readme(sample)
    assert validate_hf_card(readme) == []
    metadata, body = split_front_matter(readme)
    assert body.lstrip().startswith(f"# Model Card for {md_text(sample.model_card.details.model_id)}")
    (entry,) = metadata["model-index"]
    assert entry["name"] == sample.model_card.details.model_id
    (result,) = entry["results"]
    assert result["task"]["type"] and result["dataset"]["type"] and result["dataset"]["name"]
    assert result["dataset"]["name"] == sample.model_card.evaluation_data.evaluation_dataset
    rows = sample.model_card.quantitative.results
    assert [m["value"] for m in result["metrics"]] == [r.value for r in rows]
    assert [m["name"] for m in result["metrics"]] == [f"{r.metric} ({r.slice})" for r in rows]
    assert set(metadata["metrics"]) == {m["type"] for m in result["metrics"]}
    assert metadata["datasets"] == [result["dataset"]["type"]]
    # every sample is an internal model: the Hub gets 'other' with the name of the licence
    assert metadata["license"] == "other" and metadata["license_name"] == "proprietary"


def test_task_types_follow_the_ml_task() -> None:
    loan, recs = load_sample("loan"), load_sample("recommendation")
    assert hf_metadata(loan)["model-index"][0]["results"][0]["task"] == {
        "type": "tabular-classification", "name": "Binary classification"}
    assert hf_metadata(recs)["model-index"][0]["results"][0]["task"] == {"type": "other", "name": "Recommendation"}


def test_licences_map_to_hub_ids() -> None:
    def licence(value: str) -> dict:
        return {k: v for k, v in hf_metadata(Project.model_validate(
            {"model_card": {"details": {"licence": value}}})).items() if k.startswith("license")}

    assert licence("Apache-2.0") == {"license": "apache-2.0"}
    assert licence("CC-BY-NC-4.0") == {"license": "cc-by-nc-4.0"}
    assert licence("LicenseRef-Harbourline-Internal") == {
        "license": "other", "license_name": "licenseref-harbourline-internal"}
    assert licence("") == {}


def test_a_licence_must_be_one_spdx_id() -> None:
    assert ModelCardDetails(licence="MIT").licence == "MIT"
    with pytest.raises(ValidationError, match="SPDX"):
        ModelCardDetails(licence="Apache 2.0 or MIT")


def test_a_card_without_results_has_no_model_index_and_stays_valid() -> None:
    project = Project.model_validate({"info": {"name": "Ticket routing"}, "problem_framing": {"ml_task": "regression"}})
    readme = hf_readme(project)
    assert validate_hf_card(readme) == []
    metadata, _ = split_front_matter(readme)
    assert "model-index" not in metadata and "metrics" not in metadata
    assert model_name(project) == "Ticket routing"


def test_awkward_names_survive_the_yaml_round_trip() -> None:
    name = 'acme/model: "yes" # not a comment'
    project = Project.model_validate({
        "model_card": {"details": {"model_id": name},
                       "quantitative": {"results": [{"metric": "F1: macro", "slice": "no", "value": 0.5}]}},
    })
    metadata, _ = split_front_matter(hf_readme(project))
    assert metadata["model-index"][0]["name"] == name
    assert metadata["model-index"][0]["results"][0]["metrics"][0]["name"] == "F1: macro (no)"
    assert validate_metadata(metadata) == []


@pytest.mark.parametrize("broken, problem", [
    ("license: apache-2.0\n", "does not start"),
    ("---\nlicense: [unclosed\n---\n", "not valid YAML"),
    ("---\nlicense: mit\n", "no closing"),
    ("---\n- a list\n---\n", "not a mapping"),
])
def test_validation_reports_a_card_that_cannot_be_parsed(broken: str, problem: str) -> None:
    (message,) = validate_hf_card(broken)
    assert problem in message


def _index(**change) -> dict:  # type: ignore[no-untyped-def]
    metadata = hf_metadata(load_sample("loan"))
    entry = metadata["model-index"][0]
    for path, value in change.items():
        node = entry
        *parents, last = path.split("__")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return metadata


@pytest.mark.parametrize("change, problem", [
    ({"name": None}, "needs a 'name'"),
    ({"name": " "}, "needs a 'name'"),
    ({"results": []}, "results must be a non-empty list"),
    ({"results__0__dataset__type": None}, "dataset needs a 'type' and a 'name'"),
    ({"results__0__task": None}, "task needs a 'type'"),
    ({"results__0__metrics": []}, "metrics must be a non-empty list"),
    ({"results__0__metrics__0__value": None}, "needs a 'value'"),
    ({"results__0__metrics__0__type": None}, "needs a 'type'"),
])
def test_validation_finds_a_malformed_model_index(change: dict, problem: str) -> None:
    problems = validate_metadata(_index(**change))
    assert any(problem in p for p in problems), problems


def test_validation_checks_licence_and_lists() -> None:
    assert "needs a 'license_name'" in validate_metadata({"license": "other"})[0]
    assert "not a Hub licence id" in validate_metadata({"license": "Apache 2"})[0]
    assert "list of non-empty strings" in validate_metadata({"datasets": "loans"})[0]
    assert "non-empty list" in validate_metadata({"model-index": {}})[0]
    text = "---\n" + yaml.safe_dump(hf_metadata(load_sample("churn"))) + "---\n"
    assert validate_hf_card(text) == []


def test_a_result_needs_both_bounds_and_a_value_inside_them() -> None:
    assert SliceResult(metric="AUC", value=0.8, ci_lower=0.78, ci_upper=0.82).ci_upper == 0.82
    with pytest.raises(ValidationError, match="both bounds"):
        SliceResult(metric="AUC", value=0.8, ci_lower=0.78)
    with pytest.raises(ValidationError, match="above the upper bound"):
        SliceResult(metric="AUC", value=0.8, ci_lower=0.9, ci_upper=0.7)
    with pytest.raises(ValidationError, match="outside its confidence interval"):
        SliceResult(metric="AUC", value=0.95, ci_lower=0.78, ci_upper=0.82)


def test_completeness_counts_the_results_table() -> None:
    blank = build_model_card(Project()).section("quantitative")
    assert "Results per slice" in blank.missing
    filled = build_model_card(Project.model_validate(
        {"model_card": {"quantitative": {"results": [{"metric": "AUC", "slice": "overall", "value": 0.8}]}}}
    )).section("quantitative")
    assert "Results per slice" not in filled.missing and filled.answered == 1


# --- the lifecycle map and the command line ---------------------------------------------------


def test_the_lifecycle_map_has_the_model_card_and_the_data_sheet() -> None:
    from lifecycle.export import export_map

    from .test_pdf_support import all_text, squeeze

    loan = load_sample("loan")
    text = all_text(export_map(loan).data)
    assert squeeze(f"Model Card: {loan.model_card.details.model_id}") in text
    assert squeeze(f"Data Sheet: {loan.datasheet.motivation.name}") in text
    for row in loan.model_card.quantitative.results:
        assert squeeze(row.metric) in text
    assert squeeze(loan.datasheet.collection.ethics_review) in text
    assert text.index(squeeze("Model Card:")) < text.index(squeeze("Data Sheet:")) < text.rindex(squeeze("Findings"))


def test_the_export_command_writes_both_documents(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from lifecycle.cli import main
    from lifecycle.samples import SAMPLES_DIR

    readme, card, sheet = tmp_path / "README.md", tmp_path / "card.md", tmp_path / "datasheet.md"
    assert main(["export", str(SAMPLES_DIR / "recommendation.yaml"), "--model-card", str(readme),
                 "--datasheet", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert f"{readme}: Hugging Face model card" in out and f"{sheet}: Data Sheet (Markdown)" in out
    assert validate_hf_card(readme.read_text(encoding="utf-8")) == []
    assert sheet.read_text(encoding="utf-8").startswith("# Data Sheet: Fernwood purchases")
    assert main(["export", str(SAMPLES_DIR / "recommendation.yaml"), "--model-card", str(card)]) == 0
    assert card.read_text(encoding="utf-8").startswith("# Model Card: fernwood/also-bought-recs")


def test_the_export_command_reports_an_unwritable_document(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from lifecycle.cli import main
    from lifecycle.samples import SAMPLES_DIR

    target = tmp_path / "missing-dir" / "datasheet.md"
    assert main(["export", str(SAMPLES_DIR / "loan.yaml"), "--datasheet", str(target)]) == 2
    assert "cannot write the Data Sheet" in capsys.readouterr().err
