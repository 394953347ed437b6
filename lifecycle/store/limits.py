"""The reader's limits for the store's own documents, derived from what the project model accepts.

The store reads its documents through the same bounded reader as files, but a document it
stored must always open again: a project grown in the form past the 2 MB a file may hold, a
snapshot of 600 MLflow metrics (the model keeps 1,000; a file's mapping 500 keys) or a name
holding a control character were all accepted, saved, and then refused on every later visit.
So the limits are the model's own, read from its JSON Schema: anything that validates is
within them, and a document only fails to open when it is not a valid project at all. They
are never lower than a file's limits, so any file that opens also opens once stored.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Project
from ..reader.limits import LIMITS, Limits

# json.dumps writes a character as at most 6 bytes (a control character as \u00XX); a non-finite float never
# validates, and the longest finite one, -1.7976931348623157e+308, is 24 characters.
BYTES_PER_CHAR = 6
NUMBER_BYTES = 24
DATE_BYTES = len('"2199-12-31T23:59:59.999999+00:00"')
UNBOUNDED = math.inf
PYTHON_DIGITS = sys.get_int_max_str_digits() or 4300  # 0: no limit set; 4,300 is CPython's default


@dataclass(frozen=True)
class Bound:
    """The most a value of one schema can take in the stored JSON (``math.inf`` where the model sets no bound)."""

    depth: float = 0  # containers, this one included
    values: float = 1  # itself and everything inside, as the reader counts them (keys aside)
    size: float = 0  # bytes of its JSON
    items: float = 0  # the longest list inside
    keys: float = 0  # the most keys of one mapping inside
    key_chars: float = 0
    int_digits: float = 0

    def widest(self, other: Bound) -> Bound:
        return Bound(*(max(a, b) for a, b in zip(self._fields(), other._fields())))

    def _fields(self) -> tuple[float, ...]:
        return (self.depth, self.values, self.size, self.items, self.keys, self.key_chars, self.int_digits)


def _string_bytes(schema: dict[str, Any]) -> float:
    if "enum" in schema or "const" in schema:
        options = schema.get("enum", [schema.get("const")])
        return max(len(str(option)) * BYTES_PER_CHAR + 2 for option in options)
    if schema.get("format") in ("date", "date-time", "time"):
        return DATE_BYTES
    return schema["maxLength"] * BYTES_PER_CHAR + 2 if "maxLength" in schema else UNBOUNDED


def _digits(schema: dict[str, Any]) -> float:
    ends = [schema[k] for k in ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum") if k in schema]
    if "maximum" not in schema and "exclusiveMaximum" not in schema or not ends:
        return UNBOUNDED
    if "minimum" not in schema and "exclusiveMinimum" not in schema:
        return UNBOUNDED
    return max(len(str(abs(int(end)))) for end in ends)


class _Walker:
    def __init__(self, schema: dict[str, Any]):
        self.defs = schema.get("$defs", {})
        self.open: set[str] = set()

    def bound(self, schema: dict[str, Any]) -> Bound:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if name in self.open:  # a model inside itself: no bound on depth
                return Bound(UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED)
            self.open.add(name)
            try:
                return self.bound(self.defs[name])
            finally:
                self.open.discard(name)
        for combined in ("anyOf", "oneOf", "allOf"):
            if combined in schema:
                result = Bound(values=0)
                for option in schema[combined]:
                    result = result.widest(self.bound(option))
                return result
        kind = schema.get("type")
        if isinstance(kind, list):
            return self.bound({"anyOf": [{**schema, "type": one} for one in kind]})
        if kind == "array":
            return self._array(schema)
        if kind == "object":
            return self._object(schema)
        if kind == "string" or "enum" in schema or "const" in schema:
            return Bound(size=_string_bytes(schema))
        if kind == "integer":
            digits = _digits(schema)
            # json.dumps refuses an integer longer than Python's own limit, so none longer is ever stored.
            return Bound(size=min(digits, PYTHON_DIGITS) + 1, int_digits=digits)
        if kind == "number":
            return Bound(size=NUMBER_BYTES)
        if kind in ("boolean", "null"):
            return Bound(size=5)
        return Bound(*(UNBOUNDED,) * 7)  # a value the schema does not describe

    def _array(self, schema: dict[str, Any]) -> Bound:
        count = schema.get("maxItems", UNBOUNDED)
        if "prefixItems" in schema:
            parts = [self.bound(item) for item in schema["prefixItems"]]
            item = Bound(values=0)
            for part in parts:
                item = item.widest(part)
            count = min(count, len(parts)) if schema.get("items") is False else count
        else:
            item = self.bound(schema.get("items", {}))
        return Bound(
            depth=1 + item.depth, values=1 + count * item.values, size=2 + count * (item.size + 1),
            items=max(count, item.items), keys=item.keys, key_chars=item.key_chars, int_digits=item.int_digits,
        )

    def _object(self, schema: dict[str, Any]) -> Bound:
        parts = [(len(name) * BYTES_PER_CHAR + 2, 1, self.bound(value))
                 for name, value in schema.get("properties", {}).items()]
        names = [len(name) for name in schema.get("properties", {})]
        extra = schema.get("additionalProperties")
        if extra is True:
            return Bound(*(UNBOUNDED,) * 7)
        if isinstance(extra, dict):  # a dict field: up to maxProperties keys of up to propertyNames.maxLength
            key_chars = schema.get("propertyNames", {}).get("maxLength", UNBOUNDED)
            parts.append((key_chars * BYTES_PER_CHAR + 2, schema.get("maxProperties", UNBOUNDED), self.bound(extra)))
            names.append(key_chars)
        inner = Bound(values=0)
        for _, _, part in parts:
            inner = inner.widest(part)
        return Bound(
            depth=1 + inner.depth,
            values=1 + sum(count * part.values for _, count, part in parts),
            size=2 + sum(count * (key_bytes + 2 + part.size) for key_bytes, count, part in parts),  # ':' and ','
            items=inner.items,
            keys=max(sum(count for _, count, _ in parts), inner.keys),
            key_chars=max([*names, inner.key_chars]),
            int_digits=inner.int_digits,
        )


def model_bound() -> Bound:
    """The most a stored project can hold, from ``Project``'s JSON Schema as the store writes it."""
    schema = Project.model_json_schema(mode="serialization")
    return _Walker(schema).bound(schema)


def _at_least(bound: float, floor: int, unbounded: int = sys.maxsize) -> int:
    return max(floor, unbounded if math.isinf(bound) else int(bound))


@cache
def stored_limits() -> Limits:
    """The limits the store reads its documents with: the model's bounds, never below a file's."""
    bound = model_bound()
    return Limits(
        max_bytes=_at_least(bound.size, LIMITS.max_bytes),
        max_depth=_at_least(bound.depth, LIMITS.max_depth),
        max_values=_at_least(bound.values, LIMITS.max_values),
        max_items=_at_least(bound.items, LIMITS.max_items),
        max_keys=_at_least(bound.keys, LIMITS.max_keys),
        max_key_chars=_at_least(bound.key_chars, LIMITS.max_key_chars),
        max_int_digits=_at_least(bound.int_digits, LIMITS.max_int_digits, PYTHON_DIGITS),
        control_characters=True,  # the form accepts them (the model does not refuse them)
        wording=LIMITS.wording,
    )
