"""The Model Card of a project's model, after "Model Cards for Model Reporting" (Mitchell et al.).

The nine sections of the paper, then the five the Hugging Face Hub's card template adds (how to
get started, model examination, environmental impact, glossary, card authors), so that a card
written as a Hub README has a counterpart for every section of the Hub's template. Each section
quotes what the Problem Framing, Data, Modeling, Deployment and Monitoring answers already say
(and the Data Sheet's collection period), then lists the questions of ``lifecycle.model.model_card``
that are left, including the table of results per slice and the glossary.
"""

from __future__ import annotations

from ..model import Project, Sensitivity
from ..model.model_card import (
    ModelCardAuthors,
    ModelCardCaveats,
    ModelCardDetails,
    ModelCardEnvironment,
    ModelCardEthics,
    ModelCardEvaluationData,
    ModelCardExamination,
    ModelCardFactors,
    ModelCardGetStarted,
    ModelCardGlossary,
    ModelCardIntendedUse,
    ModelCardMetrics,
    ModelCardQuantitative,
)
from .datasheet import dataset_name
from .document import HandoffDocument, Prefilled, doc_section, join, listing, quote, shown

PATH = ("model_card",)


def model_name(project: Project) -> str:
    """The model's name: the id given on the card, else the project name."""
    return project.model_card.details.model_id.strip() or project.info.name.strip() or "Untitled model"


def evaluation_dataset(project: Project) -> str:
    """The evaluation data's name: the one given on the card, else derived from the split and data set."""
    given = project.model_card.evaluation_data.evaluation_dataset.strip()
    if given:
        return given
    split = project.modeling.evaluation_split
    return f"{dataset_name(project)}, held-out test set" + (f" ({split.label.lower()})" if split else "")


def _developers(project: Project) -> Prefilled:
    info = project.info
    owner = f"owner {info.owner.strip()}" if info.owner.strip() else ""
    return Prefilled("Developed by", "info.team", join(info.team, owner))


def _offline_metrics(project: Project) -> Prefilled:
    return listing("Offline metrics and the targets set before evaluation", "modeling.offline_metrics", (
        join(m.name, m.threshold, sep=": ") + (f" ({m.slice.strip()})" if m.slice.strip() else "")
        for m in project.modeling.offline_metrics
    ))


def _business_metrics(project: Project) -> Prefilled:
    lines = []
    for metric in project.problem_framing.business_metrics:
        details = join(
            f"target {metric.target.strip()}" if metric.target.strip() else "",
            f"baseline {metric.baseline.strip()}" if metric.baseline.strip() else "",
            f"owner {metric.owner.strip()}" if metric.owner.strip() else "",
            sep=", ",
        )
        lines.append(metric.name.strip() + (f" ({details})" if details else ""))
    return listing("Business metrics it should move", "problem_framing.business_metrics", lines)


def _sensitive_inputs(project: Project) -> Prefilled:
    features = project.data.features
    marked = [f for f in features if f.sensitivity in (Sensitivity.PROTECTED, Sensitivity.PROXY)]
    if marked:
        return listing("Sensitive inputs", "data.features", (
            f"{f.name.strip()}: {shown(f.sensitivity).lower()}" for f in marked
        ))
    all_answered = bool(features) and all(f.sensitivity is not None for f in features)
    return Prefilled("Sensitive inputs", "data.features", "No input is marked sensitive." if all_answered else "")


def _personal_data(project: Project) -> Prefilled:
    sources = project.data.sources
    pii = [s.name.strip() for s in sources if s.contains_pii]
    if pii:
        return listing("Trained on personal data from", "data.sources", pii)
    all_answered = bool(sources) and all(s.contains_pii is not None for s in sources)
    return Prefilled("Trained on personal data from", "data.sources",
                     "No source holds personal data." if all_answered else "")


def _signals(project: Project) -> Prefilled:
    lines = []
    for signal in project.monitoring.signals:
        details = join(
            shown(signal.kind),
            f"fires {signal.threshold.strip()}" if signal.threshold.strip() else "",
            f"then: {shown(signal.action).lower()}" if signal.action else "",
            f"owner {signal.owner.strip()}" if signal.owner.strip() else "",
            sep=", ",
        )
        lines.append(signal.name.strip() + (f" ({details})" if details else ""))
    return listing("Watched in production", "monitoring.signals", lines)


def _retraining(project: Project) -> Prefilled:
    monitoring = project.monitoring
    return Prefilled("Retraining", "monitoring.retraining_trigger",
                     join(shown(monitoring.retraining_trigger), monitoring.retraining_cadence,
                          _amount("every", monitoring.retraining_interval_days, "days")))


def _amount(label: str, value: float | None, unit: str) -> str:
    return f"{label} {value:g} {unit}".strip() if value is not None else ""


def _costs(project: Project) -> Prefilled:
    framing = project.problem_framing
    unit = f" ({framing.cost_unit.strip()})" if framing.cost_unit.strip() else ""
    costs = join(_amount("false positive", framing.false_positive_cost, ""),
                 _amount("false negative", framing.false_negative_cost, ""), sep=", ")
    return Prefilled("Decision costs and threshold", "problem_framing.false_positive_cost",
                     join(costs + unit if costs else "", framing.threshold_rule))


