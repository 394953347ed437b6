"""What the review cannot judge: prose answers a person has to read.

A required prose answer is listed for a human reviewer when no check reads it (a problem
statement is judged by people), or when checks read it but the text module recognised
nothing in it they can judge: no concept of the vocabulary, no number, no deferral. Such an
answer passes the checks only because they had nothing to say.

The readiness band also depends on it: a part of a gate's deliverable that rests only on
such prose (no structured answer beside it, e.g. a rollback plan with no rollback
mechanism) keeps its phase below "Ready" (``DELIVERABLE``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project
from ..phases import PHASES, PHASES_BY_KEY
from ..questions import questions_of
from ..text import recognises
from .registry import registered

# For each prose answer the checks read: the concepts that count as "something the review can judge" there.
READ_FOR: dict[str, tuple[str, ...]] = {
    "problem_framing.problem_statement": ("person", "consequential", "seasonal", "adversarial"),
    "problem_framing.users": ("person", "consequential", "performative"),
    "problem_framing.decision_supported": ("model_action", "performative", "person_waiting", "serving_online",
                                           "serving_batch", "selective_labels"),
    "problem_framing.cost_of_errors": ("fp_words", "fn_words"),
    "problem_framing.label_definition": ("label_timing", "universal_label", "censored_label", "heuristic_label",
                                         "rule_output", "label_clause", "sales_label", "selective_labels"),
    "problem_framing.non_ml_baseline": ("baseline_words", "baseline_guess"),
    "data.access_and_privacy": ("privacy_controls", "pii", "raw_personal_data"),
    "data.label_source": ("investigation_label", "selective_labels", "heuristic_label", "outcome_system",
                          "label_timing", "label_source_words"),
    "modeling.model_description": ("random_split", "random_selection", "temporal_split", "preprocess_all",
                                   "tuning_context", "feature_code_divergent", "test_tuning", "model_words"),
    "modeling.baseline_comparison": ("baseline_words", "external_figure", "same_data"),
    "deployment.end_to_end_path": ("serving_batch", "serving_online", "feature_code_divergent",
                                   "feature_code_shared", "person_waiting"),
    "deployment.fallback": ("fallback", "reactive_only"),
    "deployment.rollout_plan": ("all_at_once",),
    "deployment.rollback_plan": ("rollback", "rehearsal"),
    "monitoring.staleness_impact": ("unmeasured",),
}

# Parts of each phase's deliverable that are prose, with the structured answers that back them. The band cannot
# read "Ready" while one of them is unreviewed prose with none of its structured answers given.
DELIVERABLE: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "problem_framing": (
        ("problem_framing.cost_of_errors", ("false_positive_cost", "false_negative_cost")),
        ("problem_framing.label_definition", ("label_delay_typical_days", "label_delay_worst_days")),
        ("problem_framing.non_ml_baseline", ("baseline_kind", "baseline_value")),
    ),
    "data": (("data.access_and_privacy", ()), ("data.label_source", ())),
    "modeling": (
        ("modeling.model_description", ("model_family", "evaluation_split")),
        ("modeling.baseline_comparison", ()),
    ),
    "deployment": (
        ("deployment.end_to_end_path", ("serving_mode",)),
        ("deployment.fallback", ()),
        ("deployment.rollout_plan", ("rollout_strategy",)),
        ("deployment.rollback_plan", ("rollback_mechanism", "rollback_minutes")),
    ),
    "monitoring": (("monitoring.staleness_impact", ("retraining_interval_days",)),),
}


@dataclass(frozen=True)
class HumanReview:
    """A prose answer a person has to judge."""

    phase: str
    field: str  # dotted path, as on findings
    label: str  # the question
    reason: str
    blocks_ready: bool  # a part of the deliverable that rests only on this prose

    def to_dict(self) -> dict:
        return {"phase": self.phase, "field": self.field, "label": self.label, "reason": self.reason,
                "blocks_ready": self.blocks_ready}


def _read_paths() -> set[str]:
    return {path for entry in registered() for path in entry.reads}


def needs_human(project: Project) -> tuple[HumanReview, ...]:
    """The required prose answers of every phase that the review cannot judge, in phase and question order."""
    read = _read_paths()
    items: list[HumanReview] = []
    for phase in PHASES:
        section = phase.answers(project)
        backed = {path: tuple(getattr(section, name) for name in names) for path, names in DELIVERABLE[phase.key]}
        for question in questions_of(phase.section):
            if question.kind != "long_text" or not question.required:
                continue
            text = getattr(section, question.name)
            path = f"{phase.key}.{question.name}"
            if not text.strip():
                continue  # the gate check reports it
            if path not in read and path not in READ_FOR:
                items.append(HumanReview(phase.key, path, question.label,
                                         "No check judges this answer; a person should read it.", False))
                continue
            if recognises(text, READ_FOR.get(path, ())):
                continue
            structured = backed.get(path)
            rests_on_prose = structured is not None and not any(
                value not in (None, "", []) for value in structured)
            items.append(HumanReview(
                phase.key, path, question.label,
                "The review recognised nothing it can judge in this answer"
                + ("; it is the only answer on this part of the deliverable." if rests_on_prose else "."),
                rests_on_prose,
            ))
    return tuple(items)


def phase_title(key: str) -> str:
    return PHASES_BY_KEY[key].title
