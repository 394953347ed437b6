"""Import: read the linked registered model into a snapshot, then let it fill the plan.

``read_registry(link)`` talks to the server (the only function here that does) and returns
a ``RegistrySnapshot``: the model's versions with aliases and tags, and for the chosen version
its run's metrics, params and logged datasets, plus the other registered models on the
server. ``apply_import(project, snapshot)`` is pure: it stores the snapshot on the link and
fills the Model Card (results per slice, version, model id, evaluation data set). If reading
fails, nothing is applied: the caller keeps the project as it was.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ...model import Project
from ...model.integrations import (
    METRICS_MAX,
    PARAMS_MAX,
    SERVER_MODELS_MAX,
    SHORT_TEXT_MAX,
    SOURCE_MAX,
    TABLE_ROWS_MAX,
    TAGS_MAX,
    VALUE_MAX,
    ImportedRun,
    ImportedVersion,
    LoggedDataset,
    MlflowLink,
    RegistrySnapshot,
    ServerModel,
)
from ...model.model_card import SliceResult
from ...text.metrics import same_metric
from .checks import PLAN_TAG
from .client import Registry, RegistryError
from .names import (
    Measurement,
    canonical_metric,
    find_measurement,
    measurement_for_key,
    readable_slice,
    result_keys,
    slice_words,
)

VERSIONS_SCANNED = 2_000  # a registry with more versions than this is listed from its newest ones
PAGE = 200
EVALUATION_CONTEXTS = ("evaluation", "eval", "test", "testing", "validation", "holdout")


def _cut(text: Any, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(milliseconds: Any) -> datetime | None:
    if not milliseconds:
        return None
    try:
        return datetime.fromtimestamp(int(milliseconds) / 1000, tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _version_number(version: str) -> tuple[int, str]:
    return (int(version), version) if version.isdigit() else (-1, version)


def _aliases(model: Any) -> dict[str, str]:
    """alias -> version, from a RegisteredModel (a dict in MLflow 3, a list of alias objects in 2.x)."""
    raw = getattr(model, "aliases", None) or {}
    if isinstance(raw, dict):
        return {str(a): str(v) for a, v in raw.items()}
    return {str(item.alias): str(item.version) for item in raw}


def _tags(raw: Any) -> dict[str, str]:
    items = raw.items() if isinstance(raw, dict) else ((t.key, t.value) for t in raw or ())
    kept: dict[str, str] = {}
    for key, value in items:
        if len(kept) >= TAGS_MAX:
            break
        if key and len(str(key)) <= SHORT_TEXT_MAX:
            kept[str(key)] = _cut(value, VALUE_MAX)
    return kept


def _filter_for(name: str) -> str:
    if "'" not in name:
        return f"name='{name}'"
    if '"' not in name:
        return f'name="{name}"'
    raise RegistryError("invalid", "The registered model's name holds both kinds of quote; MLflow cannot search "
                        "for its versions.")


@dataclass
class ImportResult:
    snapshot: RegistrySnapshot
    notes: list[str] = field(default_factory=list)  # what was read only in part, and why


def _versions(registry: Registry, name: str) -> tuple[list[Any], int]:
    found: list[Any] = []
    token = None
    while True:
        page = registry.call(
            f"listing the versions of '{name}'", registry.client.search_model_versions,
            filter_string=_filter_for(name), max_results=PAGE, order_by=["version_number DESC"], page_token=token,
        )
        found.extend(page)
        token = getattr(page, "token", None)
        if not token or len(found) >= VERSIONS_SCANNED:
            return found, (1 if token else 0)


def choose_version(link: MlflowLink, versions: Iterable[str], aliases: dict[str, str]) -> str:
    """The version the plan describes: the link's, else the one holding the first production alias, else the newest."""
    listed = sorted(set(versions), key=_version_number)
    wanted = link.version.strip()
    if wanted:
        if wanted.casefold().startswith("v") and wanted[1:].isdigit():
            wanted = wanted[1:]
        if wanted not in listed:
            known = ", ".join(listed[-10:]) or "none"
            raise RegistryError("not_found", f"Version {wanted} of '{link.registered_model.strip()}' does not exist "
                                f"on {link.tracking_uri.strip()} (its versions: {known}).")
        return wanted
    folded = {alias.casefold(): version for alias, version in aliases.items()}
    for alias in link.production_aliases:
        if alias.casefold() in folded and folded[alias.casefold()] in listed:
            return folded[alias.casefold()]
    if not listed:
        raise RegistryError("not_found", f"'{link.registered_model.strip()}' has no versions on "
                            f"{link.tracking_uri.strip()} yet: register one from a run first.")
    return listed[-1]


