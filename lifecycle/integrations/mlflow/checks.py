"""Registry-aware checks: the plan against what its MLflow registry showed at the last import.

They read only the snapshot saved with the project (``integrations.mlflow.snapshot``), so
they stay pure functions of the project file, and they do nothing for a project without a
link, or whose snapshot belongs to another server or model than the link names now.
Registered in the check registry by ``lifecycle.checks`` (one import line there).

A sign-off approves one model version: signing a gate of a linked, imported project records
the version the plan described then (``<phase>.gate.signed_for``: model, version and run id;
file format 4). DE-101 compares the versions holding a production alias with the version the
Deployment gate was signed for, so importing another version later does not pass for its
approval. A sign-off that recorded none (a file of format 3 or older, or a gate signed before
any import) is taken, as before, to approve the version the plan describes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...checks.finding import Severity
from ...checks.registry import Hit, check
from ...model import Project
from ...model.integrations import MlflowLink, RegistrySnapshot
from .targets import Outcome, TargetResult, compare_targets, shown_value

# Findings point at the Deployment gate: "Go to the answer" opens the Deployment page, where the
# sign-off and the MLflow section are (the sign-off fields themselves are never offered as answers).
GATE_FIELD = "deployment.gate"
PLAN_TAG = "lifecycle.plan"  # set on a registered model by write-back: the plan that governs it
SIGNED_BY_TAG = "lifecycle.gate.deployment.signed_by"
WHEN = "projects linked to an MLflow registered model"


def _snapshot(project: Project) -> tuple[MlflowLink, RegistrySnapshot] | None:
    link = project.integrations.mlflow
    snapshot = link.current_snapshot()
    return (link, snapshot) if snapshot is not None else None


def _offline_results(project: Project, outcome: Outcome) -> tuple[RegistrySnapshot, list[TargetResult]] | None:
    """The imported version's snapshot and the plan's offline-metric targets with ``outcome`` on its run."""
    found = _snapshot(project)
    if found is None:
        return None
    results = [r for r in compare_targets(project) if r.kind == "offline metric" and r.outcome is outcome]
    return found[1], results


def production_holders(link: MlflowLink, snapshot: RegistrySnapshot) -> list[tuple[str, str]]:
    """(alias, version) for every production alias a version holds, in the link's alias order."""
    wanted = [alias.casefold() for alias in link.production_aliases]
    found = [
        (alias, version.version)
        for version in snapshot.versions
        for alias in version.aliases
        if alias.casefold() in wanted
    ]
    return sorted(found, key=lambda pair: (wanted.index(pair[0].casefold()), pair[0], pair[1]))


def approved_version(project: Project, snapshot: RegistrySnapshot) -> tuple[str, str]:
    """(model, version) the Deployment gate's sign-off approved: the version it recorded, or, for a sign-off that
    recorded none (a file of format 3 or older, or signed before any import), the version the plan describes now."""
    recorded = project.deployment.gate.signed_for
    if recorded is None or not recorded.version.strip():
        return snapshot.model, snapshot.version
    return recorded.model.strip() or snapshot.model, recorded.version.strip()


def _version_label(snapshot: RegistrySnapshot, version: str) -> str:
    return f"version {version} of '{snapshot.model}'"


@check("DE-101", "A version serves production without a signed Deployment gate", phase="deployment",
       severity=Severity.WARNING, rules=(9,), refs=("MLflow Model Registry aliases",), when=WHEN)
def production_alias_without_sign_off(project: Project) -> Iterator[Hit]:
    """A registry version holds a production alias (champion, production, prod, or the link's own list)
    while the plan's Deployment gate is not signed off, or the gate was signed for another version
    and this one carries no sign-off tag.

    An alias is what serving reads, so moving it is the release; a release the Deployment
    gate did not approve skips the checks the gate stands for (Rule 9). It is a warning, not
    a blocker, so that the gate can still be signed to approve the version that serves.
    """
    found = _snapshot(project)
    if found is None:
        return
    link, snapshot = found
    signed = bool(project.deployment.gate.signed_off_by.strip())
    model, approved = approved_version(project, snapshot)
    tags = {v.version: v.tags for v in snapshot.versions}
    for alias, version in production_holders(link, snapshot):
        if signed and ((model == snapshot.model and version == approved) or SIGNED_BY_TAG in tags.get(version, {})):
            continue
        where = f"version {approved}" + ("" if model == snapshot.model else f" of '{model}'")
        why = ("the Deployment gate is not signed off" if not signed else
               f"the Deployment gate was signed for {where}, and this version has no '{SIGNED_BY_TAG}' tag")
        yield Hit(
            message=f"{_version_label(snapshot, version).capitalize()} holds the alias '{alias}' in the registry, "
                    f"but {why}: a model serves production without the plan's approval.",
            fix="Sign off the Deployment gate for the version that serves and write the sign-off back to MLflow, "
                "or move the alias back to a version that was approved.",
            field=GATE_FIELD,
            subject=f"{alias} → v{version}",
        )


