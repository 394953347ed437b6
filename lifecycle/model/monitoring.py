"""Phase 5: how the team learns the model has gone wrong, and what it does then."""

from __future__ import annotations

from pydantic import Field

from .base import Row, Section, StageGate
from .choices import AlertAction, RetrainingTrigger, SignalKind
from .fields import answer, many, text


class MonitoringSignal(Row):
    name: str = text("Signal", "e.g. 'PSI of income'.", required=True)
    kind: SignalKind | None = answer("Kind", "", required=True)
    threshold: str = text("Threshold", "When it fires.", required=True)
    action: AlertAction | None = answer("Action", "What happens when it fires.", required=True)
    owner: str = text("Owner", "Who is alerted.", required=True)


class Monitoring(Section):
    signals: list[MonitoringSignal] = many(
        "Monitoring signals", "Each with a threshold, an action and an owner.", required=True, group="Signals",
    )
    alert_owner: str = text(
        "Alert owner", "The person or rota answerable for the model in production.", required=True, group="Signals",
    )
    manual_inspection: str = text(
        "Periodic manual inspection", "Who looks at live predictions and data, and how often (Rules of ML #10).",
        long=True, group="Signals",
    )
    staleness_impact: str = text(
        "Impact of a stale model", "How quality drops if the model is a day, a week, a quarter old (Rules of ML #8).",
        required=True, long=True, group="Retraining",
    )
    retraining_trigger: RetrainingTrigger | None = answer(
        "Retraining trigger", "What starts a new training run.", required=True, group="Retraining",
    )
    retraining_interval_days: float | None = answer(
        "Retraining interval (days)", "The retraining cadence as a number of days, e.g. 30 for monthly.",
        group="Retraining", ge=0, le=36_500,
    )
    retraining_cadence: str = text("Retraining cadence", "e.g. 'monthly', 'when 10k new labels arrive'.", group="Retraining")
    long_term_holdout: bool | None = answer(
        "Long-term holdout kept", "A slice of users kept on the old system to see long-term effects (Rules of ML #28).",
        group="Retraining",
    )
    objective_review: str = text(
        "Objective review", "How often the training objective is checked against product goals (Rules of ML #38).",
        long=True, group="Retraining",
    )
    feedback_collection: str = text(
        "Feedback from users", "How complaints and corrections reach the team.", long=True, group="Retraining",
    )
    gate: StageGate = Field(default_factory=StageGate)
