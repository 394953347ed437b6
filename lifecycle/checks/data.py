"""Data checks: feature ownership, leakage through features, sampling, joins, logging, quality."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import (
    DataVersioning, Feature, FeatureLogging, FeatureOrigin, JoinMitigation, MLTask, Project, Sampling, Sensitivity, ValueTiming,
)
from ..text import Gap, asserted, mentions
from ..text.cues import history_qualified
from ..text.joins import history_joined_as_today
from ..text.metrics import content_words
from ..text.names import names_imagery, protected_in_name
from ..text.periods import counts_over_period, predicted_periods
from ..text.privacy import assessment_after_use
from .facts import (
    blank, days, evidence, features, first_asserted, label_delay, looks_sensitive, name_tokens, placeholder, quoted,
    row_name, sensitive_features, started, texts_of, unowned, unsettled_plan,
)
from .finding import ANSWER, CROSS, TEXT, Severity
from .registry import Hit, check

PHASE = "data"


_FEATURE_TEXTS = ("data.features[*].description", "data.features[*].source")


@check("DA-001", "Feature or source owner/description is a placeholder", phase=PHASE, severity=Severity.WARNING,
       rules=(11,), refs=("ML Test Score Data 4",), applies=lambda p: bool(p.data.features or p.data.sources),
       reads=("data.features[*].owner", "data.features[*].description", "data.sources[*].owner"))
def placeholder_documentation(project: Project) -> Iterator[Hit]:
    """A feature's owner or description, or a data source's owner, is 'TBD', 'unknown', or an owner still to be
    confirmed.

    Features without a real maintainer and a real description break silently and cannot be
    reviewed or retired (Rule 11). A description that only repeats the feature name counts
    as missing; an owner 'to be confirmed' or 'pending agreement with' a team is not an owner.
    """
    for index, feature, name in features(project):
        gap = unowned(feature.owner)
        outside = asserted(feature.owner, "vendor_owner") if not gap else None
        if outside:
            yield Hit(
                message=f"Feature '{name}' is owned by '{feature.owner.strip()}', outside the team: nobody here notices "
                        "when it changes or breaks.",
                fix=f"Name the person in the team who looks after '{name}' and is the contact for its supplier.",
                field=f"data.features[{index}].owner", subject=name, evidence=evidence(feature.owner), basis=TEXT,
                severity=Severity.ADVICE,
            )
        if gap:
            yield Hit(
                message=f"Feature '{name}' has no confirmed owner ({gap.describe()}): nobody maintains it.",
                fix=f"Name the team or person who maintains '{name}'.",
                field=f"data.features[{index}].owner",
                subject=name,
                evidence=evidence(gap.sentence),
                basis=TEXT,
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
        gap = unowned(source.owner)
        if gap:
            name = row_name(source, index)
            yield Hit(
                message=f"Data source '{name}' has no confirmed owner ({gap.describe()}): nobody will warn the team "
                        "when it changes.",
                fix=f"Name the team that maintains '{name}' and agree how they announce changes.",
                field=f"data.sources[{index}].owner",
                subject=name,
                evidence=evidence(gap.sentence),
                basis=TEXT,
            )


def _feature_words(feature: Feature) -> str:
    """The feature's name as words ('days_to_churn' -> 'days to churn'), for reading it like prose."""
    return " ".join(name_tokens(feature.name))


