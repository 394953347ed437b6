"""The bounded reader: every limit of a project file, each refused with a message that says what and where.

Each case is read through ``parse_project`` (what the upload and the CLI call), in YAML with
both PyYAML parsers (libyaml's, used when installed, and the pure-Python fallback) and in JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from lifecycle.model import Project
from lifecycle.reader import LIMITS, Limits, ProjectFileError, read_document, yaml_reader
from lifecycle.storage import dump_project, load_project, parse_project

ROOT = Path(__file__).resolve().parents[2]
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def yaml_parser(request, monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Every test runs with the C parser and with the pure-Python one: the same messages from both."""
    if request.param == "python":
        monkeypatch.setattr(yaml_reader, "PARSER", yaml.SafeLoader)
    yield request.param


def problems(data: bytes | str, name: str = "bad.yaml") -> list[str]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    with pytest.raises(ProjectFileError) as caught:
        parse_project(data, name)
    assert caught.value.source == name
    return caught.value.problems


def only(data: bytes | str, name: str = "bad.yaml") -> str:
    found = problems(data, name)
    assert len(found) == 1, found
    return found[0]


def test_the_c_parser_is_used_when_pyyaml_has_it(yaml_parser: str) -> None:
    if yaml_parser == "libyaml":
        assert yaml.__with_libyaml__ and yaml_reader.PARSER is yaml.CSafeLoader


def test_a_normal_project_reads_the_same_as_safe_load_would() -> None:
    text = PERFECT.read_text(encoding="utf-8")
    assert parse_project(text.encode(), "p.yaml") == Project.model_validate(yaml.safe_load(text))
    project = load_project(PERFECT)
    assert parse_project(dump_project(project, "json").encode(), "p.json") == project


# --- nesting, number of values, items, keys -------------------------------------------------------


@pytest.mark.parametrize("levels", [25, 500, 10_000])
def test_deep_nesting_is_refused_with_its_line(levels: int) -> None:
    flow = "info: " + "[" * levels + "]" * levels + "\n"
    assert "nested more than 20 levels deep" in only(flow) and "line 1" in only(flow)
    block = "info:\n" + "".join("  " * depth + "-\n" for depth in range(1, min(levels, 600)))
    message = only(block)
    assert message.startswith("info[0][0]") and "levels deep" in message and "(line 21)" in message
    json_text = '{"info": ' + "[" * levels + "]" * levels + "}"
    message = only(json_text, "deep.json")
    assert "nested more than 20 levels deep" in message and "line 1, column" in message


def test_deep_json_inside_strings_is_not_nesting() -> None:
    text = json.dumps({"info": {"name": "[" * 300 + "{" * 100}})
    with pytest.raises(ProjectFileError) as caught:  # the name is too long for the model, but it is not "deep"
        parse_project(text.encode(), "p.json")
    assert "levels deep" not in caught.value.problems[0]


def test_a_table_of_100000_rows_is_refused_at_the_row_limit() -> None:
    rows = "".join(f"    - name: s{i}\n      owner: o\n" for i in range(100_000))
    message = only(f"data:\n  sources:\n{rows}"[: LIMITS.max_bytes])
    assert message.startswith("data.sources: more than 200 items") and "(line 403)" in message
    document = json.dumps({"data": {"sources": [{"name": f"s{i}"} for i in range(100_000)]}})
    assert only(document, "rows.json").startswith("data.sources: more than 200 items")


def test_too_many_values_in_all_are_refused() -> None:
    # Lists and mappings each within their own limits; more values in all than the limit (here lowered to 5,000
    # so that the pure-Python parser's run stays short; the benchmark reads 1.95 MB at the real limit).
    numbers = "[" + ", ".join(map(str, range(100))) + "]"
    text = "".join(f"a{i}:\n" + "".join(f"  b{j}: {numbers}\n" for j in range(10)) for i in range(10))
    with pytest.raises(ProjectFileError) as caught:
        read_document(text.encode(), "many.yaml", limits=Limits(max_values=5_000))
    assert "the file holds more than 5,000 values" in caught.value.problems[0]
    assert LIMITS.max_values == 50_000
    document = {f"a{i}": {f"b{j}": list(range(200)) for j in range(100)} for i in range(10)}
    assert "more than 50,000 values" in only(json.dumps(document, separators=(",", ":")), "many.json")


def test_a_mapping_with_too_many_keys_is_refused() -> None:
    keys = "".join(f"  k{i}: 1\n" for i in range(501))
    assert only("info:\n" + keys).startswith("info: more than 500 keys in one mapping")
    assert only(json.dumps({"info": {f"k{i}": 1 for i in range(501)}}), "k.json").startswith("info: more than 500")


