"""The Model Card page: the remaining questions keep their answers across pages, a bad licence is
refused, the results table shows the sample's rows, and both downloads are offered."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample

from .conftest import answer, widget

PAGE = "pages/model_card.py"


def test_page_shows_nine_sections_and_two_downloads(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Model Card"
    assert [h.value.split(". ", 1)[1] for h in at.subheader] == [
        "Model details", "Intended use", "Factors", "Metrics", "Evaluation data", "Training data",
        "Quantitative analyses", "Ethical considerations", "Caveats and recommendations"]
    assert [d.proto.label for d in at.get("download_button")] == [
        "Download the Model Card (Markdown)", "Download as Hugging Face README.md"]
    assert len(at.dataframe) == 1  # the results per slice
    assert "no `model-index` yet" in at.info[0].value


def test_answers_survive_leaving_and_returning(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    widget(at, "text_input", "model_card.details.licence").input("Apache-2.0").run()
    widget(at, "text_area", "model_card.caveats.caveats").input("Not tested on prepaid customers.").run()
    at.switch_page("pages/modeling.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert widget(at, "text_input", "model_card.details.licence").value == "Apache-2.0"
    assert widget(at, "text_area", "model_card.caveats.caveats").value == "Not tested on prepaid customers."
    assert answer(at, "model_card", "details", "licence") == "Apache-2.0"
    metadata = at.expander[0]
    assert "license: apache-2.0" in metadata.code[0].value


def test_a_licence_that_is_not_an_spdx_id_is_refused_and_kept_on_screen(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    widget(at, "text_input", "model_card.details.licence").input("Apache 2.0 or MIT").run()
    assert answer(at, "model_card", "details", "licence") == ""
    assert any("SPDX" in e.value for e in at.error)
    assert widget(at, "text_input", "model_card.details.licence").value == "Apache 2.0 or MIT"


def test_a_sample_shows_its_results_and_a_valid_hugging_face_card(at: AppTest) -> None:
    at.button(key="open-sample-recommendation").click().run()
    recs = load_sample("recommendation")
    at.switch_page(PAGE).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table.iloc[:, 1].tolist() == [r.metric for r in recs.model_card.quantitative.results]
    assert [float(v.replace(",", "")) for v in table["Value *"]] == [r.value for r in recs.model_card.quantitative.results]
    assert "parses back and is valid" in at.success[0].value and "5 results" in at.success[0].value
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert recs.modeling.offline_metrics[0].name in text and recs.monitoring.signals[0].name in text
    assert widget(at, "text_input", "model_card.details.model_id").value == "fernwood/also-bought-recs"
