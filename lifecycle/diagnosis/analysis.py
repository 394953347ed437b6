"""The whole monitoring analysis: a reference sample against a series of batches.

``analyse(reference, batches)`` runs drift, performance, concept drift and fairness for
every batch and sums them up as ``Symptom``s (data drift on a feature, concept drift,
a fairness violation on an attribute) with the numbers that back each one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from . import concept as concept_mod
from . import figures
from .concept import ConceptDrift, RelationChange, relation_change
from .data import (
    MAX_TOTAL_CELLS, Batch, DataError, DataWarning, Roles, approved, as_numeric, binary_outcome, check_groups,
    missing_decisions,
)
from .drift import ColumnDrift, DriftReport, compare, profile_reference
from .fairness import DI_THRESHOLD, EO_THRESHOLD, Fairness, fairness
from .performance import Performance, judgeable, performance

SymptomKind = Literal["data_drift", "concept_drift", "fairness"]
SYMPTOM_TITLES: dict[str, str] = {
    "data_drift": "Data drift",
    "concept_drift": "Concept drift",
    "fairness": "Fairness violation",
}
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Symptom:
    kind: SymptomKind
    subject: str  # the feature, the attribute, or "model"
    title: str
    evidence: str
    batches: tuple[str, ...]  # where it shows
    severity: str  # "major", "moderate", …

    @property
    def kind_title(self) -> str:
        return SYMPTOM_TITLES[self.kind]


@dataclass
class Outputs:
    """The model's outputs and outcomes of one file, as typed columns (None when absent)."""

    score: pd.Series | None
    approved: pd.Series | None
    outcome: pd.Series | None


@dataclass
class Analysis:
    reference: str
    batches: list[str]
    roles: Roles
    reference_rows: int
    rows: dict[str, int]
    drift: dict[str, DriftReport]
    prediction_drift: dict[str, ColumnDrift | None]
    reference_performance: Performance
    performance: dict[str, Performance]
    concept: dict[str, ConceptDrift]
    fairness: dict[str, dict[str, Fairness]]  # attribute → batch (reference included) → result
    warnings: list[DataWarning] = field(default_factory=list)
    symptoms: list[Symptom] = field(default_factory=list)

    def symptoms_of(self, kind: SymptomKind) -> list[Symptom]:
        return [s for s in self.symptoms if s.kind == kind]

    @property
    def latest(self) -> str:
        return self.batches[-1]

    @property
    def latest_labelled(self) -> str | None:
        known = [b for b in self.batches if self.performance[b].known]
        return known[-1] if known else None


def _outputs(batch: Batch, roles: Roles, warnings: list[DataWarning]) -> Outputs:
    frame, source = batch.frame, batch.source
    score = decision = outcome = None
    if roles.score and roles.score in frame.columns:
        score = as_numeric(frame[roles.score], source, roles.score, warnings)
    elif roles.score:
        warnings.append(DataWarning(source, roles.score, "not found: prediction drift and AUC are skipped"))
    if roles.decision and roles.decision in frame.columns:
        decision = approved(frame[roles.decision], roles.approve_value)
        missing = missing_decisions(decision, source, roles.decision)
        if missing is not None:
            warnings.append(missing)
        if not decision.any():
            warnings.append(DataWarning(source, roles.decision,
                                        f"no row has the approval value '{roles.approve_value}'"))
    elif roles.decision:
        warnings.append(DataWarning(source, roles.decision, "not found: approval rates and fairness are skipped"))
    if roles.outcome and roles.outcome in frame.columns:
        outcome = binary_outcome(frame[roles.outcome], source, roles.outcome, warnings)
    elif roles.outcome:
        warnings.append(DataWarning(source, roles.outcome, "not found: performance is not measured"))
    return Outputs(score, decision, outcome)


def _feature_columns(reference: Batch, roles: Roles) -> list[str]:
    return [c for c in reference.frame.columns if c not in roles.model_output]