def test_a_huge_key_is_refused_and_shown_cut() -> None:
    message = only("info:\n  " + "k" * 1000 + ": 1\n")  # YAML itself refuses implicit keys over 1,024
    assert "a key of 1,000 characters" in message and len(message) < 300
    assert "a key of 5,000 characters" in only(json.dumps({"info": {"k" * 5000: 1}}), "k.json")


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("digits", [16, 5_000, 100_000])
def test_huge_integers_get_our_message_not_pythons(digits: int) -> None:
    number = "9" * digits
    for text, name in ((f"data:\n  labelled_examples: {number}\n", "big.yaml"),
                       (f'{{"data": {{"labelled_examples": {number}}}}}', "big.json")):
        message = only(text, name)
        assert message.startswith("data.labelled_examples: the number 9999")
        assert f"has {digits:,} digits" in message and "at most 15" in message
        assert "4300" not in message and "sys.set_int_max_str_digits" not in message


def test_yaml_integers_written_in_other_bases_are_bounded_too() -> None:
    assert "at most 15" in only("data:\n  labelled_examples: 0x" + "f" * 14 + "\n")
    assert "at most 15" in only("data:\n  labelled_examples: 1:" + "59:" * 20 + "59\n")
    assert parse_project(b"data:\n  labelled_examples: 120_000\n", "ok.yaml").data.labelled_examples == 120_000


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "1.0e+400"])
def test_yaml_nan_and_infinity_are_refused(value: str) -> None:
    message = only(f"data:\n  training_window_months: {value}\n")
    assert message.startswith("data.training_window_months: ") and "finite numbers only" in message
    assert "(line 2)" in message


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
def test_json_nan_and_infinity_are_refused(value: str) -> None:
    message = only(f'{{"data": {{"training_window_months": {value}}}}}', "n.json")
    assert message.startswith("data.training_window_months: ") and "finite numbers only" in message


def test_nan_cannot_enter_through_the_model_either() -> None:
    with pytest.raises(ValueError, match="finite number"):
        Project.model_validate({"model_card": {"quantitative": {"results": [{"metric": "AUC",
                                                                               "value": float("nan")}]}}})


# --- duplicate keys --------------------------------------------------------------------------------


def test_yaml_duplicate_keys_name_the_key_and_both_lines() -> None:
    text = "info:\n  name: Churn\n  owner: Ana\ndata:\n  features:\n    - name: a\n      name: b\n"
    assert only(text) == ("data.features[0]: the key 'name' appears twice (lines 6 and 7); a file with two values "
                          "for one answer is ambiguous")
    assert only("info: {name: a}\ninfo: {name: b}\n").startswith("(top level): the key 'info' appears twice (lines 1")


def test_json_duplicate_keys_name_the_key_path() -> None:
    text = '{"info": {"name": "a"}, "data": {"features": [{"name": "x"}, {"name": "y", "name": "z"}]}}'
    assert only(text, "d.json").startswith("data.features[1]: the key 'name' appears twice")
    assert only('{"info": {}, "info": {}}', "d.json").startswith("(top level): the key 'info' appears twice")


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "reason"), [
    ("0000-00-00", "month value is outside expected range"),
    ("2025-02-30", "day value is outside expected range"),
    ("2025-13-01", "month value is outside expected range"),
])
def test_invalid_dates_are_reported_with_field_and_value(value: str, reason: str) -> None:
    expected = f"timeline.activities[0].start: '{value}' is not a valid date ({reason}"
    yaml_text = f"timeline:\n  activities:\n    - name: Collect\n      start: {value}\n"
    assert only(yaml_text).startswith(expected)
    json_text = json.dumps({"timeline": {"activities": [{"name": "Collect", "start": value}]}})
    assert only(json_text, "d.json").startswith(expected)


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_dates_outside_the_plan_range_are_refused_with_their_field(value: str) -> None:
    message = only(f"problem_framing:\n  gate:\n    decided_on: {value}\n")
    assert message == (f"problem_framing.gate.decided_on: {value} is outside the dates a plan can hold "
                       "(1900-01-01 to 2199-12-31)")


def test_a_date_in_a_text_answer_stays_text() -> None:
    project = parse_project(b"datasheet:\n  collection:\n    collection_period: 2019-01-01\n", "t.yaml")
    assert project.datasheet.collection.collection_period == "2019-01-01"


# --- text: control characters, encodings, line endings -------------------------------------------


def test_control_characters_in_names_are_refused_with_their_place() -> None:
    assert only('{"info": {"name": "Churn\\u001b[2J"}}', "c.json") == (
        "info.name: the text holds the control character U+001B; only tabs and line breaks are allowed")
    assert only('info:\n  name: "Churn\\e[31m"\n').startswith("info.name: the text holds the control character "
                                                                "U+001B")
    message = only("info:\n  owner: Ana\n  name: Ch\x07urn\n")
    assert message.startswith("line 3, column 11: the control character U+0007 is not allowed")


def test_tabs_and_line_breaks_in_text_are_kept() -> None:
    project = parse_project(b'problem_framing:\n  problem_statement: "a\\tb\\nc\\r\\nd"\n', "t.yaml")
    assert project.problem_framing.problem_statement == "a\tb\nc\r\nd"