def _timing_leak(index: int, feature: Feature, name: str, periods: frozenset[str] = frozenset()) -> Hit | None:
    """Why the feature's value is not known when the prediction is made, or None. ``periods``: the periods the
    prediction is made for (``predicted_periods`` of the prediction target)."""
    field = f"data.features[{index}]"
    fix = (f"Remove '{name}', or replace it with the value as it was at the prediction moment (a point-in-time "
           "snapshot or a log written when the prediction was made).")
    if feature.value_fixed is ValueTiming.AFTER_PREDICTION:
        contradiction = feature.available_at_prediction is True
        return Hit(
            message=f"Feature '{name}' is filled in or updated after the prediction"
                    + (", although it is also marked as known at prediction time" if contradiction else "")
                    + ": training on it leaks the outcome into the model.",
            fix=fix, field=f"{field}.value_fixed", subject=name, basis=CROSS if contradiction else ANSWER,
        )
    if feature.available_at_prediction is False:
        return Hit(
            message=f"Feature '{name}' is not known at prediction time: training on it leaks the outcome into the "
                    "model.",
            fix=fix, field=f"{field}.available_at_prediction", subject=name,
        )
    for attr, text in (("description", feature.description), ("source", feature.source),
                       ("name", _feature_words(feature))):
        mention = asserted(text, "post_outcome")
        if mention and asserted(mention.sentence, "planned_value"):
            mention = None  # 'the promotion on the target day, as planned on the forecast evening' is known ahead
        if mention:
            ticked = feature.available_at_prediction is True or feature.value_fixed in (
                ValueTiming.AT_PREDICTION, ValueTiming.BEFORE_PREDICTION)
            return Hit(
                message=f"Feature '{name}' holds {mention.words!r}, a value recorded after the prediction"
                        + (", although it is marked as known at prediction time" if ticked else "")
                        + ": training on it leaks the outcome into the model.",
                fix=fix, field=f"{field}.{attr}" if attr != "name" else f"{field}.name", subject=name,
                evidence=evidence(mention.sentence if attr != "name" else feature.name),
                basis=CROSS if ticked else TEXT,
            )
    counted = counts_over_period(feature.description, periods)
    if counted:
        return Hit(
            message=f"Feature '{name}' counts what happens {counted.words!r}, the period being predicted: the "
                    "prediction is made before that period, so the value does not exist yet.",
            fix=fix, field=f"{field}.description", subject=name, evidence=evidence(counted.sentence), basis=TEXT,
        )
    return None


def _periods(project: Project) -> frozenset[str]:
    return predicted_periods(project.problem_framing.prediction_target)


