"""The EU AI Act and policy packs in the exports: the CLI (check, export --annex-iv), the map PDF, the canvas and
the portfolio summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lifecycle.canvas import fill_canvas
from lifecycle.cli import main
from lifecycle.compliance.annex_iv import points
from lifecycle.compliance.markdown import to_markdown
from lifecycle.export import export_map
from lifecycle.model import Project
from lifecycle.policies import ENV_VAR
from lifecycle.samples import SAMPLES_DIR, load_sample
from lifecycle.store.summary import summarise

from .test_pdf_support import ink_share, page_texts, render, squeeze

ROOT = Path(__file__).resolve().parents[2]
LOAN = SAMPLES_DIR / "loan.yaml"
PACK = SAMPLES_DIR / "policies" / "harbourline.yaml"



# --- lifecycle check --policy ----------------------------------------------------------------------

def test_policy_findings_are_in_the_json_output_with_their_own_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LOAN), "--format", "json", "--policy", str(PACK)]) == 1
    report = json.loads(capsys.readouterr().out)
    policy = {f["id"]: f for f in report["findings"] if f["id"].startswith("POL-")}
    assert set(policy) == {"POL-MRM-001", "POL-PRIV-001"}
    mrm = policy["POL-MRM-001"]
    assert mrm["severity"] == "blocker" and mrm["phase"] == "modeling" and mrm["field"] == "timeline.gates"
    assert mrm["refs"] == ["Policy pack: Harbourline model governance"] and mrm["rules"] == []
    assert "Harbourline Bank ClearLend loan approval is a credit model" in mrm["message"]
    assert report["policy_packs"] == [{"name": "Harbourline model governance", "file": str(PACK.resolve()),
                                       "rules": 5}]
    assert report["summary"]["blocker"] == sum(1 for f in report["findings"]
                                               if f["severity"] == "blocker" and not f["accepted"])
    ai_act = [f for f in report["findings"] if f["id"].endswith("-AIA")]
    assert {f["subject"] for f in ai_act} == {"Annex IV 2(g)", "Annex IV 7", "Annex IV 8"}


def test_policy_findings_in_the_text_output_and_from_the_environment(capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(PACK.parent))
    main(["check", str(LOAN)])
    out = capsys.readouterr().out
    assert f"{LOAN}: POL-MRM-001 [blocker] Modeling & Evaluation: " in out
    assert "(Policy pack: Harbourline model governance)" in out
    assert "fix: On the Plan page, add Model Risk" in out and "[timeline.gates]" in out
    main(["check", str(LOAN), "--policy", str(PACK)])  # the same pack named twice is applied once
    assert capsys.readouterr().out.count("POL-MRM-001 [blocker]") == 1


def test_a_bad_pack_exits_2_with_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Bad\nrules:\n  - id: POL-X-001\n    title: t\n    phase: data\n    severity: warning\n"
                   "    require: {field: data.nowhere, operator: equal, value: 1}\n    message: m\n    fix: f\n",
                   encoding="utf-8")
    assert main(["check", str(LOAN), "--policy", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert f"{bad}: rule 1 (POL-X-001), line 3: require.operator: 'equal' is not one of" in lines[0]
    assert main(["check", str(LOAN), "--policy", str(tmp_path / "missing.yaml")]) == 2
    assert f"{tmp_path / 'missing.yaml'}: no such file" in capsys.readouterr().err


# --- lifecycle check: risk tier and Annex IV coverage ---------------------------------------------------

EXISTING_JSON_KEYS = ["file", "fail_on", "failed", "summary", "readiness", "findings", "policy_packs",
                      "unmatched_accepted"]


def test_the_json_report_carries_the_risk_tier_and_annex_iv_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(LOAN), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert list(report)[:len(EXISTING_JSON_KEYS)] == EXISTING_JSON_KEYS  # what scripts read already is unchanged
    tier = report["risk_tier"]
    assert tier["key"] == "high_risk" and tier["label"] == "High-risk"
    assert tier["reasons"][0] == {
        "text": "Annex III use: creditworthiness or credit score of natural persons (not fraud detection)",
        "reference": "Annex III, point 5(b)", "field": "ai_act.screening.annex_iii_uses"}
    assert [r["reference"] for r in tier["reasons"]] == ["Annex III, point 5(b)", "Article 6(3), last subparagraph"]
    assert tier["obligations"] == [] and tier["unanswered"] == []
    assert report["annex_iv"] == {"covered": 20, "total": 23, "missing": ["2(g)", "7", "8"], "required": True}


def test_each_file_of_a_json_list_has_its_own_tier_and_coverage(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    blank = tmp_path / "blank.yaml"
    blank.write_text("info: {name: Blank}\n", encoding="utf-8")
    main(["check", str(LOAN), str(SAMPLES_DIR / "recommendation.yaml"), str(blank), "--format", "json"])
    loan, recs, empty = json.loads(capsys.readouterr().out)
    assert loan["risk_tier"]["key"] == "high_risk"
    assert recs["risk_tier"]["key"] == "minimal" and recs["annex_iv"]["required"] is False
    (reason,) = recs["risk_tier"]["reasons"]
    assert "(Article 5)" in reason["text"] and "(Article 50)" in reason["text"]
    assert empty["risk_tier"]["key"] == "not_screened" and empty["risk_tier"]["reasons"] == []
    assert "ai_act.screening.annex_iii_uses" in empty["risk_tier"]["unanswered"]
    assert empty["annex_iv"]["covered"] == 0 and len(empty["annex_iv"]["missing"]) == 23
    assert empty["annex_iv"]["required"] is None


def test_the_text_report_has_one_governance_line_above_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(LOAN), str(SAMPLES_DIR / "churn.yaml")])
    lines = capsys.readouterr().out.splitlines()
    ours = [line for line in lines if ": EU AI Act: " in line]
    assert ours == [
        f"{LOAN}: EU AI Act: High-risk (Annex III, point 5(b); Article 6(3), last subparagraph); Annex IV: 20 of 23 "
        "points documented, missing 2(g), 7, 8",
        f"{SAMPLES_DIR / 'churn.yaml'}: EU AI Act: Minimal risk; Annex IV (not required at this tier): 2 of 23 "
        "points documented, missing 1(a), 1(c), 1(d), 1(e), 1(f), 1(g), 1(h), 2(a), 2(b), 2(c), 2(e), 2(f), 2(g), "
        "2(h), 3, 4, 5, 6, 7, 8, 9",
    ]
    loan_summary = next(i for i, line in enumerate(lines) if line.startswith(f"{LOAN}: ") and "open finding" in line)
    assert lines[loan_summary - 1] == ours[0]  # the summary stays each file's last line
    assert "open finding" in lines[-1]


# --- lifecycle export --annex-iv -------------------------------------------------------------------

def test_export_annex_iv_writes_every_point_in_order_with_the_gaps(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ANNEX_IV.md"
    assert main(["export", str(LOAN), "--annex-iv", str(target)]) == 0
    assert f"{target}: Annex IV technical documentation, 20 of 23 points documented (risk tier: High-risk)" in \
        capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Technical documentation (EU AI Act Annex IV): Harbourline Bank ClearLend loan approval")
    assert "not legal advice" in text
    assert "**Risk tier:** High-risk: Annex III, point 5(b)" in text
    headings = [line for line in text.splitlines() if line.startswith(("### ", "## "))]
    positions = [next(i for i, h in enumerate(headings) if h.split(" ")[1].rstrip(".") == p.id) for p in points()]
    assert positions == sorted(positions)
    assert "### 2(g) Validation and testing (partly documented: 6 of 7 answers)" in text
    assert "- Bias testing: answer it on the Modeling & Evaluation page" in text
    assert "## 8. EU declaration of conformity (not documented)" in text


def test_export_annex_iv_to_an_unwritable_place_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(LOAN), "--annex-iv", str(tmp_path / "no" / "such" / "dir.md")]) == 2
    assert "cannot write the Annex IV documentation" in capsys.readouterr().err


def test_user_text_in_the_annex_iv_markdown_is_escaped() -> None:
    project = load_sample("loan")
    project.ai_act.documentation.standards_applied = "# Not a heading\n<script>x</script> [link](http://x) **b**"
    text = to_markdown(project)
    assert "\\# Not a heading" in text and "&lt;script>" in text and "\\[link\\]" in text and "\\*\\*b\\*\\*" in text


def test_the_cli_entry_point_writes_the_annex_iv_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    result = subprocess.run([sys.executable, "-m", "lifecycle", "export", str(LOAN), "--annex-iv", str(target)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").count("\n### ") == 16  # the lettered points of sections 1 and 2


# --- the map, the canvas, the portfolio summary ------------------------------------------------------

@pytest.fixture(scope="module")
def loan_map() -> bytes:
    return export_map(load_sample("loan")).data


def test_the_map_has_a_technical_documentation_section_in_annex_iv_order(loan_map: bytes, tmp_path: Path) -> None:
    pages = page_texts(loan_map)
    cover = squeeze(pages[0])
    assert squeeze("EU AI Act risk tier") in cover and squeeze("High-risk (Annex III, point 5(b)") in cover
    start = next(i for i, page in enumerate(pages) if squeeze("EU AI Act: risk tier and technical documentation")
                 in squeeze(page))
    findings = next(i for i, page in enumerate(pages) if i > start and page.lstrip().startswith("Findings"))
    section = squeeze(" ".join(pages[start:findings]))
    assert squeeze("not legal advice") in section and squeeze("Risk tier: High-risk") in section
    assert squeeze("20 of 23 points documented") in section
    marks = [section.index(squeeze(f"{p.id} {p.title}")) for p in points()]
    assert marks == sorted(marks), "points follow Annex IV's order"
    assert squeeze("Still missing: Bias testing (Modeling & Evaluation)") in section
    assert squeeze("Harbourline Bank plc, Credit Decisioning") in section  # a technical-documentation answer in full
    image = render(loan_map, tmp_path, "ai-act", page=start + 1)
    assert ink_share(image) > 0.02


def test_the_map_lists_policy_findings_when_given(tmp_path: Path) -> None:
    target = tmp_path / "map.pdf"
    assert main(["export", str(LOAN), "--map", str(target), "--policy", str(PACK)]) == 0
    text = squeeze(" ".join(page_texts(target.read_bytes())))
    assert squeeze("POL-MRM-001 [blocker] Every credit model needs a Model Risk sign-off") in text
    assert squeeze("Policy pack: Harbourline model governance") in text


def test_the_canvas_shows_the_tier_once_the_use_case_is_screened() -> None:
    governance = fill_canvas(load_sample("loan")).block("governance")
    (tier,) = [a for a in governance.answers if a.label == "EU AI Act risk tier"]
    assert tier.text.startswith("High-risk: Annex III, point 5(b)")
    assert not [a for a in fill_canvas(Project()).block("governance").answers]
    minimal = fill_canvas(load_sample("recommendation")).block("governance")
    assert [a.text for a in minimal.answers if a.label == "EU AI Act risk tier"] == ["Minimal risk"]


def test_the_portfolio_summary_stores_the_tier() -> None:
    assert summarise(load_sample("loan")).risk_tier == "high_risk"
    assert summarise(load_sample("churn")).risk_tier == "minimal"
    assert summarise(Project()).risk_tier == "not_screened"
