"""Three-way merge of two sessions' edits: different answers and rows merge, the same answer conflicts."""

from __future__ import annotations

import copy

import pytest

from lifecycle.collab import RowKey, merge
from lifecycle.collab.merge import MISSING
from lifecycle.model import Project
from lifecycle.samples import load_sample
from lifecycle.storage import project_document


@pytest.fixture
def base() -> dict:
    return project_document(load_sample("loan"))


def edited(document: dict, change) -> dict:  # type: ignore[no-untyped-def]
    copied = copy.deepcopy(document)
    change(copied)
    return copied


def test_edits_of_different_answers_merge_silently(base: dict) -> None:
    mine = edited(base, lambda d: d["data"].update(label_source="Chargebacks, 90 days after the payment"))
    theirs = edited(base, lambda d: d["deployment"].update(serving_mode="batch") or d["info"].update(team="Ops"))
    result = merge(base, mine, theirs)
    assert result.clean
    assert result.document["data"]["label_source"] == "Chargebacks, 90 days after the payment"
    assert result.document["info"]["team"] == "Ops"
    assert result.document["deployment"]["serving_mode"] == "batch"
    Project.model_validate(result.document)  # still a valid project


def test_the_same_answer_changed_differently_is_one_conflict_and_the_rest_merges(base: dict) -> None:
    mine = edited(base, lambda d: d["info"].update(owner="Alice", team="Risk"))
    theirs = edited(base, lambda d: d["info"].update(owner="Bob", summary="Scores applications"))
    result = merge(base, mine, theirs)
    assert [(c.path, c.mine, c.theirs) for c in result.conflicts] == [(("info", "owner"), "Alice", "Bob")]
    assert result.conflicts[0].base == base["info"]["owner"]
    # Until the user chooses, the stored answer stays; everything else is merged.
    assert result.document["info"] == {**base["info"], "owner": "Bob", "team": "Risk", "summary": "Scores applications"}


def test_the_same_answer_changed_the_same_way_is_no_conflict(base: dict) -> None:
    mine = edited(base, lambda d: d["info"].update(owner="Carol"))
    assert merge(base, mine, copy.deepcopy(mine)).clean


def test_choosing_mine_or_theirs_decides_the_conflict(base: dict) -> None:
    mine = edited(base, lambda d: d["info"].update(owner="Alice"))
    theirs = edited(base, lambda d: d["info"].update(owner="Bob"))
    key = merge(base, mine, theirs).conflicts[0].key
    assert key == "info.owner"
    assert merge(base, mine, theirs, {key: "mine"}).document["info"]["owner"] == "Alice"
    kept = merge(base, mine, theirs, {key: "theirs"})
    assert kept.clean and kept.document["info"]["owner"] == "Bob"


def _row(name: str, row_id: str) -> dict:
    return {"row_id": row_id, "name": name, "owner": "data team", "kind": None, "refresh": "daily",
            "contains_pii": False, "versioned": None}


def _names(document: dict) -> list[str]:
    return [row["name"] for row in document["data"]["sources"]]


def test_rows_added_on_both_sides_are_all_kept(base: dict) -> None:
    before = _names(base)
    mine = edited(base, lambda d: d["data"]["sources"].append(_row("bureau scores", "mine1")))
    theirs = edited(base, lambda d: d["data"]["sources"].append(_row("open banking feed", "theirs1")))
    result = merge(base, mine, theirs)
    assert result.clean
    assert _names(result.document) == [*before, "open banking feed", "bureau scores"]
    Project.model_validate(result.document)


def test_different_cells_of_one_row_merge_and_the_same_cell_conflicts(base: dict) -> None:
    first = base["data"]["sources"][0]["row_id"]
    mine = edited(base, lambda d: d["data"]["sources"][0].update(owner="Credit data team", refresh="hourly"))
    theirs = edited(base, lambda d: d["data"]["sources"][0].update(versioned=True, refresh="weekly"))
    result = merge(base, mine, theirs)
    row = result.document["data"]["sources"][0]
    assert row["owner"] == "Credit data team" and row["versioned"] is True
    assert [c.path for c in result.conflicts] == [("data", "sources", RowKey(first), "refresh")]


def test_a_row_deleted_on_one_side_and_edited_on_the_other_is_a_conflict(base: dict) -> None:
    first = base["data"]["sources"][0]
    mine = edited(base, lambda d: d["data"]["sources"][0].update(owner="Credit data team"))
    theirs = edited(base, lambda d: d["data"]["sources"].pop(0))
    result = merge(base, mine, theirs)
    (conflict,) = result.conflicts
    assert conflict.kind == "row_deleted" and conflict.theirs is MISSING
    assert conflict.mine["owner"] == "Credit data team"
    assert first["name"] not in _names(result.document)  # the stored deletion stands until the user chooses
    kept = merge(base, mine, theirs, {conflict.key: "mine"}).document
    assert _names(kept) == _names(base)  # back in its place, with the edit
    assert kept["data"]["sources"][0]["owner"] == "Credit data team"


def test_a_row_deleted_on_one_side_and_untouched_on_the_other_is_deleted(base: dict) -> None:
    mine = edited(base, lambda d: d["data"]["sources"].pop(1))
    theirs = edited(base, lambda d: d["info"].update(team="Ops"))
    result = merge(base, mine, theirs)
    assert result.clean
    assert _names(result.document) == [n for i, n in enumerate(_names(base)) if i != 1]


def test_a_reorder_on_one_side_keeps_the_other_sides_edits_and_new_rows(base: dict) -> None:
    assert len(base["data"]["sources"]) >= 2
    mine = edited(base, lambda d: d["data"]["sources"].reverse())
    theirs = edited(base, lambda d: (d["data"]["sources"][0].update(owner="Platform"),
                                     d["data"]["sources"].append(_row("new feed", "t9"))))
    result = merge(base, mine, theirs)
    assert result.clean
    assert _names(result.document) == [*reversed(_names(base)), "new feed"]  # my order, their new row after its neighbour
    moved = next(r for r in result.document["data"]["sources"] if r["row_id"] == base["data"]["sources"][0]["row_id"])
    assert moved["owner"] == "Platform"


def test_both_reordering_differently_keeps_the_stored_order_and_every_row(base: dict) -> None:
    mine = edited(base, lambda d: d["data"]["sources"].reverse())
    theirs = edited(base, lambda d: d["data"]["sources"].append(d["data"]["sources"].pop(0)))
    result = merge(base, mine, theirs)
    assert result.clean
    assert _names(result.document) == _names(theirs)


def test_multiple_choice_answers_are_one_answer(base: dict) -> None:
    # Lists of plain values (several choices) are merged as a whole, not item by item.
    mine = edited(base, lambda d: d["info"].update(name="A"))
    mine["x"] = ["a", "b"]
    theirs = copy.deepcopy(base)
    theirs["x"] = ["a", "c"]
    (conflict,) = merge(base, mine, theirs).conflicts
    assert conflict.path == ("x",) and conflict.base is MISSING
