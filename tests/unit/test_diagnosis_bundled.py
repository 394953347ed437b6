"""The bundled loan monitoring data: reproducible, small, and it shows exactly the planted effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifecycle.diagnosis.analysis import Analysis, analyse
from lifecycle.diagnosis.bundled import BUNDLED_DIR, BundledData, bundled_paths, load_bundled
from lifecycle.diagnosis.fairness import DI_THRESHOLD
from lifecycle.diagnosis.generate import COLUMNS, MONTHS, generate, main

EARLY, LATE = MONTHS[:2], MONTHS[-2:]  # before the partnership; without outcomes yet


@pytest.fixture(scope="module")
def bundled() -> BundledData:
    return load_bundled()


@pytest.fixture(scope="module")
def months(bundled: BundledData) -> Analysis:
    return analyse(bundled.reference, bundled.months)


@pytest.fixture(scope="module")
def control(bundled: BundledData) -> Analysis:
    return analyse(bundled.reference, [bundled.control])


def test_regenerating_gives_the_committed_files_byte_for_byte() -> None:
    files = generate()
    assert sorted(files) == sorted(p.name for p in bundled_paths().values())
    for name, text in files.items():
        assert (BUNDLED_DIR / name).read_bytes() == text.encode("utf-8"), f"{name} differs: run the generator"


def test_the_generator_command_writes_the_files(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / "2025-09.csv").read_bytes() == (BUNDLED_DIR / "2025-09.csv").read_bytes()


def test_the_data_is_small_enough_to_ship_and_has_the_documented_columns(bundled: BundledData) -> None:
    total = sum(path.stat().st_size for path in bundled_paths().values())
    assert total < 1.5 * 1024 * 1024
    for batch in [bundled.reference, *bundled.months, bundled.control]:
        assert tuple(batch.frame.columns) == COLUMNS
    assert (BUNDLED_DIR / "README.md").is_file()


def test_income_drifts_from_december_and_is_major_by_february(months: Analysis) -> None:
    psi = {m: months.drift[m].column("declared_net_income").psi for m in MONTHS}
    assert all(psi[m] < 0.1 for m in EARLY)
    assert all(months.drift[m].column("declared_net_income").drifted for m in ("2025-12", "2026-01", "2026-02"))
    assert months.drift["2026-02"].column("declared_net_income").level == "major"
    assert psi["2026-02"] > psi["2025-12"]
    income = next(s for s in months.symptoms_of("data_drift") if s.subject == "declared_net_income")
    assert income.severity == "major" and income.batches[0] == "2025-12"


def test_the_concept_drift_feature_does_not_drift_as_an_input(months: Analysis) -> None:
    assert not any(months.drift[m].column("debt_to_income_ratio").drifted for m in MONTHS)


def test_performance_decays_while_the_inputs_are_stable(months: Analysis) -> None:
    reference = months.reference_performance.auc
    assert reference == pytest.approx(0.81, abs=0.02)
    november = months.concept["2025-11"]
    assert months.drift["2025-11"].drifted == []  # no input moved yet
    assert november.performance_decay and november.verdict.startswith("concept drift")
    assert months.performance["2025-12"].auc < reference - 0.05
    changed = {r.column for m in MONTHS for r in months.concept[m].changed_relations}
    assert "debt_to_income_ratio" in changed
    high = max(months.concept["2025-12"].changed_relations[0].bins, key=lambda b: b.adjusted_change)
    assert high.current_rate > high.reference_rate + 0.2  # high debt-to-income now defaults far more
    assert [s.subject for s in months.symptoms_of("concept_drift")] == ["model"]


def test_recent_months_wait_for_their_outcomes(months: Analysis) -> None:
    for month in LATE:
        assert not months.performance[month].known and months.performance[month].labelled == 0
        assert "label delay" in months.concept[month].verdict
    assert all(months.performance[m].known for m in MONTHS[:4])
    assert "label delay" in months.symptoms_of("concept_drift")[0].evidence


def test_approval_rates_of_older_applicants_fall_away(months: Analysis) -> None:
    age = months.fairness["age_band"]
    assert age[months.reference].di_ratio >= 0.85 and not age[months.reference].flagged
    latest = age["2026-02"]
    assert latest.flagged and latest.di_ratio < 0.7 and latest.least_selected.group == "60+"
    assert age["2025-12"].eo_flag  # repaid older applicants are approved less often
    assert {s.subject for s in months.symptoms_of("fairness")} >= {"age_band"}


def test_the_control_batch_raises_no_alarm(control: Analysis) -> None:
    assert control.symptoms == []
    report = control.drift["control"]
    assert report.drifted == [] and max(c.psi for c in report.columns) < 0.05
    assert abs(control.performance["control"].auc - control.reference_performance.auc) < 0.05
    assert all(not by_batch["control"].flagged and by_batch["control"].di_ratio > DI_THRESHOLD
               for by_batch in control.fairness.values())
    assert control.warnings == []