def analyse(reference: Batch, batches: Sequence[Batch], roles: Roles = Roles(),
            progress: Progress | None = None) -> Analysis:
    """Compare every batch with the reference. Raises ``DataError`` for unusable input."""
    if not batches:
        raise DataError("current data", "no batch to compare with the reference")
    names = [b.name for b in batches]
    duplicated = sorted({n for n in names if names.count(n) > 1 or n == reference.name})
    if duplicated:
        raise DataError(duplicated[0], "two files have this batch name; rename one")
    cells = sum(b.frame.size for b in [reference, *batches])
    if cells > MAX_TOTAL_CELLS:
        raise DataError("the files", f"together they hold {cells:,} cells (rows x columns); one analysis takes at "
                                     f"most {MAX_TOTAL_CELLS:,}: use fewer or sampled batches")
    step = 1.0 / (len(batches) + 2)

    def report(message: str, done: float) -> None:
        if progress:
            progress(message, min(done, 1.0))

    warnings: list[DataWarning] = list(reference.warnings)
    features = _feature_columns(reference, roles)
    if not features:
        raise DataError(reference.source, "has no input columns besides the score, decision and outcome")
    report(f"Profiling the reference ({reference.rows:,} rows)", 0.0)
    profile = profile_reference(reference, features)
    warnings.extend(profile.warnings)
    ref_out = _outputs(reference, roles, warnings)
    score_profile = None
    if ref_out.score is not None and roles.score:
        score_profile = profile_reference(Batch(reference.name, pd.DataFrame({roles.score: ref_out.score}),
                                                source=reference.source))
    ref_perf = performance(reference.name, ref_out.score, ref_out.approved, ref_out.outcome)
    attributes = [g for g in roles.groups if g in reference.frame.columns]
    for group in roles.groups:
        if group not in reference.frame.columns:
            warnings.append(DataWarning(reference.source, group, "not found: fairness over it is skipped"))
    for attribute in list(attributes):  # before the heavy part: group labels end up in charts, tables and the memo
        for batch in [reference, *batches]:
            too_many = check_groups(batch, attribute) if attribute in batch.frame.columns else None
            if too_many:
                warnings.append(DataWarning(batch.source, attribute, too_many))
                attributes.remove(attribute)
                break
    fair: dict[str, dict[str, Fairness]] = {a: {} for a in attributes}
    if ref_out.approved is not None:
        for attribute in attributes:
            fair[attribute][reference.name] = fairness(reference.name, attribute, reference.frame[attribute],
                                                       ref_out.approved, ref_out.outcome)

    drift: dict[str, DriftReport] = {}
    prediction: dict[str, ColumnDrift | None] = {}
    perf: dict[str, Performance] = {}
    concept: dict[str, ConceptDrift] = {}
    for index, batch in enumerate(batches, start=1):
        report(f"Comparing {batch.name} ({batch.rows:,} rows)", index * step)
        extra = [c for c in batch.frame.columns if c not in reference.frame.columns]
        warnings.extend(DataWarning(batch.source, c, f"is not in {reference.source}; not compared") for c in extra)
        shared = [c for c in profile.columns if c in batch.frame.columns]
        if not shared:
            raise DataError(batch.source, f"has no input column in common with {reference.source} (it has "
                            + ", ".join(map(str, batch.frame.columns[:8])) + ")")
        drift[batch.name] = compare(profile, batch)
        warnings.extend(drift[batch.name].warnings)
        out = _outputs(batch, roles, warnings)
        prediction[batch.name] = None
        if score_profile is not None and out.score is not None and roles.score:
            scores = Batch(batch.name, pd.DataFrame({roles.score: out.score}), source=batch.source)
            prediction[batch.name] = next(iter(compare(score_profile, scores).columns), None)
        perf[batch.name] = performance(batch.name, out.score, out.approved, out.outcome)
        relations: list[RelationChange] = []
        # Outcome rates per bin need both outcomes in the batch: a batch whose known outcomes are all one class
        # would show every bin "changed" (all 0 against the reference's rates), which is no evidence of anything.
        if ref_out.outcome is not None and out.outcome is not None and judgeable(perf[batch.name]):
            for column in drift[batch.name].columns:
                change = relation_change(column.column, column.kind, reference.frame[column.column], ref_out.outcome,
                                         batch.frame[column.column], out.outcome)
                if change is not None:
                    relations.append(change)
        concept[batch.name] = concept_mod.concept_drift(ref_perf, perf[batch.name], drift[batch.name], relations)
        if out.approved is not None:
            for attribute in attributes:
                if attribute in batch.frame.columns:
                    fair[attribute][batch.name] = fairness(batch.name, attribute, batch.frame[attribute],
                                                           out.approved, out.outcome)
    report("Summing up the symptoms", 1 - step)
    analysis = Analysis(
        reference=reference.name,
        batches=names,
        roles=roles,
        reference_rows=reference.rows,
        rows={b.name: b.rows for b in batches},
        drift=drift,
        prediction_drift=prediction,
        reference_performance=ref_perf,
        performance=perf,
        concept=concept,
        fairness=fair,
        warnings=_unique(warnings),
    )
    analysis.symptoms = symptoms(analysis, reference, batches)
    report("Done", 1.0)
    return analysis


