"""The bundled samples: each produces the findings a reviewer would expect, and they differ."""

from __future__ import annotations

from lifecycle.checks import Severity, field_value, readiness, run_checks
from lifecycle.samples import SAMPLES_DIR, load_sample


def _findings(key: str):
    assert (SAMPLES_DIR / f"{key}.yaml").exists(), f"sample_projects/{key}.yaml is missing"
    project = load_sample(key)
    return project, run_checks(project)


def _by_id(findings) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for finding in findings:
        grouped.setdefault(finding.check_id, []).append(finding)
    return grouped


def test_loan_missing_drift_monitoring_and_bias_testing_are_blockers() -> None:
    _, findings = _findings("loan")
    found = _by_id(findings)
    for check_id in ("MN-001", "MN-002", "MO-011"):
        assert check_id in found, check_id
        assert all(f.severity is Severity.BLOCKER and not f.accepted for f in found[check_id])
    (bias,) = found["MO-011"]
    assert "postcode_district_default_rate" in bias.message and "applicant_age" in bias.message
    assert bias.field == "modeling.bias_testing"
    assert found["MN-001"][0].field == "monitoring.signals"


def test_loan_other_expected_findings() -> None:
    _, findings = _findings("loan")
    found = _by_id(findings)
    # random split on time-ordered data, filter with no held-out traffic, ad hoc retraining,
    # protected attribute as input, no fairness signal, no long-term holdout, nobody reviews declines
    assert {"MO-003", "MO-018", "MN-003", "DA-015", "MN-013", "MN-009", "MN-007"} <= set(found)
    # every default gate answer is given; what is missing is the EU AI Act documentation of a high-risk system
    assert not any(f.check_id.startswith("GATE-") and not f.check_id.endswith("-AIA") for f in findings)


def test_recommendation_expected_findings() -> None:
    _, findings = _findings("recommendation")
    found = _by_id(findings)
    # position bias, ranking feedback, learned features, loss-based selection, internal-only judges,
    # unweighted sampling, unlogged serving features, no quality signal, no long-term holdout
    assert {"MO-014", "MO-015", "DA-008", "MO-006", "MO-007", "DA-004", "DA-006", "MN-002", "MN-009"} <= set(found)
    learned = {f.subject for f in found["DA-008"]}
    assert {"seed_item_embedding", "candidate_item_embedding", "customer_embedding"} <= learned
    assert "MO-003" not in found, "the recommender uses a temporal split"


def test_churn_expected_findings() -> None:
    _, findings = _findings("churn")
    found = _by_id(findings)
    (leak,) = found["DA-002"]
    assert leak.subject == "last_contact_reason" and leak.severity is Severity.BLOCKER
    assert leak.field.endswith((".available_at_prediction", ".value_fixed"))
    assert found["MO-003"][0].severity is Severity.BLOCKER  # random split on time-ordered data
    # preprocessing before split, joined table, proposed metric behind a 'go', ad hoc retraining,
    # no coverage/freshness or skew signal, drift only on a dashboard, release checks missing
    assert {"MO-004", "DA-005", "PF-010", "MN-003", "MN-006", "MN-008", "MN-014", "DE-005", "DE-006"} <= set(found)
    # the team has not decided the Modeling gate yet
    assert any(f.check_id == "GATE-MO" and f.field == "modeling.gate.decision" for f in findings)


def test_samples_are_distinct_and_linkable() -> None:
    results = {}
    for key in ("churn", "recommendation", "loan"):
        project, findings = _findings(key)
        for finding in findings:
            field_value(project, finding.field)
        results[key] = {(f.check_id, f.subject) for f in findings}
        assert readiness(project, findings).band.label == "Not ready: serious gaps"
    churn, recommendation, loan = results.values()
    assert churn != recommendation != loan != churn
    # each sample has findings the others do not
    assert churn - recommendation - loan and recommendation - churn - loan and loan - churn - recommendation


def test_churn_prose_gaps_are_read_and_quoted() -> None:
    _, findings = _findings("churn")
    found = _by_id(findings)
    (owner,) = found["MN-004"]  # two people named, but no on-call rota yet
    assert owner.severity is Severity.WARNING and "no on-call rota yet" in owner.evidence and owner.read_from_text
    (consumer,) = found["DE-010"]  # the Network team's dashboard nobody has agreed to
    assert "Network team" in consumer.evidence and consumer.severity is Severity.WARNING
    (stale,) = found["MN-005"]
    assert "not yet measured" in stale.evidence


def test_samples_new_structured_answers_are_consistent() -> None:
    """The format 2 answers of the scenarios do not raise findings of their own beyond the planted gaps."""
    for key in ("churn", "recommendation", "loan"):
        _, findings = _findings(key)
        ids = {f.check_id for f in findings}
        # label delay, costs, windows, deadlines and retraining intervals agree with each other and with the prose
        assert not ids & {"PF-012", "PF-014", "PF-015", "PF-018", "DA-020", "MO-019", "MO-020", "MO-021", "MO-022",
                          "DE-012", "DE-013", "DE-014", "MN-015"}, (key, sorted(ids))


def test_loan_proxies_are_found_whatever_the_sensitivity_answer() -> None:
    project, _ = _findings("loan")
    project.data.features[10].sensitivity = "none"  # postcode_district_default_rate, now marked not sensitive
    found = _by_id(run_checks(project))
    assert any("postcode_district_default_rate" in f.message for f in found["MO-011"])
    assert "postcode_district_default_rate" in {f.subject for f in found["DA-016"]}
