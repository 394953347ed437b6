"""Write-back: the plan's documents and gate decisions into MLflow, where the model's users look.

For the version the plan describes (the imported snapshot's version):

- artifacts on the version's run, under ``lifecycle_workbook/``: the lifecycle map PDF
  (``lifecycle_map.pdf``), the Model Card as a Hugging Face README (``README.md``), the Data
  Sheet (``DATASHEET.md``) and the project file (``project.yaml``); writing again replaces them;
- tags on the model version, one group per signed stage gate:
  ``lifecycle.gate.<phase>.signed_by`` / ``.signed_on`` / ``.decision`` / ``.open_findings`` /
  ``.accepted_findings`` (the findings recorded at sign-off, ``none`` when there were none),
  plus ``lifecycle.project`` and ``lifecycle.written_at``; a gate whose sign-off was withdrawn
  has its tags removed;
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
from ...model import Project
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


def gate_tags(project: Project) -> dict[str, str]:
    """The tags that record every signed stage gate: who, when, the decision and the findings at sign-off."""
    tags: dict[str, str] = {}
    for phase in PHASES:
        gate = phase.answers(project).gate
        if not is_signed(gate):
            continue
        prefix = f"{GATE_TAG_PREFIX}{phase.key}."
        tags[prefix + "signed_by"] = gate.signed_off_by.strip()[:TAG_VALUE_MAX]
        tags[prefix + "signed_on"] = gate.signed_off_on.isoformat() if gate.signed_off_on else ""
        tags[prefix + "decision"] = gate.decision.value if gate.decision else ""
        recorded = gate.open_findings_at_sign_off
        tags[prefix + "open_findings"] = _joined([finding_id(f) for f in recorded if not f.accepted])
        tags[prefix + "accepted_findings"] = _joined([finding_id(f) for f in recorded if f.accepted])
    return tags


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
