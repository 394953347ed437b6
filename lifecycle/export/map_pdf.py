"""The full lifecycle map PDF: cover, canvas, plan with stage gates, every phase, and the findings.

Nothing is cut here: every answered question appears in full (tables as tables), so the
one-page canvas can point to it for whatever it had to shorten. In practice mode
(``project.practice.active``) the findings, the findings recorded at a sign-off and each
phase's "Not answered yet" list are left out and the map says so: a learner's printed map
must not give the exercise away, whoever builds it (the Canvas page, the command line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Sequence
from typing import Any

from ..canvas import fill_canvas
from ..collab.history import GateSinceSignOff
from ..compliance.pdf import draw_ai_act, tier_line
from ..handoff.pdf import draw_handoff
from ..model import Project, StageGate
from ..model.practice import HIDDEN_IN_PRACTICE
from ..model.timeline import Activity, Timeline
from ..phases import PHASES, PHASES_BY_KEY, Phase
from ..questions import Question, gate_questions, questions_of
from .canvas_pdf import CanvasExport, draw_canvas
from .fonts import FAMILY, WorkbookPDF
from .textfit import Measure, truncate_line, wrap

MARGIN = 18.0
INK = (33, 33, 33)
GREY = (105, 105, 105)
RULE = (200, 200, 200)
ACCENT = (41, 98, 163)
PHASE_COLOURS = {
    "problem_framing": (46, 125, 50),
    "data": (176, 110, 0),
    "modeling": (41, 98, 163),
    "deployment": (106, 61, 154),
    "monitoring": (173, 20, 87),
}
SEVERITY_COLOURS = {"blocker": (176, 32, 32), "warning": (176, 110, 0), "advice": (41, 98, 163)}
BODY = 9.5
SMALL = 8.0
CHAPTER_ROOM = 0.45  # share of a page a chapter needs left to start on it
MIN_TABLE_SIZE = 6.5  # pt: a table's text shrinks this far so that no heading word is broken
RECORD_COLUMNS = 6  # tables with more columns print as one block per row ("Column: value")
BODY_WORD_CAP = 28.0  # mm: a body word longer than this (an id, a URL) may be broken rather than widen a column


class MapPDF(WorkbookPDF):
    """A4 pages with a running footer; the canvas page (A3 landscape) carries its own."""

    def __init__(self, project_name: str) -> None:
        super().__init__(
            orientation="P", format="A4", styles=("", "B", "I"),
            title=f"ML lifecycle map: {project_name}", subject="ML lifecycle map",
        )
        self.footer_text = self.safe(project_name, "I")
        self.plain_page = False  # no footer on the canvas page
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.measure = Measure({style: self.unit_widths(style) for style in ("", "B", "I")})

    def footer(self) -> None:
        if self.plain_page or self.page == 1:
            return
        self.set_y(-12)
        self.set_font(FAMILY, "I", 7.5)
        self.set_text_color(*GREY)
        width = self.w - 2 * MARGIN
        self.cell(width * 0.8, 5, truncate_line(f"ML lifecycle map · {self.footer_text}", width * 0.8, "I", 7.5,
                                                self.measure))
        self.cell(width * 0.2, 5, f"{self.page_no()} / {{nb}}", align="R")

    # --- writing helpers ---------------------------------------------------------------------

    @property
    def text_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def style(self, emphasis: str = "", size: float = BODY, colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, emphasis, size)
        self.set_text_color(*colour)

    def para(self, text: str, emphasis: str = "", size: float = BODY, colour: tuple[int, int, int] = INK,
             after: float = 1.5, indent: float = 0.0) -> None:
        """A paragraph, wrapped here (``textfit.wrap``) and drawn line by line, breaking pages as it goes."""
        if not text.strip():
            return
        self.style(emphasis, size, colour)
        line_height = size * 0.45
        width = self.text_width - indent
        for paragraph_number, paragraph in enumerate(text.split("\n\n")):
            if paragraph_number:
                self.ln(line_height * 0.6)
            for line in wrap(self.safe(paragraph, emphasis), width, emphasis, size, self.measure):
                if self.get_y() + line_height > self.h - MARGIN:
                    self.add_page()
                    self.style(emphasis, size, colour)
                self.set_x(self.l_margin + indent)
                self.cell(width, line_height, line, new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def heading(self, text: str, size: float = 15, colour: tuple[int, int, int] = INK, before: float = 2.0) -> None:
        if self.get_y() > self.h - MARGIN - 30:
            self.add_page()
        self.ln(before)
        self.para(text, "B", size, colour, after=1.0)
        y = self.get_y()
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.ln(2.5)

    def subheading(self, text: str, colour: tuple[int, int, int] = INK) -> None:
        if self.get_y() > self.h - MARGIN - 32:  # keep a heading with what follows it
            self.add_page()
        self.ln(1.5)
        self.para(text, "B", 11, colour, after=1.2)

    def keep_room(self, height: float) -> None:
        if self.get_y() + height > self.h - MARGIN:
            self.add_page()

    def chapter(self) -> None:
        """Start a chapter (a phase, the Model Card…): on this page when at least CHAPTER_ROOM of it is left,
        else on a new one. Always starting on a new page left pages holding a line or two of the chapter
        before."""
        if self.get_y() <= self.t_margin + 1:
            return
        if self.h - MARGIN - self.get_y() < (self.h - 2 * MARGIN) * CHAPTER_ROOM:
            self.add_page()
        else:
            self.ln(8)


# --- answers ----------------------------------------------------------------------------------

def _answered(question: Question, value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def _column_widths(columns: tuple[Question, ...]) -> list[float]:
    weights = {"flag": 0.55, "date": 0.75, "integer": 0.6, "number": 0.6, "choice": 1.0}
    return [weights.get(c.kind, 1.4) for c in columns]


def _longest_word(pdf: MapPDF, text: str, emphasis: str, size: float) -> float:
    return max((pdf.measure.mm(word, emphasis, size) for word in pdf.safe(text, emphasis).split()), default=0.0)


def _fit_widths(pdf: MapPDF, headings: list[str], rows: list[list[str]], weights: list[float], size: float,
                pad: float) -> list[float] | None:
    """Column widths in mm, in proportion to ``weights`` but never narrower than a column's longest heading
    word (or its longest body word, up to BODY_WORD_CAP), so no heading is broken mid-word; None if the
    page is too narrow for that at ``size``."""
    total = pdf.text_width
    need = []
    for index, heading in enumerate(headings):
        body = max((_longest_word(pdf, row[index], "", size) for row in rows if index < len(row)), default=0.0)
        need.append(max(_longest_word(pdf, heading, "B", size), min(body, BODY_WORD_CAP)) + 2 * pad + 0.4)
    if sum(need) > total:
        return None
    fixed: dict[int, float] = {}
    while True:  # columns that would be too narrow get their minimum; the rest share what is left
        free = [i for i in range(len(weights)) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(weights[i] for i in free) or 1.0
        widths = {i: room * weights[i] / weight for i in free}
        narrow = [i for i in free if widths[i] < need[i]]
        if not narrow:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(weights))]
        for i in narrow:
            fixed[i] = need[i]


def _records(pdf: MapPDF, headings: list[str], rows: list[list[str]]) -> None:
    """A wide table as one block per row: the row's first cell as its title, then "column: value" lines."""
    for values in rows:
        title = values[0] if values and values[0].strip() else "(no name)"
        pairs = [[heading, value] for heading, value in zip(headings[1:], values[1:]) if value.strip()]
        # A record stays on one page when it is short enough (about one line per pair), so its title is
        # never separated from its last lines.
        rough = 5 + 4.2 * len(pairs)
        pdf.keep_room(rough if rough < (pdf.h - 2 * MARGIN) / 3 else 5 + 4.2 * 3)
        pdf.para(f"• {title}", "B", SMALL + 0.5, after=0.3)
        if pairs:
            _table(pdf, ["", ""], pairs, [1.1, 3.0], size=SMALL)
        pdf.ln(0.5)


