"""Cases for the registry-aware checks, in the form of ``tests/unit/test_checks_cases.py``.

Each starts from ``tests/fixtures/perfect.yaml`` (no findings, no link) and links it to a
registered model with an imported snapshot: the checks read nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from lifecycle.model import Project
from lifecycle.model.base import SignedVersion
from lifecycle.model.integrations import ImportedRun, ImportedVersion, MlflowLink, RegistrySnapshot, ServerModel

Mutation = Callable[[Project], Any]
URL = "http://127.0.0.1:5999"
MODEL = "ticket-router"
OVERALL_KEY = "precision_at_the_routing_threshold"
NON_ENGLISH_KEY = "precision_at_the_routing_threshold/non-english"
MET = {OVERALL_KEY: 0.95, NON_ENGLISH_KEY: 0.9}


def snapshot(metrics: dict[str, float] | None = None, *, aliases: tuple[str, ...] = (), described: str = "3",
             server_models: tuple[ServerModel, ...] = (), other_aliases: tuple[str, ...] = ()) -> RegistrySnapshot:
    return RegistrySnapshot(
        imported_at=datetime(2025, 6, 1, tzinfo=timezone.utc), tracking_uri=URL, model=MODEL, version=described,
        versions=[ImportedVersion(version="3", aliases=list(aliases), run_id="r3"),
                  ImportedVersion(version="2", aliases=list(other_aliases), run_id="r2")],
        run=ImportedRun(run_id="r3", metrics=dict(MET if metrics is None else metrics)),
        server_models=list(server_models),
    )


def linked(name: str, **kwargs: Any) -> Mutation:
    def mutate(project: Project) -> None:
        project.integrations.mlflow = MlflowLink(tracking_uri=URL, registered_model=MODEL, snapshot=snapshot(**kwargs))

    mutate.__name__ = f"linked: {name}"
    return mutate


def signed(mutation: Mutation, version: str = "") -> Mutation:
    """The Deployment gate signed; for ``version``, as a sign-off records it (format 4), else as an older file."""

    def mutate(project: Project) -> None:
        mutation(project)
        project.deployment.gate.signed_off_by = "Dana Whitfield"
        if version:
            project.deployment.gate.signed_for = SignedVersion(model=MODEL, version=version, run_id=f"r{version}")

    mutate.__name__ = mutation.__name__ + " & deployment gate signed" + (f" for v{version}" if version else "")
    return mutate


MLFLOW_FIRES: list[tuple[str, Mutation]] = [
    ("DE-101", linked("champion on the described version, gate unsigned", aliases=("champion",))),
    ("DE-101", signed(linked("gate signed for v3, prod alias on v2", other_aliases=("prod",)))),
    # Signed while v2 was described, then champion moved to v3 and v3 imported: v3 is not what was approved.
    ("DE-101", signed(linked("champion on the described v3", aliases=("champion",)), version="2")),
    ("DE-102", linked("overall precision 0.90 < 0.92", metrics={OVERALL_KEY: 0.90, NON_ENGLISH_KEY: 0.9})),
    ("DE-102", linked("gate metric not logged", metrics={NON_ENGLISH_KEY: 0.9})),
    ("DE-103", linked("another model without a plan", server_models=(ServerModel(name="fraud-scorer"),))),
    ("MO-101", linked("non-English slice not logged", metrics={OVERALL_KEY: 0.95})),
    ("MO-102", linked("non-English precision 0.85 < 0.88", metrics={OVERALL_KEY: 0.95, NON_ENGLISH_KEY: 0.85})),
]

MLFLOW_QUIET: list[tuple[str, Mutation]] = [
    ("DE-101", signed(linked("champion on the described version, gate signed", aliases=("champion",)))),
    ("DE-101", signed(linked("champion on v3", aliases=("champion",)), version="3")),
    ("DE-101", signed(linked("v2 described, champion on v2", described="2", other_aliases=("champion",)),
                      version="2")),
    ("DE-101", linked("only a challenger alias", aliases=("challenger",))),
    ("DE-102", linked("every target met")),
    ("DE-103", linked("the other model has a plan, the own one is listed", server_models=(
        ServerModel(name="fraud-scorer", plan="Fraud scoring"), ServerModel(name=MODEL)))),
    ("MO-101", linked("every target logged")),
    ("MO-102", linked("every target met")),
]
