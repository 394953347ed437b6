"""The Model Card: what a model card needs beyond the phase answers, and the results per slice.

Sections follow "Model Cards for Model Reporting" (Mitchell et al.): details, intended use,
factors, metrics, evaluation data, training data, quantitative analyses, ethical
considerations, caveats and recommendations; then the sections the Hugging Face Hub's card
template adds: how to get started, model examination, environmental impact, glossary and the
card's authors. ``lifecycle.handoff.model_card`` fills in what the Problem Framing, Data,
Modeling, Deployment and Monitoring answers already say; these models hold the rest. Training
data has no questions of its own: the Data answers and the Data Sheet describe it.
"""

from __future__ import annotations

import re

from pydantic import Field, ValidationInfo, field_validator

from .base import Row, Section
from .fields import Choice, answer, many, text

# One SPDX licence identifier ("Apache-2.0", "CC-BY-4.0", "LicenseRef-internal"), or "proprietary".
SPDX_ID = re.compile(r"^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$")


class InputKind(Choice):
    """What the model reads; with the ML task it decides the card's task on the Hugging Face Hub."""

    TABULAR = "tabular", "Tabular: rows of named features"
    TEXT = "text", "Text"
    IMAGE = "image", "Images"
    AUDIO = "audio", "Audio"
    TIME_SERIES = "time_series", "Time series"


class ModelCardDetails(Section):
    model_id: str = text(
        "Model name or id", "How the model is named in its registry, e.g. 'harbourline/clearlend-pd'; "
        "the project name is used when empty.",
    )
    version: str = text("Version", "The version this card describes, e.g. '1.2.0' or '2025-06 release'.")
    licence: str = text(
        "Licence (SPDX id)", "One SPDX identifier such as 'Apache-2.0', 'MIT' or 'CC-BY-4.0'; 'proprietary' for a "
        "model that is not licensed to others.",
    )
    documentation: str = text("More information", "A link to the design document, paper or wiki page.")
    citation: str = text("How to cite it", "A reference people should use when they write about the model.", long=True)
    contact: str = text("Questions and comments to", "An address or channel that reaches the owners.")
    input_kind: InputKind | None = answer(
        "Kind of input", "What the model reads. Left empty, the card assumes tabular data: the plan describes its "
        "inputs as a table of features.",
    )
    library: str = text(
        "Library", "The library the model is trained and served with, e.g. 'scikit-learn', 'XGBoost', 'LightGBM', "
        "'PyTorch'. The Hugging Face card names it as library_name when the Hub knows the library.",
    )

    @field_validator("licence")
    @classmethod
    def _spdx(cls, value: str) -> str:
        if value.strip() and not SPDX_ID.match(value.strip()):
            raise ValueError(
                "write one SPDX licence id without spaces, e.g. 'Apache-2.0', 'MIT' or 'proprietary'"
            )
        return value


class ModelCardIntendedUse(Section):
    out_of_scope_uses: str = text(
        "Uses to warn against", "Uses the model was not built or tested for and that people might still try, "
        "beyond what the project leaves out of scope.", long=True,
    )


class ModelCardFactors(Section):
    unevaluated_factors: str = text(
        "Factors not evaluated", "Groups, devices, regions or conditions that could change performance but were "
        "not measured.", long=True,
    )


class ModelCardMetrics(Section):
    decision_threshold: str = text(
        "Decision thresholds", "The score cut-offs used in production and why they were chosen.", long=True,
    )
    variation_approach: str = text(
        "How uncertainty is estimated", "Bootstrap, cross-validation, repeated runs…: where the confidence intervals "
        "below come from.", long=True,
    )


class ModelCardEvaluationData(Section):
    evaluation_dataset: str = text(
        "Evaluation data set", "The held-out data the results come from, e.g. 'loans booked in 2023, 20% test split'.",
    )


