"""The diagnosis bounds its work: each limit is refused (or skipped) with a message that names file, column and line,
before the heavy part of the analysis."""

from __future__ import annotations

import pandas as pd
import pytest

from lifecycle.diagnosis.analysis import analyse
from lifecycle.diagnosis.data import (
    MAX_CELL_CHARS, MAX_COLUMN_NAME_CHARS, MAX_COLUMNS, MAX_GROUP_CHARS, MAX_GROUPS, MAX_ROWS, MAX_TOTAL_CELLS,
    DataError, Roles, check_total, read_csv,
)

HEADER = "income,region,score,decision,defaulted"


def _rows(count: int, region=lambda i: ["north", "south"][i % 2]) -> str:  # type: ignore[no-untyped-def]
    return "".join(f"{2000 + i % 50},{region(i)},{(i % 10) / 10},{['approve', 'decline'][i % 2]},{i % 2}\n"
                   for i in range(count))


def _file(rows: str, header: str = HEADER) -> bytes:
    return (header + "\n" + rows).encode()


def _refused(data: bytes, name: str = "batch.csv") -> str:
    with pytest.raises(DataError) as caught:
        read_csv(data, name)
    assert caught.value.source == name
    return caught.value.problem


def test_too_many_columns_are_refused_from_the_header() -> None:
    header = ",".join(f"c{i}" for i in range(10_000))
    problem = _refused((header + "\n" + ",".join("1" * 10_000) + "\n").encode())
    assert problem.startswith(f"the header has 10,000 columns; at most {MAX_COLUMNS} are analysed")


def test_a_column_name_too_long_is_refused_with_its_position() -> None:
    problem = _refused(_file(_rows(3), header=HEADER + "," + "n" * 5000).replace(b"\n2", b",x\n2"))
    assert problem.startswith("column 6 of the header has a name of 5,000 characters")
    assert f"limited to {MAX_COLUMN_NAME_CHARS}" in problem and len(problem) < 200


@pytest.mark.parametrize("quote", ['"', ""])
def test_a_header_field_past_the_csv_modules_own_limit_is_a_message(quote: str) -> None:
    # Python's csv reader refuses a field over 131,072 characters with its own error, before any check of ours
    problem = _refused(f"{quote}{'h' * 200_000}{quote},b\n1,2\n".encode())
    assert problem.startswith("the header line cannot be read as CSV")
    assert f"limited to {MAX_COLUMN_NAME_CHARS}" in problem


@pytest.mark.parametrize("size", [MAX_CELL_CHARS + 1, 1_000_000, 4_000_000])
def test_a_huge_cell_is_refused_with_its_column_and_line(size: int) -> None:
    rows = _rows(5).splitlines()
    rows[3] = rows[3].replace("north", "x" * size).replace("south", "x" * size)
    problem = _refused(_file("\n".join(rows) + "\n"))
    assert problem == (f"column 'region', line 5: a cell of {size:,} characters; cells are limited to "
                       f"{MAX_CELL_CHARS:,} (monitoring data holds numbers and categories)")


def test_too_many_rows_in_one_file_are_refused_before_parsing() -> None:
    data = b"a,b\n" + b"1,\n" * (MAX_ROWS + 10)  # 3 MB: short lines
    assert _refused(data, "big.csv").startswith(f"the file has about {MAX_ROWS + 11:,} rows; at most "
                                                f"{MAX_ROWS:,} per file")


def test_too_many_cells_over_all_files_are_refused_before_reading() -> None:
    wide = ("," .join(f"c{i}" for i in range(100)) + "\n" + ("1," * 99 + "1\n") * 20_000).encode()
    with pytest.raises(DataError) as caught:
        check_total([("reference.csv", wide)] + [(f"b{i}.csv", wide) for i in range(3)])
    assert caught.value.problem.startswith("together they hold about 8,000,000 cells")
    assert f"at most {MAX_TOTAL_CELLS:,}" in caught.value.problem
    check_total([("reference.csv", wide), ("b.csv", wide)])  # 4 million: fine


def test_a_group_value_too_long_is_refused_with_its_line() -> None:
    reference = read_csv(_file(_rows(200)), "reference.csv")
    batch = read_csv(_file(_rows(200, region=lambda i: "g" * 500 if i == 7 else "north")), "2025-09.csv")
    with pytest.raises(DataError) as caught:
        analyse(reference, [batch], Roles(groups=("region",)))
    assert caught.value.source == "2025-09.csv"
    assert caught.value.problem.startswith("column 'region', line 9: a group value of 500 characters")
    assert f"limited to {MAX_GROUP_CHARS}" in caught.value.problem


def test_a_group_column_with_too_many_values_is_skipped_with_a_warning() -> None:
    reference = read_csv(_file(_rows(400, region=lambda i: f"r{i % 100}")), "reference.csv")
    batch = read_csv(_file(_rows(400, region=lambda i: f"r{i % 100}")), "2025-09.csv")
    analysis = analyse(reference, [batch], Roles(groups=("region",)))
    assert "region" not in analysis.fairness
    assert any(w.column == "region" and f"fairness compares at most {MAX_GROUPS} groups" in w.problem
               for w in analysis.warnings)


def test_the_bundled_data_is_well_within_the_limits() -> None:
    from lifecycle.diagnosis.bundled import load_bundled

    data = load_bundled()
    cells = sum(b.frame.size for b in [data.reference, *data.months, data.control])
    assert cells < MAX_TOTAL_CELLS / 10
    assert pd.Series([len(c) for c in data.reference.frame.columns]).max() <= MAX_COLUMN_NAME_CHARS
