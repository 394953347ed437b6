"""Bad monitoring files: unusable ones raise DataError naming the file; column problems become named warnings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lifecycle.diagnosis.analysis import analyse
from lifecycle.diagnosis.data import Batch, DataError, Roles, read_csv

HEADER = "income,region,score,decision,defaulted\n"


def _csv(rows: list[str], header: str = HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode()


def _frame_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


def _reference(rows: int = 400, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    score = rng.uniform(0, 1, rows)
    return pd.DataFrame({
        "income": np.round(rng.normal(2500, 400, rows)),
        "region": rng.choice(["north", "south", "east"], rows),
        "score": np.round(score, 3),
        "decision": np.where(score < 0.6, "approve", "decline"),
        "defaulted": (rng.uniform(0, 1, rows) < score * 0.5).astype(int),
    })


def _analyse(reference: pd.DataFrame, current: pd.DataFrame):  # type: ignore[no-untyped-def]
    roles = Roles(groups=("region",))
    return analyse(read_csv(_frame_csv(reference), "reference.csv"),
                   [read_csv(_frame_csv(current), "current.csv")], roles)


def _warnings(analysis) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(w) for w in analysis.warnings]


UNUSABLE = {
    "empty file": (b"", "the file is empty"),
    "only blanks": (b"\n \n", "the file is empty"),
    "binary garbage": (bytes(range(256)) * 40, "binary file"),
    "zip archive": (b"PK\x03\x04" + b"\x00\x14" * 300, "binary file"),
    "not UTF-8": ("income,region\n2500,Zürich\n".encode("latin-1"), "not UTF-8"),
    "header only": (HEADER.encode(), "no data rows"),
    "duplicate names": (b"income,income\n1,2\n", "repeats the column name(s) 'income'"),
    "unnamed column": (b"income,,score\n1,2,3\n", "column 2 of the header has no name"),
    "ragged rows": (b"a,b\n1,2\n3,4,5,6\n", "not a well-formed CSV"),
    "semicolons": (b"income;region\n1;north\n", "only one column"),
    "too large": (b"a,b\n" + b"1,2\n" * (3 * 1024 * 1024), "the limit is 5 MB"),
}


@pytest.mark.parametrize("case", UNUSABLE, ids=list(UNUSABLE))
def test_unusable_files_raise_a_data_error_naming_the_file(case: str) -> None:
    content, expected = UNUSABLE[case]
    with pytest.raises(DataError) as caught:
        read_csv(content, "current.csv")
    assert caught.value.source == "current.csv"
    assert expected in str(caught.value) and str(caught.value).startswith("current.csv: ")


def test_a_batch_with_no_column_of_the_reference_is_an_error() -> None:
    other = pd.DataFrame({"colour": ["red", "blue"] * 30, "size": list(range(60))})
    with pytest.raises(DataError) as caught:
        _analyse(_reference(), other)
    assert caught.value.source == "current.csv" and "no input column in common with reference.csv" in str(caught.value)


def test_a_reference_with_only_model_outputs_is_an_error() -> None:
    only = _reference()[["score", "decision", "defaulted"]]
    with pytest.raises(DataError, match="no input columns besides the score"):
        _analyse(only, only)


def test_two_batches_with_the_same_name_are_an_error() -> None:
    reference = read_csv(_frame_csv(_reference()), "reference.csv")
    batch = read_csv(_frame_csv(_reference(seed=2)), "june.csv")
    with pytest.raises(DataError, match="two files have this batch name"):
        analyse(reference, [batch, batch])


def test_missing_and_extra_columns_are_named_and_skipped() -> None:
    current = _reference(seed=2).drop(columns=["region"]).assign(channel="web")
    analysis = _analyse(_reference(), current)
    warnings = _warnings(analysis)
    assert "current.csv, column 'region': is in reference.csv but not in this file; not compared" in warnings
    assert "current.csv, column 'channel': is not in reference.csv; not compared" in warnings
    assert [c.column for c in analysis.drift["current"].columns] == ["income"]


def test_text_in_a_numeric_column_is_reported_with_its_line() -> None:
    current = _reference(seed=2).astype({"income": object})
    current.loc[5, "income"] = "n/a!"
    current.loc[9, "income"] = "2.5k"
    analysis = _analyse(_reference(), current)
    message = next(w for w in _warnings(analysis) if "'income'" in w)
    assert message == ("current.csv, column 'income': 2 value(s) are not numbers (first: 'n/a!' on line 7); "
                       "they were left out")
    assert analysis.drift["current"].column("income").current_rows == 398


def test_a_numeric_column_full_of_text_is_not_compared() -> None:
    current = _reference(seed=2).assign(income="unknown")
    analysis = _analyse(_reference(), current)
    assert "current.csv, column 'income': holds text where the reference has numbers; not compared" in _warnings(
        analysis)
    assert analysis.drift["current"].column("income") is None


def test_constant_columns_are_reported() -> None:
    reference = _reference().assign(product="personal_loan", term=36)
    same = _reference(seed=2).assign(product="personal_loan", term=36)
    warnings = _warnings(_analyse(reference, same))
    assert "current.csv, column 'product': is constant ('personal_loan') in both files; nothing to compare" in warnings
    assert "current.csv, column 'term': is constant (36) in both files; nothing to compare" in warnings
    changed = _reference(seed=2).assign(product="personal_loan", term=48)
    analysis = _analyse(reference, changed)
    assert any("column 'term': constant (36) in the reference" in w for w in _warnings(analysis))
    assert analysis.drift["current"].column("term").drifted  # every row moved out of the only value


def test_unseen_categories_are_named_and_count_as_drift() -> None:
    current = _reference(seed=2)
    current.loc[:199, "region"] = "west"
    analysis = _analyse(_reference(), current)
    message = next(w for w in _warnings(analysis) if "'region'" in w)
    assert "1 value(s) not seen in the reference: 'west' (200 rows, 50.0%)" in message
    assert analysis.drift["current"].column("region").drifted


def test_missing_values_are_counted_and_left_out() -> None:
    current = _reference(seed=2)
    current.loc[:39, "income"] = np.nan
    analysis = _analyse(_reference(), current)
    assert ("current.csv, column 'income': 40 missing value(s) (10.0%; 0.0% in reference.csv); left out of the "
            "comparison") in _warnings(analysis)


def test_bad_outcomes_and_missing_roles_are_warnings() -> None:
    current = _reference(seed=2).astype({"defaulted": object})
    current.loc[3, "defaulted"] = "yes"
    analysis = _analyse(_reference(), current.drop(columns=["score"]))
    warnings = _warnings(analysis)
    assert any(w.startswith("current.csv, column 'defaulted': 1 outcome value(s) are not 0 or 1") for w in warnings)
    assert "current.csv, column 'score': not found: prediction drift and AUC are skipped" in warnings
    assert analysis.performance["current"].auc is None


def test_files_read_from_csv_keep_their_name_and_source() -> None:
    batch = read_csv(_csv(["2500,north,0.2,approve,0", "2600,south,0.7,decline,"]), "2025-09.csv")
    assert (batch.name, batch.source, batch.rows) == ("2025-09", "2025-09.csv", 2)
    assert batch.frame["defaulted"].isna().tolist() == [False, True]
    assert isinstance(batch, Batch)