def _release_gate(project: Project) -> Prefilled:
    return listing("A release must pass", "deployment.quality_gate_checks", (
        join(row.metric, join(shown(row.comparator).split(" ")[0], shown(row.threshold), sep=" "), sep=" ")
        + (f" ({row.slice.strip()})" if row.slice.strip() else "")
        for row in project.deployment.quality_gate_checks
    ))


def _baseline(project: Project) -> Prefilled:
    framing = project.problem_framing
    value = _amount(framing.baseline_metric.strip() or "measured", framing.baseline_value, "")
    return Prefilled("Baseline", "problem_framing.baseline_kind", join(shown(framing.baseline_kind), value))


def _periods(project: Project) -> Prefilled:
    modeling, framing = project.modeling, project.problem_framing
    return Prefilled("Periods", "modeling.test_period_days", join(
        _amount("trained on the last", project.data.training_window_months, "months"),
        _amount("tested on", modeling.test_period_days, "days"),
        _amount("after a gap of", modeling.split_gap_days, "days"),
        _amount("labels known after about", framing.label_delay_typical_days, "days")
        + (_amount(", at worst", framing.label_delay_worst_days, "days") if framing.label_delay_typical_days
           is not None else _amount("labels known after at worst", framing.label_delay_worst_days, "days")),
        sep=", "))


def _rollback(project: Project) -> Prefilled:
    deployment = project.deployment
    rehearsed = {True: "rehearsed", False: "not rehearsed"}.get(deployment.rollback_rehearsed, "")
    return Prefilled("Rollback", "deployment.rollback_mechanism", join(
        shown(deployment.rollback_mechanism), _amount("in about", deployment.rollback_minutes, "minutes"),
        rehearsed, sep=", "))


def _latency(project: Project) -> Prefilled:
    deployment = project.deployment
    parts = []
    if deployment.latency_budget_ms is not None:
        parts.append(f"latency budget {deployment.latency_budget_ms:,} ms")
    if deployment.decision_deadline_ms is not None:
        parts.append(f"the decision can wait {deployment.decision_deadline_ms:,} ms")
    if deployment.person_waiting is not None:
        parts.append("a person waits for the prediction" if deployment.person_waiting else "nobody waits for it")
    text = "; ".join(parts)
    return Prefilled("Response time", "deployment.latency_budget_ms", text[:1].upper() + text[1:])


def _inputs(project: Project) -> Prefilled:
    return listing("Inputs it needs", "data.features", (
        f.name.strip() + (f": {f.description.strip()}" if f.description.strip() else "")
        for f in project.data.features if f.name.strip()
    ))


def _compute(project: Project) -> list[Prefilled]:
    """What the plan already says about compute: the Annex IV documentation of the hardware and of the training
    resources, and how often training runs again (each retraining spends that compute once more)."""
    monitoring = project.monitoring
    return [
        quote(project, "Compute used to develop and train it", "ai_act.documentation.compute_resources"),
        quote(project, "Hardware it runs on", "ai_act.documentation.target_hardware"),
        Prefilled("How often it is retrained", "monitoring.retraining_interval_days",
                  _capital(join(_every(monitoring.retraining_interval_days), monitoring.retraining_cadence))),
    ]


def _every(days: float | None) -> str:
    return "" if days is None else "every day" if days == 1 else f"every {days:g} days"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


NOT_RECORDED = ("Not recorded: no compute or emissions figures are given for training this model. Carbon emissions "
                "can be estimated with the Machine Learning Impact calculator (Lacoste et al., 2019).")
EMISSIONS_NOT_RECORDED = ("Carbon emitted: not recorded. It can be estimated from the compute below with the Machine "
                          "Learning Impact calculator (Lacoste et al., 2019).")


