"""The hand-off documents against their standards: the Model Card parsed by huggingface_hub's own ModelCard
(offline) with a pipeline_tag, a library_name where one is known, and a counterpart for every section of the
Hub's default card template; the Data Sheet answering every question of Datasheets for Datasets."""

from __future__ import annotations

import re
from pathlib import Path

import huggingface_hub
import pytest
from huggingface_hub import ModelCard

from lifecycle.checks import field_value
from lifecycle.handoff import build_datasheet, build_model_card, datasheet_markdown, hf_metadata, hf_readme, md_text
from lifecycle.handoff.coverage import DATASHEET_QUESTIONS
from lifecycle.handoff.huggingface import HUB_TEMPLATE_SECTIONS, library_name, pipeline_tag
from lifecycle.handoff.model_card import EMISSIONS_NOT_RECORDED, NOT_RECORDED
from lifecycle.model import Project
from lifecycle.samples import load_sample

KEYS = ("churn", "recommendation", "loan")
TEMPLATE = Path(huggingface_hub.__file__).parent / "templates" / "modelcard_template.md"
ADDED = ("How to Get Started with the Model", "Model Examination", "Environmental Impact", "Glossary",
         "Model Card Authors")


def hub_sections() -> list[str]:
    """The top-level sections of the Hub's default model card template, as huggingface_hub ships it."""
    headings = re.findall(r"^## (.+)$", TEMPLATE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return [re.sub(r"\s*\[optional\]$", "", heading).strip() for heading in headings]


def test_every_section_of_the_hub_template_has_a_counterpart_in_the_card() -> None:
    sections = hub_sections()
    assert len(sections) == 14 and set(ADDED) <= set(sections)
    assert list(HUB_TEMPLATE_SECTIONS) == sections
    keys = {section.key for section in build_model_card(Project()).sections}
    for heading, ours in HUB_TEMPLATE_SECTIONS.items():
        assert ours and set(ours) <= keys, heading


@pytest.mark.parametrize("key", KEYS)
def test_a_scenario_card_loads_with_huggingface_hub_without_metadata_errors(key: str) -> None:
    project = load_sample(key)
    readme = hf_readme(project)
    card = ModelCard(readme, ignore_metadata_errors=False)  # raises on a model-index the Hub would drop
    data = card.data
    assert data.license == "other" and data.license_name == "proprietary"
    assert len(data.eval_results) == len(project.model_card.quantitative.results)
    assert [r.metric_value for r in data.eval_results] == [r.value for r in project.model_card.quantitative.results]
    assert data.pipeline_tag == {"churn": "tabular-classification", "loan": "tabular-classification",
                                 "recommendation": None}[key]
    # churn is a scikit-learn pipeline; the loan's LightGBM has no Hub library id (named in the card all the same);
    # the recommender's plan names no library
    assert data.library_name == {"churn": "sklearn", "loan": None, "recommendation": None}[key]
    library = {"churn": "scikit-learn", "loan": "LightGBM", "recommendation": ""}[key]
    assert project.model_card.details.library == library
    if library:
        assert md_text(library) in card.text  # named in the card either way
    assert data.to_dict()["model-index"] == hf_metadata(project)["model-index"]  # the model-index round-trips
    for heading in ADDED:  # the sections the Hub template has and the paper does not
        assert re.search(rf"^## \d+\. {re.escape(heading)}$", card.text, flags=re.MULTILINE | re.IGNORECASE), heading


@pytest.mark.parametrize("task, kind, tag", [
    ("binary_classification", None, "tabular-classification"),
    ("multiclass_classification", "tabular", "tabular-classification"),
    ("binary_classification", "text", "text-classification"),
    ("multiclass_classification", "image", "image-classification"),
    ("binary_classification", "audio", "audio-classification"),
    ("regression", None, "tabular-regression"),
    ("regression", "image", None),
    ("forecasting", "time_series", "time-series-forecasting"),
    ("ranking", "text", "text-ranking"),
    ("ranking", None, None),
    ("recommendation", None, None),
    ("anomaly_detection", None, None),
    ("clustering", "tabular", None),
    (None, None, None),
])
def test_the_pipeline_tag_follows_the_task_and_the_kind_of_input(task: str | None, kind: str | None,
                                                                 tag: str | None) -> None:
    project = Project.model_validate({"problem_framing": {"ml_task": task},
                                      "model_card": {"details": {"input_kind": kind}}})
    assert pipeline_tag(project) == tag
    metadata = ModelCard(hf_readme(project), ignore_metadata_errors=False).data
    assert metadata.pipeline_tag == tag


@pytest.mark.parametrize("library, hub", [
    ("scikit-learn", "sklearn"), ("Scikit-Learn", "sklearn"), ("sklearn", "sklearn"), ("Keras", "keras"),
    ("Hugging Face Transformers", "transformers"), ("spaCy", "spacy"),
    ("XGBoost", None), ("LightGBM", None), ("PyTorch", None), ("", None),
])
def test_library_name_only_for_libraries_the_hub_lists(library: str, hub: str | None) -> None:
    project = Project.model_validate({"model_card": {"details": {"library": library}}})
    assert library_name(project) == hub
    assert ModelCard(hf_readme(project), ignore_metadata_errors=False).data.library_name == hub
    if library:
        assert md_text(library) in hf_readme(project)  # named in the card either way


def test_environmental_impact_is_marked_not_recorded_until_a_figure_is_given() -> None:
    empty = build_model_card(Project()).section("environment")
    assert empty.note == NOT_RECORDED and NOT_RECORDED.split(":")[0] in hf_readme(Project())
    project = Project.model_validate({"model_card": {"environment": {
        "hardware_type": "8 vCPU VM", "hours_used": 1.5, "compute_region": "eu-west-1", "carbon_emitted_kg": 0.42}}})
    section = build_model_card(project).section("environment")
    assert section.note == "" and section.answered == 4
    readme = hf_readme(project)
    assert "Not recorded" not in readme
    data = ModelCard(readme, ignore_metadata_errors=False).data
    assert data.co2_eq_emissions == {"emissions": 420.0, "source": "Estimate recorded in the project's lifecycle plan",
                                     "training_type": "training", "geographical_location": "eu-west-1",
                                     "hardware_used": "8 vCPU VM"}


def test_environmental_impact_draws_the_compute_and_the_retraining_from_the_loan_plan() -> None:
    loan = load_sample("loan")
    section = build_model_card(loan).section("environment")
    by_label = {item.label: item for item in section.prefilled}
    compute = by_label["Compute used to develop and train it"]
    assert compute.text == "Training and validation on one 16-core VM in the analytics zone, about 40 minutes per run."
    assert by_label["Hardware it runs on"].text == "Kubernetes cluster in the bank's data centre, 2 CPU pods, no GPU."
    assert compute.origin_title == "EU AI Act: Annex IV" and compute.source == "ai_act.documentation.compute_resources"
    retrained = by_label["How often it is retrained"]
    assert retrained.text == "Every 365 days; Annual review by Model Risk; retrain if they ask for it"
    assert retrained.origin_title == "5. Monitoring"
    # the plan gives the compute, not the emissions: those stay "not recorded", and no co2 metadata is invented
    assert section.note == EMISSIONS_NOT_RECORDED and section.note.startswith("Carbon emitted: not recorded")
    readme = hf_readme(loan)
    assert md_text(EMISSIONS_NOT_RECORDED) in readme and md_text("2 CPU pods, no GPU.") in readme
    assert "co2_eq_emissions" not in ModelCard(readme, ignore_metadata_errors=False).data.to_dict()
    loan.model_card.environment.carbon_emitted_kg = 0.2
    assert build_model_card(loan).section("environment").note == ""


def test_how_to_get_started_comes_from_the_serving_spec() -> None:
    loan = load_sample("loan")
    section = build_model_card(loan).section("get_started")
    by_label = {item.label: item for item in section.prefilled}
    assert by_label["Where it runs and in which format"].text == loan.deployment.serving_environment.strip()
    assert by_label["Response time"].text.startswith(f"Latency budget {loan.deployment.latency_budget_ms:,} ms")
    assert len(by_label["Inputs it needs"].items) == len(loan.data.features)
    assert [a.question.name for a in section.asked] == ["usage"]


def test_glossary_and_authors_are_asked_and_written() -> None:
    project = Project.model_validate({"info": {"owner": "Omar Haddad"}, "model_card": {
        "glossary": {"terms": [{"term": "PD", "meaning": "Probability of default within 12 months."}]},
        "authors": {"authors": "Freya Lindholm, Kwame Asante"}}})
    markdown = hf_readme(project)
    assert "| Term | Meaning |" in markdown and "| PD | Probability of default within 12 months. |" in markdown
    assert "Freya Lindholm, Kwame Asante" in markdown and "Omar Haddad" in markdown
    assert build_model_card(project).section("authors").ratio == 1


def test_the_datasheet_answers_every_question_of_datasheets_for_datasets() -> None:
    per_section: dict[str, int] = {}
    for item in DATASHEET_QUESTIONS:
        per_section[item.section] = per_section.get(item.section, 0) + 1
    assert per_section == {"motivation": 3, "composition": 15, "collection": 11, "preprocessing": 3, "uses": 5,
                           "distribution": 6, "maintenance": 7}
    document = build_datasheet(Project())
    shown = {item.source for section in document.sections for item in section.prefilled} | {
        ".".join(asked.path) for section in document.sections for asked in section.asked}
    for item in DATASHEET_QUESTIONS:
        assert item.answers, item.question
        for path in item.answers:
            field_value(Project(), path)  # a real answer of the project file
            assert path in shown, f"{path} ({item.question}) is not shown in the Data Sheet"


def test_the_questions_added_for_the_datasheet_are_written_out() -> None:
    project = Project.model_validate({"datasheet": {
        "uses": {"uses_repository": "Data catalogue page 'ClearLend training loans'"},
        "distribution": {"distribution_date": "Monthly from 2026-03", "identifier": "dwh.credit.loans_v3",
                         "third_party_restrictions": "Bureau data may not leave the bank."},
        "maintenance": {"contributions": "Pull requests to the data-prep repository, reviewed by Credit Risk.",
                        "retention_limits": "Seven years after the loan closes, then deleted."},
        "composition": {"external_resources": "Self-contained."}}})
    markdown = datasheet_markdown(project)
    for text in ("Where its uses are recorded", "Data catalogue page", "When it is shared", "Monthly from 2026-03",
                 "Identifier", "Restrictions set by the data's sources", "How others contribute",
                 "How long data about people is kept", "Outside resources it depends on"):
        assert md_text(text) in markdown, text


def test_the_card_format_is_chosen_by_flag_or_else_by_file_name(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from lifecycle.cli import main
    from lifecycle.samples import SAMPLES_DIR

    loan = str(SAMPLES_DIR / "loan.yaml")
    hub, plain, readme = tmp_path / "model-card.md", tmp_path / "card.md", tmp_path / "README.md"
    assert main(["export", loan, "--model-card", str(hub), "--model-card-format", "huggingface"]) == 0
    assert f"{hub}: Hugging Face model card" in capsys.readouterr().out
    assert ModelCard(hub.read_text(encoding="utf-8"), ignore_metadata_errors=False).data.pipeline_tag == \
        "tabular-classification"
    assert main(["export", loan, "--model-card", str(readme), "--model-card-format", "markdown"]) == 0
    assert readme.read_text(encoding="utf-8").startswith("# Model Card: harbourline/clearlend-pd")
    assert main(["export", loan, "--model-card", str(plain)]) == 0  # by name: not README.md, so Markdown
    assert plain.read_text(encoding="utf-8") == readme.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["export", loan, "--datasheet", str(tmp_path / "d.md"), "--model-card-format", "markdown"]) == 2
    assert "--model-card-format needs --model-card FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", loan, "--model-card", str(plain), "--model-card-format", "pdf"])


def test_export_help_says_the_default_card_format() -> None:
    from lifecycle.cli import build_parser

    export = build_parser()._subparsers._group_actions[0].choices["export"]  # noqa: SLF001
    text = " ".join(export.format_help().split())
    assert "--model-card-format {huggingface,markdown}" in text
    assert "Default: by file name, huggingface for a file named README.md, markdown otherwise" in text
