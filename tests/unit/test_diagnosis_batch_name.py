"""A batch is named after its uploaded file: the whole name (a browser sends a bare file name), bounded."""

from __future__ import annotations

from lifecycle.diagnosis.bundled import bundled_paths
from lifecycle.diagnosis.data import MAX_BATCH_NAME_CHARS, batch_name, read_csv


def test_slashes_are_part_of_the_name() -> None:
    assert batch_name("2025-09.csv") == "2025-09"
    assert batch_name("north/2025-09.csv") == "north/2025-09"
    assert batch_name("south\\2025-09.CSV") == "south\\2025-09"
    assert batch_name("north/2025-09.csv") != batch_name("south/2025-09.csv")  # not two batches named alike


def test_a_long_name_keeps_its_start_and_its_end_within_the_limit() -> None:
    name = batch_name("loan-monitoring-" + "x" * 5_000 + "-2025-09.csv")
    assert len(name) == MAX_BATCH_NAME_CHARS
    assert name.startswith("loan-monitoring-x") and name.endswith("x-2025-09") and "…" in name


def test_read_csv_names_the_batch_by_its_whole_file_name() -> None:
    data = bundled_paths()["2025-09"].read_bytes()
    batch = read_csv(data, "exports/2025-09.csv")
    assert batch.name == "exports/2025-09" and batch.source == "exports/2025-09.csv"
