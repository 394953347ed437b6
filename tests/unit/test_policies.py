"""Policy packs: parsing with located errors, conditions and operators, placeholders, and the findings they give."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lifecycle.checks import apply_accepted, run_checks
from lifecycle.model import Project
from lifecycle.policies import (
    ENV_VAR, PACK_ERROR_ID, Condition, configured_packs, holds, load_packs, parse_pack, policy_findings,
)
from lifecycle.samples import SAMPLES_DIR, load_sample

EXAMPLE = SAMPLES_DIR / "policies" / "harbourline.yaml"


def pack_text(rules: str, name: str = "Test pack") -> str:
    return f"name: {name}\nrules:\n" + textwrap.indent(textwrap.dedent(rules).strip("\n"), "  ") + "\n"


def rule(require: str, *, id: str = "POL-T-001", extra: str = "", message: str = "m", phase: str = "data") -> str:
    return textwrap.dedent(f"""\
        - id: {id}
          title: A rule
          phase: {phase}
          severity: warning
          require: {require}
          message: "{message}"
          fix: f
        """) + textwrap.indent(textwrap.dedent(extra), "  ")


def problems_of(text: str, source: str = "pack.yaml") -> list[str]:
    pack, problems = parse_pack(text, source)
    assert pack is None and problems
    return problems


# --- the example pack ------------------------------------------------------------------------------

def test_the_example_pack_reads_cleanly() -> None:
    result = load_packs([EXAMPLE])
    assert result.ok
    (pack,) = result.packs
    assert pack.name == "Harbourline model governance"
    assert [r.id for r in pack.rules] == ["POL-MRM-001", "POL-PRIV-001", "POL-AIA-001", "POL-HR-001", "POL-CAL-001"]


def test_the_loan_fails_the_model_risk_and_privacy_rules_with_messages_filled_from_the_project() -> None:
    (pack,) = load_packs([EXAMPLE]).packs
    findings = {f.check_id: f for f in policy_findings(load_sample("loan"), [pack])}
    assert set(findings) == {"POL-MRM-001", "POL-PRIV-001"}
    mrm = findings["POL-MRM-001"]
    assert mrm.phase == "modeling" and mrm.severity.value == "blocker"
    assert mrm.message.startswith("Harbourline Bank ClearLend loan approval is a credit model")
    assert "Yasmin Cole and Pieter de Graaf" in mrm.message  # {timeline.gates[*].sign_off_owner}
    assert mrm.field == "timeline.gates" and mrm.refs == ("Policy pack: Harbourline model governance",)
    assert "Credit bureau report API (Nordcredit)" in findings["POL-PRIV-001"].message
    assert findings["POL-PRIV-001"].field == "data.access_and_privacy"  # the first answer the rule requires


def test_rules_apply_by_risk_tier_business_unit_and_ml_task() -> None:
    (pack,) = load_packs([EXAMPLE]).packs
    recommendation = load_sample("recommendation")
    ids = {f.check_id for f in policy_findings(recommendation, [pack])}
    assert "POL-CAL-001" not in ids  # a recommender is not a classifier
    assert "POL-MRM-001" not in ids  # not a credit model
    churn = load_sample("churn")
    churn.modeling.calibration_checked = False
    assert "POL-CAL-001" in {f.check_id for f in policy_findings(churn, [pack])}
    loan = load_sample("loan")
    loan.deployment.rollout_strategy = "all_at_once"
    (gradual,) = [f for f in policy_findings(loan, [pack]) if f.check_id == "POL-HR-001"]
    assert "High-risk" in gradual.message and "All at once" in gradual.message  # {risk_tier}, the answer's label
    blank = Project()
    (screened,) = [f for f in policy_findings(blank, [pack]) if f.check_id == "POL-AIA-001"]
    assert screened.message.startswith("This project has no complete EU AI Act risk screening (tier: Not screened)")


def test_a_unit_rule_matches_the_business_unit_without_regard_to_case() -> None:
    text = pack_text(rule("{field: data.label_source, operator: not_empty}",
                          extra="applies_when: {business_unit: [retail lending]}\n"))
    pack, problems = parse_pack(text, "p.yaml")
    assert not problems and pack
    loan = load_sample("loan")
    loan.data.label_source = ""
    assert [f.check_id for f in policy_findings(loan, [pack])] == ["POL-T-001"]
    assert policy_findings(load_sample("churn"), [pack]) == []


# --- conditions and operators ---------------------------------------------------------------------

def cond(**fields) -> Condition:  # type: ignore[no-untyped-def]
    return Condition.model_validate(fields)


@pytest.mark.parametrize(("condition", "expected"), [
    (dict(field="problem_framing.ml_task", operator="equals", value="binary_classification"), True),
    (dict(field="problem_framing.ml_task", operator="not_equals", value="binary_classification"), False),
    (dict(field="problem_framing.ml_task", operator="in", value=["ranking", "binary_classification"]), True),
    (dict(field="problem_framing.ml_task", operator="not_in", value=["ranking", "recommendation"]), True),
    (dict(field="problem_framing.out_of_scope", operator="empty"), False),
    (dict(field="modeling.ranking_feedback_mitigation", operator="empty"), True),
    (dict(field="modeling.ranking_feedback_mitigation", operator="not_empty"), False),
    (dict(field="info.business_unit", operator="equals", value="retail lending"), True),  # text: case ignored
    (dict(field="info.summary", operator="matches", value=r"AUC .* 0\.73"), True),
    (dict(field="info.summary", operator="not_matches", value="(?i)fraud"), True),
    (dict(field="info.summary", operator="contains", value="BIAS"), True),
    (dict(field="info.summary", operator="not_contains", value="fraud"), True),
    (dict(field="data.labelled_examples", operator="greater_than", value=1000), True),
    (dict(field="data.labelled_examples", operator="less_than", value=1000), False),
    (dict(field="problem_framing.positive_class_share_percent", operator="at_most", value=3.4), True),
    (dict(field="problem_framing.positive_class_share_percent", operator="at_least", value=3.5), False),
    (dict(field="problem_framing.false_positive_cost", operator="less_than", value=10), False),  # unanswered
    (dict(field="problem_framing.gate.decided_on", operator="less_than", value="2025-02-01"), True),  # a date
    (dict(field="problem_framing.acts_as_filter", operator="equals", value=True), True),
    (dict(field="ai_act.screening.annex_iii_uses", operator="contains", value="credit_scoring"), True),
    (dict(field="ai_act.screening.annex_iii_uses", operator="equals", value=["credit_scoring"]), True),
    (dict(field="ai_act.screening.transparency_cases", operator="not_contains", value="interacts_with_people"), True),
    (dict(field="data.sources", operator="not_empty"), True),
    (dict(field="data.sources[*].contains_pii", operator="equals", value=False), True),  # any row
    (dict(field="data.sources[*].contains_pii", operator="equals", value=False, rows="all"), False),
    (dict(field="data.sources[*].owner", operator="not_empty", rows="all"), True),
    (dict(field="data.sources[9].name", operator="empty"), True),  # a row that does not exist
    (dict(field="timeline.gates[*].sign_off_owner", operator="matches", value="Marta"), True),
    (dict(all=[dict(field="info.name", operator="not_empty"), dict(field="modeling.ranking_feedback_mitigation",
                                                                    operator="not_empty")]), False),
    (dict(any=[dict(field="info.name", operator="empty"), dict(all=[dict(field="data.time_ordered",
                                                                         operator="equals", value=True)])]), True),
])
def test_each_operator_on_the_loan(condition: dict, expected: bool) -> None:
    assert holds(cond(**condition), load_sample("loan")) is expected


def test_every_row_must_pass_with_rows_all_and_no_rows_pass_vacuously() -> None:
    project = load_sample("loan")
    project.data.sources = []
    assert holds(cond(field="data.sources[*].owner", operator="not_empty", rows="all"), project)
    assert not holds(cond(field="data.sources[*].owner", operator="not_empty"), project)


# --- located errors -------------------------------------------------------------------------------

def test_an_unknown_field_path_is_located_with_the_file_rule_line_and_key() -> None:
    (problem,) = problems_of(pack_text(rule('{field: "data.sourcez[*].owner", operator: not_empty}')), "org.yaml")
    assert problem == ("org.yaml: rule 1 (POL-T-001), line 3: require.field: 'data.sourcez[*].owner': 'data' has no "
                       "answer 'sourcez' (did you mean 'sources'?)")


def test_a_bad_operator_is_located_and_the_near_miss_suggested() -> None:
    text = pack_text(rule("{all: [{field: info.name, operator: not_empty}, {field: info.owner, operator: equal, "
                          "value: x}]}"))
    (problem,) = problems_of(text)
    assert problem.startswith("pack.yaml: rule 1 (POL-T-001), line 3: require.all[1].operator: 'equal' is not one of")
    assert "(did you mean 'equals'?)" in problem


def test_duplicate_ids_are_refused_within_a_pack_and_across_packs(tmp_path: Path) -> None:
    text = pack_text(rule("{field: info.name, operator: not_empty}")
                     + rule("{field: info.owner, operator: not_empty}"))
    (problem,) = problems_of(text)
    assert problem == ("pack.yaml: rule 2 (POL-T-001), line 10: id: 'POL-T-001' is already the id of rule 1; ids must "
                       "be unique")
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(pack_text(rule("{field: info.name, operator: not_empty}")), encoding="utf-8")
    two.write_text(pack_text(rule("{field: info.owner, operator: not_empty}"), name="Other"), encoding="utf-8")
    result = load_packs([one, two])
    assert [p.source for p in result.packs] == [str(one)]
    (clash,) = result.problems
    assert clash.startswith(f"{two}: rule 1 (POL-T-001): id:") and str(one) in clash


def test_bad_placeholders_are_located() -> None:
    problems = problems_of(pack_text(rule("{field: info.name, operator: not_empty}",
                                          message="{info.nam} and {risk_tier:>10} and {} and {")))
    assert problems == ["pack.yaml: rule 1 (POL-T-001), line 3: message: a '{' or '}' has no partner; write '{{' or "
                        "'}}' for a literal brace"]
    problems = problems_of(pack_text(rule("{field: info.name, operator: not_empty}",
                                          message="{info.nam} and {risk_tier:>10} and {}")))
    assert len(problems) == 3
    assert "placeholder {info.nam}: 'info.nam': 'info' has no answer 'nam' (did you mean 'name'?)" in problems[0]
    assert "placeholder {risk_tier:>10} cannot have a format" in problems[1]
    assert "an empty placeholder" in problems[2]


@pytest.mark.parametrize(("require", "extra", "expected"), [
    ("{field: problem_framing.ml_task, operator: equals, value: binary}", "",
     "require.value: 'binary' is not a choice of 'ML task'"),
    ("{field: data.labelled_examples, operator: greater_than, value: lots}", "",
     "require.value: 'Labelled examples' is a number: 'lots' is not one"),
    ("{field: problem_framing.users, operator: greater_than, value: 3}", "",
     "require.operator: 'greater_than' compares numbers or dates; 'Users and stakeholders' is long text"),
    ("{field: data.sources, operator: equals, value: x}", "",
     "'data.sources' is a whole table: use empty or not_empty"),
    ("{field: info.name, operator: matches, value: '('}", "", "'(' is not a valid regular expression"),
    ("{field: info.name, operator: in, value: x}", "", "'in' needs a list of values"),
    ("{field: info.name, operator: empty, value: x}", "", "'empty' takes no 'value'"),
    ("{field: info.name}", "", "the condition on 'info.name' needs an 'operator'"),
    ("{field: info.name, operator: empty, rows: all}", "", "'rows' only applies to a path through table rows"),
    ("{all: []}", "", "'all' needs at least one condition"),
    ("{field: info.name, operator: empty}", "applies_when: {risk_tier: [high]}\n", "unknown risk tier 'high'"),
    ("{field: info.name, operator: empty}", "applies_when: {ml_task: [classification]}\n",
     "unknown ML task 'classification'"),
    ("{field: info.name, operator: empty}", "field: data.nowhere\n", "field: 'data.nowhere': 'data' has no answer"),
    ("{field: info.name, operator: empty}", "colour: red\n", "colour: unknown key"),
])
def test_other_mistakes_are_located(require: str, extra: str, expected: str) -> None:
    problems = problems_of(pack_text(rule(require, extra=extra)))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("pack.yaml: rule 1 (POL-T-001), line 3: ") for p in problems)


def test_ids_phases_and_severities_are_checked() -> None:
    text = pack_text(rule("{field: info.name, operator: empty}", id="MRM-1", phase="modelling")
                     .replace("severity: warning", "severity: critical"))
    problems = problems_of(text)
    assert any("id: 'MRM-1' is not a policy rule id: start with 'POL-'" in p for p in problems)
    assert any("phase: unknown phase 'modelling'" in p for p in problems)
    assert any("severity: 'critical' is not one of blocker, warning, advice" in p for p in problems)
    assert any(f"'{PACK_ERROR_ID}' is reserved" in p for p in problems_of(
        pack_text(rule("{field: info.name, operator: empty}", id=PACK_ERROR_ID))))


@pytest.mark.parametrize(("text", "expected"), [
    ("name: x\nrules: [\n", "pack.yaml: line 3, column 1: not valid YAML"),
    ("name: x\nrules:\n  - &a {id: POL-A}\n  - *a\n", "aliases (*name) are not allowed"),
    ("- just a list\n", "a policy pack is a mapping with 'name' and 'rules'"),
    ("name: x\nrules: []\n", "rules: the pack needs a list of rules"),
    ("name: ''\nrulez: []\n", "rulez: unknown key (did you mean 'rules'?)"),
    ("name: x\nrules:\n  - just text\n", "rule 1, line 3: a rule is a mapping"),
])
def test_a_pack_that_is_not_a_pack_says_why(text: str, expected: str) -> None:
    assert any(expected in p for p in problems_of(text)), problems_of(text)


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 1_000_001)
    result = load_packs([missing, big])
    assert result.problems == (f"{missing}: no such file",
                               f"{big}: the file is 1,000,001 bytes; a policy pack may be at most 1,000,000")


# --- configured packs and run_checks ----------------------------------------------------------------

def test_configured_packs_come_from_the_environment_and_are_re_read_when_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "org.yaml"
    pack.write_text(pack_text(rule("{field: data.label_source, operator: matches, value: nothing-matches-this}")),
                    encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))  # a folder stands for its *.yaml files
    loan = load_sample("loan")
    assert "POL-T-001" in {f.check_id for f in run_checks(loan)}
    assert "POL-T-001" not in {f.check_id for f in run_checks(loan, policies=[])}  # explicit packs replace them
    pack.write_text(pack_text(rule("{field: data.label_source, operator: not_empty}")) + "\n", encoding="utf-8")
    assert configured_packs().ok and "POL-T-001" not in {f.check_id for f in run_checks(loan)}


def test_a_broken_configured_pack_shows_as_one_finding_and_the_others_still_apply(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text(pack_text(rule("{field: modeling.ranking_feedback_mitigation, operator: not_empty}")), encoding="utf-8")
    bad.write_text(pack_text(rule("{field: data.nowhere, operator: empty}", id="POL-B-001")), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, f"{good}:{bad}")
    findings = {f.check_id: f for f in run_checks(load_sample("loan"))}
    assert "POL-T-001" in findings
    error = findings[PACK_ERROR_ID]
    assert f"{bad}: rule 1 (POL-B-001), line 3: require.field" in error.message
    assert error.severity.value == "warning"


def test_a_policy_finding_can_be_accepted_like_any_other() -> None:
    (pack,) = load_packs([EXAMPLE]).packs
    loan = load_sample("loan")
    loan.accepted_findings = [{"check_id": "POL-PRIV-001", "subject": "", "reason": "DPIA number requested.",
                               "accepted_by": "Marta Leclerc"}]
    (finding,) = [f for f in run_checks(loan, policies=[pack]) if f.check_id == "POL-PRIV-001"]
    assert finding.accepted and finding.accepted_reason == "DPIA number requested."
    assert apply_accepted(loan, [finding])[0].accepted
