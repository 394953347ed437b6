"""Reading monitoring CSVs and lining a batch up against the reference.

Two kinds of trouble, kept apart on purpose:

- ``DataError``: the file cannot be used at all (empty, binary, not a CSV, no rows, no
  column in common with the reference, duplicate column names, or beyond a limit below).
  It names the file, and the column and line where there is one.
- ``DataWarning``: one column has a problem (missing values, text in a numeric column,
  constant values, categories the reference never had, a column only one side has). The
  analysis goes on without that column or those values, and the warning says so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

MAX_CSV_BYTES = 5 * 1024 * 1024  # the app's upload limit too (.streamlit/config.toml maxUploadSize)
# Bounds on the work, checked before the heavy part (documented in the README). Monitoring data holds
# numbers and categories: a longer cell, thousands of columns or a group label of a paragraph is a wrong file.
MAX_COLUMNS = 300
MAX_COLUMN_NAME_CHARS = 100
MAX_BATCH_NAME_CHARS = 100  # a batch is named after its file, in tables, charts and the memo
MAX_CELL_CHARS = 1_000
MAX_ROWS = 1_000_000  # per file
MAX_TOTAL_CELLS = 6_000_000  # rows x columns over all files of one analysis (the bundled data has 0.24 million)
MAX_GROUP_CHARS = 100  # a value of a protected attribute or proxy column
MAX_GROUPS = 50  # distinct values of one such column that fairness compares
NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "none", "-"]
NUMERIC_SHARE = 0.95  # a reference column is numeric when at least this share of its values are numbers
SNIFF_ROWS = 2000  # values looked at to decide whether a text column holds numbers

ColumnKind = Literal["numeric", "categorical"]


class DataError(ValueError):
    """A monitoring file that cannot be analysed; ``source`` is the file name."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True)
class DataWarning:
    """A problem with one column of one file; the analysis went on without the bad part."""

    source: str
    column: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}, column '{self.column}': {self.problem}"


@dataclass(frozen=True)
class Roles:
    """Which columns are not model inputs but the model's output, the outcome, or the groups to compare.

    ``score`` is the model's risk score (higher = more likely to ``outcome`` = 1, e.g. default);
    ``decision`` holds ``approve_value`` for a favourable decision; ``groups`` are the
    protected attributes and proxies that fairness is measured over. Any role set to None
    (or missing from the files) skips the analyses that need it, with a warning.
    """

    score: str | None = "score"
    decision: str | None = "decision"
    approve_value: str = "approve"
    outcome: str | None = "defaulted"
    groups: tuple[str, ...] = ("age_band", "postcode_district")

    @property
    def model_output(self) -> set[str]:
        """Columns that are never compared as input features."""
        return {c for c in (self.score, self.decision, self.outcome) if c}


