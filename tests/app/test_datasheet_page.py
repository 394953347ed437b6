"""The Data Sheet page: pre-filled parts shown read-only with links, the remaining questions as a form,
completeness per section, and a Markdown download."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.samples import load_sample

from .conftest import answer, page_links, widget

PAGE = "pages/datasheet.py"


def _text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def _progress(at: AppTest) -> list[str]:
    return [p.proto.text for p in at.main.get("progress")]


def test_page_shows_seven_sections_with_their_completeness_and_a_download(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Data Sheet"
    assert [h.value for h in at.subheader] == [
        "1. Motivation", "2. Composition", "3. Collection process", "4. Preprocessing, cleaning and labelling",
        "5. Uses", "6. Distribution", "7. Maintenance"]
    progress = _progress(at)
    assert progress[0] == "0 of 57 answers (0%)" and len(progress) == 8
    assert progress[1] == "1. Motivation: 0 of 5"
    (download,) = at.get("download_button")
    assert download.proto.label == "Download the Data Sheet (Markdown)"


def test_an_answer_survives_leaving_and_returning(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    widget(at, "text_input", "datasheet.motivation.funded_by").input("Retention budget — “FY26”").run()
    widget(at, "text_area", "datasheet.uses.not_for").input("Pricing decisions").run()
    at.switch_page("pages/data.py").run()
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert widget(at, "text_input", "datasheet.motivation.funded_by").value == "Retention budget — “FY26”"
    assert widget(at, "text_area", "datasheet.uses.not_for").value == "Pricing decisions"
    assert answer(at, "datasheet", "motivation", "funded_by") == "Retention budget — “FY26”"
    assert _progress(at)[0] == "2 of 57 answers (4%)"


def test_a_sample_fills_the_read_only_parts_and_links_to_their_phase(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    loan = load_sample("loan")
    at.switch_page(PAGE).run()
    assert not at.exception
    text = _text(at)
    for source in loan.data.sources:
        assert source.name in text
    assert "applicant_age: protected attribute" in text
    links = [label for label, _, _ in page_links(at, main_only=True)]
    assert "Edit in 2. Data" in links and "Edit in 1. Problem Framing" in links
    # the remaining questions show the sample's own answers
    assert widget(at, "text_input", "datasheet.motivation.name").value == loan.datasheet.motivation.name
    assert widget(at, "segmented_control", "datasheet.preprocessing.raw_data_kept").value == "Yes"


def test_a_missing_phase_answer_links_to_the_question_to_answer(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    links = [(page, query) for label, page, query in page_links(at, main_only=True) if label == "Answer it in 2. Data"]
    assert links and all(page == "data" for page, _ in links)
    assert "focus=data.labelled_examples" in [query for _, query in links]


def test_the_remaining_datasheet_questions_are_asked_and_kept(at: AppTest) -> None:
    at.switch_page(PAGE).run()
    answers = {
        "datasheet.uses.uses_repository": ("text_input", "Catalogue page 'churn snapshots'"),
        "datasheet.distribution.distribution_date": ("text_input", "Monthly from 2026-03"),
        "datasheet.distribution.identifier": ("text_input", "dwh.analytics.churn_v2"),
        "datasheet.distribution.third_party_restrictions": ("text_area", "Bureau data stays in the bank."),
        "datasheet.maintenance.contributions": ("text_area", "Pull requests to the data-prep repository."),
        "datasheet.maintenance.retention_limits": ("text_area", "Seven years, then deleted."),
        "datasheet.composition.external_resources": ("text_area", "Self-contained."),
    }
    for path, (kind, value) in answers.items():
        widget(at, kind, path).input(value).run()
    at.switch_page("pages/modeling.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    for path, (kind, value) in answers.items():
        assert widget(at, kind, path).value == value
        assert answer(at, *path.split(".")) == value
    assert _progress(at)[0] == "7 of 57 answers (12%)"
    assert "6. Distribution: 3 of 8" in _progress(at)
