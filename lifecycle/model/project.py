"""The project document: one file holds a whole lifecycle plan."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from .base import Section, number_rows
from .data import Data
from .datasheet import Datasheet
from .deployment import Deployment
from .base import Row
from .fields import answer, many, text
from .integrations import Integrations
from .maturity import Maturity
from .migrations import FORMAT_VERSION, migrate
from .model_card import ModelCard
from .modeling import Modeling
from .monitoring import Monitoring
from .practice import Practice
from .problem_framing import ProblemFraming
from .risk import AIAct
from .timeline import Timeline


class ProjectInfo(Section):
    name: str = text("Project name", "A short name the team uses.", required=True)
    summary: str = text("One-line summary", "What the model does, for whom.", long=True)
    owner: str = text("Project owner", "The accountable product or ML lead.", required=True)
    team: str = text("Team", "Who works on it.")
    business_unit: str = text("Business unit", "")


class AcceptedFinding(Row):
    """A check finding the team has accepted on purpose, with the reason on record."""

    check_id: str = text("Check", "Id of the check, e.g. 'MN-001'.", required=True)
    subject: str = text("Subject", "The feature, metric or source the finding is about; empty for the whole project.")
    reason: str = text("Reason", "Why the team accepts this risk.", required=True, long=True)
    accepted_by: str = text("Accepted by", "", required=True)
    accepted_on: date | None = answer("Accepted on", "")


class Project(Section):
    """A machine-learning project's lifecycle plan, phase by phase."""

    format_version: Literal[4] = Field(
        default=FORMAT_VERSION,
        description="Version of the Lifecycle Workbook file format; older files are upgraded when opened.",
    )
    info: ProjectInfo = Field(default_factory=ProjectInfo)
    problem_framing: ProblemFraming = Field(default_factory=ProblemFraming)
    data: Data = Field(default_factory=Data)
    modeling: Modeling = Field(default_factory=Modeling)
    deployment: Deployment = Field(default_factory=Deployment)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    timeline: Timeline = Field(default_factory=Timeline)
    datasheet: Datasheet = Field(default_factory=Datasheet)
    model_card: ModelCard = Field(default_factory=ModelCard)
    maturity: Maturity = Field(default_factory=Maturity)
    ai_act: AIAct = Field(default_factory=AIAct)  # EU AI Act risk screening and Annex IV documentation
    accepted_findings: list[AcceptedFinding] = many(
        "Accepted findings", "Check findings the team accepts, each with a written reason."
    )
    integrations: Integrations = Field(default_factory=Integrations)
    practice: Practice = Field(default_factory=Practice)  # a learner's flags and scores (format 3)

    @model_validator(mode="before")
    @classmethod
    def _upgrade_older_formats(cls, data: object) -> object:
        return number_rows(cls, migrate(data))
