"""Where an answer sits in a project file: a field path mapped to a line and column of the YAML or JSON text.

A finding names the answer at fault by its field path (``data.features[2].available_at_prediction``).
CI reports (SARIF, JUnit) point a reader at the line that holds that answer, so the file is indexed
once: YAML from PyYAML's parser events (refusing aliases, as the workbook's reader does, so the
index sees what the workbook read), JSON through a small scanner that records where each value
starts and ends. Both give the same ``Node`` tree; ``PositionIndex.locate`` walks it. Neither
goes past the reader's depth and value limits (a ValueError instead), so no text, however deep
or large, makes indexing recurse or grow without bound.

An unanswered field is often absent from the file (omitted keys take their defaults). Then the
nearest part that exists, the row or the section, is located instead, and ``Location.missing``
says which part of the path was not found.

Lines and columns are 1-based and counted in characters (Unicode code points); an end column is
the column just after the region, as SARIF counts it.
"""

from __future__ import annotations

import json.decoder
import json.scanner
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from yaml.resolver import Resolver

from ..checks import field_path
from ..reader.limits import LIMITS, Limits

FileFormat = Literal["yaml", "json"]
PathPart = str | int


@dataclass(frozen=True)
class Span:
    """A region of the text: 1-based lines and columns, the end column just past the region."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass
class Node:
    """A value in the file: where it is, and its entries (mapping) or items (sequence)."""

    span: Span
    kind: Literal["mapping", "sequence", "scalar"] = "scalar"
    entries: dict[str, tuple[Span, Node]] = field(default_factory=dict)  # key -> (key's span, value)
    items: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Location:
    """Where a field path points in the file.

    ``found`` is the part of the path that exists in the file and ``missing`` the rest (empty when
    the answer itself is there). ``span`` covers the key and its value when the value is a single
    scalar, the key alone when it opens a section or a table, and the first line of a table row.
    """

    span: Span
    found: tuple[PathPart, ...]
    missing: tuple[PathPart, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.missing

    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def column(self) -> int:
        return self.span.start_column


def dotted(path: Sequence[PathPart]) -> str:
    """('data', 'features', 2, 'owner') -> 'data.features[2].owner' (the form findings use)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class PositionIndex:
    """The positions of every key and row of one project file."""

    def __init__(self, root: Node | None):
        self.root = root

    def locate(self, path: str | Sequence[PathPart]) -> Location:
        """The position of ``path`` (a dotted field path or its parts), or of its nearest existing parent."""
        parts = field_path(path) if isinstance(path, str) else tuple(path)
        if self.root is None:
            return Location(Span(1, 1, 1, 1), (), parts)
        node, span = self.root, _first_line(self.root)
        for depth, part in enumerate(parts):
            child = _child(node, part)
            if child is None:
                return Location(span, parts[:depth], parts[depth:])
            node, span = child
        return Location(span, parts)


def _child(node: Node, part: PathPart) -> tuple[Node, Span] | None:
    if isinstance(part, int):
        if node.kind != "sequence" or not 0 <= part < len(node.items):
            return None
        item = node.items[part]
        return item, _first_line(item)
    if node.kind != "mapping" or part not in node.entries:
        return None
    key_span, value = node.entries[part]
    if value.kind == "scalar":
        return value, Span(key_span.start_line, key_span.start_column, value.span.end_line, value.span.end_column)
    return value, key_span


def _first_line(node: Node) -> Span:
    """A short region that opens a collection: its first entry (key and scalar value), or the node itself."""
    while node.kind == "sequence" and node.items:  # a loop, not recursion: lists of lists open at their first item
        node = node.items[0]
    if node.kind == "mapping" and node.entries:
        key_span, value = min(node.entries.values(), key=lambda entry: (entry[0].start_line, entry[0].start_column))
        if value.kind == "scalar" and value.span.end_line == key_span.start_line:
            return Span(key_span.start_line, key_span.start_column, value.span.end_line, value.span.end_column)
        return key_span
    return node.span


# --- YAML ---------------------------------------------------------------------------------------

# PyYAML counts these as line breaks (YAML 1.1); the line table must agree with its marks.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_JSON_BREAK = re.compile("\r\n|[\r\n]")


