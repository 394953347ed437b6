"""Whatever the store accepted opens again: a project grown past what a file may hold (2 MB, 500 keys in a
mapping, 200 items in a list, 100-character keys, 15-digit numbers, no control characters) was saved and then
refused on every later visit. Stored documents are read with the model's own limits instead."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lifecycle.model import Project
from lifecycle.model.integrations import METRICS_MAX, PARAMS_MAX, SERVER_MODELS_MAX, VALUE_MAX
from lifecycle.model.fields import SHORT_TEXT_MAX
from lifecycle.reader import ProjectFileError
from lifecycle.samples import load_sample
from lifecycle.store import ProjectStore
from lifecycle.store.store import metadata
from lifecycle.storage import parse_project, project_document
from tests.postgres import postgres_server

WIDE = "\U0001d538"  # 4 bytes in UTF-8: the most a character takes in the stored JSON short of an escape


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[ProjectStore]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'projects.db'}" if request.param == "sqlite" else request.getfixturevalue(
        "postgres_url")
    made = ProjectStore(url)
    yield made
    if request.param == "postgresql":
        metadata.drop_all(made.engine)  # each test starts from empty tables
    made.dispose()


def _snapshot(document: dict[str, Any], **fields: Any) -> None:
    document["integrations"]["mlflow"]["snapshot"] = {"model": "m", **fields}


def _key(i: int) -> str:
    return f"{i}-" + WIDE * (SHORT_TEXT_MAX - 6)


def over_two_megabytes(document: dict[str, Any]) -> None:
    _snapshot(document, run={"params": {_key(i): WIDE * VALUE_MAX for i in range(PARAMS_MAX)},
                             "metrics": {_key(i): 1.0 for i in range(METRICS_MAX)}})


def a_thousand_metrics(document: dict[str, Any]) -> None:
    _snapshot(document, run={"metrics": {f"metric_{i}": i / 7 for i in range(METRICS_MAX)}})


def long_keys(document: dict[str, Any]) -> None:
    _snapshot(document, tags={"k" * SHORT_TEXT_MAX: "a tag whose name is as long as MLflow allows"})


def five_hundred_server_models(document: dict[str, Any]) -> None:
    _snapshot(document, server_models=[{"name": f"model-{i}"} for i in range(SERVER_MODELS_MAX)])


def a_control_character(document: dict[str, Any]) -> None:
    document["info"]["name"] = "Churn \x1b[31m (pasted from a terminal)"


def a_twenty_digit_count(document: dict[str, Any]) -> None:
    document["data"]["labelled_examples"] = 10**20


# Each way to grow, and what the file reader says about it (so each case tests the limit it names).
GROWN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "over 2 MB": (over_two_megabytes, "project files are limited to 2 MB"),
    "1,000 metrics in one mapping": (a_thousand_metrics, "more than 500 keys in one mapping"),
    "a 300-character key": (long_keys, "a key of 300 characters"),
    "500 items in one list": (five_hundred_server_models, "more than 200 items"),
    "a control character typed in the form": (a_control_character, "the control character U+001B"),
    "a 20-digit number": (a_twenty_digit_count, "has 21 digits"),
}


def _grown(grow: Callable[[dict[str, Any]], None]) -> Project:
    document = project_document(load_sample("churn"))
    grow(document)
    return Project.model_validate(document)  # the model accepts it: the form and the store did too


@pytest.mark.parametrize("case", GROWN)
def test_what_a_file_may_not_hold_but_the_model_accepts_is_never_refused_by_the_file_reader(case: str) -> None:
    # The premise of the tests below: each project is one a file could not carry, so the store must not read
    # its own documents with a file's limits.
    grow, refusal = GROWN[case]
    text = json.dumps(project_document(_grown(grow)), ensure_ascii=False).encode()
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text, "grown.json")
    assert refusal in caught.value.problems[0]


@pytest.mark.parametrize("case", GROWN)
def test_a_project_the_store_accepted_always_reopens(store: ProjectStore, case: str) -> None:
    project = _grown(GROWN[case][0])
    stored = store.create(project)
    assert store.get(stored.id).project == project
    edited = project.model_copy(update={"info": project.info.model_copy(update={"owner": "Dana"})})
    version = store.save(stored.id, edited, expected_version=stored.version)
    assert store.get(stored.id).project == edited  # the latest version
    assert store.get_version(stored.id, 1) == project  # and the history: nothing stored is lost
    copy = store.duplicate(stored.id)
    assert store.get(copy.id).project.integrations == project.integrations
    assert version == 2


def test_a_stored_document_that_is_no_project_is_still_a_clear_error(store: ProjectStore) -> None:
    from sqlalchemy import update

    from lifecycle.store.store import projects

    stored = store.create(Project())
    with store.engine.begin() as conn:
        conn.execute(update(projects).where(projects.c.id == stored.id).values(
            document='{"info": ' + "[" * 5000 + "]" * 5000 + "}"))
    with pytest.raises(ProjectFileError, match="levels deep"):
        store.get(stored.id)
