"""Reports of ``lifecycle check`` for the places teams already look: text, JSON, SARIF and JUnit.

``check_file`` reads, checks and indexes one project file; the builders turn checked files into
a report: ``text_report`` and ``json_report`` (the linter-style output), ``sarif_report``
(SARIF 2.1.0 with each finding at the line of its answer, for code scanning) and
``junit_report`` (one test case per check, for CI test reports). ``positions`` maps a
finding's field path to its line and column in the YAML or JSON text; ``packs`` and
``sarif_packs`` add the policy packs' rules, and the problems of a pack that cannot be read.
"""

from .applicability import Applicability, applicability
from .checked import CheckedFile, UnreadableFile, check_file
from .junit import junit_report
from .positions import Location, PositionIndex, Span, index_text, json_index, yaml_index
from .sarif import sarif_log, sarif_report
from .text import json_document, json_report, text_report

FORMATS = ("text", "json", "sarif", "junit")

__all__ = [
    "FORMATS", "Applicability", "CheckedFile", "Location", "PositionIndex", "Span", "UnreadableFile",
    "applicability", "check_file", "index_text", "json_document", "json_index", "json_report", "junit_report",
    "sarif_log", "sarif_report", "text_report", "yaml_index",
]
