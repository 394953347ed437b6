"""The memo opens for an executive: the decision, the money at stake from the plan's costs, one chart."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from lifecycle.diagnosis.analysis import Analysis, analyse
from lifecycle.diagnosis.bundled import load_bundled
from lifecycle.diagnosis.costs import DecisionCosts, cost_summary
from lifecycle.diagnosis.data import Roles, read_csv
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.diagnosis.memo import build_memo, memo_markdown
from lifecycle.diagnosis.memo_pdf import ACCENT, memo_pdf
from lifecycle.model import Project
from lifecycle.samples import load_sample

DAY = dt.date(2026, 3, 16)
LOAN_COSTS = DecisionCosts(false_positive=1100, false_negative=6400, unit="EUR per application")


def _pdf_text(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_cost_of_wrong_decisions_by_hand() -> None:
    # reference: 4 labelled rows, 1 approval that went bad, 1 good applicant declined
    ref = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6], "score": [.1, .2, .3, .4, .5, .6],
                        "decision": ["approve", "approve", "decline", "decline", "approve", "decline"],
                        "defaulted": [0, 1, 0, 1, None, None]})
    cur = pd.DataFrame({"x": [1, 2, 3, 4, 5], "score": [.1, .2, .3, .4, .5],
                        "decision": ["approve", "approve", "approve", "decline", ""],
                        "defaulted": [1, 1, 0, 0, 1]})  # the last row has no decision: not counted
    result = analyse(read_csv(ref.to_csv(index=False).encode(), "reference.csv"),
                     [read_csv(cur.to_csv(index=False).encode(), "current.csv")], Roles(groups=()))
    summary = cost_summary(result, LOAN_COSTS)
    assert summary is not None
    assert summary.reference.per_application == pytest.approx((6400 + 1100) / 4)
    [month] = summary.batches
    assert (month.false_approvals, month.false_declines) == (2, 1)
    assert month.per_application == pytest.approx((2 * 6400 + 1 * 1100) / 4)
    assert summary.at_stake == pytest.approx(((2 * 6400 + 1100) / 4 - 7500 / 4) * 5)  # 5 applications
    assert cost_summary(result, None) is None


def test_the_memo_opens_with_the_decision_the_money_and_a_chart(loan: Diagnosis, analysis: Analysis) -> None:
    text = memo_markdown(loan, DAY)
    assert text.index("## For the executive") < text.index("## Summary") < text.index("## 1. What failed")
    opening = text[text.index("## For the executive"):text.index("## Summary")]
    summary = cost_summary(analysis, LOAN_COSTS)
    assert summary is not None and loan.costs == LOAN_COSTS
    latest = summary.measured[-1]
    assert latest.batch == "2025-12"
    assert f"**Decision asked.** Approve the revised plan in section 4 ({len(loan.plan)} actions" in opening
    assert (f"**Money at stake.** Wrong decisions cost EUR {latest.per_application:,.0f} per application in 2025-12"
            in opening)
    assert f"against EUR {summary.reference.per_application:,.0f} on the reference sample" in opening
    assert f"EUR {summary.at_stake / 1e6:.1f} million more" in opening and summary.at_stake > 1e6
    assert "EUR 6,400 per approval that goes bad and EUR 1,100 per good applicant declined" in opening
    assert "| Month of application | Cost per application (EUR) |" in opening
    assert "| 2026-02 | no outcomes yet |" in opening  # label delay is never a zero cost


def test_a_plan_without_costs_says_where_to_add_them_and_charts_the_auc(analysis: Analysis) -> None:
    text = memo_markdown(diagnose(analysis, Project()), DAY)
    opening = text[text.index("## For the executive"):text.index("## Summary")]
    assert "The plan prices no wrong decision (Problem Framing, Decision costs" in opening
    assert "| Month of application | AUC (higher ranks better) |" in opening and "| 2025-12 | 0.73 |" in opening


def test_the_pdf_opens_with_the_summary_and_a_chart_with_axis_titles(loan: Diagnosis) -> None:
    first = _pdf_text(memo_pdf(loan, DAY))[0]
    for expected in ("For the executive", "Decision asked.", "Money at stake.", "EUR 1.3 million more",
                     "Cost of wrong decisions per application, by month", "Month of application",
                     "Cost per application (EUR)", "reference sample: EUR 421", "no outcomes yet"):
        assert expected in first
    assert first.index("For the executive") < first.index("Summary")
    blocks = [b.kind for b in build_memo(loan, DAY).blocks]
    assert blocks.count("chart") == 1 and blocks.index("chart") < [
        i for i, b in enumerate(build_memo(loan, DAY).blocks) if b.text == "Summary"][0]


def test_the_chart_renders_as_bars_on_the_first_page(loan: Diagnosis, tmp_path: Path) -> None:
    from PIL import Image

    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(memo_pdf(loan, DAY))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    pixels = np.asarray(Image.open(tmp_path / "page.png").convert("RGB")).astype(int)
    bar = (np.abs(pixels - np.array(ACCENT)).sum(axis=2) < 30)  # the bars' colour (headings share it)

    def wide_runs(row: np.ndarray) -> int:  # stretches of the colour wider than any letter: bars
        columns = np.flatnonzero(row)
        runs = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1) if columns.size else []
        return sum(1 for run in runs if run.size >= 20)

    assert max(wide_runs(row) for row in bar) == 4  # 2025-09 to 2025-12; the months without outcomes have none


def test_without_a_symptom_no_total_is_put_at_stake() -> None:
    data = load_bundled()
    quiet = diagnose(analyse(data.reference, [data.control]), load_sample("loan"))
    opening = memo_markdown(quiet, DAY).split("## Summary")[0]
    assert "**Decision asked.** None needed" in opening
    assert "so the difference is read as normal variation" in opening and "more than the error rate" not in opening