def test_a_utf8_byte_order_mark_is_accepted_and_utf16_is_named() -> None:
    assert parse_project("\ufeffinfo:\n  name: BOM\n".encode(), "b.yaml").info.name == "BOM"
    assert parse_project('\ufeff{"info": {"name": "BOM"}}'.encode(), "b.json").info.name == "BOM"
    assert only("info:\n  name: x\n".encode("utf-16")) == "the file is UTF-16 text; save it as UTF-8 (YAML or JSON)"


def test_mixed_line_endings_read_and_count_lines_right() -> None:
    text = "info:\r\n  name: Mixed\r  owner: Ana\n  team: T\r\n"
    project = parse_project(text.encode(), "m.yaml")
    assert (project.info.name, project.info.owner, project.info.team) == ("Mixed", "Ana", "T")
    assert "(lines 2 and 4)" in only("info:\r\n  name: a\r  owner: b\n  name: c\r\n")


def test_a_very_long_single_line_is_read_fast_and_explained() -> None:
    line = json.dumps({"info": {"name": "n"}, "problem_framing": {"problem_statement": "x" * 1_900_000}})
    message = only(line, "long.json")
    assert message.startswith("problem_framing.problem_statement:") and "10000" in message


# --- what a project file is not -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("[1, 2]", "l.json", "the file holds a list"),
    ('"just text"', "s.json", "a single value (str)"),
    ("# only a comment\n", "c.yaml", "no data (only comments)"),
    ("info: {}\n---\ndata: {}\n", "two.yaml", "line 2: a second YAML document starts here"),
])
def test_documents_that_are_not_one_project(text: str, name: str, expected: str) -> None:
    assert expected in only(text, name)


@pytest.mark.parametrize("text", [
    "info: !!binary aGVsbG8=\n", "info: !!set {a, b}\n", "info: !custom x\n",
    "info: !!python/object/apply:os.system ['echo hacked']\n",
])
def test_yaml_tags_are_refused(text: str) -> None:
    message = only(text)
    assert "invalid YAML (the tag" in message and "is not allowed in project files" in message


def test_yaml_merge_keys_and_complex_keys_are_refused() -> None:
    assert "merge keys (<<) are not allowed" in only("info:\n  <<: {name: a}\n")
    assert "a key must be a plain name" in only("info:\n  ? [a, b]\n  : 1\n")


def test_a_plain_equals_sign_or_chevrons_are_text() -> None:
    project = parse_project(b"problem_framing:\n  out_of_scope: =\ninfo:\n  name: <<\n", "t.yaml")
    assert (project.problem_framing.out_of_scope, project.info.name) == ("=", "<<")


def test_many_validation_problems_are_summed_up_after_twenty() -> None:
    rows = "".join(f"    - name: s{i}\n      bogus{i}: 1\n" for i in range(30))
    found = problems(f"data:\n  sources:\n{rows}")
    assert len(found) == 21 and found[-1] == "… and 10 more problems"


def test_a_long_bad_choice_is_cut_in_the_message() -> None:
    message = only("problem_framing:\n  ml_task: " + "astrology" * 1000 + "\n")
    assert message.startswith("problem_framing.ml_task: 'astrologyastrology") and len(message) < 600


def _every_table_full() -> dict:
    """A project document with all of its tables at the row limit, every field of every row written out."""
    from typing import get_args, get_origin

    from pydantic import BaseModel

    def fill(model: type[BaseModel], document: dict) -> None:
        for name, field in model.model_fields.items():
            args = get_args(field.annotation)
            if get_origin(field.annotation) is list and args and isinstance(args[0], type) \
                    and issubclass(args[0], BaseModel):
                limit = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), 200)
                document[name] = [args[0]().model_dump(mode="json") for _ in range(limit)]  # the table's own limit
            elif isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
                fill(field.annotation, document[name])

    document = Project().model_dump(mode="json")
    fill(Project, document)
    return document


def test_the_limits_never_refuse_a_project_with_every_table_full() -> None:
    document = _every_table_full()
    text = json.dumps(document)
    assert len(text.encode()) < LIMITS.max_bytes
    assert parse_project(text.encode(), "full.json") == Project.model_validate(document)
    yaml_text = yaml.safe_dump(document, sort_keys=False)
    if len(yaml_text.encode()) < LIMITS.max_bytes:
        assert parse_project(yaml_text.encode(), "full.yaml") == Project.model_validate(document)


def test_yaml_and_json_count_values_alike() -> None:
    from lifecycle.reader.guard import Guard
    from lifecycle.reader.json_reader import read_json
    from lifecycle.reader.yaml_reader import read_yaml

    document = _every_table_full()
    counted = []
    for read, text in ((read_json, json.dumps(document)), (read_yaml, yaml.safe_dump(document, sort_keys=False))):
        guard = Guard(LIMITS)
        read(text, guard)
        counted.append(guard.values)
    assert counted[0] == counted[1] < LIMITS.max_values / 2