def _measured(result: TargetResult) -> str:
    return shown_value(result) + (f" ('{result.measured.key}')" if result.measured else "")


@check("DE-102", "The imported version fails the pre-release quality gate", phase="deployment",
       severity=Severity.BLOCKER, rules=(9,), refs=("ML Test Score Infra 4",), when=WHEN)
def quality_gate_failed(project: Project) -> Iterator[Hit]:
    """A quality-gate row (metric, comparator, threshold) is missed by the value the imported
    version's run logged, or the run logged nothing that measures it.

    The pre-release gate exists to stop a model that falls short before users see it
    (Rule 9); a gate that is not measured cannot stop anything.
    """
    found = _snapshot(project)
    if found is None:
        return
    snapshot = found[1]
    for result in compare_targets(project):
        if result.kind != "quality gate" or result.outcome not in (Outcome.MISSED, Outcome.NOT_LOGGED):
            continue
        label = _version_label(snapshot, snapshot.version)
        if result.outcome is Outcome.MISSED:
            message = (f"The quality gate asks {result.name} {result.target}; {label} measured "
                       f"{_measured(result)}.")
            fix = "Do not release this version: improve the model, or record why the gate's threshold changed."
        else:
            message = f"The quality gate checks {result.name}, but the run of {label} logged no value for it: " \
                      f"{result.note}."
            fix = "Log the metric on the training run under a matching name (see the MLflow naming convention), " \
                  "or pair the gate row with the logged metric on the Deployment page."
        yield Hit(message=message, fix=fix, field=result.field, subject=f"v{snapshot.version}: {result.name}")


@check("MO-101", "The run lacks metrics the evaluation plan promised", phase="modeling",
       severity=Severity.WARNING, rules=(2,), refs=("ML Test Score Model 2",), when=WHEN)
def promised_metric_not_logged(project: Project) -> Iterator[Hit]:
    """An offline metric of the evaluation plan has no value on the run of the imported model version.

    A target that is never measured is a promise nobody can check (Rule 2: design and
    implement metrics first); the model card would show a gap where the plan promised a number.
    """
    found = _offline_results(project, Outcome.NOT_LOGGED)
    if found is None:
        return
    snapshot, results = found
    for result in results:
        yield Hit(
            message=f"The evaluation plan promises {result.name} ({result.target or 'no threshold'}), but the "
                    f"run of {_version_label(snapshot, snapshot.version)} logged no value for it: {result.note}.",
            fix="Log it on the run (e.g. 'auc' overall, 'auc/thin-file' per slice), or pair the target with the "
                "logged metric that measures it on the Deployment page.",
            field=result.field,
            subject=f"v{snapshot.version}: {result.name}",
        )


@check("MO-102", "The imported version misses an offline target", phase="modeling",
       severity=Severity.WARNING, rules=(25,), refs=("ML Test Score Model 2",), when=WHEN)
def offline_target_missed(project: Project) -> Iterator[Hit]:
    """A value the imported version's run measured misses the threshold the evaluation plan set for it.

    The plan set the bar before anyone looked at results; a model below it should not be
    chosen without a recorded reason (Rule 25: choose on the decision the model drives).
    """
    found = _offline_results(project, Outcome.MISSED)
    if found is None:
        return
    snapshot, results = found
    for result in results:
        yield Hit(
            message=f"The plan asks {result.name} {result.target}; {_version_label(snapshot, snapshot.version)} "
                    f"measured {_measured(result)}.",
            fix="Improve the model before release, or accept the finding with the reason the shortfall is "
                "acceptable.",
            field=result.field,
            subject=f"v{snapshot.version}: {result.name}",
        )


def unplanned_models(link: MlflowLink, snapshot: RegistrySnapshot) -> list[str]:
    """Registered models on the same server that no plan links (no plan tag), other than the linked one."""
    own = link.registered_model.strip()
    return sorted(m.name for m in snapshot.server_models if m.name != own and not m.plan.strip())


@check("DE-103", "Registered models with no linked plan", phase="deployment", severity=Severity.ADVICE,
       refs=("MLflow Model Registry", "Stage-gate sign-off"), when=WHEN)
def registered_models_without_plan(project: Project) -> Iterator[Hit]:
    """The tracking server holds registered models that no lifecycle plan links (none carries the
    'lifecycle.plan' tag that writing a plan back sets).

    A registered model without a plan has no gates, no model card and no named owner on record;
    the Portfolio lists them for the platform lead. Reported once per project, however many.
    """
    found = _snapshot(project)
    if found is None:
        return
    link, snapshot = found
    names = unplanned_models(link, snapshot)
    if not names:
        return
    shown = ", ".join(f"'{n}'" for n in names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    yield Hit(
        message=f"{len(names)} registered model{'s' if len(names) != 1 else ''} on {snapshot.tracking_uri} "
                f"{'have' if len(names) != 1 else 'has'} no linked plan: {shown}.",
        fix="Link each to its project in the workbook and write the plan back (it sets the 'lifecycle.plan' tag), "
            "or archive models nobody serves.",
        field=GATE_FIELD,
        subject=snapshot.tracking_uri,
    )
