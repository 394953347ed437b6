"""Field paths mapped to lines and columns of YAML and JSON project files, including answers not written yet."""

from __future__ import annotations

from typing import Any

import pytest

from lifecycle.reports.positions import dotted, index_text, json_index, yaml_index
from lifecycle.samples import load_sample
from lifecycle.storage import dump_project

YAML = """\
# A comment line, then the document
format_version: 2
info:
  name: Ωμέγα “plan”
  owner: ''
data:
  features:
    - name: tenure
      available_at_prediction: true
    - name: last_contact_reason
      available_at_prediction: false
  quality_notes: >-
    Gaps in 2023,
    and a change of CRM.

  sources: []
modeling:
  gate: {decision: go, decided_by: Ana}
"""


def _line(text: str, line: int) -> str:
    return text.split("\n")[line - 1]


@pytest.mark.parametrize("path, line, column, key", [
    ("format_version", 2, 1, "format_version"),
    ("info.name", 4, 3, "name"),
    ("info.owner", 5, 3, "owner"),
    ("data.features", 7, 3, "features"),
    ("data.features[1]", 10, 7, "name"),
    ("data.features[1].available_at_prediction", 11, 7, "available_at_prediction"),
    ("data.quality_notes", 12, 3, "quality_notes"),
    ("modeling.gate.decided_by", 18, 24, "decided_by"),
])
def test_yaml_answers_are_found_at_their_key(path: str, line: int, column: int, key: str) -> None:
    where = yaml_index(YAML).locate(path)
    assert where.exact and (where.line, where.column) == (line, column)
    assert _line(YAML, line)[column - 1:].startswith(key)


def test_a_scalar_region_covers_the_key_and_its_value_a_block_scalar_without_its_blank_lines() -> None:
    index = yaml_index(YAML)
    span = index.locate("info.name").span
    assert (span.end_line, span.end_column) == (4, len("  name: Ωμέγα “plan”") + 1)  # code points, not bytes
    block = index.locate("data.quality_notes").span
    assert (block.start_line, block.end_line, block.end_column) == (12, 14, len("    and a change of CRM.") + 1)
    section = index.locate("data.features").span  # a table: the key alone
    assert (section.start_line, section.end_line, section.end_column) == (7, 7, 3 + len("features"))


@pytest.mark.parametrize("path, found, missing, line", [
    ("modeling.gate.rationale", "modeling.gate", ("rationale",), 18),  # flow mapping: its key
    ("data.features[1].owner", "data.features[1]", ("owner",), 10),  # the row
    ("data.features[5].name", "data.features", (5, "name"), 7),  # a row that is not there: the table
    ("data.sources[0].name", "data.sources", (0, "name"), 16),
    ("deployment.fallback", "", ("deployment", "fallback"), 2),  # a whole phase missing: the top of the document
])
def test_an_answer_not_in_the_file_points_at_its_nearest_parent(path: str, found: str, missing: tuple, line: int) -> None:
    where = yaml_index(YAML).locate(path)
    assert not where.exact
    assert dotted(where.found) == found and where.missing == missing
    assert where.line == line


def test_repeated_keys_and_merge_keys_resolve_as_the_loader_does() -> None:
    text = "info:\n  name: first\n  name: second\nmodeling:\n  <<: {model_description: merged}\n  slices: x\n"
    index = yaml_index(text)
    assert index.locate("info.name").line == 3  # the loader keeps the last value
    assert index.locate("modeling.model_description").line == 5
    assert index.locate("modeling.slices").line == 6


def test_windows_line_endings_count_lines_as_editors_do() -> None:
    text = YAML.replace("\n", "\r\n")
    where = yaml_index(text).locate("data.features[1].available_at_prediction")
    assert (where.line, where.column) == (11, 7)
    assert yaml_index(text).locate("data.quality_notes").span.end_line == 14


def test_aliases_are_refused_as_the_reader_refuses_them() -> None:
    with pytest.raises(ValueError, match="aliases"):
        yaml_index("a: &x 1\nb: *x\n")


def test_an_empty_document_points_at_the_first_line() -> None:
    where = yaml_index("# nothing here\n").locate("info.name")
    assert (where.line, where.column) == (1, 1) and where.missing == ("info", "name")


JSON = '{\n  "info": {"name": "A \\"quoted\\" name: {not a brace}", "owner": "Ωμέγα"},\n' \
       '  "data": {\n    "features": [\n      {"name": "x"},\n      {\n        "name": "y",\n' \
       '        "available_at_prediction": false\n      }\n    ],\n    "labelled_examples": -1.5e3\n  },\n' \
       '  "modeling": {"filter_holdout_percent": NaN, "gate": {}}\n}\n'


@pytest.mark.parametrize("path, line, column", [
    ("info", 2, 3),
    ("info.owner", 2, 56),
    ("data.features[1]", 7, 9),
    ("data.features[1].available_at_prediction", 8, 9),
    ("data.labelled_examples", 11, 5),
    ("modeling.filter_holdout_percent", 13, 16),
])
def test_json_answers_are_found_at_their_key(path: str, line: int, column: int) -> None:
    where = json_index(JSON).locate(path)
    assert where.exact and (where.line, where.column) == (line, column)
    key = path.rsplit(".", 1)[-1]
    if not key.endswith("]"):
        assert _line(JSON, line)[column - 1:].startswith(f'"{key}"')


def test_json_missing_answers_and_values() -> None:
    index = json_index(JSON)
    gate = index.locate("modeling.gate.decided_by")
    assert dotted(gate.found) == "modeling.gate" and gate.missing == ("decided_by",) and gate.line == 13
    name = index.locate("info.name").span  # the value's end is found past escaped quotes and braces
    assert _line(JSON, 2)[name.end_column - 2] == '"' and name.end_column == 54


def test_json_that_is_not_valid_is_refused() -> None:
    for text in ('{"a": 1,}', '{"a" 1}', "[1 2]", '{"a": 1} x', '{"a": tru}'):
        with pytest.raises(ValueError):
            json_index(text)


def _leaves(value: Any, path: tuple = ()) -> list[tuple]:
    """Every answer of a dumped project: paths of scalars, of empty tables and of rows."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        if not value:
            return [path]
        return [path] + [leaf for i, item in enumerate(value) for leaf in _leaves(item, (*path, i))]
    return [path]


@pytest.mark.parametrize("key", ["churn", "recommendation", "loan"])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_every_answer_of_a_saved_project_is_found_on_the_line_of_its_key(key: str, fmt: str) -> None:
    project = load_sample(key)
    text = dump_project(project, fmt)
    index = index_text(text, fmt)
    lines = text.split("\n")
    for path in _leaves(project.model_dump(mode="json")):
        where = index.locate(path)
        assert where.exact, dotted(path)
        last = path[-1]
        line = lines[where.line - 1][where.column - 1:]
        if isinstance(last, int):  # a row: its first key (or the value of a list of choices)
            assert line.strip(), dotted(path)
        else:
            assert line.startswith(f'"{last}"' if fmt == "json" else f"{last}:"), (dotted(path), line)
