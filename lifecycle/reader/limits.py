"""How much a project file may hold, checked while it is read, before any validation.

A rich project is about 30 KB with a few thousand values; every list in the format is a
table or a multiple choice of at most ``TABLE_ROWS_MAX`` rows, and the model nests five
levels deep. The limits leave ample room above that and stop a hostile file early.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.fields import TABLE_ROWS_MAX


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 20  # containers inside containers; the format needs 5
    max_values: int = 50_000  # scalars, mappings and lists (keys aside); all 18 tables at 200 rows hold ~19,000
    max_items: int = TABLE_ROWS_MAX  # items in one list: a table's row limit
    max_keys: int = 500  # keys in one mapping; the largest section has a few dozen fields
    max_key_chars: int = 100  # a key is a field name
    max_int_digits: int = 15  # far above any count or amount a plan holds; Python's own limit is 4,300

    @property
    def max_megabytes(self) -> int:
        return self.max_bytes // 1_048_576


LIMITS = Limits()
