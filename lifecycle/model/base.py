"""Shared base classes for the project document."""

from __future__ import annotations

from datetime import date

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from .choices import DeliverableStatus, GateDecision
from .fields import EARLIEST_DATE, LATEST_DATE, answer, many, text


class Section(BaseModel):
    """A part of the project file. Unknown keys are refused so a typo is reported, not silently dropped.

    Numbers must be finite (NaN and infinity are not answers, and would reach exports such as the
    Hugging Face metadata), and dates must lie between ``EARLIEST_DATE`` and ``LATEST_DATE``: a plan
    dated near year 1 or 9999 is a typo, and date arithmetic in the charts and the map overflows there.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False,
                              allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _date_in_range(cls, value: Any) -> Any:
        if isinstance(value, date) and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise PydanticCustomError(
                "plan_date_range", "{value} is outside the dates a plan can hold ({earliest} to {latest})",
                {"value": value.isoformat(), "earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
            )
        return value


class Row(Section):
    """One row of a table answer (a metric, a data source, a feature, a signal)."""


class GateFinding(Row):
    """A check finding that was still there when a stage gate was signed off (its id: check and subject)."""

    check_id: str = text("Check", "Id of the check, e.g. 'MN-001'.", required=True)
    subject: str = text("Subject", "The feature, metric or source it was about; empty for the whole phase.")
    accepted: bool | None = answer("Accepted", "Whether the team had accepted it, with a reason, at sign-off.")


class StageGate(Section):
    """The critical decision that closes a phase and the state of the phase's deliverable.

    What the decision and deliverable *are* is declared per phase in ``lifecycle.phases``;
    this holds the team's answer.
    """

    decision: GateDecision | None = answer(
        "Gate decision", "The call the team makes at the end of this phase.", required=True
    )
    rationale: str = text("Why", "The evidence behind the decision, in a sentence or two.", required=True, long=True)
    decided_by: str = text("Decided by", "Who made or signed the decision.", required=True)
    decided_on: date | None = answer("Decided on", "Date of the decision.")
    deliverable_status: DeliverableStatus | None = answer(
        "Deliverable status", "Where this phase's deliverable stands.", required=True
    )
    deliverable_location: str = text("Where the deliverable lives", "A link or path to the document.")
    # Sign-off: written by the sign-off control (lifecycle.gates), not by the gate form.
    signed_off_by: str = text("Signed off by", "Who signed the gate off; refused while blocker findings are open.")
    signed_off_on: date | None = answer("Signed off on", "Date of the sign-off.")
    open_findings_at_sign_off: list[GateFinding] = many(
        "Findings at sign-off", "Findings of the phase still there when the gate was signed (check id and subject)."
    )
