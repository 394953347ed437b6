"""Write-back: the plan's documents and gate decisions into MLflow, where the model's users look.

For the version the plan describes (the imported snapshot's version):

- artifacts on the version's run, under ``lifecycle_workbook/``: the lifecycle map PDF
  (``lifecycle_map.pdf``), the Model Card as a Hugging Face README (``README.md``), the Data
  Sheet (``DATASHEET.md``) and the project file (``project.yaml``); writing again replaces them;
- tags on the model version, one group per stage gate signed for that version:
  ``lifecycle.gate.<phase>.signed_by`` / ``.signed_on`` / ``.decision`` / ``.open_findings`` /
  ``.accepted_findings`` (the findings recorded at sign-off, ``none`` when there were none) and,
  where the sign-off recorded the version it approved, ``.model_version`` / ``.run_id``; plus
  ``lifecycle.project`` and ``lifecycle.written_at``. A gate whose sign-off was withdrawn has its
  tags removed. A gate signed for another version (the plan was signed while it described
  version 1, and now describes version 2) is not written to this one, and the write-back says
  so: its tags would claim an approval nobody gave. A sign-off that recorded no version (an
  older file, or signed before any import) is written to the version the plan describes;
- the registered model's ``lifecycle.plan`` tag, naming the plan that governs it.

``write_back`` talks to the server; ``record_write_back`` (pure) keeps what was written on the
project and in its snapshot, so the checks see the registry as it now is.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ...export import map_pdf
from ...gates import finding_id, is_signed
from ...handoff import datasheet_markdown, hf_readme
from ...model import Project, StageGate
from ...model.base import SignedVersion
from ...model.integrations import VALUE_MAX, ServerModel, WriteBack
from ...phases import PHASES
from ...storage import dump_project
from .checks import PLAN_TAG
from .client import Registry, RegistryError

ARTIFACT_DIR = "lifecycle_workbook"
MAP_FILE, CARD_FILE, DATASHEET_FILE, PROJECT_FILE = "lifecycle_map.pdf", "README.md", "DATASHEET.md", "project.yaml"
GATE_TAG_PREFIX = "lifecycle.gate."
PROJECT_TAG, WRITTEN_TAG = "lifecycle.project", "lifecycle.written_at"
TAG_VALUE_MAX = 4_900  # older MLflow servers refuse registry tag values over 5,000 characters

Progress = Callable[[str], None]


def _joined(items: list[str]) -> str:
    text = "; ".join(items) if items else "none"
    if len(text) <= TAG_VALUE_MAX:
        return text
    shown: list[str] = []
    for index, item in enumerate(items):
        rest = f" … and {len(items) - index} more"
        if len("; ".join([*shown, item])) + len(rest) > TAG_VALUE_MAX:
            return "; ".join(shown) + rest
        shown.append(item)
    return "; ".join(shown)


def plan_label(project: Project, project_id: str | None = None) -> str:
    name = project.info.name.strip() or "Untitled project"
    return (f"{name} (workbook project {project_id})" if project_id else name)[:VALUE_MAX]


def _target(project: Project) -> tuple[str, str] | None:
    """(model, version) the plan describes now: where a write-back goes; None before any import."""
    snapshot = project.integrations.mlflow.current_snapshot()
    return (snapshot.model, snapshot.version) if snapshot is not None and snapshot.version else None


def signed_for_another_version(gate: StageGate, target: tuple[str, str] | None) -> bool:
    """The gate's sign-off recorded a model version, and it is not ``target`` (model, version)."""
    recorded = gate.signed_for
    if recorded is None or not recorded.version.strip() or target is None:
        return False
    return (recorded.model.strip() or target[0], recorded.version.strip()) != target


def gates_signed_elsewhere(project: Project) -> list[tuple[str, SignedVersion]]:
    """(phase title, version signed for) of each signed gate approving another version than the described one."""
    target = _target(project)
    found: list[tuple[str, SignedVersion]] = []
    for phase in PHASES:
        gate = phase.answers(project).gate
        if is_signed(gate) and gate.signed_for is not None and signed_for_another_version(gate, target):
            found.append((phase.title, gate.signed_for))
    return found


def gate_tags(project: Project) -> dict[str, str]:
    """The tags that record every stage gate signed for the version the plan describes: who, when, the decision,
    the findings at sign-off and the version it approved. A gate signed for another version is left out."""
    target = _target(project)
    tags: dict[str, str] = {}
    for phase in PHASES:
        gate = phase.answers(project).gate
        if not is_signed(gate) or signed_for_another_version(gate, target):
            continue
        prefix = f"{GATE_TAG_PREFIX}{phase.key}."
        tags[prefix + "signed_by"] = gate.signed_off_by.strip()[:TAG_VALUE_MAX]
        tags[prefix + "signed_on"] = gate.signed_off_on.isoformat() if gate.signed_off_on else ""
        tags[prefix + "decision"] = gate.decision.value if gate.decision else ""
        recorded = gate.open_findings_at_sign_off
        tags[prefix + "open_findings"] = _joined([finding_id(f) for f in recorded if not f.accepted])
        tags[prefix + "accepted_findings"] = _joined([finding_id(f) for f in recorded if f.accepted])
        if gate.signed_for is not None and gate.signed_for.version.strip():
            tags[prefix + "model_version"] = gate.signed_for.version.strip()
            if gate.signed_for.run_id.strip():
                tags[prefix + "run_id"] = gate.signed_for.run_id.strip()
    return tags


