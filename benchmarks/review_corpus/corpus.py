"""The review corpus as data: plans, their answer keys, and the variants built from them.

Each plan is a project file (``<name>.yaml``) written with every planted gap in its first
wording, next to an answer key (``<name>.key.yaml``). A gap in the key lists its wordings and
its fixed variants as edits: ``{field path: value}``. Variant k of a plan is the plan with every
gap in wording k; the fixed plan has every gap repaired. See ``README.md`` in this folder.
"""

from __future__ import annotations

import copy
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from lifecycle.model import Project

CORPUS_DIR = Path(__file__).resolve().parent
SPLITS = ("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8")
# Splits whose per-gap detail (false alarms, missed gaps) the check developer must not see: see holdout2/README.md,
# holdout6/README.md and holdout8/README.md.
# holdout/, holdout3/, holdout4/, holdout5/ and holdout7/ were sealed until their first measurement and have since been
# opened for issue #11.
SEALED_SPLITS = ("holdout2", "holdout6", "holdout8")
AS_IN_PLAN = "plan"  # a wording written as this string is the plan file's own text
FORMS = ("text", "structured", "cross")
SEVERITIES = ("blocker", "warning", "advice")

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_WHOLE_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*")

Edits = dict[str, Any]


class CorpusError(ValueError):
    """A plan or answer key that does not hold together (named by file and gap)."""


def parse_path(path: str) -> list[str | int]:
    """``data.features[3].owner`` -> ``['data', 'features', 3, 'owner']``; refuses anything else."""
    if not isinstance(path, str) or not _WHOLE_PATH.fullmatch(path):
        raise CorpusError(f"malformed field path {path!r}")
    return [name if name else int(index) for name, index in _TOKEN.findall(path)]


def within(inner: str, outer: str) -> bool:
    """Whether ``inner`` is ``outer`` or a field inside it (``data.features[2].owner`` within ``data.features[2]``)."""
    if not inner or not outer:
        return False
    return inner == outer or (inner.startswith(outer) and inner[len(outer)] in ".[")


def get_at(document: Any, path: str) -> Any:
    node = document
    for part in parse_path(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                raise CorpusError(f"{path}: no row {part}")
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                raise CorpusError(f"{path}: no field {part!r}")
            node = node[part]
    return node


def set_at(document: Any, path: str, value: Any) -> None:
    """Replace the value at ``path``; the parent must exist (rows are replaced, never added)."""
    *parents, last = parse_path(path)
    node = document
    for part in parents:
        node = node[part] if isinstance(part, int) else node.setdefault(part, {})
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise CorpusError(f"{path}: no row {last} to replace")
        node[last] = copy.deepcopy(value)
    else:
        if not isinstance(node, dict):
            raise CorpusError(f"{path}: parent is not a mapping")
        node[last] = copy.deepcopy(value)


@dataclass(frozen=True)
class Gap:
    id: str
    category: str
    form: str
    phase: str
    severity: str
    where: tuple[str, ...]
    why: str
    good_answer: str
    wordings: tuple[Edits | None, ...]  # None = as written in the plan
    fixed: tuple[Edits, ...]

    @property
    def edited_paths(self) -> tuple[str, ...]:
        paths: list[str] = []
        for edits in (*self.wordings, *self.fixed):
            for path in edits or {}:
                if path not in paths:
                    paths.append(path)
        return tuple(paths)


@dataclass
class Plan:
    name: str
    split: str
    domain: str
    path: Path
    document: dict[str, Any]
    gaps: list[Gap] = field(default_factory=list)

    @property
    def wording_count(self) -> int:
        return min(len(g.wordings) for g in self.gaps) if self.gaps else 0

    @property
    def fixed_count(self) -> int:
        return max(len(g.fixed) for g in self.gaps) if self.gaps else 0

    def variant(self, k: int) -> dict[str, Any]:
        """The plan with every gap in wording ``k`` (1-based); wording 1 is the plan file as written."""
        document = copy.deepcopy(self.document)
        for gap in self.gaps:
            edits = gap.wordings[k - 1]
            for path, value in (edits or {}).items():
                set_at(document, path, value)
        return document

    def fixed_plan(self, j: int = 1) -> dict[str, Any]:
        """The plan with every gap repaired; gap i uses its j-th fix, or its first when it has fewer."""
        document = copy.deepcopy(self.document)
        for gap in self.gaps:
            edits = gap.fixed[j - 1] if j <= len(gap.fixed) else gap.fixed[0]
            for path, value in edits.items():
                set_at(document, path, value)
        return document

    def variants(self) -> list[tuple[str, dict[str, Any]]]:
        """Every document the benchmark reviews: ('wording k', doc) for each k, then ('fixed j', doc)."""
        built = [(f"wording {k}", self.variant(k)) for k in range(1, self.wording_count + 1)]
        built += [(f"fixed {j}", self.fixed_plan(j)) for j in range(1, self.fixed_count + 1)]
        return built


def _edits(raw: Any, where: str) -> Edits | None:
    if raw == AS_IN_PLAN:
        return None
    if not isinstance(raw, dict) or not raw:
        raise CorpusError(f"{where}: expected a mapping of field path -> value, or {AS_IN_PLAN!r}")
    for path in raw:
        parse_path(path)
    return dict(raw)


def _gap(raw: dict[str, Any], source: str) -> Gap:
    gid = raw.get("id", "?")
    where = f"{source} gap {gid}"
    try:
        return Gap(
            id=str(raw["id"]),
            category=str(raw["category"]),
            form=str(raw["form"]),
            phase=str(raw["phase"]),
            severity=str(raw["severity"]),
            where=tuple(raw["where"]),
            why=str(raw["why"]).strip(),
            good_answer=str(raw["good_answer"]).strip(),
            wordings=tuple(_edits(w, f"{where} wording {i + 1}") for i, w in enumerate(raw["wordings"])),
            fixed=tuple(_edits(f, f"{where} fix {i + 1}") or {} for i, f in enumerate(raw["fixed"])),
        )
    except KeyError as exc:
        raise CorpusError(f"{where}: missing {exc.args[0]!r}") from None


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path.name}: invalid YAML ({exc})") from None


