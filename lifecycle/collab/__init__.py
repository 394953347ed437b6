"""Working side by side: three-way merge of concurrent edits, and what changed between versions."""

from .merge import Conflict, MergeResult, RowKey, merge

__all__ = ["Conflict", "MergeResult", "RowKey", "merge"]
