"""The Model Card page: the remaining questions keep their answers across pages, a bad licence is
refused, the results table shows the sample's rows, and both downloads are offered."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample

from .conftest import answer, widget

PAGE = "pages/model_card.py"


def test_page_shows_fourteen_sections_and_two_downloads(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Model Card"
    assert [h.value.split(". ", 1)[1] for h in at.subheader] == [
        "Model details", "Intended use", "Factors", "Metrics", "Evaluation data", "Training data",
        "Quantitative analyses", "Ethical considerations", "Caveats and recommendations",
        "How to get started with the model", "Model examination", "Environmental impact", "Glossary",
        "Model card authors"]
    assert [d.proto.label for d in at.get("download_button")] == [
        "Download the Model Card (Markdown)", "Download as Hugging Face README.md"]
    assert len(at.dataframe) == 2  # the results per slice, the glossary
    assert "no `model-index` yet" in at.info[0].value
    assert any(i.value.startswith("Not recorded: no compute or emissions figures") for i in at.info)
    assert any("no Hub task yet: answer the ML task" in c.value for c in at.caption)


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


def test_the_hub_template_questions_are_asked_kept_and_shown_in_the_card(at: AppTest) -> None:
    at.switch_page("pages/problem_framing.py").run()
    widget(at, "selectbox", "problem_framing.ml_task").select("binary_classification").run()
    at.switch_page(PAGE).run()
    widget(at, "text_input", "model_card.details.library").input("scikit-learn").run()
    widget(at, "text_area", "model_card.get_started.usage").input("POST /score with the applicant's features").run()
    widget(at, "text_area", "model_card.examination.explainability").input("SHAP values per decision").run()
    widget(at, "number_input", "model_card.environment.carbon_emitted_kg").set_value(0.4).run()
    widget(at, "text_input", "model_card.authors.authors").input("Freya Lindholm").run()
    at.switch_page("pages/deployment.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert widget(at, "text_area", "model_card.get_started.usage").value == "POST /score with the applicant's features"
    assert widget(at, "number_input", "model_card.environment.carbon_emitted_kg").value == 0.4
    assert answer(at, "model_card", "authors", "authors") == "Freya Lindholm"
    assert answer(at, "model_card", "environment", "carbon_emitted_kg") == 0.4
    front_matter = at.expander[0].code[0].value
    assert "pipeline_tag: tabular-classification" in front_matter and "library_name: sklearn" in front_matter
    assert "emissions: 400.0" in front_matter
    assert not any(i.value.startswith("Not recorded") for i in at.info)  # a figure is given now
    assert any("listed under the task `tabular-classification`; library `sklearn`" in c.value for c in at.caption)
    readme = at.get("download_button")[1].proto
    assert readme.label == "Download as Hugging Face README.md"


def test_a_library_the_hub_does_not_list_is_named_but_not_invented(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    widget(at, "text_input", "model_card.details.library").input("LightGBM").run()
    assert "library_name" not in at.expander[0].code[0].value
    assert any("no `library_name`: the Hub has no library id for “LightGBM”" in c.value for c in at.caption)
    assert widget(at, "text_input", "model_card.details.library").value == "LightGBM"


def test_a_sample_prefills_how_to_get_started_from_its_serving_spec(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    loan = load_sample("loan")
    at.switch_page(PAGE).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "**Where it runs and in which format**" in text
    assert loan.deployment.serving_environment.split(";")[0] in text
    assert "Latency budget 300 ms" in text
    assert any("listed under the task `tabular-classification`" in c.value for c in at.caption)
