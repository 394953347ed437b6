"""Opening and saving project files: round trips, and every way a file can be bad."""

from __future__ import annotations

import json

import pytest

from lifecycle.model import Project
from lifecycle.storage import MAX_FILE_BYTES, ProjectFileError, dump_project, load_project, parse_project, save_project


@pytest.fixture
def project() -> Project:
    return Project.model_validate(
        {
            "info": {"name": "Prévision — “churn” Ωμέγα Кириллица €", "owner": "Ana Ruiz"},
            "problem_framing": {
                "problem_statement": "Line one\nline two: with a colon, # and a quote '\"",
                "ml_task": "binary_classification",
                "business_metrics": [{"name": "churn rate", "owner": "CFO", "target": "-2 pts", "status": "agreed"}],
                "adversarial_content": False,
                "gate": {"decision": "go", "decided_on": "2026-03-01"},
            },
            "data": {"labelled_examples": 120000, "features": [{"name": "tenure", "available_at_prediction": True}]},
            "modeling": {"filter_holdout_percent": 1.5, "human_evaluation": ["crowd_raters", "live_experiment"]},
        }
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_keeps_every_answer_and_the_exact_text(project: Project, fmt: str) -> None:
    text = dump_project(project, fmt)
    reopened = parse_project(text.encode("utf-8"), f"p.{fmt}")
    assert reopened == project
    assert dump_project(reopened, fmt) == text


def test_yaml_keeps_unicode_readable(project: Project) -> None:
    text = dump_project(project, "yaml")
    assert "“churn” Ωμέγα Кириллица €" in text


def test_save_and_load_by_extension(project: Project, tmp_path) -> None:
    for name in ("p.yaml", "p.json"):
        save_project(project, tmp_path / name)
        assert load_project(tmp_path / name) == project
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["info"]["owner"] == "Ana Ruiz"


def test_omitted_keys_take_defaults() -> None:
    assert parse_project(b"info:\n  name: Minimal\n", "m.yaml") == Project.model_validate({"info": {"name": "Minimal"}})


def problems(data: bytes, name: str = "bad.yaml") -> list[str]:
    with pytest.raises(ProjectFileError) as caught:
        parse_project(data, name)
    assert caught.value.source == name
    return caught.value.problems


def test_truncated_yaml_names_the_line(project: Project) -> None:
    text = dump_project(project, "yaml")
    cut = text[: text.index("problem_statement") + 30]  # stops inside a quoted scalar
    [message] = problems(cut.encode())
    assert message.startswith("line ") and "invalid YAML" in message


def test_truncated_json_names_line_and_column(project: Project) -> None:
    [message] = problems(dump_project(project, "json")[:200].encode(), "bad.json")
    assert "invalid JSON" in message and "line" in message and "column" in message


def test_wrong_types_name_the_field_path() -> None:
    document = b"data:\n  labelled_examples: lots\n  features:\n    - name: x\n      available_at_prediction: perhaps\n"
    found = problems(document)
    assert any(p.startswith("data.labelled_examples:") for p in found)
    assert any(p.startswith("data.features[0].available_at_prediction:") for p in found)


def test_unknown_choice_lists_the_allowed_answers() -> None:
    [message] = problems(b"problem_framing:\n  ml_task: astrology\n")
    assert message.startswith("problem_framing.ml_task:")
    assert "'astrology'" in message and "binary_classification" in message


def test_unknown_keys_are_reported_not_dropped() -> None:
    [message] = problems(b"info:\n  nmae: Typo\n")
    assert message.startswith("info.nmae:") and "unknown field" in message


def test_oversized_file_is_refused_before_parsing() -> None:
    big = b"#" * (50 * 1024 * 1024)
    [message] = problems(big)
    assert "50.0 MB" in message and f"{MAX_FILE_BYTES // 1_048_576} MB" in message


def test_oversized_file_on_disk_is_refused_without_reading(tmp_path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB write needed
    with pytest.raises(ProjectFileError, match="50.0 MB"):
        load_project(path)


def test_binary_garbage_is_named_as_such() -> None:
    [message] = problems(bytes(range(256)) * 4, "photo.yaml")
    assert "binary file" in message


def test_non_utf8_text_names_the_byte() -> None:
    [message] = problems("info:\n  name: café\n".encode("latin-1"))
    assert "UTF-8" in message and "byte" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"- a\n- b\n", "a list"),
        (b"just a sentence\n", "a single value"),
    ],
)
def test_documents_that_are_not_a_mapping(data: bytes, expected: str) -> None:
    [message] = problems(data)
    assert expected in message


def test_yaml_aliases_are_refused() -> None:
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    [message] = problems(bomb)
    assert "aliases" in message and "line 2" in message


def test_yaml_python_tags_are_not_executed() -> None:
    [message] = problems(b"info: !!python/object/apply:os.system ['echo hacked']\n")
    assert "invalid YAML" in message


def test_missing_file_is_a_project_file_error(tmp_path) -> None:
    with pytest.raises(ProjectFileError):
        load_project(tmp_path / "nope.yaml")


def test_text_longer_than_the_form_allows_is_refused_with_its_field() -> None:
    huge = "x" * 10_001
    [message] = problems(f"problem_framing:\n  problem_statement: {huge}\n".encode())
    assert message.startswith("problem_framing.problem_statement:") and "10000" in message


def test_too_many_table_rows_are_refused_with_their_field() -> None:
    rows = "".join(f"    - name: s{i}\n" for i in range(201))
    [message] = problems(f"data:\n  sources:\n{rows}".encode())
    assert message.startswith("data.sources:") and "200" in message