def _run(registry: Registry, run_id: str, version: str, notes: list[str]) -> ImportedRun | None:
    try:
        run = registry.call(f"reading run {run_id} of version {version}", registry.client.get_run, run_id)
    except RegistryError as error:
        if error.kind in ("not_found", "permission"):
            notes.append(str(error) + " The versions and aliases were imported without the run's metrics.")
            return None
        raise
    left_out = 0
    metrics: dict[str, float] = {}
    for key, value in sorted((run.data.metrics or {}).items()):
        if len(metrics) >= METRICS_MAX or len(key) > SHORT_TEXT_MAX or not math.isfinite(float(value)):
            left_out += 1
            continue
        metrics[key] = float(value)
    params: dict[str, str] = {}
    for key, value in sorted((run.data.params or {}).items()):
        if len(params) >= PARAMS_MAX or len(key) > SHORT_TEXT_MAX:
            left_out += 1
            continue
        params[key] = _cut(value, VALUE_MAX)
    datasets = []
    for item in list(getattr(getattr(run, "inputs", None), "dataset_inputs", None) or []):
        if len(datasets) >= TABLE_ROWS_MAX:
            left_out += 1
            continue
        data = item.dataset
        context = next((t.value for t in item.tags or () if t.key == "mlflow.data.context"), "")
        datasets.append(LoggedDataset(
            name=_cut(data.name, SHORT_TEXT_MAX), digest=_cut(data.digest, SHORT_TEXT_MAX),
            context=_cut(context, SHORT_TEXT_MAX), source_type=_cut(data.source_type, SHORT_TEXT_MAX),
            source=_cut(data.source, SOURCE_MAX),
        ))
    if left_out:
        notes.append(f"{left_out} metrics, params or datasets of run {run_id} were not kept (non-finite values, "
                     "very long names, or beyond the limits of a project file).")
    return ImportedRun(
        run_id=run.info.run_id, run_name=_cut(getattr(run.info, "run_name", "") or "", SHORT_TEXT_MAX),
        experiment_id=str(run.info.experiment_id or ""), status=str(run.info.status or ""),
        started_at=_when(run.info.start_time), metrics=metrics, params=params, datasets=datasets, left_out=left_out,
    )


def _server_models(registry: Registry, notes: list[str]) -> list[ServerModel]:
    found: list[ServerModel] = []
    token = None
    try:
        while len(found) < SERVER_MODELS_MAX:
            page = registry.call("listing the registered models on the server",
                                 registry.client.search_registered_models, max_results=100, page_token=token)
            for model in page:
                tags = _tags(getattr(model, "tags", {}))
                aliases = dict(list(_aliases(model).items())[:TAGS_MAX])
                found.append(ServerModel(name=_cut(model.name, SHORT_TEXT_MAX), aliases=aliases,
                                         plan=tags.get(PLAN_TAG, "")))
            token = getattr(page, "token", None)
            if not token:
                break
    except RegistryError as error:
        if error.kind != "permission":
            raise
        notes.append("The other registered models on the server could not be listed (no permission); the "
                     "Portfolio cannot show which of them lack a plan.")
    return found[:SERVER_MODELS_MAX]


