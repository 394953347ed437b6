"""Policy packs in the CI reports: a SARIF rule per pack rule (validated against the SARIF 2.1.0 schema), a JUnit
case per pack rule whose failures agree with the exit status, and a bad pack still giving a report that says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

from lifecycle.checks import Severity, registered
from lifecycle.cli import main
from lifecycle.compliance.screening import screen
from lifecycle.policies import ENV_VAR, PACK_ERROR_ID, load_packs
from lifecycle.policies.evaluate import applies, not_applicable
from lifecycle.reports import check_file, junit_report, sarif_log
from lifecycle.samples import SAMPLES_DIR, load_sample

from .test_report_sarif import valid

ROOT = Path(__file__).resolve().parents[2]
PACK = SAMPLES_DIR / "policies" / "harbourline.yaml"
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"
PROJECTS = [*sorted(SAMPLES_DIR.glob("*.yaml")), PERFECT]
LEVELS = {"blocker": "error", "warning": "warning", "advice": "note"}
BAD_PACK = ("name: Bad\nrules:\n  - id: POL-X-001\n    title: t\n    phase: data\n    severity: warning\n"
            "    require: {field: data.nowhere, operator: equal, value: 1}\n    message: m\n    fix: f\n")


def harbourline():
    (pack,) = load_packs([PACK]).packs
    return pack


def junit(path: Path) -> JUnitXml:
    return JUnitXml.fromfile(str(path))


def cases(report: JUnitXml) -> dict[str, object]:
    return {case.name.split(":", 1)[0]: case for suite in report for case in suite}


# --- SARIF: one rule per pack rule -----------------------------------------------------------------

@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.stem)
def test_each_pack_rule_is_a_sarif_rule_and_its_results_point_at_it(project: Path) -> None:
    pack = harbourline()
    checked = check_file(project, policies=[pack])
    run = valid(sarif_log([checked], Severity.BLOCKER))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.id for c in registered()] + [r.id for r in pack.rules]
    for rule, descriptor in zip(pack.rules, rules[len(registered()):], strict=True):
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity.value]
        assert descriptor["properties"]["policyPack"] == pack.name == "Harbourline model governance"
        assert descriptor["properties"]["policyPackFile"] == "sample_projects/policies/harbourline.yaml"
        help_text = descriptor["help"]["text"]
        assert " ".join(rule.fix.split()) in help_text and f"Policy pack: {pack.name}" in help_text
        assert " ".join(rule.message.split()) in help_text  # the message as written, {placeholders} unfilled
    policy_results = [r for r in run["results"] if r["ruleId"].startswith("POL-")]
    assert len(policy_results) == sum(f.check_id.startswith("POL-") for f in checked.findings)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["invocations"][0]["properties"]["policyPacks"] == [
        {"name": pack.name, "rules": 5, "file": "sample_projects/policies/harbourline.yaml"}]


def test_a_rule_describes_when_it_applies_and_what_it_requires() -> None:
    run = sarif_log([check_file(SAMPLES_DIR / "loan.yaml", policies=[harbourline()])], Severity.BLOCKER)["runs"][0]
    by_id = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert by_id["POL-HR-001"]["fullDescription"]["text"] == (
        "High-risk systems are released gradually. Applies only when the EU AI Act screening gives 'High-risk'. "
        "Requires: deployment.rollout_strategy is one of ['shadow', 'canary', 'phased', 'ab_test'].")
    assert by_id["POL-PRIV-001"]["properties"]["appliesOnlyTo"] == "data.sources[*].contains_pii is true in any row"
    assert "Applies to every project." in by_id["POL-AIA-001"]["help"]["text"]
    mrm = next(r for r in run["results"] if r["ruleId"] == "POL-MRM-001")
    assert mrm["level"] == "error" and "Harbourline Bank ClearLend loan approval is a credit model" in \
        mrm["message"]["text"]


# --- JUnit: one case per pack rule, failures agreeing with the exit status ---------------------------

@pytest.mark.parametrize("fail_on", ["blocker", "warning", "advice"])
def test_junit_failures_agree_with_the_exit_status(tmp_path: Path, fail_on: str) -> None:
    out = tmp_path / "report.xml"
    status = main(["check", str(PERFECT), "--policy", str(PACK), "--fail-on", fail_on, "--format", "junit",
                   "-o", str(out)])
    report = junit(out)
    failed = {name: case.result[0].type for name, case in cases(report).items() if not case.is_passed
              and isinstance(case.result[0], Failure)}
    # perfect.yaml passes every check; only the pack's screening and privacy rules (warnings) fail
    assert failed == {"POL-AIA-001": "warning", "POL-PRIV-001": "warning"} and report.failures == 2
    gating = [kind for kind in failed.values() if Severity(kind).at_least(fail_on)]
    assert status == (1 if gating else 0) == {"blocker": 0, "warning": 1, "advice": 1}[fail_on]


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.stem)
def test_each_pack_rule_is_a_case_failed_skipped_or_passed(tmp_path: Path, project: Path) -> None:
    pack = harbourline()
    checked = check_file(project, policies=[pack])
    out = tmp_path / "report.xml"
    out.write_text(junit_report([checked], Severity.BLOCKER), encoding="utf-8")
    by_id = cases(junit(out))
    assert len(by_id) == len(registered()) + len(pack.rules)  # the checks' cases are kept, the pack's added
    screening = screen(checked.project)
    open_ids = {f.check_id for f in checked.findings if not f.accepted}
    for rule in pack.rules:
        case = by_id[rule.id]
        assert case.name == f"{rule.id}: {rule.title}"
        if rule.id in open_ids:
            (failure,) = case.result
            assert isinstance(failure, Failure) and failure.type == rule.severity.value
        elif not applies(rule, checked.project, screening):
            (skipped,) = case.result
            assert isinstance(skipped, Skipped) and skipped.message.startswith("Not applicable: applies only when ")
            assert not_applicable(rule, checked.project, screening) in skipped.message
        else:
            assert case.is_passed


def test_a_skipped_pack_rule_says_which_answer_decides_it(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    out.write_text(junit_report([check_file(PERFECT, policies=[harbourline()])], Severity.BLOCKER), encoding="utf-8")
    by_id = cases(junit(out))
    assert by_id["POL-HR-001"].result[0].message == (
        "Not applicable: applies only when the EU AI Act screening gives 'High-risk'; the EU AI Act screening "
        "gives 'Not screened'.")
    assert by_id["POL-MRM-001"].result[0].message.endswith(
        "; ai_act.screening.annex_iii_uses is not answered, info.business_unit is 'Customer Support'.")
    assert by_id["POL-MRM-001"].classname == "Modeling & Evaluation"


def test_applicability_and_evaluation_agree_on_every_scenario() -> None:
    pack = harbourline()
    for key in ("churn", "loan", "recommendation"):
        project = load_sample(key)
        screening = screen(project)
        fired = {f.check_id for f in check_file(SAMPLES_DIR / f"{key}.yaml", policies=[pack]).findings}
        for rule in pack.rules:
            if rule.id in fired:
                assert applies(rule, project, screening) and not not_applicable(rule, project, screening)


# --- a pack that cannot be read -----------------------------------------------------------------------

def test_a_bad_pack_still_writes_a_valid_sarif_that_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text(BAD_PACK, encoding="utf-8")
    assert main(["check", str(SAMPLES_DIR / "loan.yaml"), "--policy", "bad.yaml", "--policy", str(PACK),
                 "--format", "sarif", "-o", "f.sarif"]) == 2
    assert "bad.yaml: rule 1 (POL-X-001), line 3: require.operator" in capsys.readouterr().err
    run = valid(json.loads((tmp_path / "f.sarif").read_text(encoding="utf-8")))["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    descriptors = run["tool"]["driver"]["notifications"]
    assert descriptors[note["descriptor"]["index"]]["id"] == note["descriptor"]["id"] == "unreadable-policy-pack"
    assert note["level"] == "error"
    assert note["message"]["text"].startswith(f"Policy pack not applied: {tmp_path / 'bad.yaml'}: rule 1 (POL-X-001)")
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "bad.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3}
    ids = {r["ruleId"] for r in run["results"]}
    assert "POL-MRM-001" in ids and not any(i.startswith("POL-X") for i in ids)  # the good pack still applies


def test_a_bad_pack_is_an_error_case_in_junit_and_text_still_stops(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad, out = tmp_path / "bad.yaml", tmp_path / "report.xml"
    bad.write_text(BAD_PACK, encoding="utf-8")
    assert main(["check", str(PERFECT), "--policy", str(bad), "--format", "junit", "-o", str(out)]) == 2
    report = junit(out)
    assert report.errors == 1 and report.failures == 0  # perfect.yaml passes; only the pack is wrong
    (error,) = [result for suite in report for case in suite for result in case.result if isinstance(result, Error)]
    assert error.type == "PolicyPackError" and f"{bad}: rule 1 (POL-X-001), line 3: require.operator" in error.text
    (case,) = [case for suite in report for case in suite if case.name == "The policy packs can be read"]
    assert case.classname == "Policy packs"
    capsys.readouterr()
    assert main(["check", str(PERFECT), "--policy", str(bad), "--format", "json"]) == 2
    assert capsys.readouterr().out == ""


def test_a_broken_configured_pack_finding_has_a_rule_and_a_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_PACK, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(bad))
    checked = check_file(PERFECT)  # the configured packs, as the app reads them: one POL-PACK-ERROR finding
    assert PACK_ERROR_ID in {f.check_id for f in checked.findings}
    run = valid(sarif_log([checked], Severity.BLOCKER))["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == PACK_ERROR_ID]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == PACK_ERROR_ID
    out = tmp_path / "report.xml"
    out.write_text(junit_report([checked], Severity.WARNING), encoding="utf-8")
    case = cases(junit(out))[PACK_ERROR_ID]
    assert isinstance(case.result[0], Failure) and case.result[0].type == "warning"
