"""YAML project files, built from parser events with every limit checked as the events arrive.

PyYAML's C parser (libyaml, ``CSafeLoader``) is used when it is installed, the pure-Python
one otherwise; both produce the same events. The data is built here rather than by PyYAML's
composer and constructor so that the first breach of a limit stops the read at once (a
100,000-row table is refused at row 201, without composing the rest), and so that
duplicate keys, aliases and tags are refused with their line.

Differences from ``yaml.safe_load``, on purpose:
- aliases (``*name``) are refused: nested aliases make a small file expand enormously;
- duplicate keys are refused, with both lines (PyYAML keeps the last one silently);
- tags other than YAML's own plain types are refused (no ``!!python/...``, ``!!binary``, ``!!set``);
- dates are left as text (``2025-02-30`` would otherwise fail inside PyYAML without a field
  name); the model reads them and names the field and the value when one is not a real date;
- ``.nan`` and ``.inf`` are refused, and so are integers longer than the limit.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .errors import Refused
from .guard import Guard, PathOrThunk, located, path_text, shown

TAG = "tag:yaml.org,2002:"
PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML was built with libyaml
_ALLOWED = {TAG + kind for kind in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
# What YAML itself refuses as unprintable; used to point at the character when the parser only gives an offset.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Resolver(Resolver):
    """YAML 1.1's implicit types without timestamps: dates stay text for the model to read and explain."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TAG + "timestamp"]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}

_NO_KEY = object()


class _Frame:
    __slots__ = ("value", "path", "key", "key_lines", "line")

    def __init__(self, value: dict | list, path: tuple, line: int):
        self.value = value
        self.path = path
        self.key: Any = _NO_KEY
        self.key_lines: dict[Any, int] = {}
        self.line = line


def _line(event: Any) -> int:
    return event.start_mark.line + 1


def _display_tag(tag: str) -> str:
    return "!!" + tag[len(TAG):] if tag.startswith(TAG) else tag


class _Builder:
    def __init__(self, guard: Guard):
        self.guard = guard
        self.resolver = _Resolver()
        self.constructor = SafeConstructor()
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.wording = guard.limits.wording

    # --- where the next value goes ---------------------------------------------------------------
    def _child_path(self) -> tuple:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value))
        return frame.path if frame.key is _NO_KEY else (*frame.path, frame.key)

    def _expecting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is _NO_KEY

    def _attach(self, value: Any, line: int) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            self.guard.items(len(frame.value) + 1, frame.path, line)
            frame.value.append(value)
        elif frame.key is _NO_KEY:
            self._key(frame, value, line)
        else:
            frame.value[frame.key] = value
            frame.key = _NO_KEY

    def _key(self, frame: _Frame, key: Any, line: int) -> None:
        self.guard.key(key, frame.path, line)
        if key in frame.key_lines:
            raise Refused(located(frame.path, f"the key {shown(key)} appears twice (lines {frame.key_lines[key]} "
                                              f"and {line}); {self.wording.duplicate}"))
        frame.key_lines[key] = line
        self.guard.keys(len(frame.key_lines), frame.path, line)
        frame.key = key

    # --- events ----------------------------------------------------------------------------------
    def scalar(self, event: Any) -> None:
        line = _line(event)
        path = self._child_path  # called only to name the place in a message
        if not self._expecting_key():  # keys are not values (as in the JSON reader)
            self.guard.count(path, line)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        if tag == TAG + "merge" and self._expecting_key():
            raise Refused(located(path, f"merge keys (<<) are not allowed in {self.wording.kinds}", line))
        if tag in (TAG + "merge", TAG + "value"):  # YAML 1.1 reads a plain '<<' or '=' as these; here they are text
            tag = TAG + "str"
        self._attach(self._construct(tag, event.value, path, line), line)

    def _construct(self, tag: str, text: str, path: PathOrThunk, line: int) -> Any:
        if tag == TAG + "str" or tag == TAG + "timestamp":
            self.guard.text(text, path, line)
            return text
        if tag not in _ALLOWED:
            raise Refused(located(path, f"invalid YAML (the tag {shown(_display_tag(tag))} is not allowed in "
                                        f"{self.wording.kinds})", line))
        node = ScalarNode(tag, text)
        try:
            if tag == TAG + "null":
                return self.constructor.construct_yaml_null(node)
            if tag == TAG + "bool":
                return self.constructor.construct_yaml_bool(node)
            if tag == TAG + "int":
                self.guard.integer_text(text, path, line)
                value = self.constructor.construct_yaml_int(node)
                self.guard.integer(value, text, path, line)
                return value
            value = self.constructor.construct_yaml_float(node)
        except (ValueError, KeyError):
            raise Refused(located(path, f"{shown(text)} is not a {_display_tag(tag)[2:]}", line)) from None
        self.guard.real(value, text, path, line)
        return value

    def start(self, event: Any, container: dict | list) -> None:
        line = _line(event)
        if self._expecting_key():
            raise Refused(located(self.stack[-1].path, "a key must be a plain name, not a list or mapping", line))
        path = self._child_path()
        self.guard.count(path, line)
        self.guard.depth(len(self.stack) + 1, path, line)
        if event.tag not in (None, "!", TAG + "map", TAG + "seq"):
            raise Refused(f"{path_text(path)}: invalid YAML (the tag {shown(_display_tag(event.tag))} is not allowed "
                          f"in {self.wording.kinds}) (line {line})")
        self.stack.append(_Frame(container, path, line))

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        self._attach(frame.value, frame.line)


def read_yaml(text: str, guard: Guard) -> Any:
    """The single YAML document in ``text`` as plain data; ``Refused`` or ``yaml.YAMLError`` otherwise."""
    try:
        parser = PARSER(text)
    except yaml.reader.ReaderError:  # the pure-Python reader checks every character up front
        raise Refused(_unprintable(text)) from None
    builder = _Builder(guard)
    try:
        while True:
            try:
                event = parser.get_event()
            except yaml.reader.ReaderError:
                raise Refused(_unprintable(text)) from None
            kind = type(event)
            if kind is yaml.ScalarEvent:
                builder.scalar(event)
            elif kind is yaml.MappingStartEvent:
                builder.start(event, {})
            elif kind is yaml.SequenceStartEvent:
                builder.start(event, [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                builder.end(event)
            elif kind is yaml.AliasEvent:
                raise yaml.MarkedYAMLError(
                    None, None, f"YAML aliases (*name) are not allowed in {builder.wording.kinds}", event.start_mark
                )
            elif kind is yaml.DocumentStartEvent:
                builder.documents += 1
                if builder.documents > 1:
                    raise Refused(f"line {_line(event)}: a second YAML document starts here ('---'); a "
                                  f"{builder.wording.kind} holds one")
            elif kind is yaml.StreamEndEvent:
                return builder.root
    finally:
        parser.dispose()


def _unprintable(text: str) -> str:
    found = _UNPRINTABLE.search(text)
    if found is None:
        return "invalid YAML (a character YAML does not allow)"
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return (f"line {line}, column {column}: the control character U+{ord(found.group()):04X} is not allowed in "
            "YAML; only tabs and line breaks are")
