"""The Data Sheet of a project's training data, after "Datasheets for Datasets" (Gebru et al.).

Each of the seven sections quotes what the Problem Framing and Data answers already say
(and, for the recommended split, the Modeling answer), then lists the questions of
``lifecycle.model.datasheet`` that are left. Completeness is counted per section over both.
"""

from __future__ import annotations

from ..model import Project, Sensitivity, SourceKind
from ..model.datasheet import (
    DatasheetCollection,
    DatasheetComposition,
    DatasheetDistribution,
    DatasheetMaintenance,
    DatasheetMotivation,
    DatasheetPreprocessing,
    DatasheetUses,
)
from .document import HandoffDocument, Prefilled, doc_section, join, listing, quote, shown

PATH = ("datasheet",)


def dataset_name(project: Project) -> str:
    """The data set's name: the one given on the Data Sheet, else derived from the project name."""
    given = project.datasheet.motivation.name.strip()
    if given:
        return given
    return f"{project.info.name.strip()} training data" if project.info.name.strip() else "Untitled data set"


def _team(project: Project) -> Prefilled:
    info = project.info
    return Prefilled(label="Assembled by", source="info.team", text=info.team.strip() or info.owner.strip())


def _source_line(source) -> str:  # type: ignore[no-untyped-def]
    details = join(
        shown(source.kind),
        f"refreshed {shown(source.refresh).lower()}" if source.refresh else "",
        f"owner {source.owner.strip()}" if source.owner.strip() else "",
        "holds personal data" if source.contains_pii else "",
        "versioned" if source.versioned else ("not versioned" if source.versioned is False else ""),
        sep=", ",
    )
    return source.name.strip() + (f" ({details})" if details else "")


def _feature_line(feature) -> str:  # type: ignore[no-untyped-def]
    notes = join(
        "protected attribute" if feature.sensitivity == Sensitivity.PROTECTED else "",
        "possible proxy for a protected attribute" if feature.sensitivity == Sensitivity.PROXY else "",
        "not known at prediction time" if feature.available_at_prediction is False else "",
    )
    line = feature.name.strip() + (f": {feature.description.strip()}" if feature.description.strip() else "")
    return line + (f" ({notes})" if notes else "")


def _sensitive(project: Project) -> Prefilled:
    features = project.data.features
    marked = [f for f in features if f.sensitivity in (Sensitivity.PROTECTED, Sensitivity.PROXY)]
    if marked:
        return listing("Sensitive attributes", "data.features", (
            f"{f.name.strip()}: {shown(f.sensitivity).lower()}" for f in marked
        ))
    all_answered = bool(features) and all(f.sensitivity is not None for f in features)
    return Prefilled("Sensitive attributes", "data.features",
                     "None of the features is marked sensitive." if all_answered else "")


def _personal(project: Project) -> Prefilled:
    sources = project.data.sources
    pii = [s.name.strip() for s in sources if s.contains_pii]
    if pii:
        return listing("Sources with personal data", "data.sources", pii)
    all_answered = bool(sources) and all(s.contains_pii is not None for s in sources)
    return Prefilled("Sources with personal data", "data.sources",
                     "No source holds personal data." if all_answered else "")


def _origins(project: Project) -> Prefilled:
    groups: dict[str, list[str]] = {}
    for feature in project.data.features:
        if feature.origin is not None:
            groups.setdefault(feature.origin.label, []).append(feature.name.strip())
    return listing("How feature values are obtained", "data.features", (
        f"{origin}: {', '.join(names)}" for origin, names in groups.items()
    ))


def _inherited(project: Project) -> Prefilled:
    data = project.data
    if data.pipeline_reused is False:
        return Prefilled("Filters from a copied pipeline", "data.pipeline_reused",
                         "None: the pipeline was built for this project.")
    return Prefilled("Filters from a copied pipeline", "data.inherited_filters", data.inherited_filters.strip())


