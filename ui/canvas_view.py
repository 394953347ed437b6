"""The Canvas page: the project's answers on the blocks of ``lifecycle.canvas``, laid out like the printed
canvas, each block linking back to the page where its answers are edited; and the two PDF downloads."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable

import streamlit as st

from lifecycle.canvas import BLOCKS, CanvasBlock, FilledBlock, fill_canvas
from lifecycle.model import Project
from lifecycle.phases import PHASES_BY_KEY

from . import nav, router, state
from .errors import guarded_download
from .history_view import gates_changed_since_sign_off
from .text import plain

TIMELINE_PAGE = "pages/timeline.py"
HOME_PAGE = "pages/home.py"
SHOWN_CHARS = 240  # a canvas block shows the start of a long answer; the phase page and the map have all of it


def _page_for(section: str) -> tuple[str, str]:
    """The page where a part of the project is edited, and its name."""
    if section in PHASES_BY_KEY:
        phase = PHASES_BY_KEY[section]
        return f"pages/{section}.py", f"{phase.number}. {phase.title}"
    if section == "timeline":
        return TIMELINE_PAGE, "Plan"
    return HOME_PAGE, "Overview"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


def _render_block(filled: FilledBlock) -> None:
    block = filled.block
    with st.container(border=True, key=f"canvas-block-{block.id}"):
        st.markdown(f"**{block.title}**")
        st.caption(block.question)
        if filled.is_empty:
            st.markdown(":grey[:material/radio_button_unchecked: *Nothing answered yet.*]")
        for answer in filled.answers:
            if answer.table:
                rows = "\n".join(f"- :small[{plain(_shorten(line))}]" for line in answer.lines)
                st.markdown(f":small[**{plain(answer.label)}**]\n\n{rows}")
            else:
                st.markdown(f":small[**{plain(answer.label)}**  \n{plain(_shorten(answer.text))}]")
        if filled.missing:  # none in practice mode (lifecycle.canvas), on the page as in the PDF
            names = ", ".join(plain(m.label) + (" \\*" if m.required else "") for m in filled.missing)
            st.markdown(f":small[:red[**Missing:** {names}]]")
        for section in block.sections:
            page, name = _page_for(section)
            nav.go_link(page, name, icon=":material/edit:", help=f"Edit these answers on the {name} page",
                        key=f"canvas-edit:{block.id}:{section}")


def _render_region(blocks: list[CanvasBlock], filled: dict[str, FilledBlock]) -> None:
    """Lay blocks out like the grid: cut the region into bands of rows where no block crosses the cut,
    otherwise into strips of columns, and recurse (every canvas made of rectangles splits this way)."""
    if len(blocks) == 1:
        _render_block(filled[blocks[0].id])
        return
    top = min(b.row for b in blocks)
    bottom = max(b.row + b.row_span for b in blocks)
    row_cuts = [r for r in range(top + 1, bottom) if not any(b.row < r < b.row + b.row_span for b in blocks)]
    if row_cuts:
        edges = [top, *row_cuts, bottom]
        for start, end in zip(edges, edges[1:]):
            _render_region([b for b in blocks if start <= b.row < end], filled)
        return
    left = min(b.col for b in blocks)
    right = max(b.col + b.col_span for b in blocks)
    col_cuts = [c for c in range(left + 1, right) if not any(b.col < c < b.col + b.col_span for b in blocks)]
    if not col_cuts:  # not a guillotine layout: stack what is there rather than lose a block
        for block in sorted(blocks, key=lambda b: (b.row, b.col)):
            _render_block(filled[block.id])
        return
    edges = [left, *col_cuts, right]
    columns = st.columns([end - start for start, end in zip(edges, edges[1:])], gap="small")
    for column, start, end in zip(columns, edges, edges[1:]):
        with column:
            _render_region([b for b in blocks if start <= b.col < end], filled)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "project"


def _deferred(document: dict, build: Callable[[Project], bytes]) -> Callable[[], bytes]:
    """A PDF builder for the download button: run on click, from a snapshot of the project as shown."""
    snapshot = copy.deepcopy(document)

    def make() -> bytes:
        return build(Project.model_validate(snapshot))

    return make


def _render_downloads(project: Project) -> None:
    from lifecycle.export import canvas_pdf, map_pdf  # fpdf loads only when the page is shown

    name = _slug(project.info.name)
    left, right = st.columns(2)
    with left:
        st.download_button(
            "Canvas PDF (one A3 page)",
            data=guarded_download("the canvas PDF", _deferred(state.document(), canvas_pdf)),
            file_name=f"{name}-canvas.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/picture_as_pdf:", key="download-canvas-pdf", width="stretch",
        )
    with right:
        st.download_button(
            "Lifecycle map PDF (every answer)",
            data=guarded_download("the lifecycle map PDF", _deferred(state.document(), functools.partial(
                map_pdf, changed_since_sign_off=gates_changed_since_sign_off()))),
            file_name=f"{name}-lifecycle-map.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/menu_book:", key="download-map-pdf", width="stretch",
        )
    # The map itself leaves the findings out in practice mode (lifecycle.export.map_pdf); say so before the click.
    findings = ("no findings: they are hidden in practice mode" if project.practice.active else
                "the findings of the checks")
    st.caption(
        "Each PDF is made when you click (the button shows a spinner meanwhile). The canvas fits every block on "
        "one page and marks shortened answers “continued in the full map”; the map has every answer in full, the "
        f"plan with its stage gates, and {findings}."
    )


def render_canvas_page() -> None:
    router.require_router()
    st.title("ML lifecycle canvas")
    project = state.project()
    marks = ("In practice mode missing answers are not marked: finding them is part of the exercise."
             if project.practice.active else
             "Empty blocks and missing answers are marked; questions marked \\* are needed at a stage gate.")
    st.caption(
        "The whole plan on one page: each block gathers the answers of one concern, from the phase forms and "
        f"the plan. {marks} Block names and questions are this workbook's own, in the spirit of the MLOps Stack "
        "Canvas and the Machine Learning Canvas."
    )
    st.markdown(f"#### {plain(project.info.name or 'Untitled project')}")
    _render_downloads(project)
    canvas = fill_canvas(project)
    filled = {block.block.id: block for block in canvas.blocks}
    with st.container(key="canvas-grid"):  # ui/style.css lets the grid wrap into wider blocks on narrow screens
        _render_region(list(BLOCKS), filled)
