"""The loan scenario's bundled monitoring data (``sample_projects/loan_monitoring/``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .data import Batch, read_csv
from .generate import CONTROL, MONTHS, OUT_DIR, REFERENCE

BUNDLED_DIR = OUT_DIR
SAMPLE_KEY = "loan"  # the project in sample_projects/ this data belongs to


@dataclass
class BundledData:
    reference: Batch
    months: list[Batch]
    control: Batch


def bundled_paths() -> dict[str, Path]:
    """Batch name → CSV path, reference first, then the months, then the control."""
    return {name: BUNDLED_DIR / f"{name}.csv" for name in (REFERENCE, *MONTHS, CONTROL)}


def load_bundled() -> BundledData:
    batches = {name: read_csv(path.read_bytes(), path.name) for name, path in bundled_paths().items()}
    return BundledData(batches[REFERENCE], [batches[m] for m in MONTHS], batches[CONTROL])
