"""Symptoms mapped to the plan's gaps, and the stakeholder memo as Markdown and PDF."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from lifecycle.diagnosis.analysis import Analysis
from lifecycle.diagnosis.bundled import load_bundled
from lifecycle.diagnosis.charts import (
    auc_figure,
    disparate_impact_figure,
    distribution_figure,
    psi_figure,
    selection_rate_figure,
)
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.diagnosis.memo import gap_rows, md_escape, memo_markdown
from lifecycle.diagnosis.memo_pdf import FONTS_DIR, memo_pdf
from lifecycle.model import Project
from lifecycle.samples import load_sample

DAY = dt.date(2026, 3, 16)


def _fields(diagnosis: Diagnosis, kind: str) -> set[str]:
    return {g.field for s in diagnosis.symptoms if s.symptom.kind == kind for g in s.gaps}


def _checks(diagnosis: Diagnosis, kind: str) -> set[str]:
    return {c for s in diagnosis.symptoms if s.symptom.kind == kind for c in s.checks}


def test_each_symptom_is_mapped_to_the_loan_plans_own_gaps(loan: Diagnosis) -> None:
    assert {"monitoring.signals", "monitoring.retraining_trigger"} <= _fields(loan, "data_drift")
    assert {"monitoring.signals", "modeling.evaluation_split", "monitoring.staleness_impact",
            "deployment.launch_criteria"} <= _fields(loan, "concept_drift")
    assert {"modeling.bias_testing", "data.features", "monitoring.signals",
            "modeling.filter_holdout_percent"} <= _fields(loan, "fairness")
    drift_gap = next(g for s in loan.symptoms if s.symptom.kind == "data_drift" for g in s.gaps
                     if g.field == "monitoring.signals")
    assert "No data-drift signal in Monitoring.signals" in drift_gap.problem and drift_gap.rules == (10,)
    fairness = next(s for s in loan.symptoms if s.symptom.kind == "fairness" and s.symptom.subject == "age_band")
    problems = " ".join(g.problem for g in fairness.gaps)
    assert "Modeling.bias_testing is empty" in problems
    assert "applicant_age (protected attribute)" in problems and "postcode_district_default_rate" in problems
    assert "Retraining trigger is 'Ad hoc, when someone decides'" in " ".join(
        g.problem for s in loan.symptoms for g in s.gaps)


def test_findings_of_the_checks_engine_are_attached(loan: Diagnosis) -> None:
    assert loan.checks_available
    assert {"MN-001", "MN-003"} <= _checks(loan, "data_drift")
    assert {"MN-002", "MO-003"} <= _checks(loan, "concept_drift")
    assert {"MO-011", "MN-013", "DA-015"} <= _checks(loan, "fairness")
    concept = next(s for s in loan.symptoms if s.symptom.kind == "concept_drift")
    assert {8, 10, 33, 39} <= set(concept.rules)


def test_the_remediation_plan_names_phases_and_owners(loan: Diagnosis) -> None:
    plan = loan.plan_by_phase()
    assert set(plan) == {"problem_framing", "data", "modeling", "deployment", "monitoring"}
    monitoring = " ".join(a.action for a in plan["monitoring"])
    assert "data-drift signal" in monitoring and "fairness signal" in monitoring and "retrain" in monitoring
    modeling = " ".join(a.action for a in plan["modeling"])
    assert "fairness constraints" in modeling and "reject inference" in modeling and "temporal split" in modeling
    assert "validation layer" in plan["data"][0].action
    assert all(a.owner for a in loan.plan)
    assert plan["monitoring"][0].owner == "Credit Decisioning on-call rota (lead Omar Haddad)"


def test_a_plan_that_watches_drift_and_tests_bias_has_fewer_gaps(analysis: Analysis, loan: Diagnosis) -> None:
    better = load_sample("loan").model_dump(mode="json")
    better["monitoring"]["signals"] += [
        {"name": "PSI of declared_net_income, age_band, postcode_district", "kind": "data_drift",
         "threshold": "0.1", "action": "ticket", "owner": "Omar"},
        {"name": "Approval-rate ratio per age band", "kind": "fairness", "threshold": "0.8", "action": "page",
         "owner": "Omar"},
    ]
    better["modeling"]["bias_testing"] = "age_band and postcode_district: disparate impact ratio at least 0.8"
    improved = diagnose(analysis, Project.model_validate(better))
    assert "MN-001" not in _checks(improved, "data_drift") and "MO-011" not in _checks(improved, "fairness")
    assert sum(len(s.gaps) for s in improved.symptoms) < sum(len(s.gaps) for s in loan.symptoms)
    blank = diagnose(analysis, Project())
    assert "the plan lists no monitoring signals at all" in " ".join(
        g.problem for s in blank.symptoms for g in s.gaps)


def test_the_memo_markdown_tells_each_symptom_and_phase_gap(loan: Diagnosis) -> None:
    text = memo_markdown(loan, DAY)
    assert text.startswith("# Diagnosis memo: Harbourline Bank ClearLend")
    for heading in ("## Summary", "## 1. What failed technically", "## 2. Business impact",
                    "## 3. Where the lifecycle plan let it through", "## 4. Revised plan", "## 5. Method and caveats"):
        assert heading in text
    for symptom in ("### Data drift", "declared_net_income", "### Concept drift", "### Fairness violation",
                    "age_band", "PSI 0.50 (major)", "AUC 0.81"):
        assert symptom in text
    for phase in ("| Monitoring |", "| Modeling & Evaluation |", "| Data |", "| Deployment |"):
        assert phase in text
    for gap in ("No data-drift signal in Monitoring.signals", "Modeling.bias_testing is empty",
                "Retraining trigger is 'Ad hoc", "Protected or proxy features in Data.features",
                "Evaluation split 'Random split'"):
        assert gap in text
    assert "MN-001" in text and "#33" in text and "four-fifths rule" in text
    assert "Prepared on 2026-03-16" in text
    assert gap_rows(loan)[0][0].startswith("Data drift (declared_net_income")


def test_text_from_files_cannot_become_markdown(analysis: Analysis) -> None:
    project = Project.model_validate({"info": {"name": "[click](http://evil.example) <img src=x> *x* | # y"}})
    text = memo_markdown(diagnose(analysis, project), DAY)
    first = text.splitlines()[0]
    assert "\\[click\\](http://evil.example) \\<img src=x\\> \\*x\\* \\| # y" in first
    assert "](http" not in first.replace("\\]", "")
    assert md_escape("1. not a list", line_start=True) == "1\\. not a list"
    assert md_escape("declared_net_income") == "declared_net_income"  # intraword underscores are safe
    assert md_escape("_lead") == "\\_lead"


def test_the_memo_pdf_reads_back_with_the_symptoms(loan: Diagnosis, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        data = memo_pdf(loan, DAY)
    assert data.startswith(b"%PDF-")
    assert not [r for r in caplog.records if "missing" in r.getMessage()]  # every glyph is in the font
    reader = PdfReader(io.BytesIO(data))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for expected in ("Diagnosis memo: Harbourline Bank ClearLend", "Data drift", "declared_net_income",
                     "Concept drift", "Fairness violation", "age_band", "Monitoring.signals",
                     "Modeling.bias_testing is empty", "Revised plan", "four-fifths rule"):
        assert expected in text
    assert 3 <= len(reader.pages) <= 8
    assert memo_pdf(loan, DAY) == data  # same input, same bytes (fixed creation date)


def test_the_memo_uses_the_vendored_fonts_not_the_systems() -> None:
    assert (FONTS_DIR / "DejaVuSans.ttf").is_file() and (FONTS_DIR / "DejaVuSans-Bold.ttf").is_file()
    assert any(p.name.startswith("LICENSE") for p in FONTS_DIR.iterdir())
    assert FONTS_DIR.parent.name == "lifecycle"


def test_the_memo_pdf_renders_to_a_page_with_content(loan: Diagnosis, tmp_path: Path) -> None:
    from PIL import Image

    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(memo_pdf(loan, DAY))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    image = Image.open(tmp_path / "page.png").convert("L")
    dark = int((np.asarray(image) < 160).sum())
    assert image.width < image.height  # portrait A4
    assert dark > 0.01 * image.width * image.height  # text, tables: not a blank page


def test_every_chart_has_a_title_and_axis_titles(analysis: Analysis) -> None:
    data = load_bundled()
    figures = [
        psi_figure(analysis.drift["2026-02"]),
        distribution_figure(data.reference.frame, data.months[-1].frame, "declared_net_income", "numeric",
                            "reference", "2026-02"),
        distribution_figure(data.reference.frame, data.months[-1].frame, "age_band", "categorical", "reference",
                            "2026-02"),
        auc_figure(analysis),
        selection_rate_figure(analysis, "age_band"),
        disparate_impact_figure(analysis),
    ]
    for figure in figures:
        layout = figure.layout
        assert layout.title.text and layout.xaxis.title.text and layout.yaxis.title.text
    assert [t.name for t in figures[4].data] == ["18-29", "30-44", "45-59", "60+"]
    assert list(figures[0].data[0].x[:1]) == ["declared_net_income"]  # the worst input first


def test_in_practice_mode_the_mapping_names_no_finding_of_the_checks(analysis: Analysis) -> None:
    loan = load_sample("loan")
    practising = loan.model_copy(update={"practice": loan.practice.model_copy(update={"scenario": "loan",
                                                                                       "active": True})})
    hidden = diagnose(analysis, practising)
    assert hidden.checks_hidden and hidden.findings == {}
    assert all(row[4] == "–" for row in gap_rows(hidden))  # the Checks column
    assert hidden.symptoms and all(s.gaps for s in hidden.symptoms)  # still read against the plan's own answers
    text = memo_markdown(hidden, DAY)
    assert "Hidden in practice mode" in text
    assert not re.search(r"\b(?:MN|MO|DA|DE|PF)-\d{3}\b", text)
