"""EU AI Act checks in the registry: the gate templates' missing answers, and prohibited practices.

``GATE-<phase>-AIA`` reports, at each stage gate, what the project's screening adds there
(``gate_templates.yaml``) and is not answered yet: for a high-risk system one finding per
Annex IV point due at that gate, naming the answers still missing. Like the other
``GATE-`` checks these are missing answers, so they count toward completeness rather
than as anti-patterns. ``PF-901`` reports a use case the screening places under Article 5.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..checks.finding import Severity
from ..checks.registry import Hit, check
from ..model import Project
from ..phases import PHASES_BY_KEY
from .paths import is_answered, resolve, where
from .screening import SCREENING, Tier, screen
from .templates import TEMPLATE_TITLES, due_points, requirements

AI_ACT = "EU AI Act"
WHEN = "the EU AI Act screening finds a high-risk system, an Article 50 case or a claimed Article 6(3) exemption"


def _quoted(labels: list[str]) -> str:
    return _joined([f"'{label}'" for label in labels])


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def tier_gaps(project: Project, phase: str) -> Iterator[Hit]:
    """One hit per Annex IV point due at the gate with answers missing, then one per other missing answer."""
    screening = screen(project)
    title = PHASES_BY_KEY[phase].title
    due = due_points(screening, phase)
    for spec in due:
        missing = [resolve(path) for path in spec.answers if not is_answered(project, path)]
        if not missing:
            continue
        labels = [path.question.label for path in missing]
        places = list(dict.fromkeys(where(path) for path in missing))
        yield Hit(
            message=f"Annex IV {spec.id} ({spec.title}) is not documented yet: {_quoted(labels)} "
                    f"{'is' if len(labels) == 1 else 'are'} not answered. A high-risk system needs it at the "
                    f"{title} gate.",
            fix=f"Answer {_quoted(labels)} on {_joined(places)}. Annex IV {spec.id} asks for: {spec.summary}",
            field=missing[0].focus,
            subject=f"Annex IV {spec.id}",
        )
    in_points = {path for spec in due for path in spec.answers}
    for requirement in requirements(screening, phase):
        if requirement.field in in_points or is_answered(project, requirement.path):
            continue
        label = requirement.path.question.label
        yield Hit(
            message=f"'{label}' is not answered; {TEMPLATE_TITLES[requirement.template]} needs it at the {title} "
                    f"gate.",
            fix=f"Answer '{label}' on {where(requirement.path)}. {requirement.why}",
            field=requirement.path.focus,
            subject=requirement.field,
        )


@check("GATE-PF-AIA", "Problem Framing gate: EU AI Act answers missing", phase="problem_framing",
       severity=Severity.BLOCKER, refs=(AI_ACT,), when=WHEN)
def problem_framing_ai_act(project: Project) -> Iterator[Hit]:
    """What the EU AI Act screening adds to the Problem Framing gate and is not answered yet.

    A high-risk system states its intended purpose, provider and version (Annex IV 1(a)) and
    records whether it profiles people and whether an Article 6(3) condition is claimed; a
    claimed exemption needs its written assessment (Article 6(4)).
    """
    return tier_gaps(project, "problem_framing")


@check("GATE-DA-AIA", "Data gate: EU AI Act answers missing", phase="data", severity=Severity.BLOCKER,
       refs=(AI_ACT,), when=WHEN)
def data_ai_act(project: Project) -> Iterator[Hit]:
    """Annex IV points due at the Data gate that are not documented yet.

    A high-risk system documents its training data as a datasheet would (Annex IV 2(d)):
    provenance and scope, how the data was obtained and selected, labelling and cleaning.
    """
    return tier_gaps(project, "data")


@check("GATE-MO-AIA", "Modeling & Evaluation gate: EU AI Act answers missing", phase="modeling",
       severity=Severity.BLOCKER, refs=(AI_ACT,), when=WHEN)
def modeling_ai_act(project: Project) -> Iterator[Hit]:
    """Annex IV points due at the Modeling & Evaluation gate that are not documented yet.

    Development methods and third-party components, design specifications, architecture and
    compute, validation and testing including discriminatory impacts, and why the metrics fit
    (Annex IV 2(a), 2(b), 2(c), 2(g) and 4).
    """
    return tier_gaps(project, "modeling")


@check("GATE-DE-AIA", "Deployment gate: EU AI Act answers missing", phase="deployment", severity=Severity.BLOCKER,
       refs=(AI_ACT,), when=WHEN)
def deployment_ai_act(project: Project) -> Iterator[Hit]:
    """What must be documented before a high-risk system is placed on the market, or an Article 50 case goes live.

    The general description (Annex IV 1(b) to 1(h)), human oversight and cybersecurity (2(e),
    2(h)), functioning and control (3), risk management (5), standards (7) and the declaration of
    conformity (8); for an Article 50 case, how people are told they deal with AI.
    """
    return tier_gaps(project, "deployment")


@check("GATE-MN-AIA", "Monitoring gate: EU AI Act answers missing", phase="monitoring", severity=Severity.BLOCKER,
       refs=(AI_ACT,), when=WHEN)
def monitoring_ai_act(project: Project) -> Iterator[Hit]:
    """Annex IV points due at the Monitoring gate that are not documented yet.

    Pre-determined changes (2(f)), the record of changes over the lifecycle (6) and the
    post-market performance evaluation with its monitoring plan (9).
    """
    return tier_gaps(project, "monitoring")


@check("PF-901", "Use case is a prohibited practice under the EU AI Act", phase="problem_framing",
       severity=Severity.BLOCKER, refs=("EU AI Act Article 5",),
       when="the EU AI Act screening names an Article 5 practice")
def prohibited_practice(project: Project) -> Iterator[Hit]:
    """The risk screening says the system does something Article 5 prohibits.

    A prohibited practice cannot be made acceptable by documentation: the project stops at
    the Problem Framing gate, unless the screening was wrong or one of the Article's narrow
    exceptions applies and is confirmed in writing (then accept this finding with that record).
    """
    screening = screen(project)
    if screening.tier is not Tier.PROHIBITED:
        return
    for reason in screening.reasons:
        yield Hit(
            message=f"The risk screening places the use case under {reason.reference}: "
                    f"{reason.text.split(': ', 1)[-1]}. The EU AI Act prohibits it.",
            fix="Stop the project at the Problem Framing gate, or correct the screening if the system does not do "
                "this. If a narrow exception of Article 5 applies, have counsel confirm it in writing and accept "
                "this finding with that reference.",
            field=f"{SCREENING}.prohibited_practices",
            subject=reason.reference,
        )
