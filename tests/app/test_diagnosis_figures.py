"""One figure per fact: the Diagnosis page, the memo it offers (Markdown and PDF) and the loan scenario's own
text state the same AUC, drift and approval figures, all computed from the bundled monitoring data."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from lifecycle.diagnosis.figures import auc_headline, auc_text, drift_headline, headline
from lifecycle.samples import SAMPLES_DIR, load_sample

from .test_diagnosis_page import text_of, use_bundled


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", ""))


def _month(batch: str) -> str:
    return dt.datetime.strptime(batch, "%Y-%m").strftime("%B")


def _auc_claims(text: str) -> list[tuple[str, str]]:
    """(value, batch) for every AUC figure tied to a month or to the reference, sentence by sentence."""
    claims = []
    for sentence in re.split(r";|\.\s|\|", text):
        if "AUC" not in sentence:
            continue
        claims += [(v, b) for v, b in re.findall(r"(\d\.\d\d) in (\d{4}-\d{2})", sentence)]
        claims += [(v, "reference") for v in re.findall(r"(\d\.\d\d) on the reference", sentence)]
    return claims


def test_the_figures_agree_on_the_page_in_the_memo_its_pdf_and_the_scenario(at: AppTest) -> None:
    use_bundled(at)
    assert not at.exception
    analysis = at.session_state["diagnosis_result"].analysis
    figures = headline(analysis)
    memo = at.session_state["diagnosis_memo"]  # what the download buttons offer
    page = _flat(text_of(at.markdown) + " " + text_of(at.caption))
    markdown = _flat(memo["markdown"].decode("utf-8"))
    pdf = _flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(memo["pdf"])).pages))

    computed = {n: auc_text(p.auc) for n, p in analysis.performance.items() if p.auc is not None}
    computed["reference"] = auc_text(analysis.reference_performance.auc)
    phrase = auc_headline(figures)
    assert phrase == "AUC 0.81 on the reference, 0.73 in 2025-12, the latest month with outcomes"
    for name, text in (("page", page), ("memo", markdown), ("memo PDF", pdf)):
        assert phrase in text, name  # the headline, word for word
        claims = _auc_claims(text)
        assert claims, name
        for value, batch in claims:
            assert computed.get(batch) == value, f"{name}: AUC {value} for {batch}"
    assert drift_headline(figures) in markdown and drift_headline(figures) in pdf
    # the symptom card says data drift was found; nothing beside it says there was none
    assert "Data drift** :red-badge[found]" in text_of(at.markdown)
    assert "no dataset drift" not in page.lower()
    # the trend follows the numbers: 0.71 in 2025-11 then 0.73, so the memo never says "every month"
    assert "every month" not in markdown and "every month" not in pdf
    assert "lowest in 2025-11 and has risen since" in markdown

    ref, latest = computed["reference"], figures.latest_auc
    assert latest is not None
    loan = load_sample("loan")
    assert f"AUC has fallen from {ref} to {latest[1]:.2f}" in _flat(loan.info.summary)  # the scenario card
    statement = _flat(loan.problem_framing.problem_statement)
    assert f"AUC of {latest[1]:.2f} in {_month(latest[0])}, against {ref}" in statement
    older = {g.group: g.selection_rate for g in analysis.fairness["age_band"]["reference"].groups}["60+"]
    now = {g.group: g.selection_rate for g in analysis.fairness["age_band"][analysis.latest].groups}["60+"]
    assert (f"approval rate of applicants over 60 has fallen from {older:.0%} in the validation sample to "
            f"{now:.0%} in {_month(analysis.latest)}") in statement
    [backtest] = [r for r in loan.model_card.quantitative.results if "back-test" in r.metric]
    assert backtest.value == round(latest[1], 2) and backtest.ci_lower < latest[1] < backtest.ci_upper
    readme = _flat((SAMPLES_DIR / "README.md").read_text(encoding="utf-8"))
    assert f"AUC of {latest[1]:.2f} in {_month(latest[0])} 2025 against {ref} before launch" in readme
