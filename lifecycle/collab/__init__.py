"""Working side by side: three-way merge of concurrent edits, and what changed between versions."""

from .merge import MISSING, Conflict, MergeResult, RowKey, merge, rows_by_id, value_at

__all__ = ["MISSING", "Conflict", "MergeResult", "RowKey", "merge", "rows_by_id", "value_at"]
