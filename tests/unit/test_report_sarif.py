"""SARIF 2.1.0 from ``lifecycle check``: valid against the official schema, one rule per check, each finding
at the line of its answer, accepted findings as suppressions with their reason, unreadable files reported."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from lifecycle.checks import REGISTRY, Severity, registered
from lifecycle.reports import check_file, sarif_log
from lifecycle.reports.positions import dotted
from lifecycle.reports.sarif import artifact_uri
from lifecycle.storage import dump_project, load_project

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SCENARIOS = sorted((ROOT / "sample_projects").glob("*.yaml"))
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"


def valid(log: dict) -> dict:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert problems == []
    return log


def _run(log: dict) -> dict:
    (run,) = log["runs"]
    return run


def _line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[number - 1]


def test_the_vendored_schema_is_the_official_one() -> None:
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_every_result_of_a_scenario_points_at_the_line_of_its_answer(scenario: Path) -> None:
    checked = check_file(scenario)
    run = _run(valid(sarif_log([checked], Severity.BLOCKER)))
    results = run["results"]
    assert len(results) == len(checked.findings) > 0
    for result, finding in zip(results, checked.findings, strict=True):
        assert result["ruleId"] == finding.check_id
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.check_id
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == f"sample_projects/{scenario.name}"
        assert location["logicalLocations"][0]["fullyQualifiedName"] == finding.field
        text = _line(scenario, region["startLine"])[region["startColumn"] - 1:]
        where = checked.locate(finding.field)
        # the line holds the key of the answer, or of the nearest section or row the file has
        located = finding.path if where.exact else where.found
        if located and isinstance(located[-1], str):
            assert text.startswith(f"{located[-1]}:"), (finding.field, text)
        else:  # a row's first line, or the first key of the document
            assert re.match(r"[a-z_]+:", text), (finding.field, text)
        assert result["properties"]["answerInFile"] is where.exact
        if not where.exact:
            assert f"The answer '{finding.field}' is not in the file yet" in result["message"]["text"]
            assert f"under '{dotted(where.found)}'" in result["message"]["text"]


def test_a_missing_gate_answer_names_the_answer_and_points_at_its_section(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("info:\n  name: Routing\nmodeling:\n  model_family: linear\n", encoding="utf-8")
    run = _run(valid(sarif_log([check_file(path)], Severity.BLOCKER)))
    gate = next(r for r in run["results"] if r["properties"]["field"] == "modeling.gate.decision")
    assert gate["locations"][0]["physicalLocation"]["region"]["startLine"] == 3  # 'modeling:'
    assert "The answer 'modeling.gate.decision' is not in the file yet; it belongs under 'modeling'." in \
        gate["message"]["text"]
    top = next(r for r in run["results"] if r["properties"]["field"].startswith("deployment."))
    assert top["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert "belongs at the top level of the file" in top["message"]["text"]


def test_rules_describe_every_registered_check_with_its_sources() -> None:
    run = _run(valid(sarif_log([check_file(PERFECT)], Severity.BLOCKER)))
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [entry.id for entry in registered()]
    for rule in rules:
        entry = REGISTRY[rule["id"]]
        assert rule["shortDescription"]["text"] == entry.title
        assert rule["fullDescription"]["text"].startswith(entry.doc.split("\n")[0].strip())
        assert rule["defaultConfiguration"]["level"] == {"blocker": "error", "warning": "warning",
                                                         "advice": "note"}[entry.severity.value]
        for number in entry.rules:
            assert f"Rules of ML #{number}:" in rule["help"]["text"]
            assert {"target": {"id": str(number), "index": number - 1,
                               "toolComponent": {"name": "Rules of ML", "index": 0}},
                    "kinds": ["relevant"]} in rule["relationships"]
        for ref in entry.refs:
            assert ref in rule["help"]["markdown"]
        if entry.rules:
            assert rule["helpUri"] == "https://developers.google.com/machine-learning/guides/rules-of-ml"
        if entry.when:
            assert f"Applies only to {entry.when}." in rule["help"]["text"]
    taxa = run["taxonomies"][0]["taxa"]
    assert len(taxa) == 43 and taxa[32]["id"] == "33"
    assert run["results"] == []  # the perfect plan has no findings


def test_severities_map_to_sarif_levels() -> None:
    run = _run(sarif_log([check_file(ROOT / "sample_projects" / "churn.yaml")], Severity.BLOCKER))
    checked = check_file(ROOT / "sample_projects" / "churn.yaml")
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    expected = {(f.check_id, {Severity.BLOCKER: "error", Severity.WARNING: "warning", Severity.ADVICE: "note"}
                 [f.severity]) for f in checked.findings}
    assert levels == expected and {"error", "warning", "note"} <= {level for _, level in levels}


def _accepting(tmp_path: Path, name: str = "plan.yaml") -> Path:
    project = load_project(PERFECT)
    project.modeling.evaluation_split = "random"  # MO-003, a blocker
    document = project.model_dump(mode="json")
    document["accepted_findings"] = [
        {"check_id": "MO-003", "subject": "", "reason": "Tickets do not depend on time: checked on 2024 data.",
         "accepted_by": "Ana Ruiz", "accepted_on": "2026-03-02"},
        {"check_id": "DA-002", "subject": "no_such_feature", "reason": "Old entry.", "accepted_by": "Ana Ruiz"},
    ]
    path = tmp_path / name
    path.write_text(dump_project(type(project).model_validate(document), "json" if name.endswith(".json")
                                 else "yaml"), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["plan.yaml", "plan.json"])
def test_an_accepted_finding_is_suppressed_in_source_with_its_reason(tmp_path: Path, name: str) -> None:
    path = _accepting(tmp_path, name)
    run = _run(valid(sarif_log([check_file(path)], Severity.BLOCKER)))
    (result,) = [r for r in run["results"] if r["ruleId"] == "MO-003"]
    (suppression,) = result["suppressions"]
    assert suppression["kind"] == "inSource" and suppression["status"] == "accepted"
    assert suppression["justification"] == "Tickets do not depend on time: checked on 2024 data."
    assert suppression["properties"] == {"acceptedBy": "Ana Ruiz", "acceptedOn": "2026-03-02"}
    line = _line(path, suppression["location"]["physicalLocation"]["region"]["startLine"])
    assert "check_id" in line and "MO-003" in line
    assert "evaluation_split" in _line(path, result["locations"][0]["physicalLocation"]["region"]["startLine"])
    # the entry that matches nothing is a note of the run, at its own line
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "note" and "DA-002 (no_such_feature) matches no current finding" in note["message"]["text"]
    assert "DA-002" in _line(path, note["locations"][0]["physicalLocation"]["region"]["startLine"])
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["artifacts"][0]["sourceLanguage"] == ("json" if name.endswith(".json") else "yaml")


def test_files_that_cannot_be_read_are_error_notifications_at_their_line(tmp_path: Path) -> None:
    syntax = tmp_path / "syntax.yaml"
    syntax.write_text("info:\n  name: [unclosed\n", encoding="utf-8")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("info:\n  name: ok\ndata:\n  labelled_examples: many\n", encoding="utf-8")
    good = ROOT / "sample_projects" / "loan.yaml"
    log = valid(sarif_log([check_file(syntax), check_file(invalid), check_file(good)], Severity.BLOCKER))
    run = _run(log)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for n in errors] == [0, 1]
    assert errors[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3  # where the parser gave up
    assert "invalid YAML" in errors[0]["message"]["text"]
    assert errors[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert "data.labelled_examples" in errors[1]["message"]["text"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]} == {2}
    assert len(run["artifacts"]) == 3


def test_file_names_become_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("plans/my plan.lifecycle.yaml") == ("plans/my%20plan.lifecycle.yaml", "%SRCROOT%")
    assert artifact_uri("./plan.yaml") == ("plan.yaml", "%SRCROOT%")
    assert artifact_uri(str(tmp_path / "sub" / "plan.yaml")) == ("sub/plan.yaml", "%SRCROOT%")
    outside = Path("/elsewhere/p lan.yaml")
    assert artifact_uri(str(outside)) == ("file:///elsewhere/p%20lan.yaml", None)


def test_fingerprints_stay_when_lines_move(tmp_path: Path) -> None:
    path = ROOT / "sample_projects" / "churn.yaml"
    moved = tmp_path / "churn.yaml"
    moved.write_text("# a new comment at the top\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = _run(sarif_log([check_file(path)], Severity.BLOCKER))["results"]
    after = _run(sarif_log([check_file(moved)], Severity.BLOCKER))["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in before] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert len({json.dumps(r["partialFingerprints"]) for r in before}) == len(before)


def test_a_file_of_the_previous_format_is_located_as_written() -> None:
    old = ROOT / "tests" / "fixtures" / "formats" / "v1_loan.yaml"
    checked = check_file(old)
    run = _run(valid(sarif_log([checked], Severity.BLOCKER)))
    assert run["results"]
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        where = checked.locate(result["properties"]["field"])
        named = [part for part in where.found if isinstance(part, str)]
        if named and isinstance(where.found[-1], str):
            assert _line(old, region["startLine"])[region["startColumn"] - 1:].startswith(f"{named[-1]}:")
