"""PDF exports: the one-page canvas and the full lifecycle map (fpdf2, vendored DejaVu fonts).

``canvas_pdf(project)`` and ``map_pdf(project)`` return PDF bytes; ``export_canvas`` and
``export_map`` also report how the text was fitted and how many characters no font could
draw (those are printed as □, never dropped). The same project always gives the same bytes.
"""

from .canvas_pdf import CanvasExport, canvas_pdf, export_canvas
from .fonts import REPLACEMENT, WorkbookPDF
from .map_pdf import MapExport, export_map, map_pdf
from .textfit import MARKER

__all__ = [
    "MARKER", "REPLACEMENT", "CanvasExport", "MapExport", "WorkbookPDF", "canvas_pdf", "export_canvas", "export_map",
    "map_pdf",
]