def _table(pdf: MapPDF, headings: list[str], rows: list[list[str]], widths: list[float], size: float = SMALL) -> None:
    """A table with wrapped cells; rows move to the next page whole when they can, and the headings repeat."""
    if not rows:
        return
    if len(headings) > RECORD_COLUMNS:
        _records(pdf, headings, rows)
        return
    pad = 1.0
    show_headings = any(headings)
    col_w = None
    while col_w is None:
        col_w = _fit_widths(pdf, headings, rows, widths, size, pad)
        if col_w is None:
            if size - 0.5 < MIN_TABLE_SIZE:  # headings this long cannot be kept whole: print the rows as records
                _records(pdf, headings, rows)
                return
            size -= 0.5
    line_height = size * 0.45

    def cells(values: list[str], emphasis: str) -> list[list[str]]:
        return [wrap(pdf.safe(v, emphasis), w - 2 * pad, emphasis, size, pdf.measure) or [""]
                for v, w in zip(values, col_w)]

    def draw_row(wrapped: list[list[str]], emphasis: str, fill: bool, first: int, count: int) -> None:
        top = pdf.get_y()
        height = count * line_height + 2 * pad
        if fill:
            pdf.set_fill_color(238, 238, 238)
            pdf.rect(pdf.l_margin, top, pdf.text_width, height, style="F")
        pdf.style(emphasis, size)
        x = pdf.l_margin
        for lines, width in zip(wrapped, col_w):
            for number, text in enumerate(lines[first: first + count]):
                pdf.set_xy(x + pad, top + pad + number * line_height)
                pdf.cell(width - 2 * pad, line_height, text)
            x += width
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, top + height, pdf.l_margin + pdf.text_width, top + height)
        pdf.set_xy(pdf.l_margin, top + height)

    header = cells(headings, "B") if show_headings else []
    header_lines = max(len(c) for c in header) if header else 0
    header_h = header_lines * line_height + 2 * pad if header else 0.0
    bottom = pdf.h - MARGIN

    def new_page_header() -> None:
        if header:
            draw_row(header, "B", True, 0, header_lines)

    pdf.keep_room(header_h + line_height * 2 + 2 * pad)
    new_page_header()
    for values in rows:
        wrapped = cells(values, "")
        lines = max(len(c) for c in wrapped)
        needed = lines * line_height + 2 * pad
        if pdf.get_y() + needed > bottom and needed <= bottom - MARGIN - header_h:
            pdf.add_page()
            new_page_header()
        first = 0
        while first < lines:  # a row taller than a page is split across pages
            room = int((bottom - pdf.get_y() - 2 * pad) // line_height)
            if room < 1:
                pdf.add_page()
                new_page_header()
                continue
            count = min(room, lines - first)
            draw_row(wrapped, "", False, first, count)
            first += count
    pdf.ln(2.5)


def _answer(pdf: MapPDF, question: Question, value: Any, show_label: bool = True) -> None:
    pdf.keep_room(10)
    if show_label:
        pdf.para(question.label, "B", BODY, after=0.6)
    if question.kind == "table":
        columns = question.columns
        rows = [[c.display(getattr(row, c.name)) for c in columns] for row in value]
        _table(pdf, [c.label for c in columns], rows, _column_widths(columns))
    else:
        pdf.para(question.display(value), "", BODY, after=2.2)


def _section(pdf: MapPDF, model_questions: tuple[Question, ...], section: Any) -> list[Question]:
    """Every answered question under its group heading; returns the unanswered ones."""
    group = None
    missing: list[Question] = []
    for question in model_questions:
        value = getattr(section, question.name)
        if not _answered(question, value):
            missing.append(question)
            continue
        headed = bool(question.group) and question.group != group
        if headed:
            group = question.group
            pdf.subheading(group)
        _answer(pdf, question, value, show_label=not (headed and question.label == group))  # "Features" once
    return missing


FINDINGS_AT_SIGN_OFF = "open_findings_at_sign_off"  # the gate answer that lists the checks' findings


def _gate(pdf: MapPDF, phase: Phase, gate: StageGate, timeline: Timeline, changed: GateSinceSignOff | None,
          practising: bool = False) -> None:
    colour = PHASE_COLOURS[phase.key]
    pdf.subheading("Stage gate", colour)
    pdf.para(f"Critical decision: {phase.critical_decision}", "", BODY, after=0.8)
    pdf.para(f"Deliverable: {phase.deliverable}", "", BODY, after=1.5)
    planned = [g for g in timeline.gates if g.phase is not None and g.phase.value == phase.key]
    for milestone in planned:
        parts = [f"due {milestone.due.isoformat()}" if milestone.due else "no due date",
                 f"sign-off by {milestone.sign_off_owner}" if milestone.sign_off_owner.strip() else ""]
        pdf.para("Planned: " + ", ".join(p for p in parts if p), "I", SMALL, GREY, after=1.2)
    rows = [[q.label, q.display(getattr(gate, q.name))] for q in gate_questions()
            if _answered(q, getattr(gate, q.name)) and not (practising and q.name == FINDINGS_AT_SIGN_OFF)]
    if rows:
        _table(pdf, ["Gate answer", "Given"], rows, [1, 3], size=SMALL + 0.5)
    else:
        pdf.para("No gate answers yet.", "I", BODY, GREY)
    if changed is not None:
        _changed_since_sign_off(pdf, changed)


def _changed_since_sign_off(pdf: MapPDF, changed: GateSinceSignOff) -> None:
    # A reader of the printed map must not take a sign-off for approval of answers it never saw.
    count = len(changed.changes)
    pdf.para(f"Changed since sign-off: {changed.signed_by} signed this gate in version {changed.signed_in_version}; "
             f"{count} {'answer' if count == 1 else 'answers'} of this phase changed since.",
             "B", BODY, SEVERITY_COLOURS["warning"], after=1.0)
    rows = [[c.where, c.shown_before, c.shown_after] for c in changed.changes]
    _table(pdf, ["Answer", "At sign-off", "Now"], rows, [2, 2, 2], size=SMALL)


def _phase(pdf: MapPDF, project: Project, phase: Phase, changed: GateSinceSignOff | None) -> None:
    pdf.chapter()
    colour = PHASE_COLOURS[phase.key]
    pdf.heading(f"{phase.number}. {phase.title}", 17, colour, before=0)
    pdf.para(phase.purpose, "I", BODY, GREY, after=2)
    section = phase.answers(project)
    _gate(pdf, phase, section.gate, project.timeline, changed, practising=project.practice.active)
    missing = _section(pdf, questions_of(phase.section), section)
    # In practice mode the list goes, as the canvas's missing marks do: "(needed at the gate)" is a missing-answer
    # finding word for word, and an empty answer the tier makes necessary (bias testing) is a finding too.
    if missing and not project.practice.active:
        pdf.subheading("Not answered yet")
        pdf.para("; ".join(q.label + (" (needed at the gate)" if q.required else "") for q in missing),
                 "I", SMALL + 0.5, GREY)


# --- plan and timeline ------------------------------------------------------------------------

def _month_starts(first: date, last: date) -> list[date]:
    current = date(first.year, first.month, 1)
    result = []
    while current <= last:
        result.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return result


def _gantt(pdf: MapPDF, timeline: Timeline) -> None:
    activities = timeline.dated_activities()
    gates = [g for g in timeline.gates if g.due is not None and g.phase is not None]
    if not activities and not gates:
        pdf.para("No dated activities or gates yet: add them on the Plan page.", "I", BODY, GREY)
        return
    dates = [a.start for a in activities] + [a.end for a in activities] + [g.due for g in gates]
    first, last = min(dates), max(dates) + timedelta(days=1)
    span = max((last - first).days, 1)
    label_w = 58.0
    chart_x = pdf.l_margin + label_w
    chart_w = pdf.text_width - label_w
    row_h = 5.2

    def x_of(day: date) -> float:
        return chart_x + chart_w * (day - first).days / span

    months = _month_starts(first, last)
    month_w = chart_w * 30.4 / span
    step = max(1, -(-15 // max(int(month_w), 1)))  # label every n-th month so "Sep 2025" labels never touch
    label_format = "%b %Y"
    if step >= 12:  # a plan over years: ticks on Januaries, every n-th year, so lines and labels stay apart
        years = max(1, -(-10 // max(int(month_w * 12), 1)))
        months = [m for m in months if m.month == 1 and m.year % years == 0] or months[:1]
        step, label_format = 1, "%Y"
    else:
        months = months[::step]
        step = 1
    rows: list[tuple[str, Any]] = [("gates", gates)] if gates else []
    rows += [("activity", a) for a in activities]
    index = 0
    while index < len(rows):
        pdf.keep_room(row_h * 3 + 10)
        top = pdf.get_y()
        room = int((pdf.h - MARGIN - top - 8) // row_h)
        chunk = rows[index: index + max(1, room)]
        bottom = top + 7 + row_h * len(chunk)
        # month grid and labels
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.15)
        pdf.style("", 6.5, GREY)
        for number, month in enumerate(months):
            if month < first:
                month_x = chart_x
            else:
                month_x = x_of(month)
            pdf.line(month_x, top + 5, month_x, bottom)
            if month >= first and number % step == 0 and month_x < chart_x + chart_w - 13:
                pdf.set_xy(month_x + 0.5, top)
                pdf.cell(14, 4, month.strftime(label_format))
        y = top + 7
        for kind, item in chunk:
            if kind == "gates":
                pdf.style("B", 7.5)
                pdf.set_xy(pdf.l_margin, y)
                pdf.cell(label_w - 2, row_h, "Stage gates")
                for gate in item:
                    colour = PHASE_COLOURS.get(gate.phase.value, INK)
                    centre = x_of(gate.due)
                    pdf.set_fill_color(*colour)
                    pdf.set_draw_color(*colour)
                    half = 1.9
                    mid = y + row_h / 2
                    pdf.polygon([(centre, mid - half), (centre + half, mid), (centre, mid + half), (centre - half, mid)],
                                style="DF")
            else:
                activity: Activity = item
                colour = PHASE_COLOURS.get(activity.phase.value if activity.phase else "", GREY)
                pdf.style("", 7.5)
                pdf.set_xy(pdf.l_margin, y)
                label = truncate_line(pdf.safe(activity.name), label_w - 2, "", 7.5, pdf.measure)
                pdf.cell(label_w - 2, row_h, label)
                start = x_of(activity.start)
                end = x_of(activity.end + timedelta(days=1))
                pdf.set_fill_color(*colour)
                pdf.rect(start, y + 1.0, max(end - start, 0.8), row_h - 2.0, style="F")
            y += row_h
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.25)
        pdf.line(chart_x, bottom, chart_x + chart_w, bottom)
        pdf.set_y(bottom + 1.5)
        index += len(chunk)
    # legend
    pdf.style("", 7, GREY)
    x = pdf.l_margin
    y = pdf.get_y()
    for phase in PHASES:
        pdf.set_fill_color(*PHASE_COLOURS[phase.key])
        pdf.rect(x, y + 1.2, 3, 2.2, style="F")
        pdf.set_xy(x + 4, y)
        pdf.cell(30, 4.5, phase.title)
        x += 4 + pdf.measure.mm(phase.title, "", 7) + 6
    pdf.set_xy(x, y)
    pdf.cell(40, 4.5, "◆ stage gate due")
    pdf.ln(7)


# --- findings ---------------------------------------------------------------------------------

def _findings(pdf: MapPDF, project: Project, findings: list[Any] | None) -> None:
    if project.practice.active:  # the chapter stays, so its absence is not read as "no findings"
        pdf.chapter()
        pdf.heading("Findings", 17, ACCENT, before=0)
        pdf.para(HIDDEN_IN_PRACTICE, "I", BODY, GREY)
        return
    if findings is None:
        try:
            from ..checks import run_checks
        except ImportError:  # the checks engine is optional for the map
            return
        findings = run_checks(project)
    pdf.chapter()
    pdf.heading("Findings", 17, ACCENT, before=0)
    open_ = [f for f in findings if not f.accepted]
    accepted = [f for f in findings if f.accepted]
    tally = {level: sum(1 for f in open_ if str(f.severity) == level) for level in SEVERITY_COLOURS}
    pdf.para(
        f"{len(open_)} open findings ({tally['blocker']} blockers, {tally['warning']} warnings, {tally['advice']} advice) "
        f"and {len(accepted)} accepted, from the checks and any organisation policy packs.", "", BODY, after=2,
    )
    if not findings:
        pdf.para("No findings: the plan passes every check.", "I", BODY, GREY)
    for phase in PHASES:
        items = [f for f in findings if f.phase == phase.key]
        if not items:
            continue
        pdf.subheading(f"{phase.number}. {phase.title} ({len(items)})", PHASE_COLOURS[phase.key])
        for finding in items:
            severity = str(finding.severity)
            pdf.keep_room(16)
            state = f"{severity}, accepted" if finding.accepted else severity
            pdf.para(f"{finding.check_id} [{state}] {finding.title}", "B", BODY - 0.5,
                     SEVERITY_COLOURS.get(severity, INK) if not finding.accepted else GREY, after=0.5)
            references = finding.references() if hasattr(finding, "references") else ""
            if references:
                pdf.para(references, "I", SMALL, GREY, after=0.5, indent=3)
            pdf.para(finding.message, "", SMALL + 0.5, after=0.5, indent=3)
            if finding.accepted:
                pdf.para(f"Accepted: {finding.accepted_reason}", "I", SMALL + 0.5, after=2.2, indent=3)
            else:
                pdf.para(f"Fix: {finding.fix}", "", SMALL + 0.5, GREY, after=2.2, indent=3)


# --- the document -----------------------------------------------------------------------------

def _cover(pdf: MapPDF, project: Project) -> None:
    pdf.add_page()
    info = project.info
    pdf.ln(30)
    pdf.para("ML LIFECYCLE MAP", "B", 10, GREY, after=3)
    pdf.para(info.name or "Untitled project", "B", 26, INK, after=4)
    pdf.para(info.summary, "", 12, GREY, after=6)
    rows = [[label, value] for label, value in (("Owner", info.owner), ("Team", info.team),
                                                 ("Business unit", info.business_unit),
                                                 ("EU AI Act risk tier", tier_line(project))) if value.strip()]
    if rows:
        _table(pdf, ["", ""], rows, [1, 4], size=9)
    pdf.ln(4)
    pdf.para("Problem statement", "B", 12, ACCENT, after=1.5)
    statement = project.problem_framing.problem_statement
    pdf.para(statement if statement.strip() else "Not written yet.", "" if statement.strip() else "I", 10,
             INK if statement.strip() else GREY)
    pdf.ln(4)
    findings = ("the findings, hidden in practice mode" if project.practice.active else
                "the findings of the checks and of any organisation policy packs")
    pdf.para("Contents: the one-page canvas; the plan and stage gates; one section per phase with its critical "
             "decision, deliverable, gate answers and every answered question; the Model Card and the Data Sheet; "
             f"the EU AI Act risk tier and the Annex IV technical documentation; {findings}.",
             "I", SMALL + 0.5, GREY)


def _canvas_page(pdf: MapPDF, project: Project) -> None:
    pdf.plain_page = True
    pdf.set_auto_page_break(False)
    pdf.add_page(orientation="L", format="A3")
    draw_canvas(pdf, fill_canvas(project))
    pdf.set_auto_page_break(True, margin=MARGIN)


@dataclass
class MapExport:
    data: bytes
    pages: int
    replaced: int  # characters no font could draw, shown as □


def export_map(project: Project, findings: list[Any] | None = None,
               changed_since_sign_off: Sequence[GateSinceSignOff] = ()) -> MapExport:
    """The full lifecycle map; ``findings`` default to running the checks (skipped if they are unavailable);
    in practice mode they are left out whatever is passed.
    ``changed_since_sign_off``: signed gates whose answers changed since (from the project's history,
    ``lifecycle.collab.history``); each is marked at its gate with what changed."""
    pdf = MapPDF(project.info.name or "Untitled project")
    _cover(pdf, project)
    _canvas_page(pdf, project)
    pdf.plain_page = False
    pdf.add_page(orientation="P", format="A4")
    pdf.heading("How to read this map", 13, ACCENT, before=0)
    pdf.para("The canvas on the previous page sums the plan up on one page; answers it had to shorten are given in "
             "full in the phase sections that follow.", "", BODY)
    _plan_inline(pdf, project)
    changed = {gate.phase: gate for gate in changed_since_sign_off}
    for phase in PHASES:
        _phase(pdf, project, phase, changed.get(phase.key))
    draw_handoff(pdf, project, _table)  # the Model Card and the Data Sheet
    draw_ai_act(pdf, project, _table)  # the risk tier and Annex IV, point by point
    _findings(pdf, project, findings)
    data = pdf.output_bytes()
    return MapExport(data=data, pages=pdf.pages_count, replaced=pdf.replaced)


def _plan_inline(pdf: MapPDF, project: Project) -> None:
    """The plan, continuing the page after the canvas."""
    timeline = project.timeline
    pdf.heading("Plan and stage gates", 17, ACCENT)
    pdf.para("Planned activities by phase and each phase's stage gate (◆). Dependencies are listed in the "
             "activity table.", "I", SMALL + 0.5, GREY, after=2)
    _gantt(pdf, timeline)
    if timeline.activities:
        pdf.subheading("Activities")
        rows = [[a.name, a.phase.label if a.phase else "", a.start.isoformat() if a.start else "",
                 a.end.isoformat() if a.end else "", a.owner, ", ".join(a.dependencies)] for a in timeline.activities]
        _table(pdf, ["Activity", "Phase", "Start", "End", "Owner", "Depends on"], rows, [2.2, 1.3, 1.0, 1.0, 1.5, 2.0])
    if timeline.gates:
        pdf.subheading("Stage-gate milestones")
        rows = []
        for gate in timeline.gates:
            phase = PHASES_BY_KEY.get(gate.phase.value) if gate.phase else None
            decision = phase.answers(project).gate.decision if phase else None
            rows.append([phase.title if phase else "", gate.due.isoformat() if gate.due else "", gate.sign_off_owner,
                         phase.deliverable if phase else "", decision.label if decision else "not decided"])
        _table(pdf, ["Gate", "Due", "Signed off by", "Deliverable", "Decision"], rows, [1.3, 1.0, 1.6, 2.2, 1.4])


def map_pdf(project: Project, findings: list[Any] | None = None,
            changed_since_sign_off: Sequence[GateSinceSignOff] = ()) -> bytes:
    """The full lifecycle map as PDF bytes (the same project always gives the same bytes)."""
    return export_map(project, findings, changed_since_sign_off).data


__all__ = ["CanvasExport", "MapExport", "export_map", "map_pdf"]
