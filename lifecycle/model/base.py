"""Shared base classes for the project document."""

from __future__ import annotations

import typing
import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from .choices import DeliverableStatus, GateDecision
from .fields import EARLIEST_DATE, LATEST_DATE, SHORT_TEXT_MAX, answer, many, text


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
        day = value.date() if isinstance(value, datetime) else value
        if isinstance(day, date) and not EARLIEST_DATE <= day <= LATEST_DATE:
            raise PydanticCustomError(
                "plan_date_range", "{value} is outside the dates a plan can hold ({earliest} to {latest})",
                {"value": value.isoformat(), "earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
            )
        return value


ROW_ID = "row_id"


def new_row_id() -> str:
    """A fresh id for a row created in the app: random, so rows added at once in two sessions never clash."""
    return uuid.uuid4().hex[:12]


class Row(Section):
    """One row of a table answer (a metric, a data source, a feature, a signal).

    ``row_id`` names the row for as long as it exists, whatever its position: edits and
    merges address a row by it, so a row added, removed or moved elsewhere never makes an
    edit land in the wrong row. Rows read without one (older files, hand-written files) are
    numbered r1, r2, … in file order, so the same file always gives the same ids.
    """

    row_id: str = Field(
        default_factory=new_row_id, min_length=1, max_length=40, description="Stable id of the row within its table."
    )


def _table_rows(annotation: Any) -> type[Row] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, Row):
            return item
    return None


def _sub_section(annotation: Any) -> type[Section] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, Section) else None


def number_rows(model: type[BaseModel], document: Any) -> Any:
    """``document`` (plain data of ``model``) with every table row lacking an id, or repeating one,
    numbered r1, r2, … in file order. Returns the input itself when nothing needed an id."""
    if not isinstance(document, dict):
        return document
    changed: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = document.get(name)
        if value is None:
            continue
        if _table_rows(info.annotation) is not None and isinstance(value, list):
            rows = _numbered(value)
            if rows is not value:
                changed[name] = rows
        elif (section := _sub_section(info.annotation)) is not None:
            inner = number_rows(section, value)
            if inner is not value:
                changed[name] = inner
    return {**document, **changed} if changed else document


def _numbered(rows: list[Any]) -> list[Any]:
    ids = [row.get(ROW_ID) if isinstance(row, dict) else None for row in rows]
    seen: set[str] = set()
    needs = []
    for position, row_id in enumerate(ids):
        if isinstance(row_id, str) and row_id and row_id not in seen:
            seen.add(row_id)
        elif isinstance(rows[position], dict):
            needs.append(position)
    if not needs:
        return rows
    result = list(rows)
    number = 0
    for position in needs:
        number += 1
        while f"r{number}" in seen:
            number += 1
        seen.add(f"r{number}")
        result[position] = {**rows[position], ROW_ID: f"r{number}"}
    return result


class GateFinding(Row):
    """A check finding that was still there when a stage gate was signed off (its id: check and subject)."""

    check_id: str = text("Check", "Id of the check, e.g. 'MN-001'.", required=True)
    subject: str = text("Subject", "The feature, metric or source it was about; empty for the whole phase.")
    accepted: bool | None = answer("Accepted", "Whether the team had accepted it, with a reason, at sign-off.")


class SignedVersion(Section):
    """The registered model version a gate was signed for: the one the plan described (its last MLflow import)
    at the moment of signing. A sign-off approves that version, not whichever version is imported later."""

    model: str = Field(default="", max_length=SHORT_TEXT_MAX, description="The registered model's name.")
    version: str = Field(default="", max_length=SHORT_TEXT_MAX, description="The model version, e.g. '3'.")
    run_id: str = Field(default="", max_length=SHORT_TEXT_MAX, description="The run that produced the version.")


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
    signed_for: SignedVersion | None = Field(
        default=None, title="Signed for model version",
        description="The MLflow model version the plan described when the gate was signed (format 4); empty when "
                    "the project was not linked and imported then, or the file is older.",
        # A record the sign-off control writes, not a question: the catalogue (lifecycle.questions) skips it.
        json_schema_extra={"recorded": True},
    )
