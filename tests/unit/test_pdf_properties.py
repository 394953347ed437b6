"""Property: any Unicode, of any allowed length, in any text answer never breaks the export, and the canvas
stays on one page with every block inside its box."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifecycle.export import export_canvas, export_map
from lifecycle.model import LONG_TEXT_MAX, SHORT_TEXT_MAX, Project
from lifecycle.phases import PHASES
from lifecycle.questions import questions_of
from lifecycle.samples import load_sample

from .test_pdf_support import fpdf_warnings, reader

# Every free-text answer of the project: (path, is long text).
TEXT_FIELDS = [(("info", q.name), q.kind == "long_text") for q in questions_of(type(Project().info))
               if q.kind in ("text", "long_text")]
TEXT_FIELDS += [((p.key, q.name), q.kind == "long_text") for p in PHASES for q in questions_of(p.section)
                if q.kind in ("text", "long_text")]
BASE = load_sample("loan")

# Any character but lone surrogates (which a YAML or JSON file cannot carry either).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))


@st.composite
def answer_texts(draw: st.DrawFn, long: bool) -> str:
    limit = LONG_TEXT_MAX if long else SHORT_TEXT_MAX
    piece = draw(st.text(ANY_CHAR, min_size=1, max_size=40))
    repeat = draw(st.sampled_from([1, 3, limit // max(len(piece), 1)]))
    return (piece * repeat)[:limit]


@st.composite
def projects(draw: st.DrawFn) -> Project:
    project = BASE.model_copy(deep=True)
    for index in draw(st.lists(st.sampled_from(range(len(TEXT_FIELDS))), min_size=1, max_size=4, unique=True)):
        (section, name), long = TEXT_FIELDS[index]
        setattr(getattr(project, section), name, draw(answer_texts(long)))
    return project


FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(projects())
def test_canvas_never_fails_and_stays_on_one_page(project: Project) -> None:
    export = export_canvas(project)
    assert export.pages == 1 and len(reader(export.data).pages) == 1
    for drawing in export.blocks.values():
        assert drawing.fit.height <= drawing.content.h + 1e-6


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_map_never_fails(project: Project) -> None:
    export = export_map(project)
    assert export.pages == len(reader(export.data).pages) >= 7


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(ANY_CHAR, min_size=1, max_size=60))
def test_no_character_is_ever_dropped_silently(caplog, text: str) -> None:  # type: ignore[no-untyped-def]
    project = BASE.model_copy(deep=True)
    project.info.name = text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        export_canvas(project)
    assert fpdf_warnings(caplog) == []
