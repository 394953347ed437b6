"""Data checks: feature ownership, leakage through features, sampling, joins, logging, quality."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import DataVersioning, FeatureLogging, FeatureOrigin, JoinMitigation, Project, Sampling, Sensitivity
from .facts import features, looks_sensitive, name_tokens, placeholder, quoted, row_name, says_none, started
from .finding import Severity
from .registry import Hit, check

PHASE = "data"


@check("DA-001", "Feature or source owner/description is a placeholder", phase=PHASE, severity=Severity.WARNING,
       rules=(11,), refs=("ML Test Score Data 4",))
def placeholder_documentation(project: Project) -> Iterator[Hit]:
    """A feature's owner or description, or a data source's owner, is filled with 'TBD', 'unknown' or the like.

    Features without a real maintainer and a real description break silently and cannot be
    reviewed or retired (Rule 11). A description that only repeats the feature name counts
    as missing.
    """
    for index, feature, name in features(project):
        if placeholder(feature.owner):
            yield Hit(
                message=f"Feature '{name}' has owner '{feature.owner.strip()}': nobody maintains it.",
                fix=f"Name the team or person who maintains '{name}'.",
                field=f"data.features[{index}].owner",
                subject=name,
            )
        description = feature.description.strip()
        if description and (placeholder(description) or name_tokens(description) == name_tokens(name)):
            yield Hit(
                message=f"Feature '{name}' has no real description ('{description}').",
                fix=f"Say what '{name}' means, how it is computed and why it should help.",
                field=f"data.features[{index}].description",
                subject=name,
            )
    for index, source in enumerate(project.data.sources):
        if placeholder(source.owner):
            name = row_name(source, index)
            yield Hit(
                message=f"Data source '{name}' has owner '{source.owner.strip()}': nobody will warn the team when "
                        "it changes.",
                fix=f"Name the team that maintains '{name}' and agree how they announce changes.",
                field=f"data.sources[{index}].owner",
                subject=name,
            )


@check("DA-002", "Feature not known at prediction time", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L2", "Leakage L3.1"))
def feature_from_the_future(project: Project) -> Iterator[Hit]:
    """A feature is marked as not known when the prediction is made.

    Training on a value that only exists after the moment of prediction leaks the future:
    offline results look excellent and collapse in production, where the value is missing
    (leakage through illegitimate features, L2).
    """
    for index, feature, name in features(project):
        if feature.available_at_prediction is False:
            yield Hit(
                message=f"Feature '{name}' is not known at prediction time: training on it leaks the outcome "
                        "into the model.",
                fix=f"Remove '{name}', or replace it with a version computed only from data available before the "
                    "prediction (a point-in-time value).",
                field=f"data.features[{index}].available_at_prediction",
                subject=name,
            )


_LEAKY_TOKENS = frozenset({"label", "target", "outcome", "future"})
_HISTORY_TOKENS = frozenset({"previous", "prior", "past", "last", "historical", "historic", "old"})
_LEAKY_WORDING = re.compile(
    r"\b(?:(?:derived|computed|calculated|taken|copied)\s+from\s+the\s+(?:label|target|outcome)"
    r"|(?:known|available|recorded|set|filled(?:\s+in)?)\s+(?:only\s+)?(?:after|once)\s+the\s+"
    r"(?:outcome|label|event|decision|prediction)"
    r"|after\s+the\s+(?:outcome|label)\s+is\s+known"
    r"|post[- ]?(?:outcome|decision|prediction|event)"
    r"|in\s+the\s+future|future\s+(?:value|outcome|behaviou?r|activity))",
    re.IGNORECASE,
)


@check("DA-003", "Feature looks derived from the label", phase=PHASE, severity=Severity.WARNING,
       refs=("Leakage L2",))
def target_derived_feature(project: Project) -> Iterator[Hit]:
    """A feature's name, description or source says it comes from the label or from a later outcome.

    Conservative wording match: the name contains the word label, target, outcome or future,
    (not after 'previous', 'past' and the like), or the description/source says 'derived
    from the label', 'known only after the outcome', 'post-decision' and the like. Such
    features are proxies for the answer (L2).
    Features already marked as not known at prediction time are left to DA-002.
    """
    for index, feature, name in features(project):
        if feature.available_at_prediction is False:
            continue
        tokens = name_tokens(name)
        words = {t for i, t in enumerate(tokens) if t in _LEAKY_TOKENS and not _HISTORY_TOKENS.intersection(tokens[:i])}
        wording = _LEAKY_WORDING.search(f"{feature.description} {feature.source}")
        if not words and not wording:
            continue
        evidence = f"its name mentions '{min(words)}'" if words else f"it is described as '{wording[0]}'"
        yield Hit(
            message=f"Feature '{name}' may be derived from the label or a later outcome: {evidence}.",
            fix=f"Confirm '{name}' is computed only from data known before the prediction; if it encodes the "
                "target, fit it on training folds only or drop it.",
            field=f"data.features[{index}]",
            subject=name,
        )


@check("DA-004", "Training data sampled without weights", phase=PHASE, severity=Severity.WARNING, rules=(30,))
def unweighted_sampling(project: Project) -> Iterator[Hit]:
    """Training data is subsampled without importance weights, or cut off arbitrarily.

    Dropping data without weighting the rest by 1/p shifts the training distribution away
    from what the model will see; an arbitrary cut-off (first N files) does worse (Rule 30).
    """
    sampling = project.data.sampling
    if sampling in (Sampling.UNWEIGHTED, Sampling.TRUNCATED):
        yield Hit(
            message=f"Training data is '{sampling.label}': the model learns from a distorted distribution.",
            fix="Keep the sampling probability of each example and weight it by 1/p, or use all the data.",
            field="data.sampling",
        )


@check("DA-005", "Joined-table features without point-in-time values", phase=PHASE, severity=Severity.WARNING,
       rules=(31,), refs=("ML Test Score Monitor 3",))
def joined_tables_drift(project: Project) -> Iterator[Hit]:
    """Features come from joined tables, but nothing keeps their values as they were at serving time.

    A lookup table joined at training time holds today's values, not those seen when the
    prediction was served, which creates training/serving skew (Rule 31). Snapshots or
    serving-time logs fix it. Also fires when snapshots are claimed but a joined feature's
    source is marked as not versioned.
    """
    joined = [(feature, name) for _, feature, name in features(project) if feature.from_joined_table]
    mitigation = project.data.joined_tables
    if not joined or mitigation is JoinMitigation.SERVING_LOG:
        return
    names = [name for _, name in joined]
    verb = "comes" if len(names) == 1 else "come"
    if mitigation is JoinMitigation.SNAPSHOT:
        unversioned = {source.name.strip().casefold(): source.name.strip() for source in project.data.sources
                       if source.versioned is False and source.name.strip()}
        stale = [f"{name} ({unversioned[f.source.strip().casefold()]})" for f, name in joined
                 if f.source.strip().casefold() in unversioned]
        if stale:
            yield Hit(
                message=f"Joined tables are said to be snapshotted, but the source of {quoted(stale)} is marked as "
                        "not versioned.",
                fix="Snapshot (or version) those sources at training time, or log the joined values at serving.",
                field="data.joined_tables",
            )
        return
    if mitigation is JoinMitigation.NO_JOINS:
        message = (f"The plan says no features come from joined tables, but {quoted(names)} "
                   f"{'is' if len(names) == 1 else 'are'} marked as joined.")
    else:
        message = f"{quoted(names)} {verb} from joined tables that may change between training and serving."
    yield Hit(
        message=message,
        fix="Use point-in-time snapshots of the joined tables, or log the joined values at serving time and train "
            "on the logs.",
        field="data.joined_tables",
    )


@check("DA-006", "Serving-time features are not logged", phase=PHASE, severity=Severity.WARNING, rules=(29,),
       refs=("ML Test Score Monitor 3",))
def serving_features_not_logged(project: Project) -> Iterator[Hit]:
    """The features used at serving time are not logged.

    Logging served features (all, or a sample) and training on them is the surest way to
    train like you serve, and the only way to measure skew later (Rule 29).
    """
    if project.data.serving_feature_logging is FeatureLogging.NONE:
        yield Hit(
            message="Served features are not logged, so training cannot use what serving actually saw and skew "
                    "cannot be measured.",
            fix="Log the feature values at serving time (at least a sample) and build training examples from the "
                "log.",
            field="data.serving_feature_logging",
        )


@check("DA-007", "Copied pipeline without reviewing its filters", phase=PHASE, severity=Severity.WARNING,
       rules=(6,))
def copied_pipeline_unreviewed(project: Project) -> Iterator[Hit]:
    """The pipeline is copied from another product, but its inherited filters are not reviewed.

    Copied pipelines carry the assumptions of their old task (only items shown, only recent
    data) and silently drop data the new task needs (Rule 6).
    """
    data = project.data
    if data.pipeline_reused and (not data.inherited_filters.strip() or placeholder(data.inherited_filters)):
        yield Hit(
            message="The pipeline is copied from another product and the filters, sampling and logging scope it "
                    "brings are not listed.",
            fix="List the inherited filters and sampling, and say for each whether the new task keeps it.",
            field="data.inherited_filters",
        )


@check("DA-008", "Learned feature in the first model", phase=PHASE, severity=Severity.WARNING, rules=(17,))
def learned_feature(project: Project) -> Iterator[Hit]:
    """A feature is learned (an embedding, a cluster id, another model's score).

    Learned features add a dependency on another model and its training, can change under
    the model's feet and are hard to debug; the first model should stand on directly
    observed and reported features (Rule 17).
    """
    for index, feature, name in features(project):
        if feature.origin is FeatureOrigin.LEARNED:
            yield Hit(
                message=f"Feature '{name}' is learned: the first model depends on another model's output.",
                fix=f"Start without '{name}' and add it in a later iteration, once the observed-feature model is "
                    "the baseline it must beat.",
                field=f"data.features[{index}].origin",
                subject=name,
            )


@check("DA-009", "Most features come from external systems", phase=PHASE, severity=Severity.ADVICE, rules=(17,),
       refs=("Technical debt: unstable data dependencies",))
def mostly_external(project: Project) -> Iterator[Hit]:
    """More than half of the features are outputs of external systems.

    Each external output is a dependency that can change without notice; a first model
    resting mainly on them is fragile and hard to explain (Rule 17).
    """
    external = [name for _, f, name in features(project) if f.origin is FeatureOrigin.EXTERNAL]
    with_origin = [f for f in project.data.features if f.origin is not None]
    if with_origin and 2 * len(external) > len(with_origin):
        yield Hit(
            message=f"{len(external)} of {len(with_origin)} features ({quoted(external)}) are outputs of external "
                    "systems.",
            fix="Add directly observed features first, and agree change notices with the owners of the external "
                "outputs.",
            field="data.features",
        )


EXAMPLES_PER_FEATURE = 100  # Rule 21's scale: ~1,000 examples support about a dozen features


@check("DA-010", "Few labelled examples for the number of features", phase=PHASE, severity=Severity.ADVICE,
       rules=(21,))
def too_few_examples(project: Project) -> Iterator[Hit]:
    """There are fewer than about 100 labelled examples per planned feature.

    The number of weights a model can learn grows with the data; with thin data, keep few,
    well-chosen features (Rule 21). The threshold is a rough heuristic.
    """
    examples, count = project.data.labelled_examples, len(project.data.features)
    if examples is not None and count and examples < EXAMPLES_PER_FEATURE * count:
        yield Hit(
            message=f"{examples:,} labelled examples for {count} features is about {examples // count:,} per "
                    "feature.",
            fix="Cut the first model to the strongest few features, or collect more labelled examples.",
            field="data.labelled_examples",
        )


@check("DA-011", "No feature clean-up policy", phase=PHASE, severity=Severity.ADVICE, rules=(22,),
       refs=("ML Test Score Data 2", "Technical debt: underutilized data dependencies"))
def no_feature_cleanup(project: Project) -> Iterator[Hit]:
    """The data plan has no policy for finding and removing unused or low-coverage features.

    Features that no longer help still cost maintenance and can break the model when
    their source changes (Rule 22). Only reported once the Data phase is started.
    """
    data = project.data
    if started(data) and (not data.feature_retirement.strip() or placeholder(data.feature_retirement)):
        yield Hit(
            message="No feature clean-up policy: unused or low-coverage features will accumulate.",
            fix="Plan a periodic review (e.g. leave-one-feature-out and coverage per feature) that retires "
                "features that do not help.",
            field="data.feature_retirement",
        )


@check("DA-012", "Data schema not validated", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Data 1", "ML Test Score Monitor 2"))
def no_schema_validation(project: Project) -> Iterator[Hit]:
    """Feature expectations are not written as a schema checked on every run (answered 'no', or not stated).

    A schema (types, ranges, allowed values, missing rates) catches broken inputs before
    they reach training or serving (ML Test Score Data 1, Monitor 2).
    """
    data = project.data
    if data.schema_validation is False or (data.schema_validation is None and started(data)):
        stated = "is not validated" if data.schema_validation is False else "validation is not stated"
        yield Hit(
            message=f"The data schema {stated}: broken or shifted inputs would go unnoticed.",
            fix="Write the feature expectations as a schema and check training and serving data against it.",
            field="data.schema_validation",
        )


@check("DA-013", "Duplicates not removed before the split", phase=PHASE, severity=Severity.WARNING,
       refs=("Leakage L1.4",))
def duplicates_kept(project: Project) -> Iterator[Hit]:
    """Duplicates are not removed before the train/test split (answered 'no', or not stated).

    The same example in both sets lets the model be tested on what it memorised, which
    inflates offline results (leakage L1.4).
    """
    data = project.data
    if data.deduplicated is False or (data.deduplicated is None and started(data)):
        stated = "are not removed" if data.deduplicated is False else "removal is not stated"
        yield Hit(
            message=f"Duplicates {stated} before the split: copies in both sets inflate the test score.",
            fix="De-duplicate (exact and near duplicates) before splitting, and say how.",
            field="data.deduplicated",
        )


@check("DA-014", "Training data is not versioned", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Infra 1", "Technical debt: unstable data dependencies"))
def data_not_versioned(project: Project) -> Iterator[Hit]:
    """The data behind each model is not versioned.

    Without the exact training data a model cannot be reproduced, audited or compared
    fairly with its successor (ML Test Score Infra 1).
    """
    if project.data.versioning is DataVersioning.NONE:
        yield Hit(
            message="Training data is not versioned: no model can be reproduced or audited later.",
            fix="Snapshot the training data per model, or version data with the code.",
            field="data.versioning",
        )


@check("DA-015", "Protected attribute used as a model input", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Data 4", "ML Test Score Model 7"))
def protected_input(project: Project) -> Iterator[Hit]:
    """A feature marked as a protected attribute is an input of the model.

    Using a protected attribute directly may be unlawful for the decision (credit, hiring,
    housing) and needs an explicit review; often it should only be used to test for bias,
    not to predict (ML Test Score Data 4, Model 7).
    """
    for index, feature, name in features(project):
        if feature.sensitivity is Sensitivity.PROTECTED:
            yield Hit(
                message=f"Protected attribute '{name}' is used as a model input.",
                fix=f"Get a legal/ethics review of using '{name}'; if it is not allowed, keep it only for bias "
                    "testing.",
                field=f"data.features[{index}].sensitivity",
                subject=name,
            )


@check("DA-016", "Feature looks sensitive but is marked not sensitive", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Data 4", "ML Test Score Model 7"))
def sensitive_marked_none(project: Project) -> Iterator[Hit]:
    """A feature named like a protected attribute or known proxy (gender, age, postcode) is marked 'Not sensitive'.

    Postcodes, ages and the like are classic proxies; marking them not sensitive skips the
    bias testing they need. Conservative name match only.
    """
    for index, feature, name in features(project):
        if feature.sensitivity is Sensitivity.NONE and looks_sensitive(name):
            yield Hit(
                message=f"Feature '{name}' is marked not sensitive, but its name suggests a protected attribute "
                        "or proxy.",
                fix=f"Re-assess '{name}': mark it protected or proxy and plan bias testing, or record why it is "
                    "not.",
                field=f"data.features[{index}].sensitivity",
                subject=name,
            )


@check("DA-017", "Personal data without access controls", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Data 5",))
def pii_without_controls(project: Project) -> Iterator[Hit]:
    """A source contains personal data, but the access and privacy answer says there are no controls.

    Personal data in a training pipeline needs access control, de-identification and
    retention rules (ML Test Score Data 5).
    """
    data = project.data
    pii = [row_name(source, i) for i, source in enumerate(data.sources) if source.contains_pii]
    if pii and says_none(data.access_and_privacy, r"control|access|privacy|restriction"):
        yield Hit(
            message=f"{quoted(pii)} contain personal data, but access and privacy controls are given as "
                    f"'{data.access_and_privacy.strip()}'.",
            fix="Say who may read the data, how it is de-identified and how long it is kept.",
            field="data.access_and_privacy",
        )
