"""The diagnosis exercise: the bundled loan data first asks the learner, then reveals and compares."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .test_diagnosis_page import figures, open_page, text_of


def start(at: AppTest) -> AppTest:
    open_page(at)
    return at.button(key="diagnosis-bundled").click().run()


def test_the_bundled_data_opens_the_exercise_and_hides_the_analysis(at: AppTest) -> None:
    start(at)
    assert not at.exception and not at.error
    page = text_of(at.markdown)
    assert "Exercise: diagnose ClearLend yourself first" in text_of(at.subheader)
    assert ":red-badge[found]" not in page and not at.table and not figures(at)  # no verdict, no chart
    assert not at.get("download_button")
    assert at.dataframe[0].value["Column"].tolist()[:2] == ["age_band",
                                                          "postcode_district"]
    assert at.multiselect(key="diagnosis-exercise-data_drift-subjects").options[0] == "age_band"


def test_the_answer_is_revealed_compared_and_kept_in_the_session_only(at: AppTest) -> None:
    start(at)
    at.checkbox(key="diagnosis-exercise-data_drift-named").check()
    at.multiselect(key="diagnosis-exercise-data_drift-subjects").select("declared_net_income").select("bureau_score")
    at.multiselect(key="diagnosis-exercise-data_drift-phases").select("monitoring")
    at.multiselect(key="diagnosis-exercise-concept_drift-phases").select("modeling").select("problem_framing")
    at.button(key="diagnosis-exercise-submit").click().run()
    assert not at.exception and not at.error
    assert "Your diagnosis against the analysis" in text_of(at.subheader)
    page = text_of(at.markdown)
    assert "**declared_net_income**: PSI 0.50 (major) in 2026-02" in page  # right, with its evidence
    assert "**bureau_score**: bureau_score did not drift: its largest PSI is 0.02" in page  # wrongly named
    assert "**age_band**: PSI 0.15" in page  # missed
    assert "**Problem Framing** (phase): The plan's Problem Framing answers hold no gap" in page
    assert "**Deployment** (phase): Launch criteria have no outcome guardrail" in page  # missed for concept drift
    assert "**Fairness violation** (the symptom): age_band: approval rate of '60+' 36%" in page  # missed
    assert "5 of 18 points right (28%)" in page and "11 missed, 2 wrongly named" in page
    # the analysis is revealed below the comparison
    assert "Data drift** :red-badge[found]" in page and at.table and figures(at)
    # the answer lives in the session, not in the project
    assert "diagnosis_exercise" in at.session_state
    assert "diagnosis_exercise" not in str(at.session_state["project"])

    at.button(key="diagnosis-exercise-again").click().run()
    assert "Exercise: diagnose ClearLend yourself first" in text_of(at.subheader)
    assert not at.multiselect(key="diagnosis-exercise-data_drift-subjects").value  # a fresh start


def test_skipping_shows_the_analysis_without_a_comparison(at: AppTest) -> None:
    start(at)
    at.button(key="diagnosis-exercise-skip").click().run()
    assert not at.exception
    assert "Your diagnosis against the analysis" not in text_of(at.subheader)
    assert "Concept drift** :red-badge[found]" in text_of(at.markdown)
