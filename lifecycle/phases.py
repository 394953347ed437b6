"""The five lifecycle phases, declared once: order, titles, critical decision, deliverable."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Data, Deployment, Modeling, Monitoring, ProblemFraming, Project, Section


@dataclass(frozen=True)
class Phase:
    key: str  # attribute of Project holding this phase's answers
    number: int
    title: str
    purpose: str
    critical_decision: str
    deliverable: str
    section: type[Section]

    def answers(self, project: Project) -> Section:
        return getattr(project, self.key)


PHASES: tuple[Phase, ...] = (
    Phase(
        key="problem_framing",
        number=1,
        title="Problem Framing",
        purpose="Agree what problem is worth solving, for whom, and how success will be measured before any data work.",
        critical_decision="Is this a problem ML should solve now, with a metric the business has signed off?",
        deliverable="Problem statement with a signed-off business metric",
        section=ProblemFraming,
    ),
    Phase(
        key="data",
        number=2,
        title="Data",
        purpose="Find out whether the data to learn from exists, who owns it, and whether it can be used safely.",
        critical_decision="Is there enough lawful, representative, labelled data to proceed, or must more be collected?",
        deliverable="Data acquisition plan",
        section=Data,
    ),
    Phase(
        key="modeling",
        number=3,
        title="Modeling & Evaluation",
        purpose="Build the simplest model that beats the baseline and prove it on data it has never seen.",
        critical_decision="Does the model beat the baseline on the agreed metrics and on every important slice?",
        deliverable="Evaluation report approving the model for production",
        section=Modeling,
    ),
    Phase(
        key="deployment",
        number=4,
        title="Deployment",
        purpose="Put the model in front of users safely: a serving spec, a quality gate, a gradual rollout and a way back.",
        critical_decision="Is the release safe to start, with a canary and a rollback that has been tried?",
        deliverable="Model serving spec with canary and rollback plan",
        section=Deployment,
    ),
    Phase(
        key="monitoring",
        number=5,
        title="Monitoring",
        purpose="Notice when the world or the model changes, and know who acts and how.",
        critical_decision="Will the team learn of drift, decay or harm before users do, and is someone on the hook?",
        deliverable="Monitoring plan with drift triggers",
        section=Monitoring,
    ),
)

PHASES_BY_KEY = {phase.key: phase for phase in PHASES}
