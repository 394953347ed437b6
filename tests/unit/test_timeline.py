"""The plan model: activities and stage-gate milestones, their checks, the samples' plans, and the Gantt chart."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from lifecycle.charts.plan import GATES_ROW, timeline_figure
from lifecycle.model import Activity, GateMilestone, PhaseKey, Project, Timeline
from lifecycle.phases import PHASES
from lifecycle.questions import questions_of
from lifecycle.samples import load_sample
from lifecycle.storage import ProjectFileError, dump_project, parse_project

KEYS = ("churn", "recommendation", "loan")


def activity(name: str, start: str | None = "2025-01-01", end: str | None = "2025-01-31", depends_on: str = "",
             phase: str = "data") -> dict:
    return {"name": name, "phase": phase, "start": start, "end": end, "owner": "Ana", "depends_on": depends_on}


def plan(*rows: dict) -> Timeline:
    return Timeline.model_validate({"activities": list(rows)})


def test_phase_choice_values_are_the_phase_keys_with_their_titles() -> None:
    assert [c.value for c in PhaseKey] == [p.key for p in PHASES]
    assert [c.label for c in PhaseKey] == [p.title for p in PHASES]


def test_labels_and_kinds_come_from_the_field_builders() -> None:
    columns = {q.name: q for q in questions_of(Activity)}
    assert columns["start"].label == "Planned start" and columns["start"].kind == "date"
    assert columns["end"].label == "Planned end" and columns["end"].kind == "date"
    assert columns["phase"].kind == "choice" and columns["depends_on"].kind == "text"
    gates = {q.name: q for q in questions_of(GateMilestone)}
    assert gates["due"].kind == "date" and gates["sign_off_owner"].label == "Signed off by"
    tables = {q.name: q.kind for q in questions_of(Timeline)}
    assert tables == {"activities": "table", "gates": "table"}


def test_project_has_an_empty_plan_by_default_and_keeps_it_through_a_save() -> None:
    project = Project()
    assert project.timeline.activities == [] and project.timeline.gates == []
    loan = load_sample("loan")
    assert parse_project(dump_project(loan).encode(), "x.yaml").timeline == loan.timeline
    assert "timeline" in json.dumps(Project.model_json_schema())


def test_a_sound_plan_is_accepted_and_dependencies_are_split_on_commas_and_semicolons() -> None:
    timeline = plan(activity("Extract"), activity("Clean"), activity("Model", depends_on=" Extract ; clean,  "))
    assert timeline.activities[2].dependencies == ["Extract", "clean"]
    assert timeline.activity("model") is timeline.activities[2]
    assert timeline.activities[0].duration_days == 31


def test_an_end_before_the_start_is_refused_naming_the_row() -> None:
    with pytest.raises(ValidationError) as caught:
        plan(activity("Extract"), activity("Train", start="2025-03-10", end="2025-03-01"))
    message = str(caught.value)
    assert "activity 2 ('Train')" in message
    assert "planned end 2025-03-01 is before its planned start 2025-03-10" in message


def test_a_one_day_activity_is_fine() -> None:
    assert plan(activity("Review", start="2025-03-10", end="2025-03-10")).activities[0].duration_days == 1


def test_a_dependency_on_a_missing_activity_is_refused_naming_the_row_and_the_name() -> None:
    with pytest.raises(ValidationError, match=r"activity 1 \('Train'\): depends on 'Extrct', which is not an activity"):
        plan(activity("Train", depends_on="Extrct"))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([activity("A", depends_on="A")], "activity 1 ('A'): it depends on itself"),
        ([activity("A"), activity("a")], "activity 2 ('a'): the name is already used by activity 1"),
        ([activity("A, B")], "activity 1 ('A, B'): a name cannot contain a comma"),
        ([activity("A", depends_on="B"), activity("B", depends_on="C"), activity("C", depends_on="A")],
         "dependencies go round in a circle: A → B → C → A"),
    ],
    ids=["self", "duplicate", "comma", "cycle"],
)
def test_plans_that_cannot_be_scheduled_are_refused(rows: list[dict], expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(*rows)
    assert expected in str(caught.value)


def test_braces_in_a_name_do_not_break_the_message() -> None:
    with pytest.raises(ValidationError, match=r"\{x\}"):
        plan(activity("{x}", start="2025-02-01", end="2025-01-01"))


def test_a_bad_plan_in_a_file_is_reported_with_its_place() -> None:
    text = "timeline:\n  activities:\n    - {name: A, start: 2025-02-01, end: 2025-01-01}\n"
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text.encode(), "plan.yaml")
    assert caught.value.problems == [
        "timeline: activity 1 ('A'): planned end 2025-01-01 is before its planned start 2025-02-01"
    ]


@pytest.mark.parametrize("key", KEYS)
def test_every_sample_has_a_realistic_plan(key: str) -> None:
    timeline = load_sample(key).timeline
    assert len(timeline.activities) >= 8
    assert {a.phase.value for a in timeline.activities} == {p.key for p in PHASES}
    assert [g.phase.value for g in timeline.gates] == [p.key for p in PHASES]
    for item in timeline.activities:
        assert item.owner.strip() and item.start and item.end
        for name in item.dependencies:  # nothing starts before what it waits for has ended
            assert item.start > timeline.activity(name).end, (item.name, name)
    assert sum(1 for a in timeline.activities if a.dependencies) >= len(timeline.activities) - 1
    dues = [g.due for g in timeline.gates]
    assert dues == sorted(dues)


def test_sample_gates_match_the_gate_decisions_on_record() -> None:
    loan = load_sample("loan")
    for milestone, phase in zip(loan.timeline.gates, PHASES):
        assert milestone.due == phase.answers(loan).gate.decided_on


def test_gantt_has_a_bar_per_activity_gates_as_diamonds_and_an_arrow_per_dependency() -> None:
    timeline = load_sample("loan").timeline
    figure = timeline_figure(timeline)
    bars = [t for t in figure.data if t.type == "bar"]
    assert sum(len(t.y) for t in bars) == len(timeline.activities)
    assert {t.name for t in bars} == {p.title for p in PHASES}
    (gates,) = [t for t in figure.data if t.type == "scatter"]
    assert gates.marker.symbol == "diamond" and list(gates.y) == [GATES_ROW] * len(timeline.gates)
    assert len(figure.layout.annotations) == sum(len(a.dependencies) for a in timeline.activities)
    assert figure.layout.xaxis.title.text == "Date" and figure.layout.yaxis.title.text == "Activity"
    first = timeline.activities[0]
    bar = next(t for t in bars if first.name in t.y)
    index = list(bar.y).index(first.name)
    assert bar.base[index] == first.start.isoformat()
    assert bar.x[index] == ((first.end - first.start).days + 1) * 86_400_000


def test_gantt_of_an_empty_or_undated_plan_draws_nothing_but_does_not_fail() -> None:
    assert timeline_figure(Timeline()).data == ()
    undated = plan(activity("A", start=None, end=None))
    assert timeline_figure(undated).data == ()
    assert undated.dated_activities() == []


def test_gate_milestones_accept_a_date() -> None:
    gate = GateMilestone(phase=PhaseKey.DATA, due=date(2025, 3, 1), sign_off_owner="DPO")
    assert gate.phase.label == "Data"
