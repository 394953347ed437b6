"""A learner's practice attempt on a scenario: the answers they flagged and the scores of their submissions.

It lives in the learner's own copy of the scenario (opening a scenario copies it into a new project), so
flags and scores never touch the shared file or another learner's project.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import Row, Section
from .fields import answer, text

# Practice tables are smaller than a plan's (200 rows): a scenario has about ten gaps, and every table at its
# limit must stay well inside what the bounded reader accepts (see tests/unit/test_reader.py).
MAX_FLAGS = 50
MAX_ATTEMPTS = 20

# Said wherever practice mode leaves the checks' results out (the map PDF, the History page, the portfolio…):
# finding the gaps is the learner's exercise, and a missing section must not read as "no findings".
HIDDEN_IN_PRACTICE = ("Findings and readiness are hidden in practice mode: finding the gaps is the exercise. "
                      "Submit your flags on the Practice page to see what you found and missed.")


class PracticeFlag(Row):
    """One answer or table row the learner thinks is wrong."""

    field: str = text("Answer", "Dotted path of the flagged answer or table, e.g. 'modeling.evaluation_split'.",
                      required=True)
    flagged_row: str = text("Row", "The row_id of the flagged table row; empty when the whole answer is flagged.")
    reason: str = text("Why it is wrong", "The learner's reason, in a sentence.", long=True)
    rule: int | None = answer("Rule of ML", "The rule it breaks (1 to 43), if the learner names one.", ge=1, le=43)


class PracticeAttempt(Row):
    """One submission: what the score was, so a retry keeps the history."""

    submitted_at: datetime | None = answer("Submitted at", "")
    found: int = Field(default=0, ge=0, description="Planted gaps the flags found.")
    missed: int = Field(default=0, ge=0, description="Planted gaps no flag found.")
    false_flags: int = Field(default=0, ge=0, description="Flags that point at no planted gap.")
    score: int = Field(default=0, ge=0, le=100, description="Score out of 100.")
    band: str = text("Band", "The score's band, e.g. 'Solid reviewer'.")
    found_gaps: list[str] = Field(default_factory=list, max_length=200, description="Ids of the gaps found.")


class DrillAnswer(Row):
    """The learner's answer to the interview drill for one phase, and how they marked it against the checklist."""

    phase: str = text("Phase", "Key of the phase, e.g. 'modeling'.", required=True)
    decision: str = text("The critical decision", "In the learner's words.", long=True)
    deliverable: str = text("The deliverable", "In the learner's words.", long=True)
    revealed: bool = Field(default=False, description="Whether the model answer has been shown.")
    ticked: list[int] = Field(default_factory=list, max_length=50,
                              description="Checklist items (by position) the learner says their answer named.")


class Practice(Section):
    """Practice mode: set when a scenario is opened as an exercise."""

    scenario: str = text("Scenario", "Key of the bundled scenario this project was opened from for practice.")
    active: bool = Field(default=False, description="Practice mode on: findings, readiness and counts are hidden.")
    flags: list[PracticeFlag] = Field(default_factory=list, max_length=MAX_FLAGS, title="Flags",
                                      description="Answers and rows the learner flagged as wrong.")
    attempts: list[PracticeAttempt] = Field(default_factory=list, max_length=MAX_ATTEMPTS, title="Attempts",
                                            description="Submissions, oldest first (the latest 20 are kept).")
    drill: list[DrillAnswer] = Field(default_factory=list, max_length=5, title="Interview drill",
                                     description="The learner's drill answers, one per phase.")