class SliceResult(Row):
    metric: str = text("Metric", "e.g. 'AUC', 'recall@12'.", required=True)
    slice: str = text("Slice", "'overall', or the group measured (several at once for an intersection).")
    value: float | None = answer("Value", "The measured value.", required=True)
    ci_lower: float | None = answer("CI lower", "Lower bound of the confidence interval, if estimated.")
    ci_upper: float | None = answer(
        "CI upper", "Upper bound of the confidence interval, if estimated.", validate_default=True,
    )

    @field_validator("ci_upper")
    @classmethod
    def _interval(cls, upper: float | None, info: ValidationInfo) -> float | None:
        lower = info.data.get("ci_lower")
        value = info.data.get("value")
        if (lower is None) != (upper is None):
            raise ValueError("give both bounds of the confidence interval, or neither")
        if lower is not None and upper is not None:
            if lower > upper:
                raise ValueError("the lower bound of the confidence interval is above the upper bound")
            if value is not None and not lower <= value <= upper:
                raise ValueError("the value lies outside its confidence interval")
        return upper


class ModelCardQuantitative(Section):
    results: list[SliceResult] = many(
        "Results per slice", "Measured values on the evaluation data, overall and per slice, with a confidence "
        "interval where one was estimated.",
    )
    summary: str = text("What the results show", "The results in a sentence or two, for readers in a hurry.", long=True)


class ModelCardEthics(Section):
    risks_and_harms: str = text(
        "Risks and harms", "Who could be hurt by the model's predictions or by their misuse, and how.", long=True,
    )
    mitigations: str = text(
        "Mitigations", "What reduces those risks: reviews, human checks, limits on use.", long=True,
    )


class ModelCardCaveats(Section):
    caveats: str = text(
        "Caveats", "Known limits: groups poorly represented, conditions never tested, results to treat with care.",
        long=True,
    )
    recommendations: str = text(
        "Recommendations", "Further testing, monitoring or data the team recommends.", long=True,
    )


class ModelCardGetStarted(Section):
    usage: str = text(
        "How to call the model", "What a consumer does to get a prediction: a request example, the table or topic "
        "to read scores from, or a short code snippet.", long=True,
    )


class ModelCardExamination(Section):
    explainability: str = text(
        "How predictions are explained", "Feature importances, SHAP values, reason codes given to people, probing "
        "of what the model learned, and what that work showed.", long=True,
    )


class ModelCardEnvironment(Section):
    hardware_type: str = text("Hardware", "What the model is trained on, e.g. '8 vCPU VM', '1 × NVIDIA T4'.")
    hours_used: float | None = answer("Training hours", "Compute time of one full training run.", ge=0)
    cloud_provider: str = text("Cloud provider", "Where it is trained, e.g. 'AWS', 'on-premises'.")
    compute_region: str = text("Compute region", "The data-centre region, e.g. 'eu-west-1'.")
    carbon_emitted_kg: float | None = answer(
        "Carbon emitted (kg CO2eq)", "An estimate for one training run, e.g. from the Machine Learning Impact "
        "calculator (Lacoste et al., 2019).", ge=0,
    )


class GlossaryTerm(Row):
    term: str = text("Term", "A word, abbreviation or metric a reader may not know.", required=True)
    meaning: str = text("Meaning", "What it means in this card.", required=True, long=True)


class ModelCardGlossary(Section):
    terms: list[GlossaryTerm] = many(
        "Glossary", "Terms, abbreviations and metrics used in this card, each with its meaning.",
    )


class ModelCardAuthors(Section):
    authors: str = text("Card written by", "The people or team who wrote this card and keep it up to date.")


class ModelCard(Section):
    """The questions of the Model Card that no phase form asks, one group per model-card section."""

    details: ModelCardDetails = Field(default_factory=ModelCardDetails)
    intended_use: ModelCardIntendedUse = Field(default_factory=ModelCardIntendedUse)
    factors: ModelCardFactors = Field(default_factory=ModelCardFactors)
    metrics: ModelCardMetrics = Field(default_factory=ModelCardMetrics)
    evaluation_data: ModelCardEvaluationData = Field(default_factory=ModelCardEvaluationData)
    quantitative: ModelCardQuantitative = Field(default_factory=ModelCardQuantitative)
    ethics: ModelCardEthics = Field(default_factory=ModelCardEthics)
    caveats: ModelCardCaveats = Field(default_factory=ModelCardCaveats)
    get_started: ModelCardGetStarted = Field(default_factory=ModelCardGetStarted)
    examination: ModelCardExamination = Field(default_factory=ModelCardExamination)
    environment: ModelCardEnvironment = Field(default_factory=ModelCardEnvironment)
    glossary: ModelCardGlossary = Field(default_factory=ModelCardGlossary)
    authors: ModelCardAuthors = Field(default_factory=ModelCardAuthors)