@dataclass
class Batch:
    """One file of monitoring data: the reference sample or one production batch."""

    name: str  # shown in tables and charts, e.g. "2025-09"
    frame: pd.DataFrame
    source: str = ""  # the file it came from, named in warnings and errors; defaults to ``name``
    warnings: list[DataWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.source = self.source or self.name

    @property
    def rows(self) -> int:
        return len(self.frame)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return control > max(8, len(head) // 100)


def batch_name(source: str) -> str:
    """'2025-09.csv' → '2025-09'. An uploaded file's name is a bare file name, so a '/' or '\\' in it is part
    of the name (cutting there would name two different files alike); a very long name keeps its start and
    its end, where a date usually is."""
    stem = source[:-4] if source.lower().endswith(".csv") and len(source) > 4 else source
    if len(stem) <= MAX_BATCH_NAME_CHARS:
        return stem
    tail = MAX_BATCH_NAME_CHARS // 3
    return stem[: MAX_BATCH_NAME_CHARS - tail - 1] + "…" + stem[-tail:]


def read_csv(data: bytes, source: str, *, name: str | None = None, max_bytes: int = MAX_CSV_BYTES) -> Batch:
    """Parse CSV bytes; every cell stays text (types are decided against the reference later).

    ``source`` is the file name (used in messages); the batch is called ``name``, by default
    the file name without '.csv'.
    """
    if len(data) > max_bytes:
        raise DataError(source, f"the file is {len(data) / 1_048_576:.1f} MB; the limit is "
                                f"{max_bytes / 1_048_576:.0f} MB")
    if not data.strip():
        raise DataError(source, "the file is empty")
    if _looks_binary(data):
        raise DataError(source, "this is a binary file, not a CSV text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(source, f"the file is not UTF-8 text (byte {exc.start + 1} cannot be read)") from None
    try:
        header = next(csv.reader(io.StringIO(text)), [])  # reads the first record only
    except csv.Error as exc:  # a header field past the csv module's own limit (131,072 characters), a stray NUL
        raise DataError(source, f"the header line cannot be read as CSV ({exc}); column names are limited to "
                                f"{MAX_COLUMN_NAME_CHARS} characters") from None
    names = [name.strip() for name in header]
    if len(names) > MAX_COLUMNS:
        raise DataError(source, f"the header has {len(names):,} columns; at most {MAX_COLUMNS} are analysed "
                                "(keep the model's inputs, score, decision, outcome and group columns)")
    if len(names) < 2 and not any(name for name in names):
        raise DataError(source, "the first line holds no column names")
    if any(not name for name in names):
        raise DataError(source, f"column {names.index('') + 1} of the header has no name")
    long_name = next((n for n in names if len(n) > MAX_COLUMN_NAME_CHARS), None)
    if long_name is not None:
        raise DataError(source, f"column {names.index(long_name) + 1} of the header has a name of {len(long_name):,} "
                                f"characters ('{long_name[:40]}…'); column names are limited to "
                                f"{MAX_COLUMN_NAME_CHARS}")
    rows = text.count("\n")
    if rows > MAX_ROWS + 1:
        raise DataError(source, f"the file has about {rows:,} rows; at most {MAX_ROWS:,} per file are analysed "
                                "(sample the batch)")
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise DataError(source, f"the header repeats the column name(s) {', '.join(repr(d) for d in duplicates)}")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, na_values=NA_VALUES, keep_default_na=False,
                            skipinitialspace=True)
    except pd.errors.ParserError as exc:
        detail = str(exc).strip().splitlines()[-1]
        raise DataError(source, f"not a well-formed CSV ({detail.removeprefix('Error tokenizing data. ')})") from None
    except (ValueError, csv.Error) as exc:
        raise DataError(source, f"not a well-formed CSV ({exc})") from None
    frame.columns = names
    if frame.empty:
        raise DataError(source, "the file has a header but no data rows")
    _check_cells(frame, source)
    if len(names) < 2:
        raise DataError(source, f"only one column ('{names[0]}') was found; is the file separated by commas?")
    return Batch(name=name or batch_name(source), frame=frame, source=source)


def _check_cells(frame: pd.DataFrame, source: str) -> None:
    """Refuse a cell longer than ``MAX_CELL_CHARS`` (vectorised; before any analysis), naming column and line."""
    for column in frame.columns:
        lengths = frame[column].str.len()
        if lengths.max(skipna=True) > MAX_CELL_CHARS:  # NaN (all missing) compares False
            position = int(np.flatnonzero((lengths > MAX_CELL_CHARS).to_numpy(dtype=bool, na_value=False))[0])
            size = int(lengths.iloc[position])
            raise DataError(source, f"column '{column}', line {position + 2}: a cell of {size:,} "
                                    f"characters; cells are limited to {MAX_CELL_CHARS:,} (monitoring data holds "
                                    "numbers and categories)")


def check_total(files: Sequence[tuple[str, bytes]]) -> None:
    """Refuse a set of files whose cells (rows x columns, estimated from the bytes) exceed ``MAX_TOTAL_CELLS``,
    before any of them is parsed: the frames of one analysis are held in memory together."""
    total = 0
    for _, data in files:
        first = data[: data.find(b"\n") if b"\n" in data else len(data)]
        total += max(data.count(b"\n") - 1, 0) * (first.count(b",") + 1)  # minus the header line
    if total > MAX_TOTAL_CELLS:
        raise DataError("the files", f"together they hold about {total:,} cells (rows x columns); one analysis "
                                     f"takes at most {MAX_TOTAL_CELLS:,}: use fewer or sampled batches")


def check_groups(batch: Batch, column: str) -> str | None:
    """Refuse a group value longer than ``MAX_GROUP_CHARS`` (``DataError`` with its line); return a warning text
    when the column has more distinct values than fairness can compare (``MAX_GROUPS``), else None."""
    values = batch.frame[column]
    lengths = values.astype("string").str.len()
    if lengths.max(skipna=True) > MAX_GROUP_CHARS:
        position = int(np.flatnonzero((lengths > MAX_GROUP_CHARS).to_numpy(dtype=bool, na_value=False))[0])
        raise DataError(batch.source, f"column '{column}', line {position + 2}: a group value of "
                                      f"{int(lengths.iloc[position]):,} characters; values of a column compared for "
                                      f"fairness are limited to {MAX_GROUP_CHARS} (is it the right column?)")
    distinct = values.nunique(dropna=True)
    if distinct > MAX_GROUPS:
        return (f"has {distinct:,} distinct values; fairness compares at most {MAX_GROUPS} groups, so it is not "
                "compared over this column (choose a coarser attribute)")
    return None


def _numeric_share(values: pd.Series) -> float:
    """Share of non-missing values that read as numbers (looks at a sample of large columns)."""
    present = values.dropna()
    if present.empty:
        return 0.0
    if len(present) > SNIFF_ROWS:
        present = present.iloc[:: max(1, len(present) // SNIFF_ROWS)]
    return float(pd.to_numeric(present, errors="coerce").notna().mean())


def column_kind(values: pd.Series) -> ColumnKind:
    """Numeric when the column has a numeric type or nearly all its values read as numbers."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return "categorical"
    if pd.api.types.is_numeric_dtype(values.dtype):
        return "numeric"
    return "numeric" if _numeric_share(values) >= NUMERIC_SHARE else "categorical"


def _first_bad(values: pd.Series, bad: pd.Series) -> str:
    position = int(np.flatnonzero(bad.to_numpy())[0])
    # CSV line = header line + 1-based row
    return f"first: '{str(values.iloc[position])[:40]}' on line {position + 2}"


def as_numeric(values: pd.Series, source: str, column: str, warnings: list[DataWarning]) -> pd.Series | None:
    """The column as float64; text cells become missing with a warning. None when nothing is numeric."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("float64")
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    bad = numbers.isna() & values.notna()
    count = int(bad.sum())
    if count:
        if count == int(values.notna().sum()):
            warnings.append(DataWarning(source, column, "holds text where the reference has numbers; not compared"))
            return None
        warnings.append(DataWarning(
            source, column, f"{count:,} value(s) are not numbers ({_first_bad(values, bad)}); they were left out"
        ))
    return numbers


def as_categorical(values: pd.Series) -> pd.Series:
    """The column as text categories (numbers written as they were in the file)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    if pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
        return values
    return values.astype("string")


def binary_outcome(values: pd.Series, source: str, column: str, warnings: list[DataWarning]) -> pd.Series:
    """0/1 outcome as float (NaN where unknown); other values are reported and treated as unknown."""
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    bad = values.notna() & ~numbers.isin([0.0, 1.0])
    count = int(bad.sum())
    if count:
        warnings.append(DataWarning(
            source, column, f"{count:,} outcome value(s) are not 0 or 1 ({_first_bad(values, bad)}); "
                            "treated as not yet known"
        ))
        numbers = numbers.where(~bad)
    return numbers


def approved(values: pd.Series, approve_value: str) -> pd.Series:
    """True where the decision is favourable (equal to ``approve_value``, case and spaces ignored), False
    where another decision was taken, and <NA> where the cell is empty: a missing decision is not a decline.

    A 0/1 decision column without that value reads 1 as the favourable decision. The result has pandas'
    nullable ``boolean`` dtype, so means and sums skip the missing decisions instead of counting them as 0.
    """
    text = values.astype("string").str.strip().str.casefold()
    text = text.mask(text == "")
    result = text == approve_value.strip().casefold()
    if not result.any() and text.dropna().isin(["0", "1", "0.0", "1.0"]).all():
        result = text.isin(["1", "1.0"]).mask(text.isna())
    return result.astype("boolean")


def missing_decisions(decided: pd.Series, source: str, column: str) -> DataWarning | None:
    """The warning for rows whose decision is empty (``decided`` from ``approved``), naming how many and where."""
    missing = decided.isna().to_numpy()
    count = int(missing.sum())
    if not count:
        return None
    lines = [str(int(i) + 2) for i in np.flatnonzero(missing)[:5]]  # CSV line = header line + 1-based row
    where = ", ".join(lines) + (f" and {count - len(lines):,} more" if count > len(lines) else "")
    return DataWarning(source, column, f"{count:,} of {len(decided):,} row(s) have no decision (line(s) {where}); "
                                       "they are left out of the approval rates, precision, recall and fairness "
                                       "instead of being counted as declines")
