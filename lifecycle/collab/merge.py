"""Three-way merge of project documents, per answer and per table row.

A save based on an older version is merged with what was stored since: ``base`` is the
version the session started from, ``theirs`` the stored one, ``mine`` the session's. The
documents are plain data (``project_document``). Each answer is merged on its own; a table
(a list of rows with a ``row_id``) is merged row by row and, within a row, cell by cell,
so edits of different answers, rows or cells never collide. Only the same answer (or cell)
changed differently on both sides is a conflict, and so is a row deleted on one side and
edited on the other: either way the user chooses, nothing is dropped silently.

Until a conflict is resolved the merged document holds the stored value ("theirs"), which
is what everybody else already sees. ``choices`` (conflict key → "mine" or "theirs") re-run
the merge with those conflicts decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..model import ROW_ID

Side = Literal["mine", "theirs"]


class _Missing:
    """An answer or row absent from one side (a row not yet added, or deleted)."""

    def __repr__(self) -> str:
        return "MISSING"

    def __reduce__(self) -> str:
        return "MISSING"  # unpickled (st.cache_data) as the one module-level instance, so `is MISSING` holds


MISSING: Any = _Missing()


@dataclass(frozen=True)
class RowKey:
    """A table row in a path, by its stable id (never its position)."""

    row_id: str

    def __str__(self) -> str:
        return f"[{self.row_id}]"


PathPart = str | RowKey
Path = tuple[PathPart, ...]


@dataclass(frozen=True)
class Conflict:
    """The same answer changed differently on both sides. ``MISSING`` on a side means the row was
    deleted there (``kind == "row_deleted"``)."""

    path: Path
    base: Any
    mine: Any
    theirs: Any
    kind: Literal["changed", "row_deleted"] = "changed"

    @property
    def key(self) -> str:
        """A stable text key, for the user's choices and widget keys."""
        return ".".join(str(part) for part in self.path)


@dataclass
class MergeResult:
    document: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], choices: Mapping[str, Side] | None = None
) -> MergeResult:
    """``mine`` and ``theirs`` merged against their common ``base``; see the module's docstring."""
    merger = _Merger(dict(choices or {}))
    document = merger.value((), base, mine, theirs)
    return MergeResult(document, merger.conflicts)


def is_table(*values: Any) -> bool:
    """Lists of rows (dicts carrying a row id); multiple-choice lists of plain values are single answers."""
    lists = [v for v in values if v is not MISSING]
    if not lists or not all(isinstance(v, list) for v in lists):
        return False
    items = [item for v in lists for item in v]
    return bool(items) and all(isinstance(item, dict) and isinstance(item.get(ROW_ID), str) for item in items)


