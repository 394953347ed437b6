"""The bundled practice scenarios: they open, survive a save, are mostly filled in, and hide their gaps."""

from __future__ import annotations

import pytest

from lifecycle.completeness import project_progress
from lifecycle.model import (
    DeliverableStatus,
    GateDecision,
    HumanEvaluation,
    MLTask,
    PositionBias,
    Project,
    RetrainingTrigger,
    SelectionBasis,
    Sensitivity,
    SignalKind,
    SplitStrategy,
)
from lifecycle.phases import PHASES
from lifecycle.samples import load_sample, samples
from lifecycle.storage import dump_project, parse_project

KEYS = ("churn", "recommendation", "loan")
MIN_PHASE_RATIO = 0.6  # drafted phases lack only their gate decision; everything else is answered


@pytest.fixture(scope="module")
def loaded() -> dict[str, Project]:
    return {key: load_sample(key) for key in KEYS}


def _gates(project: Project) -> list:
    return [phase.answers(project).gate for phase in PHASES]


def test_samples_lists_the_three_scenarios_in_teaching_order() -> None:
    assert [s.key for s in samples()] == list(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_sample_loads_with_a_name_summary_and_owner(key: str) -> None:
    project = load_sample(key)
    assert isinstance(project, Project)
    assert project.info.name.strip()
    assert project.info.summary.strip()
    assert project.info.owner.strip()


def test_unknown_sample_name_is_refused() -> None:
    with pytest.raises(KeyError, match="churn"):
        load_sample("fraud")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("key", KEYS)
def test_sample_survives_a_save_and_reopen(key: str, fmt: str, loaded: dict[str, Project]) -> None:
    project = loaded[key]
    text = dump_project(project, fmt)
    reopened = parse_project(text.encode("utf-8"), "x." + fmt)
    assert reopened == project
    assert dump_project(reopened, fmt) == text


@pytest.mark.parametrize("key", KEYS)
def test_every_phase_is_mostly_answered(key: str, loaded: dict[str, Project]) -> None:
    for progress in project_progress(loaded[key]):
        assert progress.ratio >= MIN_PHASE_RATIO, (
            f"{key}/{progress.phase.key}: {progress.answered}/{progress.required}, "
            f"missing {[q.name for q in progress.missing]}"
        )


@pytest.mark.parametrize("key", KEYS)
def test_the_first_two_phases_are_complete_and_decided(key: str, loaded: dict[str, Project]) -> None:
    # Every scenario is past Data: learners diagnose answers, they do not fill in blanks.
    for progress in project_progress(loaded[key])[:2]:
        assert progress.missing == (), f"{key}/{progress.phase.key} misses {[q.name for q in progress.missing]}"
    for gate in _gates(loaded[key])[:2]:
        assert gate.decision == GateDecision.GO
        assert gate.deliverable_status == DeliverableStatus.SIGNED_OFF


@pytest.mark.parametrize("key", KEYS)
def test_tables_have_several_rows(key: str, loaded: dict[str, Project]) -> None:
    project = loaded[key]
    assert 2 <= len(project.problem_framing.business_metrics) <= 4
    assert 3 <= len(project.data.sources) <= 6
    assert 8 <= len(project.data.features) <= 15
    assert len(project.modeling.offline_metrics) >= 3
    assert len(project.deployment.launch_criteria) >= 3
    assert len(project.monitoring.signals) >= 4


def test_samples_differ_from_one_another(loaded: dict[str, Project]) -> None:
    projects = list(loaded.values())
    names = {p.info.name for p in projects}
    assert len(names) == len(KEYS)
    for i, first in enumerate(projects):
        for second in projects[i + 1 :]:
            assert first != second
    # Each scenario stands at a different point of the lifecycle.
    profiles = {tuple(round(p.ratio, 3) for p in project_progress(project)) for project in projects}
    assert len(profiles) == len(KEYS)


def _gap_signature(project: Project) -> tuple:
    kinds = {s.kind for s in project.monitoring.signals}
    return (
        project.modeling.evaluation_split,
        project.modeling.selection_basis,
        project.modeling.position_bias,
        project.monitoring.retraining_trigger,
        project.monitoring.long_term_holdout,
        SignalKind.DATA_DRIFT in kinds,
        not project.modeling.bias_testing.strip(),
        any(f.available_at_prediction is False for f in project.data.features),
        any(f.sensitivity == Sensitivity.PROXY for f in project.data.features),
    )


def test_the_planted_gaps_differ_between_scenarios(loaded: dict[str, Project]) -> None:
    signatures = {_gap_signature(project) for project in loaded.values()}
    assert len(signatures) == len(KEYS)


def test_churn_is_at_the_end_of_modeling_with_a_leaky_feature(loaded: dict[str, Project]) -> None:
    churn = loaded["churn"]
    leaky = [f.name for f in churn.data.features if f.available_at_prediction is False]
    assert leaky, "churn should contain a feature not known at prediction time"
    assert churn.data.time_ordered is True
    assert churn.modeling.evaluation_split == SplitStrategy.RANDOM
    assert any(m.status == "proposed" for m in churn.problem_framing.business_metrics)
    assert churn.monitoring.retraining_trigger == RetrainingTrigger.AD_HOC
    gates = _gates(churn)
    assert [g.decision for g in gates] == [GateDecision.GO, GateDecision.GO, None, None, None]
    assert gates[3].deliverable_status == DeliverableStatus.DRAFT
    assert gates[4].deliverable_status == DeliverableStatus.DRAFT


def test_recommendation_is_a_ranking_plan_with_its_own_gaps(loaded: dict[str, Project]) -> None:
    recs = loaded["recommendation"]
    assert recs.problem_framing.ml_task == MLTask.RECOMMENDATION
    assert recs.modeling.position_bias == PositionBias.NONE
    assert recs.modeling.selection_basis == SelectionBasis.LOSS_OR_ACCURACY
    assert recs.modeling.human_evaluation == [HumanEvaluation.INTERNAL_TEAM]
    assert recs.monitoring.long_term_holdout is False
    assert recs.data.serving_feature_logging in ("none", "sample")
    learned = [f for f in recs.data.features if f.origin == "learned"]
    assert len(learned) >= len(recs.data.features) / 3
    # Otherwise competent: a time-based split and a canary with a way back.
    assert recs.modeling.evaluation_split == SplitStrategy.TEMPORAL
    assert recs.deployment.rollout_strategy == "canary"
    assert recs.deployment.rollback_plan.strip()


def test_loan_was_launched_without_drift_monitoring_or_bias_testing(loaded: dict[str, Project]) -> None:
    loan = loaded["loan"]
    kinds = {s.kind for s in loan.monitoring.signals}
    assert SignalKind.DATA_DRIFT not in kinds
    assert SignalKind.CONCEPT_DRIFT not in kinds
    assert loan.modeling.bias_testing == ""
    assert any(f.sensitivity == Sensitivity.PROXY for f in loan.data.features)
    assert loan.modeling.model_family == "tree_ensemble"
    assert loan.modeling.feedback_loop is True
    assert loan.monitoring.retraining_trigger in (RetrainingTrigger.AD_HOC, RetrainingTrigger.NONE)
    assert loan.monitoring.alert_owner.strip()
    for gate in _gates(loan):
        assert gate.decision == GateDecision.GO
        assert gate.deliverable_status == DeliverableStatus.SIGNED_OFF
    statement = loan.problem_framing.problem_statement
    assert "0.81" in statement and "0.73" in statement  # the figures of the bundled monitoring data


def test_each_load_is_a_fresh_project_so_sessions_never_share_one() -> None:
    first = load_sample("loan")
    first.info.name = "changed by one session"
    assert load_sample("loan").info.name != "changed by one session"


def test_an_edited_sample_file_is_read_again(tmp_path) -> None:
    from lifecycle.samples import Sample

    path = tmp_path / "mine.yaml"
    path.write_text("info:\n  name: First\n", encoding="utf-8")
    sample = Sample(key="mine", path=path)
    assert sample.load().info.name == "First"
    path.write_text("info:\n  name: Second edit\n", encoding="utf-8")  # new size, new mtime
    assert sample.load().info.name == "Second edit"