@check("DA-002", "Feature not known at prediction time", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L2", "Leakage L3.1"), applies=lambda p: bool(p.data.features), reads=_FEATURE_TEXTS)
def feature_from_the_future(project: Project) -> Iterator[Hit]:
    """A feature's value is only known after the moment of prediction.

    Training on a value that only exists after the prediction leaks the future: offline
    results look excellent and collapse in production, where the value is missing or
    different (leakage through illegitimate features, L2). Found from the answers (not known
    at prediction time; filled in after the prediction) and from the feature's description,
    source or name when they say the value is set once the case closes, is a final status or
    resolution code, or is taken as of the extract date, or counts events over the period being predicted
    ('removal jobs logged for the shift' when the list is made before each shift), whatever the ticks say.
    """
    for index, feature, name in features(project):
        hit = _timing_leak(index, feature, name, _periods(project))
        if hit:
            yield hit


_LEAKY_TOKENS = frozenset({"label", "target", "outcome", "future"})
_HISTORY_TOKENS = frozenset({"previous", "prior", "past", "last", "historical", "historic", "old", "prev", "hist",
                             "lag", "lagged"})


def _historical(feature: Feature) -> bool:
    """Its name or description says the value is about the time before the prediction, or is the one taken when
    the prediction is made ('as of the submission day', 'called at scoring time')."""
    return bool(_HISTORY_TOKENS.intersection(name_tokens(feature.name))) or history_qualified(
        feature.description) or history_qualified(_feature_words(feature)) or any(
        asserted(text, "at_prediction_time") for text in (feature.description, feature.source))


def _about_filings(project: Project) -> bool:
    """The plan is about tax or other filings, where 'the returns database' holds declarations, not goods sent back."""
    framing = project.problem_framing
    return any(asserted(text, "filings") for text in (framing.prediction_target, framing.decision_supported,
                                                       framing.label_definition))


def _label_source_names(project: Project, feature: Feature) -> bool:
    """The labels come from the same system this feature is read from."""
    source = feature.source.strip().casefold()
    label = f"{project.data.label_source} {project.problem_framing.label_definition}".casefold()
    return len(source) >= 4 and source in label


@check("DA-003", "Feature may come from the label or an outcome record", phase=PHASE, severity=Severity.BLOCKER,
       refs=("Leakage L2",), applies=lambda p: bool(p.data.features), reads=_FEATURE_TEXTS)
def target_derived_feature(project: Project) -> Iterator[Hit]:
    """A feature is derived from the label, or read from a system that records what happened after the prediction.

    Such a feature is a proxy for the answer (L2). Found when its name mentions the label,
    target or outcome (not 'previous outcome'), its description says it is derived from or
    encodes the label, its source is marked as recording outcomes (case management,
    chargebacks, collections, repairs, claims, returns, cancellations) and its value is not
    fixed before the prediction, or its name, source or description names such a record
    with nothing saying the value is from before the prediction. Leakage is a blocker
    wherever it is suspected, with the words that raised it quoted; only a source ticked as
    recording outcomes whose value is answered as fixed before the prediction is a warning.
    Features already reported by DA-002 are not reported again.
    """
    for index, feature, name in features(project):
        if _timing_leak(index, feature, name, _periods(project)):
            continue
        field = f"data.features[{index}]"
        fix = (f"Check that '{name}' is computed only from data known before the prediction (as it was then); "
               "if it encodes the outcome, drop it or fit it on training folds only.")
        tokens = name_tokens(name)
        words = {t for i, t in enumerate(tokens) if t in _LEAKY_TOKENS and not _HISTORY_TOKENS.intersection(tokens[:i])}
        if words:
            yield Hit(message=f"Feature '{name}' may be derived from the label: its name mentions '{min(words)}'.",
                      fix=fix, field=f"{field}.name", subject=name)
            continue
        encoded = asserted(feature.description, "target_encoding")
        if encoded and not mentions(feature.description, "out_of_fold"):
            yield Hit(message=f"Feature '{name}' is target-encoded ('{encoded.words}'): fitted on all the data, the "
                              "encoding carries the test labels into training.",
                      fix=f"Fit the encoding of '{name}' out of fold, on training data only, and say so.",
                      field=f"{field}.description", subject=name, evidence=evidence(encoded.sentence), basis=TEXT,
                      severity=Severity.ADVICE)
            continue
        derived = asserted(feature.description, "label_derived")
        if derived:
            yield Hit(message=f"Feature '{name}' is described as derived from the label ('{derived.words}').",
                      fix=fix, field=f"{field}.description", subject=name, evidence=evidence(derived.sentence),
                      basis=TEXT)
            continue
        historical = _historical(feature)
        if feature.source_records_outcomes and not historical:
            fixed_before = feature.value_fixed in (ValueTiming.BEFORE_PREDICTION, ValueTiming.AT_PREDICTION)
            yield Hit(
                message=f"Feature '{name}' comes from a source that records outcomes"
                        + (", and nothing says its value is the one from before the prediction" if fixed_before
                           else ", and when its value is fixed is not known")
                        + ": it may carry the outcome into training.",
                fix=fix, field=f"{field}.source_records_outcomes", subject=name,
                severity=Severity.WARNING if fixed_before else None,
            )
            continue
        for attr, text in (("source", feature.source), ("description", feature.description),
                           ("name", _feature_words(feature))):
            mention = asserted(text, "outcome_system")
            if not mention or historical or (mention.words.lower().startswith("return") and _about_filings(project)):
                continue
            same = _label_source_names(project, feature)
            yield Hit(
                message=f"Feature '{name}' is read from {mention.words!r}, a record of what happened after the "
                        "prediction" + (", the same system the labels come from" if same else "")
                        + ": it may carry the outcome into training.",
                fix=fix, field=f"{field}.{attr}" if attr != "name" else f"{field}.name", subject=name,
                evidence=evidence(mention.sentence if attr != "name" else feature.name),
                basis=CROSS if feature.source_records_outcomes is False or feature.available_at_prediction else TEXT,
            )
            break


_SAMPLING_TEXTS = ("data.quality_notes", "data.inherited_filters", "data.label_source", "modeling.model_description")


@check("DA-004", "Training data sampled without weights", phase=PHASE, severity=Severity.WARNING, rules=(30,),
       reads=_SAMPLING_TEXTS)
def unweighted_sampling(project: Project) -> Iterator[Hit]:
    """Training data is subsampled without importance weights, or cut off arbitrarily.

    Dropping data without weighting the rest by 1/p shifts the training distribution away
    from what the model will see; an arbitrary cut-off (first N files) does worse (Rule 30).
    Also read from prose that says rows were downsampled, kept 1 in 10, or cut to the most
    recent months, with no weights.
    """
    sampling = project.data.sampling
    fix = "Keep the sampling probability of each example and weight it by 1/p, or use all the data."
    if sampling in (Sampling.UNWEIGHTED, Sampling.TRUNCATED):
        yield Hit(
            message=f"Training data is '{sampling.label}': the model learns from a distorted distribution.",
            fix=fix, field="data.sampling",
        )
        return
    for path, text in texts_of(project, _SAMPLING_TEXTS):
        cut = asserted(text, "subsampled")
        if cut and not asserted(cut.sentence, "weights_kept") and not (
                sampling is Sampling.WEIGHTED and mentions(text, "weights_kept")):
            yield Hit(
                message=f"The plan says training rows are dropped or subsampled ('{cut.words}') with no weights"
                        + (f", although sampling is given as '{sampling.label}'" if sampling else "") + ".",
                fix=fix, field="data.sampling", evidence=evidence(cut.sentence), basis=CROSS if sampling else TEXT,
            )
            return


def _history_joined_as_today(project: Project, joined: list[Feature]):
    """The sentence of the data notes, or of a joined feature's description, that joins past rows to today's table."""
    for text in (project.data.quality_notes, *(feature.description for feature in joined)):
        sentence = history_joined_as_today(text)
        if sentence:
            return sentence
    return None


@check("DA-005", "Joined-table features without point-in-time values", phase=PHASE, severity=Severity.WARNING,
       rules=(31,), refs=("ML Test Score Monitor 3",), reads=("data.quality_notes", "data.features[*].description"))
def joined_tables_drift(project: Project) -> Iterator[Hit]:
    """Features come from joined tables, but nothing keeps their values as they were at serving time.

    A lookup table joined at training time holds today's values, not those seen when the
    prediction was served, which creates training/serving skew (Rule 31). Snapshots or
    serving-time logs fix it. Also fires when snapshots are claimed but a joined feature's
    source is marked as not versioned, and when logs or snapshots are claimed but the prose says
    the training history is joined to the tables as they stand today ('for the 2020-2025 history,
    lead time comes from the current article master'): logging from go-live on does not mend the
    rows the model learns from.
    """
    joined = [(feature, name) for _, feature, name in features(project) if feature.from_joined_table]
    mitigation = project.data.joined_tables
    if not joined:
        return
    if mitigation in (JoinMitigation.SERVING_LOG, JoinMitigation.SNAPSHOT):
        today = _history_joined_as_today(project, [feature for feature, _ in joined])
        if today:
            yield Hit(
                message=f"The plan answers '{mitigation.label}', but the training history is joined to the tables "
                        "as they stand today: past rows carry values serving never saw.",
                fix="Rebuild the training rows from snapshots or change history as of each row's prediction time, "
                    "or train only on rows whose joined values were logged at serving.",
                field="data.joined_tables", evidence=evidence(today.text), basis=CROSS,
            )
            return
    if mitigation is JoinMitigation.SERVING_LOG:
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
    logging = project.data.serving_feature_logging
    if logging in (FeatureLogging.ALL, FeatureLogging.SAMPLE):
        for path, text in texts_of(project, ("data.quality_notes", "deployment.end_to_end_path")):
            lost = asserted(text, "inputs_not_kept")
            if lost:
                yield Hit(
                    message=f"Served features are said to be logged, but the plan says '{lost.words}'.",
                    fix="Log the feature values at serving time (at least a sample) and build training examples from "
                        "the log.",
                    field="data.serving_feature_logging", evidence=evidence(lost.sentence), basis=CROSS,
                )
                return
    if logging is FeatureLogging.NONE:
        yield Hit(
            message="Served features are not logged, so training cannot use what serving actually saw and skew "
                    "cannot be measured.",
            fix="Log the feature values at serving time (at least a sample) and build training examples from the "
                "log.",
            field="data.serving_feature_logging",
        )


@check("DA-007", "Copied pipeline without reviewing its filters", phase=PHASE, severity=Severity.WARNING,
       rules=(6,), applies=lambda p: bool(p.data.pipeline_reused), reads=("data.inherited_filters",))
def copied_pipeline_unreviewed(project: Project) -> Iterator[Hit]:
    """The pipeline is copied from another product, but its inherited filters are not reviewed.

    Copied pipelines carry the assumptions of their old task (only items shown, only recent
    data) and silently drop data the new task needs (Rule 6).
    """
    data = project.data
    gap = unsettled_plan(data.inherited_filters)
    same = asserted(data.inherited_filters, "non_answer") if not gap else None
    if same:
        gap = Gap("placeholder", same.sentence)
    if data.pipeline_reused and gap:
        yield Hit(
            message="The pipeline is copied from another product and the filters, sampling and logging scope it "
                    "brings are not listed" + (f" ({gap.describe()})" if gap.sentence else "") + ".",
            fix="List the inherited filters and sampling, and say for each whether the new task keeps it.",
            field="data.inherited_filters",
            evidence=evidence(gap.sentence),
            basis=TEXT if gap.sentence else ANSWER,
        )


@check("DA-008", "First model rests on a learned or external feature", phase=PHASE, severity=Severity.WARNING,
       rules=(17,), refs=("Technical debt: correction cascades",), applies=lambda p: any(
           f.origin in (FeatureOrigin.LEARNED, FeatureOrigin.EXTERNAL) for f in p.data.features),
       reads=("data.features[*].description", "modeling.model_description"))
def learned_feature(project: Project) -> Iterator[Hit]:
    """The first model's main signal is another model's output (an embedding, an external model's score, an LLM's
    guess), or a feature is learned.

    Learned and external-model features add a dependency on a model the team may not
    control, change under the model's feet and are hard to debug; the first model should
    stand on directly observed and reported features (Rule 17). A warning when such a
    feature is described as the strongest or main signal, or is another model's prediction
    (an LLM's guess, a vendor add-on's label, last year's model); a learned feature that is
    one input among many is advice.
    """
    for index, feature, name in features(project):
        if feature.origin not in (FeatureOrigin.LEARNED, FeatureOrigin.EXTERNAL):
            continue
        main = asserted(feature.description, "main_signal") or next(
            (m for text in (feature.description, feature.source, _feature_words(feature))
             for m in [asserted(text, "model_output")] if m), None)
        if not main and feature.origin is FeatureOrigin.EXTERNAL:
            continue  # an external system's output among others is DA-009's concern
        kind = "learned" if feature.origin is FeatureOrigin.LEARNED else "the output of an external model or system"
        yield Hit(
            message=f"Feature '{name}' is {kind}"
                    + (f" ('{main.words}')" if main else "")
                    + ": the first model depends on another model's output.",
            fix=f"Build the first model on directly observed features and add '{name}' in a later iteration, once the "
                "observed-feature model is the baseline it must beat.",
            field=f"data.features[{index}].origin",
            subject=name,
            evidence=evidence(main.sentence) if main else "",
            basis=TEXT if main else ANSWER,
            severity=None if main else Severity.ADVICE,
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
       refs=("ML Test Score Data 2", "Technical debt: underutilized data dependencies"),
       reads=("data.feature_retirement",))
def no_feature_cleanup(project: Project) -> Iterator[Hit]:
    """The data plan has no policy for finding and removing unused or low-coverage features.

    Features that no longer help still cost maintenance and can break the model when
    their source changes (Rule 22). Only reported once the Data phase is started.
    """
    data = project.data
    gap = blank(data.feature_retirement)
    if started(data) and gap:
        yield Hit(
            message="No feature clean-up policy: unused or low-coverage features will accumulate.",
            fix="Plan a periodic review (e.g. leave-one-feature-out and coverage per feature) that retires "
                "features that do not help.",
            field="data.feature_retirement",
            evidence=evidence(gap.sentence),
            basis=TEXT if gap.sentence else ANSWER,
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
    if data.deduplicated:
        kept = asserted(data.quality_notes, "duplicates_kept")
        if kept:
            yield Hit(
                message=f"Duplicates are said to be removed, but the data notes say they stay ('{kept.words}').",
                fix="De-duplicate (exact and near duplicates) before splitting, keeping each entity's copies on one "
                    "side of the split.",
                field="data.deduplicated", evidence=evidence(kept.sentence), basis=CROSS,
            )
        return
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
    not to predict (ML Test Score Data 4, Model 7). Advice when bias testing is planned,
    a warning otherwise.
    """
    tested = not blank(project.modeling.bias_testing, "bias_test")
    for index, feature, name in features(project):
        if feature.sensitivity is Sensitivity.PROTECTED:
            yield Hit(
                message=f"Protected attribute '{name}' is used as a model input"
                        + (" (bias testing is planned)." if tested else "."),
                fix=f"Get a legal/ethics review of using '{name}' for this decision; if it is not allowed, keep it "
                    "only for bias testing.",
                field=f"data.features[{index}].sensitivity",
                subject=name,
                severity=Severity.ADVICE if tested else None,
            )


@check("DA-016", "Feature looks sensitive but is marked not sensitive", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Data 4", "ML Test Score Model 7"), applies=lambda p: bool(p.data.features),
       reads=("data.features[*].description",))
def sensitive_marked_none(project: Project) -> Iterator[Hit]:
    """A feature whose name or description points at a protected attribute or a known proxy is marked 'Not sensitive'.

    Where someone lives (postcode, neighbourhood), their name, language or school, and for
    decisions about people their device, browser or city, stand in for protected
    attributes; marking them not sensitive skips the bias testing they need. Who lives in an
    area by income or tenure (council housing share, deprivation decile) counts even when
    the model decides about streets or sites: the people living there bear the decision.
    """
    for item in sensitive_features(project):
        if item.looks and item.feature.sensitivity is Sensitivity.NONE:
            yield Hit(
                message=f"Feature '{item.name}' is marked not sensitive, but {item.reason}: it may stand in for a "
                        "protected attribute.",
                fix=f"Re-assess '{item.name}' as a possible proxy and include it in bias testing, or record the "
                    "evidence that it does not stand in for a protected group.",
                field=f"data.features[{item.index}].sensitivity",
                subject=item.name,
                evidence=evidence(item.feature.description) if "description" in item.reason else "",
                basis=CROSS,
            )


def _pii_sources(project: Project) -> list[str]:
    return [row_name(source, i) for i, source in enumerate(project.data.sources) if source.contains_pii]


_PRIVACY_TEXTS = ("data.access_and_privacy", "data.quality_notes", "data.label_source", "data.features[*].description")


@check("DA-017", "Personal data without access controls", phase=PHASE, severity=Severity.BLOCKER,
       refs=("ML Test Score Data 5",), applies=lambda p: bool(_pii_sources(p)), reads=("data.access_and_privacy",))
def pii_without_controls(project: Project) -> Iterator[Hit]:
    """A source contains personal data, but the access and privacy answer says there are no controls, or puts
    them off ('to be agreed with the DPO', 'pending the privacy review'), or puts the privacy assessment after the
    data is in use or waves it away ('the DPIA will be drawn up in the course of the pilot', 'no separate privacy
    review, since the data is already used for marketing').

    Personal data in a training pipeline needs access control, de-identification and
    retention rules before anyone trains on it (ML Test Score Data 5). An empty answer is
    the gate check's finding.
    """
    data = project.data
    pii = _pii_sources(project)
    gap = unsettled_plan(data.access_and_privacy, "privacy_controls")
    raw = asserted(data.access_and_privacy, "raw_personal_data")
    if pii and data.access_and_privacy.strip() and not gap and raw:
        gap = Gap("raw", raw.sentence)
    late = None if gap else assessment_after_use(data.access_and_privacy)
    if pii and late:
        gap = Gap("deferred", late.text)
    if pii and data.access_and_privacy.strip() and gap:
        yield Hit(
            message=f"{quoted(pii)} contain personal data, but the access and privacy controls are not in place "
                    f"({gap.describe()}).",
            fix="Say who may read the data, how it is de-identified and how long it is kept, and put those controls "
                "in place before training.",
            field="data.access_and_privacy",
            evidence=evidence(gap.sentence),
            basis=TEXT,
        )


# Names that are personal data about one person (a postcode district's default rate is not; an e-mail is).
_PERSONAL_TOKENS = frozenset({"email", "mail", "phone", "mobile", "surname", "firstname", "lastname", "dob",
                              "birthdate", "birthday", "passport", "ssn", "iban", "ip", "gps", "latitude", "longitude",
                              "salary", "income", "diagnosis"})


def _personal_feature(feature: Feature) -> str:
    tokens = set(name_tokens(feature.name))
    word = sorted(tokens & _PERSONAL_TOKENS)
    if word:
        return word[0]
    if feature.sensitivity is Sensitivity.PROTECTED or protected_in_name(feature.name):
        return feature.name
    return ""


def _pii_about(project: Project, source_name: str):
    """A sentence of the privacy prose that asserts personal data and names this source (by a distinctive word)."""
    words = _distinctive(source_name)
    if not words:
        return None
    for _, text in texts_of(project, _PRIVACY_TEXTS):
        for mention in mentions(text, "pii"):
            if mention.asserted and words & _distinctive(mention.sentence) and not asserted(
                    mention.sentence, "privacy_controls"):
                return mention
    return None


def _people_on_camera(project: Project):
    """A sentence of the privacy prose that says the images or video show people."""
    found = first_asserted(project, _PRIVACY_TEXTS, "people_on_camera")
    return found[1] if found else None


def _distinctive(text: str) -> set[str]:
    """Product and system names in a text ('DriveWise', 'CaseTrack'): capitalised inside a word, or not the first word
    and capitalised, at least four letters. Common words would link any sentence to any source."""
    words = re.findall(r"\b[A-Za-z][A-Za-z0-9]{3,}\b", text)
    found = {w.lower() for i, w in enumerate(words)
             if (any(c.isupper() for c in w[1:]) or (i > 0 and w[0].isupper())) and w.lower() not in _GENERIC}
    # a three-letter acronym names a system or survey ('EEO', 'CRM') when nothing more distinctive does; beside a
    # product name it is more often an organisation ('NHS Digital') that links unrelated sentences
    return found or {w.lower() for w in re.findall(r"\b[A-Z]{3}\b", text) if w.lower() not in _GENERIC}


_GENERIC = frozenset({"data", "table", "service", "system", "source", "lookup", "register", "platform", "portal",
                      "extract", "export", "team", "records", "logs", "events", "tickets", "warehouse", "store",
                      "stream", "file", "files", "report", "the", "trust", "customer", "customers"})


@check("DA-019", "Personal data in a source marked as holding none", phase=PHASE, severity=Severity.WARNING,
       refs=("ML Test Score Data 5",),
       applies=lambda p: any(source.contains_pii is False for source in p.data.sources), reads=_PRIVACY_TEXTS)
def pii_not_marked(project: Project) -> Iterator[Hit]:
    """A source is marked as holding no personal data, but a feature read from it, or the plan's prose, is personal data.

    A source wrongly marked 'no PII' escapes the privacy controls, retention rules and
    reviews personal data needs (ML Test Score Data 5). Found from features read from the
    source whose names are personal (an e-mail, an address, an age, a postcode), from prose
    that says the images or video of an imagery source show people (herders, visitors, faces)
    and, when no source is marked as holding personal data, from prose that says the data
    holds names, e-mail addresses, dates of birth, health records or the like.
    """
    data = project.data
    sources = {source.name.strip().casefold(): (i, source) for i, source in enumerate(data.sources)
               if source.name.strip()}
    reported: set[int] = set()
    for _, feature, name in features(project):
        entry = sources.get(feature.source.strip().casefold())
        if not entry or entry[1].contains_pii is not False or entry[0] in reported:
            continue
        word = _personal_feature(feature)
        if word:
            index, source = entry
            reported.add(index)
            yield Hit(
                message=f"Data source '{source.name.strip()}' is marked as holding no personal data, but feature "
                        f"'{name}' read from it is personal data.",
                fix=f"Treat '{source.name.strip()}' as personal data: access control, de-identification and "
                    "retention rules, or drop the personal fields before training.",
                field=f"data.sources[{index}].contains_pii",
                subject=source.name.strip(),
                basis=CROSS,
            )
    for index, source in enumerate(data.sources):
        if source.contains_pii is not False or index in reported:
            continue
        found = asserted(source.name, "pii") or _pii_about(project, source.name) or (
            names_imagery(source.name) and _people_on_camera(project))
        if found:
            reported.add(index)
            yield Hit(
                message=f"Data source '{source.name.strip()}' is marked as holding no personal data, but the plan "
                        f"says it holds {found.words!r}.",
                fix=f"Treat '{source.name.strip()}' as personal data: access control, de-identification and "
                    "retention rules, or drop the personal fields before training.",
                field=f"data.sources[{index}].contains_pii", subject=source.name.strip(),
                evidence=evidence(found.sentence), basis=CROSS,
            )
    if reported or any(source.contains_pii for source in data.sources):
        return
    found = first_asserted(project, _PRIVACY_TEXTS, "pii")
    if found:
        path, mention = found
        index = next(i for i, source in enumerate(data.sources) if source.contains_pii is False)
        yield Hit(
            message=f"Every source is marked as holding no personal data, but the plan mentions {mention.words!r}.",
            fix="Mark the sources that hold personal data and put access, de-identification and retention controls "
                "on them.",
            field=f"data.sources[{index}].contains_pii",
            subject=row_name(data.sources[index], index),
            evidence=evidence(mention.sentence),
            basis=CROSS,
        )


@check("DA-021", "Strongest feature not traced for leakage", phase=PHASE, severity=Severity.WARNING,
       refs=("Leakage L2", "Kapoor & Narayanan"), applies=lambda p: bool(p.data.features), reads=_FEATURE_TEXTS)
def standout_feature_untraced(project: Project) -> Iterator[Hit]:
    """A feature is described as the model's strongest predictor, and nothing says its value is from before the
    prediction.

    A feature that dominates the model is where an experienced reviewer looks first: a value
    that predicts the outcome that well is often recorded while the outcome happens, or after
    it (leakage through illegitimate features, L2). The timing tick alone does not settle it.
    Quiet when the description or source says the value is historical ('over the previous 14 days') or taken when
    the prediction is made ('called at scoring time', 'as of the submission day'), and for a feature DA-002 reports.
    """
    for index, feature, name in features(project):
        mention = asserted(feature.description, "standout_feature") or asserted(feature.source, "standout_feature")
        if not mention or _historical(feature) or _timing_leak(index, feature, name, _periods(project)):
            continue
        yield Hit(
            message=f"Feature '{name}' is described as {mention.words!r}, and nothing in the plan says its value is "
                    "fixed before the prediction: a feature that strong is the first place a leak hides.",
            fix=f"Trace '{name}' to the moment its value is written and show it exists, with this value, when the "
                "prediction is made (a point-in-time snapshot); say so in its description.",
            field=f"data.features[{index}].description", subject=name, evidence=evidence(mention.sentence),
            basis=TEXT,
        )


@check("DA-018", "Not known when a feature's value is fixed", phase=PHASE, severity=Severity.WARNING,
       refs=("Leakage L2", "Leakage L3.1"), applies=lambda p: bool(p.data.features))
def value_timing_unknown(project: Project) -> Iterator[Hit]:
    """A feature's 'when its value is fixed' answer is 'Not sure'.

    Leakage hides in exactly the features nobody has traced: a value that is updated after
    the prediction (a status, a balance, a reason code) looks harmless in a table extract.
    Each feature needs its timing traced back to the source before training (Leakage L2).
    """
    for index, feature, name in features(project):
        if feature.value_fixed is ValueTiming.UNKNOWN:
            yield Hit(
                message=f"Nobody knows when the value of feature '{name}' is fixed relative to the prediction.",
                fix=f"Trace '{name}' to its source and find out whether it can change after the prediction; use a "
                    "point-in-time value if it can.",
                field=f"data.features[{index}].value_fixed",
                subject=name,
            )


_SEASON_TEXTS = ("problem_framing.problem_statement", "data.quality_notes", "monitoring.staleness_impact",
                 "monitoring.retraining_cadence", "modeling.model_description", "modeling.slices",
                 "problem_framing.non_ml_baseline", "problem_framing.label_definition")


def _forecasts_season(project: Project) -> bool:
    """The target is a quantity over time (a forecast), whose yearly shape the model must learn from history."""
    framing = project.problem_framing
    text = f"{framing.prediction_target} {framing.label_definition}"
    return framing.ml_task in (MLTask.REGRESSION, MLTask.FORECASTING) or bool(asserted(text, "demand_target"))


@check("DA-020", "Training window too short for the label delay or the seasons", phase=PHASE,
       severity=Severity.WARNING, refs=("Label delay", "Leakage L3.1"),
       applies=lambda p: p.data.training_window_months is not None, reads=_SEASON_TEXTS)
def window_shorter_than_delay(project: Project) -> Iterator[Hit]:
    """The training window is not much longer than the time it takes for an outcome to be known.

    Examples from the last label-delay days of the window have no outcome yet: they are
    dropped or, worse, labelled negative because nothing has happened *yet*. A window no
    longer than the delay leaves no matured examples (blocker); one shorter than twice the
    delay loses half of them and biases the rest towards quick outcomes (warning). A window
    shorter than a year in a plan that describes seasons (winter pressures, Christmas,
    seasonal-naive forecasts) never shows the model a full cycle (warning).
    """
    window = project.data.training_window_months
    if window is None:
        return
    found = label_delay(project)
    # a model refitted every day or two on a sliding window follows the season as it arrives; a full cycle matters
    # when it is refitted rarely, or forecasts the season itself (demand, load, sales)
    interval = project.monitoring.retraining_interval_days
    follows = interval is not None and interval <= 2 and not _forecasts_season(project)
    season = first_asserted(project, _SEASON_TEXTS, "seasonal") if window < 12 and not follows else None
    if season and (found is None or window * 30.44 >= 2 * found[0]):
        _, mention = season
        yield Hit(
            message=f"The training window is {window:g} months, shorter than a year, while the plan describes a "
                    f"yearly pattern ('{mention.words}'): the model never sees a full seasonal cycle.",
            fix="Train on at least a full year (ideally two), so every season is in the training data, and test on a "
                "period the training data covers a season of.",
            field="data.training_window_months", evidence=evidence(mention.sentence), basis=CROSS,
        )
        return
    if found is None:
        return
    delay, _ = found
    worst = project.problem_framing.label_delay_worst_days
    delay = max(delay, worst) if worst is not None else delay
    window_days = window * 30.44
    if delay <= 0 or window_days >= 2 * delay:
        return
    yield Hit(
        message=f"The training window is {window:g} months, but outcomes take up to {days(delay)} to be known: "
                + ("no example in the window has a matured label." if window_days <= delay
                   else "the most recent part of the window has no outcome yet."),
        fix="Extend the training window well beyond the label delay, and leave out (never label negative) examples "
            "whose outcome is not known yet.",
        field="data.training_window_months",
        severity=Severity.BLOCKER if window_days <= delay else None,
    )