def build_model_card(project: Project) -> HandoffDocument:
    modeling, data = project.modeling, project.data
    sections = (
        doc_section(project, 1, "details", "Model details",
                    "Who built the model, what it is, and under which licence.", [
            _developers(project),
            quote(project, "Task", "problem_framing.ml_task"),
            quote(project, "Model family", "modeling.model_family"),
            quote(project, "Approach", "modeling.model_description"),
            Prefilled("Inputs", "data.features", ", ".join(f.name.strip() for f in data.features if f.name.strip())),
            quote(project, "Evaluation approved on", "modeling.gate.decided_on"),
        ], ModelCardDetails, (*PATH, "details")),
        doc_section(project, 2, "intended_use", "Intended use",
                    "What the model is for, for whom, and what it is not for.", [
            quote(project, "Primary use", "problem_framing.decision_supported"),
            quote(project, "What it predicts", "problem_framing.prediction_target"),
            quote(project, "Primary users and people affected", "problem_framing.users"),
            quote(project, "Out of scope of the project", "problem_framing.out_of_scope"),
        ], ModelCardIntendedUse, (*PATH, "intended_use")),
        doc_section(project, 3, "factors", "Factors",
                    "The groups and conditions across which performance can differ.", [
            quote(project, "Slices that matter", "modeling.slices"),
            quote(project, "Bias testing", "modeling.bias_testing"),
        ], ModelCardFactors, (*PATH, "factors")),
        doc_section(project, 4, "metrics", "Metrics", "How performance is measured, and at which thresholds.", [
            _offline_metrics(project),
            _release_gate(project),
            _costs(project),
            quote(project, "Models are chosen by", "modeling.selection_basis"),
            quote(project, "Calibration checked", "modeling.calibration_checked"),
            _business_metrics(project),
        ], ModelCardMetrics, (*PATH, "metrics")),
        doc_section(project, 5, "evaluation_data", "Evaluation data", "The data the results were measured on.", [
            quote(project, "Split", "modeling.evaluation_split"),
            _periods(project),
            quote(project, "Preprocessing fitted on training data only", "modeling.fit_on_train_only"),
            quote(project, "Duplicates removed before the split", "data.deduplicated"),
            _baseline(project),
            quote(project, "Comparison with the baseline", "modeling.baseline_comparison"),
        ], ModelCardEvaluationData, (*PATH, "evaluation_data")),
        doc_section(project, 6, "training_data", "Training data",
                    "What the model learned from (the Data Sheet says more).", [
            listing("Sources", "data.sources", (s.name.strip() for s in data.sources)),
            quote(project, "Labelled examples", "data.labelled_examples"),
            quote(project, "Label", "problem_framing.label_definition"),
            quote(project, "Sampling", "data.sampling"),
            quote(project, "Period covered", "datasheet.collection.collection_period"),
            quote(project, "Known data issues", "data.quality_notes"),
        ], None),
        doc_section(project, 7, "quantitative", "Quantitative analyses",
                    "Results overall and per slice, with their uncertainty.", [
            quote(project, "Human evaluation", "modeling.human_evaluation"),
            quote(project, "Error analysis", "modeling.error_analysis"),
        ], ModelCardQuantitative, (*PATH, "quantitative")),
        doc_section(project, 8, "ethics", "Ethical considerations",
                    "Sensitive data, risks to people and what limits them.", [
            quote(project, "Cost of wrong predictions", "problem_framing.cost_of_errors"),
            _sensitive_inputs(project),
            _personal_data(project),
            quote(project, "Predictions influence future training data", "modeling.feedback_loop"),
            listing("Known undesirable behaviours", "modeling.undesirable_behaviours", (
                join(b.behaviour, f"measured by {b.measurement.strip()}" if b.measurement.strip() else "", sep=", ")
                for b in modeling.undesirable_behaviours
            )),
        ], ModelCardEthics, (*PATH, "ethics")),
        doc_section(project, 9, "caveats", "Caveats and recommendations",
                    "Known limits, how the model is watched, and what the team recommends.", [
            _signals(project),
            _retraining(project),
            quote(project, "Impact of a stale model", "monitoring.staleness_impact"),
            quote(project, "Fallback when the model fails", "deployment.fallback"),
            _rollback(project),
        ], ModelCardCaveats, (*PATH, "caveats")),
        doc_section(project, 10, "get_started", "How to get started with the model",
                    "How a consumer gets predictions, from the serving spec.", [
            quote(project, "Serving mode", "deployment.serving_mode"),
            quote(project, "Where it runs and in which format", "deployment.serving_environment"),
            quote(project, "How predictions reach the product", "deployment.end_to_end_path"),
            _latency(project),
            quote(project, "Expected volume", "deployment.expected_volume"),
            _inputs(project),
            quote(project, "Systems that read its predictions", "deployment.consumers"),
        ], ModelCardGetStarted, (*PATH, "get_started")),
        doc_section(project, 11, "examination", "Model examination",
                    "What was done to understand how the model reaches its predictions.", [
            quote(project, "Error analysis", "modeling.error_analysis"),
            quote(project, "Calibration checked", "modeling.calibration_checked"),
        ], ModelCardExamination, (*PATH, "examination")),
        doc_section(project, 12, "environment", "Environmental impact",
                    "The compute used to train the model and the carbon it emitted.", _compute(project),
                    ModelCardEnvironment, (*PATH, "environment"), empty_note=NOT_RECORDED,
                    standing_note=EMISSIONS_NOT_RECORDED if project.model_card.environment.carbon_emitted_kg is None
                    else ""),
        doc_section(project, 13, "glossary", "Glossary", "Terms a reader of this card may not know.", [],
                    ModelCardGlossary, (*PATH, "glossary")),
        doc_section(project, 14, "authors", "Model card authors", "Who wrote this card.", [
            quote(project, "Project owner", "info.owner"),
        ], ModelCardAuthors, (*PATH, "authors")),
    )
    version = project.model_card.details.version.strip()
    return HandoffDocument(
        kind="model_card",
        title="Model Card",
        subject=model_name(project) + (f" {version}" if version else ""),
        intro=(
            "A model card for "
            + (project.info.name.strip() or "this project")
            + ", in the sections of Model Cards for Model Reporting (Mitchell et al.) and those the Hugging Face "
            "card template adds."
        ),
        sections=sections,
    )