class _Merger:
    def __init__(self, choices: dict[str, Side]):
        self.choices = choices
        self.conflicts: list[Conflict] = []

    def value(self, path: Path, base: Any, mine: Any, theirs: Any) -> Any:
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        # Both sides changed it, differently: look inside if it has parts.
        if all(isinstance(v, dict) for v in (mine, theirs)) and (base is MISSING or isinstance(base, dict)):
            return self.mapping(path, {} if base is MISSING else base, mine, theirs)
        if is_table(base, mine, theirs):
            return self.table(path, [] if base is MISSING else base, mine, theirs)
        return self.decide(Conflict(path, base, mine, theirs))

    def decide(self, conflict: Conflict) -> Any:
        choice = self.choices.get(conflict.key)
        if choice == "mine":
            return conflict.mine
        if choice != "theirs":
            self.conflicts.append(conflict)
        return conflict.theirs

    def mapping(self, path: Path, base: dict, mine: dict, theirs: dict) -> dict:
        merged: dict[str, Any] = {}
        for key in [*theirs, *(k for k in mine if k not in theirs)]:  # declaration order of the model
            value = self.value((*path, key), base.get(key, MISSING), mine.get(key, MISSING), theirs.get(key, MISSING))
            if value is not MISSING:
                merged[key] = value
        return merged

    def table(self, path: Path, base: list[dict], mine: list[dict], theirs: list[dict]) -> list[dict]:
        by_base = {row[ROW_ID]: row for row in base}
        by_mine = {row[ROW_ID]: row for row in mine}
        by_theirs = {row[ROW_ID]: row for row in theirs}
        rows: dict[str, dict] = {}
        for row_id in dict.fromkeys([*by_theirs, *by_mine, *by_base]):  # a stable order for the conflicts
            b, m, t = by_base.get(row_id, MISSING), by_mine.get(row_id, MISSING), by_theirs.get(row_id, MISSING)
            row_path = (*path, RowKey(row_id))
            if (m is MISSING or t is MISSING) and b is not MISSING and m != t:
                # Deleted on one side: fine if the other left the row as it was, else the user decides.
                kept = t if m is MISSING else m
                if kept == b:
                    continue
                row = self.decide(Conflict(row_path, b, m, t, kind="row_deleted"))
            else:
                row = self.value(row_path, MISSING if b is MISSING else b, m, t)
            if row is not MISSING:
                rows[row_id] = row
        return [rows[row_id] for row_id in _order([r[ROW_ID] for r in base], [r[ROW_ID] for r in mine],
                                                   [r[ROW_ID] for r in theirs], rows.keys())]


def _reordered(base: list[str], side: list[str]) -> bool:
    in_side, in_base = set(side), set(base)
    return [i for i in side if i in in_base] != [i for i in base if i in in_side]


def _order(base: list[str], mine: list[str], theirs: list[str], keep: Any) -> list[str]:
    """The merged table's row order: the order of the side that moved rows (the stored one when both
    did, since order is not an answer), with the other side's new rows placed after the row they
    followed there (at the end if they were added at the end)."""
    primary, secondary = (mine, theirs) if _reordered(base, mine) and not _reordered(base, theirs) else (theirs, mine)
    keep, base_ids = set(keep), set(base)
    order = [i for i in primary if i in keep]
    placed = set(order)
    known = set(primary)
    for index, row_id in enumerate(secondary):
        if row_id not in keep or row_id in placed:
            continue
        if all(later not in known for later in secondary[index + 1:]):
            order.append(row_id)  # added at the end there: at the end here too
        else:
            before = next((secondary[j] for j in range(index - 1, -1, -1) if secondary[j] in placed), None)
            at = 0 if before is None else order.index(before) + 1
            while at < len(order) and order[at] not in base_ids and order[at] not in secondary:
                at += 1  # after the rows the other side added at that place
            order.insert(at, row_id)
        placed.add(row_id)
    return order


def value_at(document: Any, path: Path) -> Any:
    """The value at ``path`` (rows found by id), or ``MISSING`` if it is not there."""
    node = document
    for part in path:
        if isinstance(part, RowKey):
            if not isinstance(node, list):
                return MISSING
            node = next((row for row in node if isinstance(row, dict) and row.get(ROW_ID) == part.row_id), MISSING)
        elif isinstance(node, dict):
            node = node.get(part, MISSING)
        else:
            return MISSING
        if node is MISSING:
            return MISSING
    return node


def rows_by_id(*documents: Any) -> dict[tuple[Path, str], Any]:
    """Every table row of the documents by (table path, row id), later documents winning, to name rows
    in messages. Ids are unique within a table only (files number each table's rows r1, r2, …)."""
    found: dict[tuple[Path, str], Any] = {}

    def walk(path: Path, node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                walk((*path, key), child)
        elif isinstance(node, list):
            for child in node:
                if isinstance(child, dict) and isinstance(child.get(ROW_ID), str):
                    found[(path, child[ROW_ID])] = child
                    walk((*path, RowKey(child[ROW_ID])), child)

    for document in documents:
        walk((), document)
    return found
