"""Practice mode in the app: the brief on opening, findings hidden, flags, submit and feedback, fix the plan."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lifecycle.practice import load_brief
from lifecycle.samples import SAMPLES_DIR, load_sample
from lifecycle.store import ProjectStore

from .conftest import APP, widget


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return " ".join(parts).replace("\\", "")


def _practise(at: AppTest, key: str = "loan") -> AppTest:
    at.button(key=f"practise-sample-{key}").click().run()
    assert not at.exception
    return at


def _flag(at: AppTest, phase: str, target: tuple[str, str], reason: str, rule: int = 0) -> AppTest:
    at.switch_page(f"pages/{phase}.py").run()
    next(s for s in at.selectbox if s.key and s.key.endswith(f":{phase}:target")).set_value(target)
    next(t for t in at.text_input if t.key and t.key.endswith(f":{phase}:reason")).input(reason)
    next(s for s in at.selectbox if s.key and s.key.endswith(f":{phase}:rule")).set_value(rule)
    at.button(key=f"flag:{phase}:add").click().run()
    assert not at.exception
    return at


def _row(key: str, table: str, name: str) -> str:
    section, column = table.split(".")
    return next(r.row_id for r in getattr(getattr(load_sample(key), section), column) if r.name == name)


def test_every_scenario_card_offers_practice_with_its_level_and_time(at: AppTest) -> None:
    for key in ("churn", "recommendation", "loan"):
        assert at.button(key=f"practise-sample-{key}").label == "Practise"
        brief = load_brief(key)
        assert f"about {brief.minutes} minutes" in _texts(at)


def test_opening_a_scenario_for_practice_shows_its_brief(at: AppTest) -> None:
    _practise(at, "churn")
    shown = _texts(at)
    brief = load_brief("churn")
    assert f"Your brief: {brief.title}" in shown
    assert brief.situation[:60] in shown and brief.task[:60] in shown
    assert all(item in shown for item in brief.hand_in)
    assert "Beginner · about 30 minutes" in shown


def test_practice_mode_hides_findings_counts_readiness_and_missing_marks(at: AppTest) -> None:
    _practise(at)
    sidebar = [b.label for b in at.sidebar.button]
    assert not any("blocking findings" in label for label in sidebar)
    assert "Practice mode · 0 flags" in sidebar
    assert not at.sidebar.get("progress")  # '19/20' would point at the one gate answer still missing
    at.switch_page("pages/monitoring.py").run()
    assert not any("findings" in e.label for e in at.expander)
    assert "MN-001" not in _texts(at) and "Sign off this gate" not in [b.label for b in at.button]
    at.switch_page("pages/checks.py").run()
    assert not at.metric and "Practice mode is on" in _texts(at)
    at.switch_page("pages/canvas.py").run()
    assert "Missing:" not in _texts(at)
    assert "In practice mode missing answers are not marked" in " ".join(c.value for c in at.caption)


def test_opening_without_practice_shows_the_checks_as_before(at: AppTest) -> None:
    at.button(key="open-sample-loan").click().run()
    assert any("blocking findings" in b.label for b in at.sidebar.button)
    assert at.sidebar.get("progress")
    at.switch_page("pages/checks.py").run()
    assert at.metric[0].label == "Readiness"


def test_a_flag_needs_a_reason_and_nothing_is_saved_without_one(at: AppTest) -> None:
    _practise(at)
    _flag(at, "modeling", ("modeling.evaluation_split", ""), "")
    assert "Say in a few words why it is wrong" in " ".join(e.value for e in at.error)
    assert at.session_state["project"]["practice"]["flags"] == []


def test_submitting_scores_the_flags_and_names_what_was_missed_and_why(at: AppTest, project_store) -> None:
    _practise(at)
    _flag(at, "modeling", ("modeling.evaluation_split", ""), "Random split on loans over time", 33)
    _flag(at, "data", ("data.features", _row("loan", "data.features", "applicant_age")), "Age is protected")
    _flag(at, "modeling", ("modeling.calibration_checked", ""), "Calibration looks doubtful")
    assert "Practice mode · 3 flags" in [b.label for b in at.sidebar.button]
    at.switch_page("pages/practice.py").run()
    shown = _texts(at)
    assert "The answer key stays hidden until your first submission" in shown
    assert "stale one-off extract" not in shown and "Why it matters" not in shown  # no spoiler before submitting
    at.button(key="practice:submit").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Score": "14/100", "Found": "2 of 11", "Missed": "9", "False flags": "1"}
    phases = at.dataframe[0].value.set_index("Phase")
    assert phases.loc["Modeling & Evaluation", "Found"] == 1 and phases.loc["Modeling & Evaluation", "False flags"] == 1
    assert phases.loc["Overall", "Planted gaps"] == 11
    shown = _texts(at)
    assert "A postcode proxy built from a stale one-off extract" in shown  # a missed gap, explained
    assert "no check catches this yet" in shown  # the checks' column, separate from the key
    assert "Calibration looks doubtful" in shown  # the false flag, shown back
    assert at.button(key="gap:LN01:goto:0").label == "Go to the answer"
    stored = ProjectStore(project_store).get(at.session_state["project_id"]).project
    assert [a.score for a in stored.practice.attempts] == [14] and len(stored.practice.flags) == 3


def test_retry_keeps_the_previous_scores(at: AppTest) -> None:
    _practise(at)
    _flag(at, "modeling", ("modeling.evaluation_split", ""), "Random split")
    at.switch_page("pages/practice.py").run()
    at.button(key="practice:submit").click().run()
    at.button(key="practice:retry").click().run()
    assert at.session_state["project"]["practice"]["flags"] == []
    shown = _texts(at) + " ".join(i.value for i in at.info)
    assert "submit them to see your feedback" in shown  # the key does not show what to flag on the retry
    assert "Why it matters" not in shown and not at.get("metric")
    _flag(at, "modeling", ("modeling.filter_holdout_percent", ""), "No hold-out for a filter")
    _flag(at, "modeling", ("modeling.bias_testing", ""), "No bias testing")
    at.switch_page("pages/practice.py").run()
    at.button(key="practice:submit").click().run()
    history = at.dataframe[1].value
    assert history["Attempt"].tolist() == [1, 2] and history["Found"].tolist() == [1, 2]


def test_fix_the_plan_turns_practice_off_and_opens_the_checks(at: AppTest) -> None:
    _practise(at)
    _flag(at, "modeling", ("modeling.evaluation_split", ""), "Random split")
    at.switch_page("pages/practice.py").run()
    at.button(key="practice:submit").click().run()
    at.button(key="practice:fix").click().run()
    assert not at.exception
    assert at.title[0].value == "Checks" and at.metric[0].label == "Readiness"
    assert any("blocking findings" in b.label for b in at.sidebar.button)


def test_a_learners_attempt_never_reaches_the_shared_scenario_or_another_learner(project_store) -> None:
    before = (SAMPLES_DIR / "loan.yaml").read_bytes()
    first = AppTest.from_file(APP, default_timeout=60)
    first.run()
    _practise(first)
    _flag(first, "modeling", ("modeling.evaluation_split", ""), "Random split")
    second = AppTest.from_file(APP, default_timeout=60)
    second.run()
    _practise(second)
    assert second.session_state["project"]["practice"]["flags"] == []
    assert (SAMPLES_DIR / "loan.yaml").read_bytes() == before
    assert first.session_state["project_id"] and second.session_state["project_id"] is None  # nothing of first's


def test_the_practice_page_without_a_scenario_offers_the_three_exercises(at: AppTest) -> None:
    at.switch_page("pages/practice.py").run()
    assert not at.exception
    assert [b.key for b in at.button if b.key and b.key.startswith("practice-page:open:")] == [
        "practice-page:open:churn", "practice-page:open:recommendation", "practice-page:open:loan"]
    at.button(key="practice-page:open:recommendation").click().run()
    brief = load_brief("recommendation")
    assert [e.label for e in at.expander if e.label.startswith("Your brief")] == [f"Your brief: {brief.title}"]
    assert brief.situation[:60] in _texts(at)


def test_the_portfolio_marks_practice_attempts_as_such(at: AppTest) -> None:
    widget(at, "text_input", "info.name").input("A real plan").run()  # stored at once, not a practice attempt
    _practise(at)
    _flag(at, "modeling", ("modeling.evaluation_split", ""), "Random split")
    at.switch_page("pages/practice.py").run()
    at.button(key="practice:submit").click().run()
    at.switch_page("pages/portfolio.py").run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Practice" in d.value.columns).set_index("Project")
    assert table.loc["A real plan", "Practice"] == ""
    assert table.loc[load_sample("loan").info.name, "Practice"] == "Practice: loan, best 9/100 in 1 attempt"


def test_the_interview_drill_reveals_a_model_answer_and_keeps_the_self_mark(at: AppTest, project_store) -> None:
    at.switch_page("pages/practice.py").run()
    assert at.button(key="drill:modeling:reveal").disabled  # write first, then look
    next(t for t in at.text_area if t.key.endswith(":modeling:decision")).input(
        "Does it beat the baseline on an out-of-time test set and on every slice?").run()
    at.button(key="drill:modeling:reveal").click().run()
    assert not at.exception
    assert "Model answer." in _texts(at)
    boxes = [c for c in at.checkbox if c.key.startswith("drill:") and ":modeling:tick" in c.key]
    assert len(boxes) == 6
    boxes[0].check().run()
    boxes = [c for c in at.checkbox if c.key.startswith("drill:") and ":modeling:tick" in c.key]
    boxes[2].check().run()
    assert "Your mark: 2 of 6, Revise this phase" in _texts(at)
    stored = ProjectStore(project_store).get(at.session_state["project_id"]).project
    answer = next(a for a in stored.practice.drill if a.phase == "modeling")
    assert answer.revealed and answer.ticked == [0, 2] and "out-of-time" in answer.decision


def test_an_uploaded_file_with_odd_practice_answers_opens_and_can_leave_practice_mode(at: AppTest) -> None:
    text = (b"info:\n  name: Odd\npractice:\n  scenario: nowhere\n  active: true\n  flags:\n"
            b"  - field: a]b[c\n    reason: '<b>bold</b>'\n  - field: modeling.gate.decision.deeper\n")
    at.file_uploader(key="project_upload").upload("odd.yaml", text).run()
    assert not at.exception and not at.error
    at.switch_page("pages/modeling.py").run()
    assert not at.exception and not any("findings" in e.label for e in at.expander)
    at.switch_page("pages/practice.py").run()
    assert not at.exception
    toggle = next(t for t in at.toggle if t.key.startswith("practice-toggle:"))
    toggle.set_value(False).run()
    assert any("blocking findings" in b.label for b in at.sidebar.button)
