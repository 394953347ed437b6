"""The bundled practice scenarios in ``sample_projects/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Project
from .storage import load_project

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_projects"


@dataclass(frozen=True)
class Sample:
    key: str  # file stem, e.g. "loan"
    path: Path

    def load(self) -> Project:
        return load_project(self.path)


# Order shown to learners: from the most familiar problem to the diagnosis exercise.
SAMPLE_ORDER = ("churn", "recommendation", "loan")


def samples() -> list[Sample]:
    found = {p.stem: p for p in SAMPLES_DIR.glob("*.yaml")}
    ordered = [k for k in SAMPLE_ORDER if k in found] + sorted(k for k in found if k not in SAMPLE_ORDER)
    return [Sample(key=k, path=found[k]) for k in ordered]


def load_sample(key: str) -> Project:
    for sample in samples():
        if sample.key == key:
            return sample.load()
    raise KeyError(f"no bundled sample named {key!r}; available: {', '.join(s.key for s in samples())}")
