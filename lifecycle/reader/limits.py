"""How much a project file may hold, checked while it is read, before any validation.

A rich project is about 30 KB with a few thousand values; every list in the format is a
table or a multiple choice of at most ``TABLE_ROWS_MAX`` rows, and the model nests five
levels deep. The limits leave ample room above that and stop a hostile file early.

The same reader reads other kinds of file (policy packs) and the store's own documents, each
with its own ``Limits``; ``Wording`` says how the messages name that kind of file and what one
usually holds, so a refusal never tells a pack's author about "a project file".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.fields import TABLE_ROWS_MAX


@dataclass(frozen=True)
class Wording:
    kind: str = "project file"
    kinds: str = "project files"
    depth: str = "a project file nests about 5"
    values: str = "a project file holds a few thousand"
    items: str = "a table or list in a project file holds at most {max_items}"
    keys: str = "a section of a project file has a few dozen fields"
    key: str = "keys are field names of at most {max_key_chars}"
    duplicate: str = "a file with two values for one answer is ambiguous"


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 20  # containers inside containers; the format needs 5
    max_values: int = 50_000  # scalars, mappings and lists (keys aside); all 18 tables at 200 rows hold ~19,000
    max_items: int = TABLE_ROWS_MAX  # items in one list: a table's row limit
    max_keys: int = 500  # keys in one mapping; the largest section has a few dozen fields
    max_key_chars: int = 100  # a key is a field name
    max_int_digits: int = 15  # far above any count or amount a plan holds; Python's own limit is 4,300
    # Control characters are refused in files (invisible in a form, able to rewrite a terminal); the store's own
    # documents may hold what the model accepted from the form, so they must not be refused for it.
    control_characters: bool = False
    wording: Wording = field(default_factory=Wording)

    @property
    def max_megabytes(self) -> int:
        return self.max_bytes // 1_048_576


LIMITS = Limits()