def read_registry(link: MlflowLink, *, now: datetime | None = None) -> ImportResult:
    """Read the linked model from its server. Raises ``RegistryError`` (nothing read) when the server cannot be
    reached, the model does not exist, or the app may not read it."""
    if not link.is_linked:
        raise RegistryError("invalid", "Give the tracking server's URL and the registered model's name first.")
    name = link.registered_model.strip()
    registry = Registry(link.tracking_uri)
    notes: list[str] = []
    model = registry.call(f"reading the registered model '{name}'", registry.client.get_registered_model, name)
    aliases = _aliases(model)
    raw_versions, more = _versions(registry, name)
    by_alias: dict[str, list[str]] = {}
    for alias, version in aliases.items():
        by_alias.setdefault(version, []).append(alias)
    chosen = choose_version(link, [str(v.version) for v in raw_versions], aliases)
    ordered = sorted(raw_versions, key=lambda v: _version_number(str(v.version)), reverse=True)
    keep = [v for v in ordered if str(v.version) in by_alias or str(v.version) == chosen]
    keep += [v for v in ordered if v not in keep][: max(0, TABLE_ROWS_MAX - len(keep))]
    keep.sort(key=lambda v: _version_number(str(v.version)), reverse=True)
    versions = [
        ImportedVersion(
            version=str(v.version), aliases=sorted(by_alias.get(str(v.version), [])), tags=_tags(v.tags),
            run_id=_cut(v.run_id or "", SHORT_TEXT_MAX), status=str(v.status or ""),
            created_at=_when(v.creation_timestamp), description=_cut(v.description or "", VALUE_MAX),
        )
        for v in keep
    ]
    left_out = len(raw_versions) - len(keep) + more
    chosen_version = next(v for v in versions if v.version == chosen)
    run = None
    if chosen_version.run_id:
        run = _run(registry, chosen_version.run_id, chosen, notes)
    else:
        notes.append(f"Version {chosen} was registered without a run, so it has no metrics to import.")
    snapshot = RegistrySnapshot(
        imported_at=now or datetime.now(timezone.utc), tracking_uri=link.tracking_uri.strip(), model=name,
        description=_cut(getattr(model, "description", "") or "", VALUE_MAX), tags=_tags(getattr(model, "tags", {})),
        versions=versions, versions_left_out=left_out, version=chosen, run=run,
        server_models=_server_models(registry, notes),
    )
    return ImportResult(snapshot, notes)


# --- applying an import to the plan (pure) --------------------------------------------------------


@dataclass
class ImportReport:
    """What an import changed in the plan, for the message the user sees."""

    model: str
    version: str
    versions: int
    added: int = 0
    updated: int = 0
    removed: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        changes = [f"{count} {what}" for count, what in ((self.added, "added"), (self.updated, "updated"),
                                                         (self.removed, "removed")) if count]
        card = ("Model Card results: " + ", ".join(changes) + ".") if changes else "The Model Card's results are " \
            "unchanged."
        return (f"Imported '{self.model}' ({self.versions} version{'s' if self.versions != 1 else ''}); the plan "
                f"now describes version {self.version}. {card}")


def _identity(metric: str, slice_: str) -> str:
    return canonical_metric(metric) + "|" + " ".join(sorted(slice_words(slice_)))


def _plan_targets(project: Project) -> list[tuple[str, str]]:
    targets = [(m.name, m.slice) for m in project.modeling.offline_metrics if m.name.strip()]
    targets += [(c.metric, c.slice) for c in project.deployment.quality_gate_checks if c.metric.strip()]
    return targets


def card_rows(project: Project, run: ImportedRun, link: MlflowLink) -> list[tuple[str, str, Measurement]]:
    """(metric, slice, measurement) for the Model Card: every logged result of a metric the plan names,
    overall and per slice, under the plan's own wording where a key measures a plan target."""
    rows: list[tuple[str, str, Measurement]] = []
    seen_keys: set[str] = set()
    seen_rows: set[str] = set()

    def add(metric: str, slice_: str, measured: Measurement | None) -> None:
        if measured is None or measured.key in seen_keys or _identity(metric, slice_) in seen_rows:
            return
        seen_keys.add(measured.key)
        seen_rows.add(_identity(metric, slice_))
        rows.append((metric.strip(), slice_.strip() or "overall", measured))

    targets = _plan_targets(project)
    for metric, slice_ in targets:
        add(metric, slice_, find_measurement(run.metrics, metric, slice_, link.metric_keys))
    names = {canonical_metric(metric): metric for metric, _ in reversed(targets)}  # first wording wins
    for name in result_keys(run.metrics, [metric for metric, _ in targets]):
        add(names[name.canonical], readable_slice(name.slice) if name.slice else "overall",
            measurement_for_key(run.metrics, name.key))
    return rows


def _names_same_result(row: SliceResult, metric: str, slice_: str) -> bool:
    """A card row that reports this result in other words: the same metric by the review's matcher (the card's
    '12-month default rate at a 64% approval rate' is the plan's '12-month default rate of approved loans at a
    64% approval rate') on the same slice."""
    return slice_words(row.slice) == slice_words(slice_) and same_metric(row.metric, metric)


