"""The ML lifecycle canvas: a project's answers laid out on one page of blocks.

The blocks draw on two public canvases: the MLOps Stack Canvas (value proposition in
the middle, data and code management on one side, model management on the other,
cross-cutting metadata along the bottom) and the Machine Learning Canvas (predict on
the left, learn on the right, evaluate underneath). Block names and guiding questions
are this project's own wording.

Blocks are declared once, as data, in ``BLOCKS``: each names its place on a 5-column
grid and the project fields that feed it, by dotted question path
(``data.sources``, ``deployment.gate.decision``), so labels come from the question
catalogue. ``fill_canvas(project)`` gives every block's answers and the fed fields that
are still missing; the Canvas page and the PDF export both draw from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from .compliance.canvas import derived_lines
from .model import GateMilestone, Project, Row, Section, StageGate
from .phases import PHASES_BY_KEY
from .questions import Question, gate_questions, questions_of, summarise_row

GRID_COLUMNS = 5
MISSING = "missing"


@dataclass(frozen=True)
class CanvasBlock:
    id: str
    title: str
    question: str  # the guiding question printed under the title
    row: int  # 1-based grid position
    col: int
    # Dotted question paths, e.g. "problem_framing.users"; a table may name the columns its rows are
    # summarised by after a colon ("data.sources:name,owner"); without them every column is shown.
    fields: tuple[str, ...]
    row_span: int = 1
    col_span: int = 1

    @property
    def rows(self) -> range:
        return range(self.row, self.row + self.row_span)

    @property
    def cols(self) -> range:
        return range(self.col, self.col + self.col_span)

    @property
    def paths(self) -> tuple[str, ...]:
        """The fed fields' dotted paths, without column picks."""
        return tuple(split_field(spec)[0] for spec in self.fields)

    @property
    def sections(self) -> tuple[str, ...]:
        """The top-level parts of the project the block reads (phase keys, 'info', 'timeline'), in order."""
        seen: list[str] = []
        for path in self.paths:
            head = path.split(".", 1)[0]
            if head not in seen:
                seen.append(head)
        return tuple(seen)