def _unique(warnings: list[DataWarning]) -> list[DataWarning]:
    seen: set[DataWarning] = set()
    result = []
    for warning in warnings:
        if warning not in seen:
            seen.add(warning)
            result.append(warning)
    return result


# ---------------------------------------------------------------- symptoms


def _p(value: float) -> str:
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


def _span(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"


def _median(frame: pd.DataFrame, column: str) -> float | None:
    values = pd.to_numeric(frame[column], errors="coerce")
    return float(values.median()) if values.notna().any() else None


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _data_drift_symptoms(analysis: Analysis, reference: Batch, batches: Sequence[Batch]) -> list[Symptom]:
    frames = {b.name: b.frame for b in batches}
    drifted: dict[str, list[ColumnDrift]] = {}
    seen_in: dict[str, list[str]] = {}
    for name in analysis.batches:
        for column in analysis.drift[name].drifted:
            drifted.setdefault(column.column, []).append(column)
            seen_in.setdefault(column.column, []).append(name)
    result = []
    for column, found in drifted.items():
        worst = max(found, key=lambda c: c.psi)
        worst_batch = seen_in[column][found.index(worst)]
        parts = [f"PSI {worst.psi:.2f} ({worst.level}) in {worst_batch}"]
        if len(found) > 1 or seen_in[column][0] != worst_batch:
            parts.append(f"above {0.1:g} in {len(found)} of {len(analysis.batches)} batches, first in "
                         f"{seen_in[column][0]}")
        parts.append(f"{worst.test} {worst.statistic:.3g}, {_p(worst.p_value)}")
        if worst.kind == "numeric":
            before, after = _median(reference.frame, column), _median(frames[worst_batch], column)
            if before is not None and after is not None:
                parts.append(f"median {_fmt(before)} in the reference, {_fmt(after)} in {worst_batch}")
        else:
            moved = max(worst.bins, key=lambda b: abs(b.current - b.reference))
            parts.append(f"'{moved.label}' {moved.reference:.0%} of rows in the reference, {moved.current:.0%} in "
                         f"{worst_batch}")
        result.append(Symptom("data_drift", column, f"Data drift in {column}", "; ".join(parts),
                              tuple(seen_in[column]), worst.level))
    return sorted(result, key=lambda s: (s.severity != "major", s.subject))


def _concept_symptom(analysis: Analysis) -> Symptom | None:
    detected = [n for n in analysis.batches if analysis.concept[n].detected]
    if not detected:
        return None
    measured = [n for n in analysis.batches if analysis.concept[n].measured]
    parts = []
    ref_auc = analysis.reference_performance.auc
    decayed = [n for n in detected if analysis.concept[n].performance_decay]
    if ref_auc is not None and measured:
        parts.append(figures.auc_headline(figures.headline(analysis)))  # the headline the memo states too
    if decayed and ref_auc is not None:
        worst = max(decayed, key=lambda n: analysis.concept[n].auc_drop or 0.0)
        c = analysis.concept[worst]
        parts.append(f"lowest {figures.auc_text(c.auc)} in {worst} (down {c.auc_drop:.2f}, "
                     f"{c.decay_z:.1f} standard errors)")
        stable = [n for n in decayed if analysis.concept[n].share_inputs_drifted <= concept_mod.STABLE_INPUT_SHARE]
        if stable:
            parts.append(f"AUC fell while the inputs were stable in {', '.join(stable)}")
    relations: dict[str, tuple[str, concept_mod.BinRate]] = {}
    for name in detected:
        for relation in analysis.concept[name].changed_relations:
            largest = relation.largest
            if largest is None:
                continue
            known = relations.get(relation.column)
            if known is None or abs(largest.adjusted_change) > abs(known[1].adjusted_change):
                relations[relation.column] = (name, largest)
    for column, (name, largest) in sorted(relations.items(), key=lambda kv: -abs(kv[1][1].adjusted_change))[:3]:
        parts.append(f"outcome rate where {column} is {largest.label} went from {largest.reference_rate:.0%} to "
                     f"{largest.current_rate:.0%} in {name} ({largest.adjusted_change * 100:+.0f} points beyond "
                     "the overall change)")
    parts.extend(unmeasured_parts(analysis, measured))
    severity = "major" if decayed else "moderate"
    return Symptom("concept_drift", "model", "Concept drift: the model's quality decays", "; ".join(parts),
                   tuple(detected), severity)


def unmeasured_parts(analysis: Analysis, measured: Sequence[str] = ()) -> list[str]:
    """Why the batches without a measured AUC have none: label delay (no outcomes at all) is one reason,
    outcomes all of one class or too few of them are others, and each is said as what it is."""
    waiting = [n for n in analysis.batches if n not in measured and analysis.performance[n].labelled == 0]
    other = [n for n in analysis.batches if n not in measured and n not in waiting]
    parts = []
    if waiting:
        parts.append(f"not measurable yet in {', '.join(waiting)} (no outcomes: label delay)")
    for name in other:
        parts.append(f"{name} {analysis.performance[name].note or 'not measured'}")
    return parts


def _fairness_symptoms(analysis: Analysis) -> list[Symptom]:
    result = []
    for attribute, by_batch in analysis.fairness.items():
        flagged = [n for n in analysis.batches if n in by_batch and by_batch[n].flagged]
        if not flagged:
            continue
        parts = []
        di_batches = [n for n in flagged if by_batch[n].di_flag]
        if di_batches:
            worst = min(di_batches, key=lambda n: by_batch[n].di_ratio or 1.0)
            f = by_batch[worst]
            low, high = f.least_selected, f.most_selected
            assert low is not None and high is not None
            parts.append(f"approval rate of '{low.group}' {low.selection_rate:.0%} against {high.selection_rate:.0%} "
                         f"for '{high.group}' in {worst}: disparate impact ratio {f.di_ratio:.2f} (below "
                         f"{DI_THRESHOLD:g}), demographic parity difference {f.dp_difference:.2f}")
            ref = by_batch.get(analysis.reference)
            if ref is not None and ref.di_ratio is not None:
                parts.append(f"ratio {ref.di_ratio:.2f} on the reference")
        eo_batches = [n for n in flagged if by_batch[n].eo_flag]
        if eo_batches:
            worst = max(eo_batches, key=lambda n: by_batch[n].eo_difference or 0.0)
            f = by_batch[worst]
            tprs = [g for g in f.compared if g.tpr is not None]
            low = min(tprs, key=lambda g: g.tpr or 0.0)
            high = max(tprs, key=lambda g: g.tpr or 0.0)
            parts.append(f"equal opportunity difference {f.eo_difference:.2f} in {worst}: applicants who repaid "
                         f"were approved {low.tpr:.0%} of the time in '{low.group}' against {high.tpr:.0%} in "
                         f"'{high.group}'")
        severity = "major" if any((by_batch[n].di_ratio or 1) < DI_THRESHOLD - 0.1 or
                                  (by_batch[n].eo_difference or 0) >= 2 * EO_THRESHOLD for n in flagged) else "moderate"
        result.append(Symptom("fairness", attribute, f"Fairness violation across {attribute}", "; ".join(parts),
                              tuple(flagged), severity))
    return result


def symptoms(analysis: Analysis, reference: Batch, batches: Sequence[Batch]) -> list[Symptom]:
    found = _data_drift_symptoms(analysis, reference, batches)
    concept = _concept_symptom(analysis)
    if concept:
        found.append(concept)
    found.extend(_fairness_symptoms(analysis))
    return found


def summary_numbers(analysis: Analysis) -> dict[str, float | None]:
    """Headline numbers of the latest batches, for the page and the memo."""
    latest = analysis.latest
    labelled = analysis.latest_labelled
    return {
        "share_drifted": analysis.drift[latest].share_drifted,
        "reference_auc": analysis.reference_performance.auc,
        "latest_auc": analysis.performance[labelled].auc if labelled else None,
        "reference_approval": analysis.reference_performance.approval_rate,
        "latest_approval": analysis.performance[latest].approval_rate,
        "reference_bad_rate": analysis.reference_performance.bad_rate_approved,
        "latest_bad_rate": analysis.performance[labelled].bad_rate_approved if labelled else None,
    }


def numeric_values(frame: pd.DataFrame, column: str) -> np.ndarray:
    values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return values[~np.isnan(values)]