def _outside_sources(project: Project) -> Prefilled:
    sources = project.data.sources
    outside = [s for s in sources if s.kind in (SourceKind.THIRD_PARTY, SourceKind.PUBLIC, SourceKind.USER_GENERATED)]
    if outside:
        return listing("Sources from outside the organisation", "data.sources", (
            f"{s.name.strip()} ({shown(s.kind).lower()})" for s in outside
        ))
    all_answered = bool(sources) and all(s.kind is not None for s in sources)
    return Prefilled("Sources from outside the organisation", "data.sources",
                     "None: every source is internal." if all_answered else "")


def build_datasheet(project: Project) -> HandoffDocument:
    data = project.data
    sections = (
        doc_section(project, 1, "motivation", "Motivation", "Why the data set exists, who assembled it and who paid.", [
            quote(project, "Problem it serves", "problem_framing.problem_statement"),
            quote(project, "What it is used to predict", "problem_framing.prediction_target"),
            _team(project),
        ], DatasheetMotivation, (*PATH, "motivation")),
        doc_section(project, 2, "composition", "Composition",
                    "What the examples are, how many, what they contain and what is missing.", [
            quote(project, "How an example gets its label", "problem_framing.label_definition"),
            quote(project, "Labelled examples", "data.labelled_examples"),
            listing("Features", "data.features", (_feature_line(f) for f in data.features)),
            quote(project, "Time-ordered", "data.time_ordered"),
            _sensitive(project),
            _personal(project),
            quote(project, "Known gaps, errors and biases", "data.quality_notes"),
            quote(project, "Recommended split", "modeling.evaluation_split"),
        ], DatasheetComposition, (*PATH, "composition")),
        doc_section(project, 3, "collection", "Collection process",
                    "Where the data comes from, how it was gathered and under which controls.", [
            listing("Sources", "data.sources", (_source_line(s) for s in data.sources)),
            _origins(project),
            quote(project, "Sampling", "data.sampling"),
            quote(project, "Access and privacy controls", "data.access_and_privacy"),
        ], DatasheetCollection, (*PATH, "collection")),
        doc_section(project, 4, "preprocessing", "Preprocessing, cleaning and labelling",
                    "What was done to the raw data before training, and how labels were made.", [
            quote(project, "Where labels come from", "data.label_source"),
            quote(project, "Duplicates removed before the split", "data.deduplicated"),
            quote(project, "Schema validated on every run", "data.schema_validation"),
            quote(project, "Joined tables", "data.joined_tables"),
            _inherited(project),
        ], DatasheetPreprocessing, (*PATH, "preprocessing")),
        doc_section(project, 5, "uses", "Uses", "What the data is for, and what it should not be used for.", [
            quote(project, "Used for", "problem_framing.decision_supported"),
            quote(project, "Out of scope of the project", "problem_framing.out_of_scope"),
        ], DatasheetUses, (*PATH, "uses")),
        doc_section(project, 6, "distribution", "Distribution", "Who else gets the data, how, and on which terms.", [
            _outside_sources(project),
        ], DatasheetDistribution, (*PATH, "distribution")),
        doc_section(project, 7, "maintenance", "Maintenance",
                    "Who keeps the data current, and how changes reach users.", [
            listing("Source owners", "data.sources", (
                f"{s.name.strip()}: {s.owner.strip()}" for s in data.sources if s.owner.strip()
            )),
            quote(project, "Data versioning", "data.versioning"),
            quote(project, "Feature clean-up policy", "data.feature_retirement"),
        ], DatasheetMaintenance, (*PATH, "maintenance")),
    )
    return HandoffDocument(
        kind="datasheet",
        title="Data Sheet",
        subject=dataset_name(project),
        intro=(
            "A data sheet for the training data of "
            + (project.info.name.strip() or "this project")
            + ", in the sections of Datasheets for Datasets (Gebru et al.)."
        ),
        sections=sections,
    )