class _Lines:
    """Line lengths of a text, to express 'end of the previous line' for spans that end at a line break."""

    def __init__(self, text: str, breaks: re.Pattern[str]):
        self.text = text
        self.starts = [0] + [match.end() for match in breaks.finditer(text)]
        self.ends = [match.start() for match in breaks.finditer(text)] + [len(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def length(self, line: int) -> int:
        """Characters on a 1-based line, without its line break."""
        return self.ends[line - 1] - self.starts[line - 1]

    def blank(self, line: int) -> bool:
        return not self.text[self.starts[line - 1]:self.ends[line - 1]].strip()


def _yaml_span(start: yaml.Mark, end: yaml.Mark, lines: _Lines) -> Span:
    end_line, end_column = end.line + 1, end.column + 1
    if end.column == 0 and end.line > start.line:  # a block scalar ends after its line break(s)
        end_line = end.line
        while end_line > start.line + 1 and lines.blank(end_line):
            end_line -= 1
        end_column = lines.length(end_line) + 1
    return Span(start.line + 1, start.column + 1, end_line, end_column)


_MERGE = "tag:yaml.org,2002:merge"
_RESOLVER = Resolver()


@dataclass
class _Key:
    text: str | None  # None: a list or mapping used as a key, which no field path can name
    merge: bool
    span: Span


class _Open:
    """A mapping or sequence whose end event has not come yet."""

    __slots__ = ("node", "start", "pairs", "key", "is_key")

    def __init__(self, node: Node, start: yaml.Mark, is_key: bool):
        self.node, self.start, self.is_key = node, start, is_key
        self.pairs: list[tuple[_Key, Node]] = []
        self.key: _Key | None = None


class _Bounds:
    """The reader's depth and value limits, so indexing never does more than reading would have allowed."""

    def __init__(self, limits: Limits):
        self.limits, self.values = limits, 0

    def depth(self, depth: int) -> None:
        if depth > self.limits.max_depth:
            raise ValueError(f"nested more than {self.limits.max_depth} levels deep")

    def count(self) -> None:
        self.values += 1
        if self.values > self.limits.max_values:
            raise ValueError(f"more than {self.limits.max_values:,} values")


def _yaml_entries(pairs: list[tuple[_Key, Node]]) -> dict[str, tuple[Span, Node]]:
    entries: dict[str, tuple[Span, Node]] = {}
    for key, value in pairs:  # '<<: {...}' without an alias: its keys come first
        if key.merge:
            sources = [value] if value.kind == "mapping" else [item for item in value.items if item.kind == "mapping"]
            for source in sources:
                entries.update(source.entries)
    for key, value in pairs:
        if key.text is not None and not key.merge:
            entries[key.text] = (key.span, value)  # a repeated key: the last one is the one the loader keeps
    return entries


def _yaml_tree(events: Iterable[yaml.Event], lines: _Lines, bounds: _Bounds) -> Node | None:
    """The node tree of a YAML event stream, built with an explicit stack (no recursion, whatever the nesting)."""
    stack: list[_Open] = []
    root: Node | None = None

    def attach(node: Node, key: _Key | None) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        top = stack[-1]
        if top.node.kind == "sequence":
            top.node.items.append(node)
        elif key is not None:
            top.key = key
        else:
            assert top.key is not None
            top.pairs.append((top.key, node))
            top.key = None

    def expecting_key() -> bool:
        return bool(stack) and stack[-1].node.kind == "mapping" and stack[-1].key is None

    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            span = _yaml_span(event.start_mark, event.end_mark, lines)
            if expecting_key():
                tag = event.tag
                if tag is None or tag == "!":
                    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
                attach(Node(span), _Key(event.value, tag == _MERGE, span))
            else:
                bounds.count()
                attach(Node(span), None)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            is_key = expecting_key()
            if not is_key:
                bounds.count()
            bounds.depth(len(stack) + 1)
            placeholder = Span(1, 1, 1, 1)  # replaced at the end event, when the extent is known
            node = Node(placeholder, "mapping" if kind is yaml.MappingStartEvent else "sequence")
            stack.append(_Open(node, event.start_mark, is_key))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            done = stack.pop()
            done.node.span = _yaml_span(done.start, event.end_mark, lines)
            if done.node.kind == "mapping":
                done.node.entries = _yaml_entries(done.pairs)
            attach(done.node, _Key(None, False, done.node.span) if done.is_key else None)
        elif kind is yaml.AliasEvent:
            # As the project reader (lifecycle/reader): a project file never needs aliases, so refuse them.
            raise ValueError("YAML aliases (*name) are not allowed in project files")
        elif kind is yaml.DocumentStartEvent and root is not None:
            raise ValueError("a second YAML document; a project file holds one")  # as yaml.compose refused it
    return root


def yaml_index(text: str, limits: Limits = LIMITS) -> PositionIndex:
    """Positions of a YAML project file (ValueError if it is not valid YAML or goes past the reader's limits)."""
    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    try:
        # From the parser's events, not yaml.compose: the pure-Python composer recurses once per level.
        root = _yaml_tree(yaml.parse(text, Loader=loader), _Lines(text, _YAML_BREAK), _Bounds(limits))
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML ({exc})") from None
    return PositionIndex(root)


# --- JSON ---------------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")  # json.loads accepts the last three


class _JsonScanner:
    """Walks a JSON text that ``json.loads`` accepted, recording where every value starts and ends."""

    def __init__(self, text: str, bounds: _Bounds):
        self.text = text
        self.lines = _Lines(text, _JSON_BREAK)
        self.bounds = bounds

    def span(self, start: int, end: int) -> Span:
        return Span(*self.lines.position(start), *self.lines.position(end))

    def skip(self, index: int) -> int:
        return _WHITESPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def value(self, index: int, depth: int = 0) -> tuple[Node, int]:
        # Recursive, but only as deep as the reader's depth limit: a deeper text is a ValueError, not a crash.
        self.bounds.count()
        char = self.text[index:index + 1]
        if char == "{":
            return self.mapping(index, depth + 1)
        if char == "[":
            return self.sequence(index, depth + 1)
        if char == '"':
            _, end = json.decoder.scanstring(self.text, index + 1)
            return Node(self.span(index, end)), end
        number = json.scanner.NUMBER_RE.match(self.text, index)
        if number:
            return Node(self.span(index, number.end())), number.end()
        for literal in _LITERALS:
            if self.text.startswith(literal, index):
                return Node(self.span(index, index + len(literal))), index + len(literal)
        raise ValueError(f"unexpected character at offset {index}")

    def mapping(self, start: int, depth: int) -> tuple[Node, int]:
        self.bounds.depth(depth)
        node = Node(self.span(start, start + 1), "mapping")
        index = self.skip(start + 1)
        if self.text.startswith("}", index):
            node.span = self.span(start, index + 1)
            return node, index + 1
        while True:
            if not self.text.startswith('"', index):
                raise ValueError(f"expected a key at offset {index}")
            key, key_end = json.decoder.scanstring(self.text, index + 1)
            key_span = self.span(index, key_end)
            index = self.skip(key_end)
            if not self.text.startswith(":", index):
                raise ValueError(f"expected ':' at offset {index}")
            value, index = self.value(self.skip(index + 1), depth)
            node.entries[key] = (key_span, value)  # a repeated key: json.loads keeps the last one too
            index = self.skip(index)
            if self.text.startswith(",", index):
                index = self.skip(index + 1)
                continue
            if self.text.startswith("}", index):
                node.span = self.span(start, index + 1)
                return node, index + 1
            raise ValueError(f"expected ',' or '}}' at offset {index}")

    def sequence(self, start: int, depth: int) -> tuple[Node, int]:
        self.bounds.depth(depth)
        node = Node(self.span(start, start + 1), "sequence")
        index = self.skip(start + 1)
        if self.text.startswith("]", index):
            node.span = self.span(start, index + 1)
            return node, index + 1
        while True:
            item, index = self.value(index, depth)
            node.items.append(item)
            index = self.skip(index)
            if self.text.startswith(",", index):
                index = self.skip(index + 1)
                continue
            if self.text.startswith("]", index):
                node.span = self.span(start, index + 1)
                return node, index + 1
            raise ValueError(f"expected ',' or ']' at offset {index}")


def json_index(text: str, limits: Limits = LIMITS) -> PositionIndex:
    """Positions of a JSON project file (ValueError if it is not valid JSON or goes past the reader's limits)."""
    scanner = _JsonScanner(text, _Bounds(limits))
    try:
        root, end = scanner.value(scanner.skip(0))
    except (IndexError, json.JSONDecodeError) as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if scanner.skip(end) != len(text):
        raise ValueError(f"extra data after the JSON value at offset {end}")
    return PositionIndex(root)


# --- files --------------------------------------------------------------------------------------


def file_format(name: str, text: str) -> FileFormat:
    """The format a project file is read in: by its suffix, else JSON when it opens with '{' (as the reader decides)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip().startswith("{") else "yaml"


def index_text(text: str, fmt: FileFormat, limits: Limits = LIMITS) -> PositionIndex:
    """The position index of a project file's text (ValueError when the text does not parse, or holds more
    than ``limits`` let the reader read: the index never does unbounded work on a file the reader refused)."""
    return json_index(text, limits) if fmt == "json" else yaml_index(text, limits)