BLOCKS: tuple[CanvasBlock, ...] = (
    # Top row, left (predict side): how a prediction becomes an action, and what is predicted.
    CanvasBlock(
        id="decisions",
        title="Decisions and their cost",
        question="How does a prediction turn into an action, and what does a wrong one cost?",
        row=1, col=1,
        fields=(
            "problem_framing.decision_supported",
            "problem_framing.cost_of_errors",
            "problem_framing.false_positive_cost",
            "problem_framing.false_negative_cost",
            "problem_framing.cost_unit",
            "problem_framing.threshold_rule",
            "problem_framing.heuristics:name,disposition",
        ),
    ),
    CanvasBlock(
        id="prediction_task",
        title="Prediction task",
        question="What exactly is predicted, for which entity, and what does the model learn from?",
        row=1, col=2,
        fields=(
            "problem_framing.ml_task",
            "problem_framing.prediction_target",
            "problem_framing.label_type",
            "problem_framing.label_definition",
            "problem_framing.label_delay_typical_days",
            "problem_framing.label_delay_worst_days",
            "problem_framing.positive_class_share_percent",
            "problem_framing.labels_from_heuristic",
            "problem_framing.training_objective",
        ),
    ),
    # Centre, two rows tall: why the project exists.
    CanvasBlock(
        id="value",
        title="Value and users",
        question="Whose problem is solved, why now, and which signed-off number says it worked?",
        row=1, col=3, row_span=2,
        fields=(
            "problem_framing.problem_statement",
            "problem_framing.users",
            "problem_framing.business_metrics:name,target,status",
            "problem_framing.non_ml_baseline",
            "problem_framing.baseline_kind",
            "problem_framing.baseline_metric",
            "problem_framing.baseline_value",
            "problem_framing.out_of_scope",
        ),
    ),
    # Top row, right (learn side): where data and labels come from.
    CanvasBlock(
        id="data_sources",
        title="Data sources and versioning",
        question="Which sources feed training and serving, who owns them, and can a model's data be recovered?",
        row=1, col=4,
        fields=(
            "data.sources:name,owner,refresh,contains_pii",
            "data.access_and_privacy",
            "data.versioning",
        ),
    ),
    CanvasBlock(
        id="labels",
        title="Labels and data collection",
        question="Where do outcomes come from, how many are there, and is what was served kept for training?",
        row=1, col=5,
        fields=(
            "data.label_source",
            "data.labelled_examples",
            "data.training_window_months",
            "data.time_ordered",
            "data.sampling",
            "data.serving_feature_logging",
        ),
    ),
    # Second row, left: serving and offline evaluation.
    CanvasBlock(
        id="serving",
        title="Serving predictions",
        question="When and where are predictions made, how fast, how many, and what if the model fails?",
        row=2, col=1,
        fields=(
            "deployment.serving_mode",
            "deployment.serving_environment",
            "deployment.latency_budget_ms",
            "deployment.decision_deadline_ms",
            "deployment.person_waiting",
            "deployment.expected_volume",
            "deployment.fallback",
            "deployment.consumers",
        ),
    ),
    CanvasBlock(
        id="offline_evaluation",
        title="Evaluation before launch",
        question="On which held-out data and metrics must the model beat the baseline, slice by slice?",
        row=2, col=2,
        fields=(
            "modeling.evaluation_split",
            "modeling.test_period_days",
            "modeling.split_gap_days",
            "modeling.offline_metrics",
            "modeling.selection_basis",
            "modeling.baseline_comparison",
            "modeling.slices",
            "modeling.bias_testing",
        ),
    ),
    # Second row, right: features and model building.
    CanvasBlock(
        id="features",
        title="Features and pipeline",
        question="Which inputs does the model see, are they known at prediction time, and computed the same way twice?",
        row=2, col=4,
        fields=(
            "data.features:name,available_at_prediction,value_fixed,source_records_outcomes,sensitivity",
            "data.joined_tables",
            "data.schema_validation",
            "deployment.shared_feature_code",
        ),
    ),
    CanvasBlock(
        id="model_building",
        title="Building and retraining models",
        question="Which model comes first, can it be rebuilt exactly, and what starts the next training run?",
        row=2, col=5,
        fields=(
            "modeling.model_family",
            "modeling.model_description",
            "modeling.reproducible_training",
            "monitoring.retraining_trigger",
            "monitoring.retraining_interval_days",
            "monitoring.retraining_cadence",
        ),
    ),
    # Third row: release on the left, life in production on the right.
    CanvasBlock(
        id="release",
        title="Release and rollback",
        question="What must a model pass before it ships, how does it reach users, and how is it taken back?",
        row=3, col=1, col_span=2,
        fields=(
            "deployment.quality_gate_checks",
            "deployment.quality_gate",
            "deployment.infra_tests",
            "deployment.rollout_strategy",
            "deployment.rollout_plan",
            "deployment.rollback_mechanism",
            "deployment.rollback_minutes",
            "deployment.rollback_rehearsed",
            "deployment.rollback_plan",
            "deployment.launch_criteria",
        ),
    ),
    CanvasBlock(
        id="monitoring",
        title="Monitoring and feedback",
        question="Which signals tell the team the model or the world has changed, and who acts on them?",
        row=3, col=3, col_span=3,
        fields=(
            "monitoring.signals:name,threshold,action,owner",
            "monitoring.alert_owner",
            "monitoring.staleness_impact",
            "monitoring.manual_inspection",
            "monitoring.feedback_collection",
        ),
    ),
    # Bottom band, cross-cutting: the decisions on record and the plan.
    CanvasBlock(
        id="governance",
        title="Stage gates and plan",
        question="Which gate decisions are on record, who signed them, and when are the next ones due?",
        row=4, col=1, col_span=5,
        fields=(
            "problem_framing.gate.decision",
            "data.gate.decision",
            "modeling.gate.decision",
            "deployment.gate.decision",
            "monitoring.gate.decision",
            "timeline.gates",
        ),
    ),
)

BLOCKS_BY_ID = {block.id: block for block in BLOCKS}


def split_field(spec: str) -> tuple[str, tuple[str, ...]]:
    """'data.sources:name,owner' -> ('data.sources', ('name', 'owner'))."""
    path, _, columns = spec.partition(":")
    return path, tuple(c.strip() for c in columns.split(",") if c.strip())


# --- field paths -> questions ------------------------------------------------------------------

@cache
def question_at(path: str) -> Question:
    """The catalogue question a dotted field path names (raises KeyError for an unknown path)."""
    parts = path.split(".")
    model: type[BaseModel] = Project
    for part in parts[:-1]:
        info = model.model_fields.get(part)
        annotation = info.annotation if info else None
        if not (isinstance(annotation, type) and issubclass(annotation, Section)):
            raise KeyError(f"{path}: {part!r} is not a section of {model.__name__}")
        model = annotation
    name = parts[-1]
    pool = gate_questions() if model is StageGate else questions_of(model)
    for question in pool:
        if question.name == name:
            return question
    raise KeyError(f"{path}: no question {name!r} in {model.__name__}")