def elsewhere_note(project: Project) -> str:
    """Why some signed gates are not written to the version the plan describes, and how to approve it; empty when
    every signed gate approved that version (or recorded none)."""
    target, skipped = _target(project), gates_signed_elsewhere(project)
    if target is None or not skipped:
        return ""
    model, version = target
    which = "; ".join(f"the {title} gate was signed for version {signed.version.strip()}"
                      + (f" of '{signed.model.strip()}'" if signed.model.strip() not in ("", model) else "")
                      for title, signed in skipped)
    return (f"Version {version} is not tagged as signed: {which}. A sign-off approves the version it was signed "
            f"for; to approve version {version}, withdraw the sign-off and sign again while the plan describes it.")


def build_documents(project: Project, progress: Progress = lambda _: None) -> dict[str, bytes]:
    """The four files written to the run, by name."""
    progress("Building the lifecycle map PDF…")
    pdf = map_pdf(project)
    progress("Writing the Model Card, the Data Sheet and the project file…")
    return {
        MAP_FILE: pdf,
        CARD_FILE: hf_readme(project).encode("utf-8"),
        DATASHEET_FILE: datasheet_markdown(project).encode("utf-8"),
        PROJECT_FILE: dump_project(project).encode("utf-8"),
    }


@dataclass
class WriteBackResult:
    record: WriteBack
    removed_tags: list[str]
    notes: list[str]


def write_back(
    project: Project, *, project_id: str | None = None, now: datetime | None = None,
    progress: Progress = lambda _: None,
) -> WriteBackResult:
    """Write the documents to the version's run and the sign-offs to the version's tags.

    Raises ``RegistryError`` naming what failed; when the documents were written but the tags
    could not be, the message says so (MLflow has no transaction across the two).
    """
    link = project.integrations.mlflow
    snapshot = link.current_snapshot()
    if snapshot is None or not snapshot.version:
        raise RegistryError("invalid", "Import from MLflow first: the write-back goes to the version the plan "
                            "describes, which the import chooses.")
    name, version = snapshot.model, snapshot.version
    registry = Registry(link.tracking_uri)
    progress(f"Reading version {version} of '{name}'…")
    current = registry.call(f"reading version {version} of '{name}'", registry.client.get_model_version, name,
                            version)
    when = now or datetime.now(timezone.utc)
    notes: list[str] = []
    artifacts: list[str] = []
    run_id = current.run_id or ""
    if run_id:
        documents = build_documents(project, progress)
        progress(f"Uploading {len(documents)} documents to run {run_id}…")
        with tempfile.TemporaryDirectory(prefix="lifecycle-mlflow-") as folder:
            for filename, content in documents.items():
                (Path(folder) / filename).write_bytes(content)
            registry.call(f"writing the plan's documents to run {run_id}", registry.client.log_artifacts, run_id,
                          folder, ARTIFACT_DIR)
        artifacts = [f"{ARTIFACT_DIR}/{filename}" for filename in documents]
    else:
        notes.append(f"Version {version} has no run, so the documents could not be attached; only its tags were "
                     "written.")
    elsewhere = elsewhere_note(project)
    if elsewhere:
        notes.append(elsewhere)
    tags = {**gate_tags(project), PROJECT_TAG: plan_label(project, project_id),
            WRITTEN_TAG: when.replace(microsecond=0).isoformat()}
    stale = sorted(key for key in (current.tags or {}) if key.startswith(GATE_TAG_PREFIX) and key not in tags)
    progress(f"Tagging version {version} with the gate sign-offs…")
    try:
        for key, value in tags.items():
            registry.call(f"tagging version {version} of '{name}'", registry.client.set_model_version_tag, name,
                          version, key, value)
        for key in stale:
            registry.call(f"removing the withdrawn sign-off tag '{key}' from version {version}",
                          registry.client.delete_model_version_tag, name, version, key)
        registry.call(f"tagging '{name}' with its plan", registry.client.set_registered_model_tag, name, PLAN_TAG,
                      plan_label(project, project_id))
    except RegistryError as error:
        if artifacts:
            raise RegistryError(error.kind, f"{error} The documents were written to run {run_id}; the tags were "
                                "not all written.") from error
        raise
    record = WriteBack(written_at=when, version=version, run_id=run_id, artifacts=artifacts, tags=tags)
    return WriteBackResult(record, stale, notes)


def record_write_back(project: Project, result: WriteBackResult, project_id: str | None = None) -> Project:
    """A copy of the project that remembers the write-back and sees its tags in the snapshot."""
    updated = project.model_copy(deep=True)
    link = updated.integrations.mlflow
    link.write_back = result.record
    snapshot = link.current_snapshot()
    if snapshot is not None:
        versions = []
        for version in snapshot.versions:
            if version.version == result.record.version:
                tags = {k: v for k, v in version.tags.items() if k not in result.removed_tags}
                tags.update(result.record.tags)
                version = version.model_copy(update={"tags": tags})
            versions.append(version)
        label = plan_label(project, project_id)
        models = [m.model_copy(update={"plan": label}) if m.name == snapshot.model else m
                  for m in snapshot.server_models]
        if not any(m.name == snapshot.model for m in models):
            models.append(ServerModel(name=snapshot.model, plan=label))
        link.snapshot = snapshot.model_copy(update={
            "versions": versions, "tags": {**snapshot.tags, PLAN_TAG: label}, "server_models": models,
        })
    return Project.model_validate(updated.model_dump())
