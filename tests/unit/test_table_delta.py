"""Edits made in a table editor become rows of the project (ui.tables.apply_delta)."""

from __future__ import annotations

import math

from ui.tables import apply_delta

COLUMNS = ["name", "owner", "contains_pii"]
BASE = [
    {"name": "crm", "owner": "CRM team", "contains_pii": True},
    {"name": "billing", "owner": "Finance", "contains_pii": None},
]


def test_edited_cells_change_only_their_row() -> None:
    rows = apply_delta(BASE, {"edited_rows": {"1": {"owner": "Billing ops"}}}, COLUMNS)
    assert rows == [BASE[0], {"name": "billing", "owner": "Billing ops", "contains_pii": None}]
    assert BASE[1]["owner"] == "Finance"  # the snapshot the editor was built from is not mutated


def test_added_rows_are_appended_and_deleted_rows_removed() -> None:
    delta = {"deleted_rows": [0], "added_rows": [{"name": "web logs", "contains_pii": False}]}
    rows = apply_delta(BASE, delta, COLUMNS)
    assert [r["name"] for r in rows] == ["billing", "web logs"]
    assert rows[1] == {"name": "web logs", "owner": None, "contains_pii": False}


def test_blank_added_rows_are_dropped_and_nan_means_not_answered() -> None:
    delta = {"added_rows": [{}, {"name": "", "owner": None}, {"name": "x", "contains_pii": math.nan}]}
    rows = apply_delta([], delta, COLUMNS)
    assert rows == [{"name": "x", "owner": None, "contains_pii": None}]


def test_unknown_columns_never_reach_the_model() -> None:
    rows = apply_delta([], {"added_rows": [{"name": "x", "_index": 3, "surprise": 1}]}, COLUMNS)
    assert rows == [{"name": "x", "owner": None, "contains_pii": None}]


def test_edit_and_delete_together_use_positions_in_the_snapshot() -> None:
    delta = {"edited_rows": {"1": {"owner": "New"}}, "deleted_rows": [0]}
    assert apply_delta(BASE, delta, COLUMNS) == [{"name": "billing", "owner": "New", "contains_pii": None}]