def value_at(project: Project, path: str) -> Any:
    node: Any = project
    for part in path.split("."):
        node = getattr(node, part)
    return node


def label_for(path: str) -> str:
    """The label shown for a field; gate answers get their phase's title in front."""
    question = question_at(path)
    parts = path.split(".")
    if len(parts) == 3 and parts[1] == "gate" and parts[0] in PHASES_BY_KEY:
        return f"{PHASES_BY_KEY[parts[0]].title}: {question.label.lower()}"
    return question.label


# --- displaying answers ------------------------------------------------------------------------

def summarise_gate_milestone(row: Any) -> str:
    """A stage-gate milestone with its phase's deliverable."""
    phase = PHASES_BY_KEY.get(row.phase.value) if row.phase else None
    parts = [f"{phase.title} gate" if phase else "Gate"]
    if row.due:
        parts.append(f"due {row.due.isoformat()}")
    if row.sign_off_owner.strip():
        parts.append(f"signed off by {row.sign_off_owner.strip()}")
    text = ", ".join(parts)
    return text + (f": {phase.deliverable}" if phase else "")


def display_answer(question: Question, value: Any, columns: tuple[str, ...] = ()) -> list[str]:
    """An answer as lines of plain text: one line per table row (summarised by ``columns``, default all),
    one for anything else."""
    if question.kind == "table":
        if question.row_model is GateMilestone:
            return [summarise_gate_milestone(row) for row in value]
        picked = tuple(c for c in question.columns if c.name in columns) if columns else question.columns
        return [summarise_row(row, picked) for row in value]
    shown = question.display(value)
    return [shown] if shown.strip() else []


# --- the filled canvas -------------------------------------------------------------------------

@dataclass(frozen=True)
class CanvasAnswer:
    path: str
    label: str
    lines: tuple[str, ...]  # one line per table row; long text stays one (wrapped) line
    table: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class MissingField:
    path: str
    label: str
    required: bool  # needed at the phase's stage gate


@dataclass(frozen=True)
class FilledBlock:
    block: CanvasBlock
    answers: tuple[CanvasAnswer, ...]
    missing: tuple[MissingField, ...]

    @property
    def is_empty(self) -> bool:
        return not self.answers


@dataclass(frozen=True)
class FilledCanvas:
    project_name: str
    owner: str
    team: str
    blocks: tuple[FilledBlock, ...]

    def block(self, block_id: str) -> FilledBlock:
        return next(b for b in self.blocks if b.block.id == block_id)


def fill_block(project: Project, block: CanvasBlock) -> FilledBlock:
    answers: list[CanvasAnswer] = []
    missing: list[MissingField] = []
    for spec in block.fields:
        path, columns = split_field(spec)
        question = question_at(path)
        value = value_at(project, path)
        lines = _gate_lines(project, path) if path.endswith(GATE_DECISION) else (
            display_answer(question, value, columns) if _has_value(question, value) else []
        )
        if lines:
            answers.append(CanvasAnswer(path, label_for(path), tuple(lines), table=question.kind == "table"))
        elif not project.practice.active:  # in practice mode what is missing is for the learner to find
            missing.append(MissingField(path, label_for(path), question.required))
    answers += [CanvasAnswer(path, label, lines) for path, label, lines in derived_lines(project, block.id)]
    return FilledBlock(block, tuple(answers), tuple(missing))


GATE_DECISION = ".gate.decision"


def _gate_lines(project: Project, path: str) -> list[str]:
    """A gate decision with who made it, when, and where its deliverable stands."""
    gate = value_at(project, path.removesuffix(".decision"))
    if gate.decision is None:
        return []
    context = [part for part in (gate.decided_by.strip(), gate.decided_on.isoformat() if gate.decided_on else "") if part]
    decision = gate.decision.label.split(":", 1)[0]  # "Go: move to the next phase" -> "Go"
    line = decision + (f" ({', '.join(context)})" if context else "")
    if gate.deliverable_status is not None:
        line += f"; deliverable: {gate.deliverable_status.label.lower()}"
    return [line]


def _has_value(question: Question, value: Any) -> bool:
    if question.kind == "table":
        return bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def fill_canvas(project: Project) -> FilledCanvas:
    """Every block of the canvas with the project's answers and its missing fields."""
    return FilledCanvas(
        project_name=project.info.name.strip(),
        owner=project.info.owner.strip(),
        team=project.info.team.strip(),
        blocks=tuple(fill_block(project, block) for block in BLOCKS),
    )


def grid_rows() -> int:
    return max(block.row + block.row_span - 1 for block in BLOCKS)