def _card_targets(results: list[SliceResult], fresh: list[tuple[str, str, Measurement]]) -> list[SliceResult | None]:
    """For each fresh result, the card row it updates (None: a new row).

    A row of the same metric and slice by the naming convention first; else one that names the same metric in
    other words (``same_metric``), so a card that already reports a result never gets a second, conflicting row
    for it (both would be published in the Hugging Face model-index). Each row is updated by one result only.
    """
    targets: list[SliceResult | None] = []
    claimed: set[int] = set()
    for metric, slice_, _ in fresh:
        identity = _identity(metric, slice_)
        row = next((r for r in results if id(r) not in claimed and _identity(r.metric, r.slice) == identity), None)
        targets.append(row)
        if row is not None:
            claimed.add(id(row))
    for index, (metric, slice_, _) in enumerate(fresh):
        if targets[index] is None:
            row = next((r for r in results if id(r) not in claimed and _names_same_result(r, metric, slice_)), None)
            targets[index] = row
            if row is not None:
                claimed.add(id(row))
    return targets


def _result(metric: str, slice_: str, measured: Measurement, old: SliceResult | None, notes: list[str]) -> SliceResult:
    lower, upper = measured.lower, measured.upper
    if lower is None or upper is None or not lower <= measured.value <= upper:
        if lower is not None or upper is not None:
            notes.append(f"The confidence bounds logged for '{measured.key}' were not used: both are needed and the "
                         "value must lie between them.")
        lower = upper = None
        if old is not None and old.ci_lower is not None and old.ci_upper is not None \
                and old.ci_lower <= measured.value <= old.ci_upper:
            lower, upper = old.ci_lower, old.ci_upper  # the interval typed on the card still holds
    result = SliceResult(metric=metric, slice=slice_, value=measured.value, ci_lower=lower, ci_upper=upper)
    # An updated row stays the same row (its id), so an edit or a flag made on it still finds it.
    return result if old is None else result.model_copy(update={"row_id": old.row_id})


def apply_import(
    project: Project, snapshot: RegistrySnapshot, notes: Iterable[str] = ()
) -> tuple[Project, ImportReport]:
    """A copy of the project holding ``snapshot`` on its link, with the Model Card filled from the imported run."""
    updated = project.model_copy(deep=True)
    link = updated.integrations.mlflow
    previous = link.snapshot
    report = ImportReport(model=snapshot.model, version=snapshot.version, versions=len(snapshot.versions),
                          notes=list(notes))
    card = updated.model_card
    results = list(card.quantitative.results)
    written: list[str] = []
    if snapshot.run is not None:
        fresh = card_rows(updated, snapshot.run, link)
        targets = _card_targets(results, fresh)
        stale = {entry.rsplit("=", 1)[0]: entry.rsplit("=", 1)[-1] for entry in (previous.card_results if previous
                                                                                 else [])}
        claimed = {id(row) for row in targets if row is not None}
        kept = []
        for row in results:
            identity = _identity(row.metric, row.slice)
            if id(row) not in claimed and identity in stale and f"{row.value}" == stale[identity]:
                report.removed += 1  # written by the last import and not measured by this version's run
                continue
            kept.append(row)
        results = kept
        for (metric, slice_, measured), old in zip(fresh, targets):
            at = next((i for i, row in enumerate(results) if row is old), None)
            # An existing row keeps its own wording: the team's name for the metric, now with the measured value.
            new = _result(old.metric if old else metric, old.slice if old else slice_, measured, old, report.notes)
            if at is None:
                if len(results) >= TABLE_ROWS_MAX:
                    report.notes.append(f"The Model Card's results table is full; '{measured.key}' was not added.")
                    continue
                results.append(new)
                report.added += 1
            elif new != old:
                results[at] = new
                report.updated += 1
            written.append(f"{_identity(new.metric, new.slice)}={new.value}")
    card.quantitative.results = results
    version_text = f"version {snapshot.version}"
    given = card.details.version.strip()
    if not given or (previous is not None and given == previous.card_version):
        card.details.version = version_text
    elif given != version_text:
        report.notes.append(f"The Model Card's version says '{given}', while its results now come from version "
                            f"{snapshot.version} of '{snapshot.model}'; change it if the card describes that version.")
    if not card.details.model_id.strip():
        card.details.model_id = snapshot.model
    if snapshot.run is not None and not card.evaluation_data.evaluation_dataset.strip():
        evaluation = [d for d in snapshot.run.datasets if d.context.casefold() in EVALUATION_CONTEXTS]
        if evaluation:
            card.evaluation_data.evaluation_dataset = evaluation[0].name
    stored = snapshot.model_copy(update={"card_results": written[:TABLE_ROWS_MAX],
                                         "card_version": card.details.version if card.details.version == version_text
                                         else ""})
    link.snapshot = stored
    return Project.model_validate(updated.model_dump()), report
