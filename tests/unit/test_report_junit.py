"""JUnit XML from ``lifecycle check``, read back with a JUnit parser: one test case per check, failed with its
open findings, skipped when the check does not apply, passed otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

from lifecycle.checks import REGISTRY, Severity, registered
from lifecycle.model import Project
from lifecycle.phases import PHASES, PHASES_BY_KEY
from lifecycle.reports import applicability, check_file, junit_report
from lifecycle.reports.applicability import CONDITIONS
from lifecycle.storage import dump_project, load_project

ROOT = Path(__file__).resolve().parents[2]
PERFECT = ROOT / "tests" / "fixtures" / "perfect.yaml"
SCENARIOS = sorted((ROOT / "sample_projects").glob("*.yaml"))


def parse(tmp_path: Path, xml: str) -> JUnitXml:
    path = tmp_path / "report.xml"
    path.write_text(xml, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def cases(report: JUnitXml) -> dict[str, object]:
    return {case.name.split(":", 1)[0]: case for suite in report for case in suite}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_one_case_per_check_failed_skipped_or_passed_as_the_findings_say(tmp_path: Path, scenario: Path) -> None:
    checked = check_file(scenario)
    report = parse(tmp_path, junit_report([checked], Severity.BLOCKER))
    by_id = cases(report)
    assert list(by_id) == [entry.id for entry in registered()]
    assert [suite.name for suite in report] == [f"{scenario}: {phase.title}" for phase in PHASES]
    open_ids = {f.check_id for f in checked.findings if not f.accepted}
    for check_id, case in by_id.items():
        entry = REGISTRY[check_id]
        assert case.classname == PHASES_BY_KEY[entry.phase].title
        assert case.name == f"{entry.id}: {entry.title}"
        kinds = [type(result) for result in case.result]
        if check_id in open_ids:
            assert kinds == [Failure]
            (failure,) = case.result
            findings = [f for f in checked.findings if f.check_id == check_id and not f.accepted]
            assert failure.type == min((f.severity for f in findings), key=lambda s: s.rank).value
            for finding in findings:
                assert finding.message in failure.text and f"Fix: {finding.fix}" in failure.text
                assert f"Answer: {finding.field} at {scenario}:{checked.locate(finding.field).line}:" in failure.text
        elif not applicability(entry, checked.project).applies:
            assert kinds == [Skipped]
            assert case.result[0].message.startswith(f"Not applicable: applies only to {entry.when};")
        else:
            assert case.is_passed
    assert report.tests == len(registered())
    assert report.failures == len(open_ids) > 0
    assert report.skipped == sum(1 for case in by_id.values() if case.is_skipped)
    for suite in report:
        assert suite.tests == len(list(suite))


def test_skipped_cases_name_the_answer_their_condition_reads(tmp_path: Path) -> None:
    by_id = cases(parse(tmp_path, junit_report([check_file(ROOT / "sample_projects" / "loan.yaml")],
                                               Severity.BLOCKER)))
    position_bias = by_id["MO-014"].result[0]
    assert position_bias.message == ("Not applicable: applies only to ranking and recommendation tasks, and models "
                                     "with a display-position feature; the ML task is 'Binary classification' and "
                                     "no feature records where an item was shown.")
    ranking_skew = by_id["MO-015"].result[0]
    assert ranking_skew.message == ("Not applicable: applies only to ranking and recommendation tasks; the ML task is "
                                    "'Binary classification'.")
    assert by_id["MO-018"].result[0].type == "warning"  # the loan model is a filter: MO-018 applies and fails


def test_every_conditional_check_of_the_registry_has_its_condition() -> None:
    conditions = {entry.when for entry in registered() if entry.when}
    assert conditions <= set(CONDITIONS), f"no predicate for {conditions - set(CONDITIONS)}"
    empty = Project()
    for entry in registered():
        if entry.when:  # an empty plan: no condition holds, every conditional check is not applicable
            result = applicability(entry, empty)
            assert not result.applies and "not answered" in result.reason


def test_conditions_hold_for_the_projects_they_describe() -> None:
    ranking = Project.model_validate({"problem_framing": {"ml_task": "ranking"}})
    online = Project.model_validate({"deployment": {"serving_mode": "streaming"}})
    assert applicability(REGISTRY["MO-014"], ranking).applies
    assert applicability(REGISTRY["DE-009"], online).applies
    assert not applicability(REGISTRY["DE-009"], ranking).applies
    assert applicability(REGISTRY["MO-003"], Project()).applies  # not conditional


def test_accepted_findings_pass_with_their_reason_in_the_output(tmp_path: Path) -> None:
    project = load_project(PERFECT)
    project.modeling.evaluation_split = "random"
    document = project.model_dump(mode="json")
    document["accepted_findings"] = [{"check_id": "MO-003", "reason": "Tickets do not depend on time.",
                                      "accepted_by": "Lead"}]
    path = tmp_path / "plan.yaml"
    path.write_text(dump_project(Project.model_validate(document)), encoding="utf-8")
    report = parse(tmp_path, junit_report([check_file(path)], Severity.BLOCKER))
    case = cases(report)["MO-003"]
    assert case.is_passed and "Reason: Tickets do not depend on time." in case.system_out
    assert report.failures == 0


def test_user_text_that_xml_cannot_hold_still_gives_a_parseable_report(tmp_path: Path) -> None:
    project = load_project(PERFECT)
    project.modeling.evaluation_split = "random"
    # Control characters never get this far: the project reader refuses them (lifecycle/reader).
    project.info.name = "Plan <&> \"quoted\" ]]> 'single'"
    path = tmp_path / "plan & co.yaml"
    path.write_text(dump_project(project), encoding="utf-8")
    xml = junit_report([check_file(path)], Severity.BLOCKER)
    report = parse(tmp_path, xml)
    assert cases(report)["MO-003"].result[0].type == "blocker"
    assert [s.name for s in report][0] == f"{path}: Problem Framing"


def test_several_files_keep_their_cases_apart_and_an_unreadable_one_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("data:\n  labelled_examples: many\n", encoding="utf-8")
    files = [check_file(ROOT / "sample_projects" / "churn.yaml"), check_file(bad), check_file(PERFECT)]
    report = parse(tmp_path, junit_report(files, Severity.BLOCKER))
    names = [(case.classname, case.name) for suite in report for case in suite]
    assert len(names) == len(set(names)) == 2 * len(registered()) + 1
    (error_case,) = [case for suite in report for case in suite if case.is_error]
    assert error_case.classname == f"{bad}: Project file"
    (error,) = error_case.result
    assert isinstance(error, Error) and "data.labelled_examples" in error.message
    assert f"{bad}:2:3:" in error.text
    assert report.errors == 1
