"""The bundled practice scenarios in ``sample_projects/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Project
from .storage import load_project

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_projects"


@dataclass(frozen=True)
class Sample:
    key: str  # file stem, e.g. "loan"
    path: Path

    def load(self) -> Project:
        """A fresh Project each call; the file is parsed once per version of it on disk."""
        stat = self.path.stat()
        return Project.model_validate_json(_validated_json(str(self.path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=32)
def _validated_json(path: str, mtime_ns: int, size: int) -> str:
    # Pages list the scenarios on every rerun; parsing YAML each time cost ~30 ms a file. The cache
    # holds immutable JSON text, never a Project, so no caller can change what another one gets.
    # mtime and size are part of the key so an edited file is read again.
    return load_project(path).model_dump_json()


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
