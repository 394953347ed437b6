"""The format 2 answers (costs, release gate rows, periods, baseline, rollback, retraining interval) on the model card."""

from __future__ import annotations

from pathlib import Path

from lifecycle.handoff.model_card import build_model_card
from lifecycle.model import Project
from lifecycle.storage import load_project

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


def _items(project: Project) -> dict[str, str]:
    card = build_model_card(project)
    return {p.label: p.text or "; ".join(p.items) for section in card.sections for p in section.prefilled}


def test_structured_answers_are_quoted_where_they_belong() -> None:
    items = _items(load_project(PERFECT))
    assert items["A release must pass"] == "Precision at the routing threshold ≥ 0.92 (overall (last 8 weeks))"
    assert items["Decision costs and threshold"].startswith(
        "false positive 25, false negative 6 (minutes of agent time per ticket); A ticket in the wrong queue")
    assert items["Periods"] == ("trained on the last 24 months, tested on 56 days, after a gap of 10 days, labels "
                                "known after about 2 days, at worst 10 days")
    assert items["Baseline"] == "An existing rule or heuristic; Precision at the routing threshold 0.79"
    assert items["Rollback"] == "Move the registry alias back to the previous version, in about 5 minutes, rehearsed"
    assert items["Retraining"].endswith("every 30 days")


def test_an_empty_plan_leaves_them_empty() -> None:
    items = _items(Project())
    for label in ("A release must pass", "Decision costs and threshold", "Periods", "Baseline", "Rollback"):
        assert items[label] == ""