def load_plan(plan_path: Path, split: str) -> Plan:
    key_path = plan_path.with_name(plan_path.name.removesuffix(".yaml") + ".key.yaml")
    if not key_path.exists():
        raise CorpusError(f"{plan_path.name}: no answer key {key_path.name} next to it")
    key = _read_yaml(key_path)
    plan = Plan(
        name=plan_path.stem,
        split=split,
        domain=str(key.get("domain", "")),
        path=plan_path,
        document=_read_yaml(plan_path),
    )
    plan.gaps = [_gap(raw, key_path.name) for raw in key.get("gaps", [])]
    return plan


def plan_files(split: str, root: Path = CORPUS_DIR) -> list[Path]:
    return sorted(p for p in (root / split).glob("*.yaml") if not p.name.endswith(".key.yaml"))


def load_corpus(splits: tuple[str, ...] = SPLITS, root: Path = CORPUS_DIR) -> list[Plan]:
    return [load_plan(path, split) for split in splits for path in plan_files(split, root)]


def load_catalogue(root: Path = CORPUS_DIR) -> dict[str, dict[str, Any]]:
    raw = _read_yaml(root / "gap_catalogue.yaml")
    return {entry["id"]: entry for entry in raw["categories"]}


def load_check_map(root: Path = CORPUS_DIR) -> dict[str, tuple[str, ...]]:
    """category -> acceptable check ids, from the check developer's ``check_map.yaml`` (empty when absent)."""
    path = root / "check_map.yaml"
    if not path.exists():
        return {}
    raw = _read_yaml(path) or {}
    mapping = raw.get("categories", raw) if isinstance(raw, dict) else {}
    return {str(k): tuple(str(i) for i in (v or [])) for k, v in mapping.items()}


def model_path_problem(path: str) -> str | None:
    """Why ``path`` names no answer of the project model (None when it does): field names and row indexing."""

    def unwrap(annotation: Any) -> Any:
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            return args[0] if len(args) == 1 else annotation
        return annotation

    try:
        parts = parse_path(path)
    except CorpusError as exc:
        return str(exc)
    current: Any = Project
    for part in parts:
        if isinstance(part, int):
            if typing.get_origin(current) is not list:
                return f"{path}: [{part}] indexes something that is not a table"
            (current,) = typing.get_args(current)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return f"{path}: {part!r} is not a field there"
        current = unwrap(current.model_fields[part].annotation)
    return None
