"""The project document as pydantic models: the single source of truth for every view."""

from .base import ROW_ID, Row, Section, StageGate, new_row_id, number_rows
from .choices import *  # noqa: F403  (the closed answers are part of the model's public vocabulary)
from .data import Data, DataSource, Feature
from .datasheet import Datasheet
from .deployment import Deployment, LaunchCriterion, QualityGateCheck
from .fields import LONG_TEXT_MAX, SHORT_TEXT_MAX, TABLE_ROWS_MAX, Choice
from .maturity import Agreement, Maturity
from .model_card import ModelCard, SliceResult
from .modeling import EvaluationMetric, Modeling, UndesirableBehaviour
from .monitoring import Monitoring, MonitoringSignal
from .practice import DrillAnswer, Practice, PracticeAttempt, PracticeFlag
from .problem_framing import BusinessMetric, Heuristic, ProblemFraming
from .risk import (
    AIAct, AnnexIIIUse, ExemptionCondition, ProhibitedPractice, RiskScreening, TechnicalDocumentation, TransparencyCase,
)
from .project import FORMAT_VERSION, AcceptedFinding, Project, ProjectInfo
from .timeline import Activity, GateMilestone, PhaseKey, Timeline
