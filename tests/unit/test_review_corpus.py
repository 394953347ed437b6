"""The review corpus holds together, and the benchmark scores findings as documented.

None of these tests runs the checks: they must pass whatever the review finds.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import yaml

from benchmarks.review_corpus.corpus import (
    CORPUS_DIR, FORMS, SEALED_SPLITS, SEVERITIES, SPLITS, CorpusError, Gap, get_at, load_catalogue, load_check_map, load_corpus,
    model_path_problem, parse_path, within,
)
from benchmarks.review_quality import score
from lifecycle.completeness import project_progress
from lifecycle.model import FORMAT_VERSION
from lifecycle.phases import PHASES
from lifecycle.storage import load_project, parse_project

PLANS = load_corpus()
CATALOGUE = load_catalogue()
PHASE_KEYS = {phase.key for phase in PHASES}


def plan_id(plan) -> str:
    return f"{plan.split}/{plan.name}"


def values_at(plan, gap, edits) -> dict:
    """The gap's edited fields as a wording or fix leaves them (unmentioned paths keep the plan's value)."""
    return {path: (edits or {}).get(path, get_at(plan.document, path)) for path in gap.edited_paths}


# ---------------------------------------------------------------- the corpus as a whole

def test_corpus_has_enough_plans_and_domains():
    dev = [p for p in PLANS if p.split == "dev"]
    holdout = [p for p in PLANS if p.split == "holdout"]
    holdout2 = [p for p in PLANS if p.split == "holdout2"]
    assert len(dev) == 6
    assert len(holdout) >= 4
    holdout3 = [p for p in PLANS if p.split == "holdout3"]
    holdout4 = [p for p in PLANS if p.split == "holdout4"]
    holdout5 = [p for p in PLANS if p.split == "holdout5"]
    holdout6 = [p for p in PLANS if p.split == "holdout6"]
    holdout7 = [p for p in PLANS if p.split == "holdout7"]
    holdout8 = [p for p in PLANS if p.split == "holdout8"]
    assert len(holdout2) >= 3
    assert len(holdout3) >= 4
    assert len(holdout4) >= 3
    assert len(holdout5) >= 2
    assert len(holdout6) >= 3
    assert len(holdout7) >= 3
    assert len(holdout8) >= 3
    assert len({p.domain for p in PLANS}) >= 31
    assert not {p.domain for p in dev} & {p.domain for p in holdout}, "holdout domains must not appear in dev"
    earlier = {p.domain for p in dev + holdout}
    assert not {p.domain for p in holdout2} & earlier, "holdout2 domains must be new to dev and holdout"
    assert not {p.domain for p in holdout3} & (earlier | {p.domain for p in holdout2}), "holdout3 domains must be new"
    before4 = earlier | {p.domain for p in holdout2 + holdout3}
    assert not {p.domain for p in holdout4} & before4, "holdout4 domains must be new"
    assert not {p.domain for p in holdout5} & (before4 | {p.domain for p in holdout4}), "holdout5 domains must be new"
    before6 = before4 | {p.domain for p in holdout4 + holdout5}
    assert not {p.domain for p in holdout6} & before6, "holdout6 domains must be new"
    before8 = before6 | {p.domain for p in holdout6 + holdout7}
    assert not {p.domain for p in holdout7} & (before6 | {p.domain for p in holdout6}), "holdout7 domains must be new"
    assert not {p.domain for p in holdout8} & before8, "holdout8 domains must be new"
    for plan in PLANS:
        assert not re.search(r"churn|recommend|loan", plan.domain, re.I), plan.domain


def test_gap_ids_are_unique_across_the_corpus():
    ids = [g.id for p in PLANS for g in p.gaps]
    assert len(ids) == len(set(ids))


def test_sealed_folders_warn_the_check_developer():
    assert SEALED_SPLITS == ("holdout2", "holdout6", "holdout8") and set(SEALED_SPLITS) <= set(SPLITS)
    for split in SEALED_SPLITS:
        note = (CORPUS_DIR / split / "README.md").read_text(encoding="utf-8")
        assert "do not open" in note.lower() and "check developer" in note.lower()


def test_opened_holdouts_record_their_first_measurement_and_point_to_the_sealed_split():
    note = (CORPUS_DIR / "holdout" / "README.md").read_text(encoding="utf-8")
    assert "106/177" in note and "108/131" in note and "holdout2" in note
    note = (CORPUS_DIR / "holdout3" / "README.md").read_text(encoding="utf-8")
    assert "100/180" in note and "104/122" in note and "holdout2" in note
    note = (CORPUS_DIR / "holdout5" / "README.md").read_text(encoding="utf-8")
    assert "54/90" in note and "54/69" in note and "holdout4" in note
    note = (CORPUS_DIR / "holdout4" / "README.md").read_text(encoding="utf-8")
    assert "104/180" in note and "105/120" in note and "holdout6" in note
    note = (CORPUS_DIR / "holdout7" / "README.md").read_text(encoding="utf-8")
    assert "83/144" in note and "85/113" in note and "holdout6" in note


def test_benchmark_accepts_every_split_and_all():
    import benchmarks.review_quality as bench

    parser = __import__("argparse").ArgumentParser()
    bench.add_arguments(parser)
    for split in (*SPLITS, "all"):
        assert parser.parse_args(["--review-split", split]).review_split == split
    with pytest.raises(SystemExit):
        parser.parse_args(["--review-split", "holdout9"])


def test_catalogue_entries_are_complete():
    assert len(CATALOGUE) >= 40
    for cid, entry in CATALOGUE.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", cid), cid
        assert entry["phase"] in PHASE_KEYS, cid
        assert all(isinstance(r, int) and 1 <= r <= 43 for r in entry["rules"]), cid
        assert entry["rules"] or entry["see_also"], f"{cid} names no source"
        assert set(entry["forms"]) <= set(FORMS) and entry["forms"], cid
        assert len(entry["description"]) > 60, cid
        for path in entry["typical_fields"]:
            assert model_path_problem(path) is None, (cid, path)


def test_catalogue_covers_text_structured_and_cross_answer_gaps():
    forms = {form for entry in CATALOGUE.values() for form in entry["forms"]}
    assert forms == set(FORMS)
    for cid in ("metric.accuracy_under_imbalance", "label_delay.vs_retraining", "serving.latency_over_deadline",
                "split.shuffled_time_ordered", "leakage.post_outcome_feature", "rollback.deferred"):
        assert cid in CATALOGUE


# ---------------------------------------------------------------- each plan

@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_plan_file_opens_as_a_project(plan):
    project = load_project(plan.path)
    assert project.format_version == FORMAT_VERSION


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_every_variant_validates_and_answers_every_gate_question(plan):
    variants = plan.variants()
    assert [label for label, _ in variants][:3] == ["wording 1", "wording 2", "wording 3"]
    assert any(label.startswith("fixed") for label, _ in variants)
    for label, document in variants:
        blob = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
        project = parse_project(blob, f"{plan.name}.yaml")
        missing = [(p.phase.key, q.name) for p in project_progress(project) for q in p.missing]
        assert not missing, f"{label}: unanswered gate questions {missing}"


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_plan_has_10_to_17_gaps_over_all_phases_half_in_text(plan):
    assert 10 <= len(plan.gaps) <= 17
    assert {g.phase for g in plan.gaps} == PHASE_KEYS
    text = sum(1 for g in plan.gaps if g.form == "text")
    assert len(plan.gaps) / 3 <= text <= len(plan.gaps) * 2 / 3, "roughly half the gaps should sit in free text"


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_every_gap_is_well_formed(plan):
    for gap in plan.gaps:
        assert gap.category in CATALOGUE, f"{gap.id}: unknown category {gap.category}"
        assert gap.form in FORMS and gap.severity in SEVERITIES and gap.phase in PHASE_KEYS, gap.id
        assert len(gap.wordings) >= 3 and gap.wordings[0] is None, f"{gap.id}: wording 1 must be the plan as written"
        assert len(gap.fixed) >= 1, gap.id
        assert gap.where and gap.why and gap.good_answer, gap.id


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_every_path_exists_in_the_model_and_in_the_plan(plan):
    for gap in plan.gaps:
        for path in (*gap.where, *gap.edited_paths):
            assert model_path_problem(path) is None, f"{gap.id}: {model_path_problem(path)}"
            get_at(plan.document, path)  # raises CorpusError when the row or field is not in the plan


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_wordings_differ_and_fixes_change_the_flawed_text(plan):
    for gap in plan.gaps:
        wordings = [values_at(plan, gap, w) for w in gap.wordings]
        assert all(wordings[i] != wordings[j] for i in range(len(wordings)) for j in range(i)), \
            f"{gap.id}: two wordings are the same"
        for fix in gap.fixed:
            assert values_at(plan, gap, fix) not in wordings, f"{gap.id}: a fix equals one of the wordings"


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_no_two_gaps_edit_the_same_field(plan):
    owner: dict[str, str] = {}
    for gap in plan.gaps:
        for path in gap.edited_paths:
            for other_path, other in owner.items():
                assert other == gap.id or not (within(path, other_path) or within(other_path, path)), \
                    f"{gap.id} and {other} both edit {path} / {other_path}"
        owner.update({path: gap.id for path in gap.edited_paths})


@pytest.mark.parametrize("plan", PLANS, ids=plan_id)
def test_variant_k_carries_wording_k_of_every_gap(plan):
    for k in range(2, plan.wording_count + 1):
        document = plan.variant(k)
        for gap in plan.gaps:
            for path, value in (gap.wordings[k - 1] or {}).items():
                assert get_at(document, path) == value
    fixed = plan.fixed_plan()
    for gap in plan.gaps:
        for path, value in gap.fixed[0].items():
            assert get_at(fixed, path) == value


# ---------------------------------------------------------------- paths

def test_paths_parse_and_nest_by_segment():
    assert parse_path("data.features[3].owner") == ["data", "features", 3, "owner"]
    for bad in ("data..owner", "[1].x", "data.features[x]", "data features", ""):
        with pytest.raises(CorpusError):
            parse_path(bad)
    assert within("data.features[2].owner", "data.features[2]")
    assert within("data.features[2]", "data.features[2]")
    assert not within("data.features[12]", "data.features[1]")
    assert not within("modeling.slices_extra", "modeling.slices")
    assert not within("", "data")


def test_model_paths_are_checked_against_the_model():
    assert model_path_problem("deployment.quality_gate_checks[0].threshold") is None
    assert model_path_problem("problem_framing.gate") is None
    assert "not a field" in model_path_problem("data.feature[0]")
    assert "not a table" in model_path_problem("modeling.evaluation_split[0]")


# ---------------------------------------------------------------- scoring

def fake(check_id: str, severity: str, field: str, accepted: bool = False) -> SimpleNamespace:
    return SimpleNamespace(check_id=check_id, severity=SimpleNamespace(value=severity), field=field, accepted=accepted)


def gap(gid: str, category: str, where: list[str], severity: str = "warning") -> Gap:
    return Gap(id=gid, category=category, form="text", phase="data", severity=severity, where=tuple(where),
               why="w", good_answer="g", wordings=(None, {}, {}), fixed=({},))


GAPS = [
    gap("G1", "leakage.post_outcome_feature", ["data.features[2]"], "blocker"),
    gap("G2", "split.shuffled_time_ordered", ["modeling.evaluation_split", "modeling.model_description"]),
    gap("G3", "rollback.deferred", ["deployment.rollback_plan"]),
    gap("G4", "features.no_owner", ["data.features[5]"], "advice"),
]


def test_score_counts_recall_and_precision_on_a_hand_made_example():
    findings = [
        fake("DA-1", "blocker", "data.features[2].available_at_prediction"),  # inside G1's row: found
        fake("MO-2", "warning", "modeling"),  # contains G2's paths: found
        fake("MO-9", "warning", "modeling.offline_metrics[0]"),  # inside "modeling" only: a false alarm
        fake("DE-3", "warning", "deployment.rollback_plan", accepted=True),  # accepted: ignored, G3 missed
        fake("DA-7", "advice", "data.features[5].owner"),  # a tip; finds the advice gap G4
        fake("DA-8", "warning", "data.features[12]"),  # not features[1] or [2]: false alarm
        fake("GEN-1", "warning", ""),  # no field: matches nothing
    ]
    result = score(findings, GAPS)
    assert sorted(result.found) == ["G1", "G2", "G4"]
    assert [g.id for g in result.missed] == ["G3"]
    assert result.recall == pytest.approx(3 / 4)
    assert len(result.counted) == 5  # blocker + warning, open
    assert [f.check_id for f in result.matched] == ["DA-1", "MO-2"]
    assert result.precision == pytest.approx(2 / 5)
    assert [f.check_id for f in result.false_alarms] == ["MO-9", "DA-8", "GEN-1"]
    assert [f.check_id for f in result.tips] == ["DA-7"]
    assert result.found_by_tip_only == ["G4"]
    assert [f.check_id for f in result.blockers] == ["DA-1"]
    assert result.blocker_gaps_as_blockers() == (1, 1)


def test_a_tip_does_not_find_a_warning_gap():
    result = score([fake("DE-1", "advice", "deployment.rollback_plan")], GAPS)
    assert "G3" not in result.found and result.precision is None and result.recall == 0


def test_check_map_restricts_which_checks_may_report_a_category():
    findings = [fake("DA-1", "blocker", "data.features[2].value_fixed"), fake("XX-1", "warning", "deployment.rollback_plan")]
    result = score(findings, GAPS, {"leakage.post_outcome_feature": ("DA-4",)})
    assert "G1" not in result.found, "DA-1 is not an id the map allows for leakage"
    assert "G3" in result.found, "rollback.deferred is not in the map, so the field alone decides"
    assert result.precision == pytest.approx(1 / 2)


def test_fixed_plan_scores_every_counted_finding_as_a_false_alarm():
    result = score([fake("DA-1", "blocker", "data.features[2]"), fake("MO-2", "warning", "modeling")], [])
    assert result.recall is None and len(result.false_alarms) == 2 and len(result.blockers) == 1


def test_check_map_file_is_optional_and_accepts_both_layouts(tmp_path):
    assert load_check_map(tmp_path) == {}
    (tmp_path / "check_map.yaml").write_text("categories:\n  split.shuffled_time_ordered: [MO-002]\n")
    assert load_check_map(tmp_path) == {"split.shuffled_time_ordered": ("MO-002",)}
    (tmp_path / "check_map.yaml").write_text("rollback.deferred: [DE-001, DE-004]\n")
    assert load_check_map(tmp_path) == {"rollback.deferred": ("DE-001", "DE-004")}


def test_benchmark_reports_every_variant_with_totals_and_targets(monkeypatch):
    """The benchmark's plumbing, with the review replaced by a stub that points at each plan's first gap."""
    import argparse

    import benchmarks.review_quality as bench

    dev = [p for p in PLANS if p.split == "dev"]
    path_for = {load_project(p.path).info.name: p.gaps[0].where[0] for p in dev}
    monkeypatch.setattr(
        bench, "run_checks",
        lambda project: [fake("STUB-1", "blocker", path_for[project.info.name]), fake("STUB-2", "warning", "")],
    )
    monkeypatch.setattr(bench, "load_check_map", lambda: {})
    rows, notes = bench.run(argparse.Namespace(review_split="dev", review_detail=False, review_repeat=1))

    assert len(rows) == sum(len(p.variants()) for p in dev) + 2
    total = next(r for r in rows if r["plan"] == "TOTAL" and r["variant"] == "all wordings")
    hit = sum(p.wording_count for p in dev for g in p.gaps if bench.at_location(p.gaps[0].where[0], g.where))
    assert total["gaps"] == str(sum(len(p.gaps) * p.wording_count for p in dev))
    assert total["found"] == str(hit) and hit >= 3 * len(dev)
    assert total["precision"] == "50%" and total["false alarms"] == str(3 * len(dev))
    fixed_total = next(r for r in rows if r["plan"] == "TOTAL" and r["variant"] == "fixed plans")
    assert fixed_total["blockers"] == str(sum(p.fixed_count for p in dev))
    summary = "\n".join(notes)
    assert "target ≥ 90%: MISSED" in summary and "blockers on fixed plans 6" in summary
    assert "time per project: review" in summary and "check_map.yaml: absent" in summary
    assert any(" missed " in line and line.startswith("dev/") for line in notes)
