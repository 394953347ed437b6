"""The Diagnosis page: bundled data in one click, charts, the symptom → gap table, memo downloads, bad uploads."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle.diagnosis.bundled import bundled_paths

PAGE = "pages/diagnosis.py"


def open_page(at: AppTest) -> AppTest:
    return at.switch_page(PAGE).run()


def use_bundled(at: AppTest) -> AppTest:
    """The bundled loan data, past the exercise (tests/app/test_diagnosis_exercise.py covers it)."""
    open_page(at)
    at.button(key="diagnosis-bundled").click().run()
    return at.button(key="diagnosis-exercise-skip").click().run()


def text_of(elements) -> str:  # type: ignore[no-untyped-def]
    return " ".join(e.value for e in elements).replace("\\", "")


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_the_page_invites_data_before_anything_is_loaded(at: AppTest) -> None:
    open_page(at)
    assert not at.exception and not at.error
    assert "Load the bundled loan data" in text_of(at.info)
    assert not at.get("plotly_chart")


def test_bundled_data_shows_the_three_symptoms_and_a_quiet_control(at: AppTest) -> None:
    use_bundled(at)
    assert not at.exception and not at.error
    cards = text_of(at.markdown)
    for title in ("Data drift** :red-badge[found]", "Concept drift** :red-badge[found]",
                  "Fairness violation** :red-badge[found]"):
        assert title in cards
    assert "declared_net_income" in cards and "age_band" in cards
    assert "Control batch (drawn like the reference): no alarm. 0 of 11 inputs drifted" in text_of(at.success)


def test_every_chart_has_a_title_and_axis_titles(at: AppTest) -> None:
    use_bundled(at)
    found = figures(at)
    titles = [f["layout"]["title"]["text"] for f in found]
    assert any(t.startswith("Population stability index per input") for t in titles)
    assert any(t.startswith("Distribution of declared_net_income") for t in titles)
    assert "AUC per batch, where outcomes are known" in titles
    assert "Approval rate per group of age_band" in titles
    for figure in found:
        assert figure["layout"]["xaxis"]["title"]["text"] and figure["layout"]["yaxis"]["title"]["text"]
    psi = next(f for f in found if f["layout"]["title"]["text"].startswith("Population stability"))
    assert psi["data"][0]["x"][0] == "declared_net_income"
    assert {s["y0"] for s in psi["layout"]["shapes"]} == {0.1, 0.25}  # the threshold lines


def test_the_symptom_to_gap_table_and_the_memo_downloads(at: AppTest) -> None:
    use_bundled(at)
    table = at.table[0].value
    assert list(table.columns) == ["Symptom", "Phase", "Gap in the plan", "Rules of ML", "Checks"]
    gaps = " ".join(table["Gap in the plan"]).replace("\\", "")
    assert "No data-drift signal in Monitoring.signals" in gaps and "Modeling.bias_testing is empty" in gaps
    assert {"Monitoring", "Modeling & Evaluation", "Data"} <= {p.replace("\\", "") for p in table["Phase"]}
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download memo (Markdown)", "Download memo (PDF)"]


def test_reruns_reuse_the_analysis(at: AppTest) -> None:
    use_bundled(at)
    first = at.session_state["diagnosis_result"]
    at.selectbox(key="diagnosis-drift-batch").select("2025-09").run()
    assert not at.exception
    assert at.session_state["diagnosis_result"] is first  # not recomputed
    psi = next(f for f in figures(at) if f["layout"]["title"]["text"].startswith("Population stability"))
    assert psi["layout"]["title"]["text"].endswith("2025-09")
    at.button(key="diagnosis-bundled").click().run()
    assert at.session_state["diagnosis_result"] is first  # same data: kept


def test_symptoms_map_to_the_open_project_when_chosen(at: AppTest) -> None:
    use_bundled(at)
    at.radio(key="diagnosis-plan-bundled").set_value("open").run()
    assert not at.exception
    gaps = " ".join(at.table[0].value["Gap in the plan"]).replace("\\", "")
    assert "the plan lists no monitoring signals at all" in gaps  # the blank open project


BAD_UPLOADS = {
    "empty file": ("current.csv", b"", "current.csv: the file is empty"),
    "binary garbage": ("current.csv", bytes(range(256)) * 64, "current.csv: this is a binary file"),
    "header only": ("current.csv", b"age_band,score\n", "current.csv: the file has a header but no data rows"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=list(BAD_UPLOADS))
def test_a_bad_batch_upload_shows_an_error_naming_the_file(at: AppTest, case: str) -> None:
    name, content, expected = BAD_UPLOADS[case]
    open_page(at)
    at.file_uploader(key="diagnosis-reference").upload("reference.csv", bundled_paths()["reference"].read_bytes())
    at.file_uploader(key="diagnosis-batches").upload(name, content).run()
    assert not at.exception
    message = text_of(at.error)
    assert "Could not analyse the files" in message and expected in message
    assert not at.get("plotly_chart")


def test_a_batch_sharing_no_column_with_the_reference_is_explained(at: AppTest) -> None:
    open_page(at)
    at.file_uploader(key="diagnosis-reference").upload("reference.csv", bundled_paths()["reference"].read_bytes())
    at.file_uploader(key="diagnosis-batches").upload("other.csv", b"colour,size\nred,1\nblue,2\n").run()
    assert not at.exception
    assert "other.csv: has no input column in common with reference.csv" in text_of(at.error)


def test_uploaded_files_are_analysed(at: AppTest) -> None:
    open_page(at)
    paths = bundled_paths()
    at.file_uploader(key="diagnosis-reference").upload("reference.csv", paths["reference"].read_bytes())
    uploader = at.file_uploader(key="diagnosis-batches")
    uploader.upload("2026-02.csv", paths["2026-02"].read_bytes()).upload("2025-09.csv", paths["2025-09"].read_bytes())
    uploader.run()
    assert not at.exception and not at.error
    result = at.session_state["diagnosis_result"]
    assert result.analysis.batches == ["2025-09", "2026-02"]  # in file-name order
    assert "Data drift** :red-badge[found]" in text_of(at.markdown)


def test_the_bundled_data_stays_chosen_while_uploads_sit_in_the_widgets(at: AppTest) -> None:
    open_page(at)
    paths = bundled_paths()
    at.file_uploader(key="diagnosis-reference").upload("reference.csv", paths["reference"].read_bytes())
    at.file_uploader(key="diagnosis-batches").upload("2025-09.csv", paths["2025-09"].read_bytes()).run()
    assert at.session_state["diagnosis_result"].origin == "upload"
    at.button(key="diagnosis-bundled").click().run()
    assert at.session_state["diagnosis_result"].origin == "bundled"
    at.button(key="diagnosis-exercise-skip").click().run()
    at.selectbox(key="diagnosis-drift-batch").select("2025-10").run()  # any rerun
    assert not at.exception and at.session_state["diagnosis_result"].origin == "bundled"
