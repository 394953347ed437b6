"""The project plan: activities on a timeline and the stage-gate milestones that close each phase.

What each gate's deliverable *is* comes from ``lifecycle.phases`` (by the milestone's
phase); this holds when it is due and who signs it off. Dependencies name other
activities, so the plan is checked as a whole: every end on or after its start, every
dependency an existing activity, no activity waiting on itself (directly or in a loop).
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .base import Row, Section
from .fields import Choice, answer, many, text

DEPENDENCY_SEPARATORS = re.compile(r"[,;\n]")


class PhaseKey(Choice):
    """The five lifecycle phases; values are the phase keys of ``lifecycle.phases``."""

    PROBLEM_FRAMING = "problem_framing", "Problem Framing"
    DATA = "data", "Data"
    MODELING = "modeling", "Modeling & Evaluation"
    DEPLOYMENT = "deployment", "Deployment"
    MONITORING = "monitoring", "Monitoring"


class Activity(Row):
    name: str = text("Activity", "A piece of work, named so other activities can depend on it.", required=True)
    phase: PhaseKey | None = answer("Phase", "The lifecycle phase it belongs to.", required=True)
    start: date | None = answer("Planned start", "First day of the work.", required=True)
    end: date | None = answer("Planned end", "Last day of the work; on or after the start.", required=True)
    owner: str = text("Owner", "Who is answerable for it.", required=True)
    depends_on: str = text(
        "Depends on", "Names of the activities that must finish first, separated by commas.",
    )

    @property
    def dependencies(self) -> list[str]:
        """The activity names in ``depends_on``, trimmed, in order, without blanks."""
        return [part.strip() for part in DEPENDENCY_SEPARATORS.split(self.depends_on) if part.strip()]

    @property
    def duration_days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


class GateMilestone(Row):
    phase: PhaseKey | None = answer("Gate", "The phase whose stage gate this is.", required=True)
    due: date | None = answer("Due", "When the gate decision is planned.", required=True)
    sign_off_owner: str = text("Signed off by", "Who signs the gate decision and its deliverable.", required=True)


def _row(index: int, activity: Activity) -> str:
    name = activity.name.strip()
    return f"activity {index + 1}" + (f" ({name!r})" if name else "")


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("timeline", message)  # type: ignore[arg-type]  # message is already plain text


class Timeline(Section):
    activities: list[Activity] = many(
        "Activities", "The work of each phase, with planned dates, an owner and what it waits for.", group="Plan",
    )
    gates: list[GateMilestone] = many(
        "Stage-gate milestones", "When each phase's gate decision is due and who signs it off.", group="Plan",
    )

    @model_validator(mode="after")
    def _check_plan(self) -> Timeline:
        problems: list[str] = []
        seen: dict[str, int] = {}
        for index, activity in enumerate(self.activities):
            if activity.start and activity.end and activity.end < activity.start:
                problems.append(
                    f"{_row(index, activity)}: planned end {activity.end.isoformat()} is before its planned start "
                    f"{activity.start.isoformat()}"
                )
            name = activity.name.strip()
            if DEPENDENCY_SEPARATORS.search(name):
                problems.append(
                    f"{_row(index, activity)}: a name cannot contain a comma or semicolon (they separate dependencies)"
                )
            key = name.casefold()
            if key and key in seen:
                problems.append(
                    f"{_row(index, activity)}: the name is already used by activity {seen[key] + 1}; "
                    "dependencies need unique names"
                )
            elif key:
                seen[key] = index
        for index, activity in enumerate(self.activities):
            for dependency in activity.dependencies:
                if dependency.casefold() == activity.name.strip().casefold():
                    problems.append(f"{_row(index, activity)}: it depends on itself")
                elif dependency.casefold() not in seen:
                    problems.append(f"{_row(index, activity)}: depends on {dependency!r}, which is not an activity")
        if not problems:
            cycle = self._cycle(seen)
            if cycle:
                problems.append("dependencies go round in a circle: " + " → ".join(cycle))
        if problems:
            raise _problem("; ".join(problems))
        return self

    def _cycle(self, index_of: dict[str, int]) -> list[str]:
        """Names along one dependency loop, or [] when the plan has none."""
        waits = {
            a.name.strip().casefold(): [d.casefold() for d in a.dependencies]
            for a in self.activities if a.name.strip()
        }
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        path: list[str] = []

        def visit(node: str) -> list[str]:
            state[node] = 1
            path.append(node)
            for nxt in waits.get(node, []):
                if state.get(nxt) == 1:
                    loop = path[path.index(nxt):] + [nxt]
                    return [self.activities[index_of[n]].name.strip() for n in loop]
                if state.get(nxt) is None:
                    found = visit(nxt)
                    if found:
                        return found
            path.pop()
            state[node] = 2
            return []

        for node in waits:
            if state.get(node) is None:
                found = visit(node)
                if found:
                    return found
        return []

    def activity(self, name: str) -> Activity | None:
        key = name.strip().casefold()
        return next((a for a in self.activities if a.name.strip().casefold() == key), None)

    def dated_activities(self) -> list[Activity]:
        """Activities with both dates, in plan order: the ones a chart can draw."""
        return [a for a in self.activities if a.start is not None and a.end is not None]
