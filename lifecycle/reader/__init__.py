"""The one bounded reader for project files: bytes in, plain data out, or a located refusal.

Everything that reads a project file (the CLI, the browser upload, the project store)
goes through ``read_document``, which refuses by structure before any validation: size
(read with a byte limit, never trusting ``stat()``), text encoding, nesting depth, number
of values, items per list, keys per mapping, key length, integer size, non-finite
numbers, duplicate keys, control characters, YAML aliases and tags. The caller then
validates the plain data with the ``Project`` model (which also upgrades older formats).
"""

from .document import FileFormat, format_for, read_document
from .errors import NotReadError, ProjectFileError
from .limits import LIMITS, Limits, Wording
from .source import decode, read_bounded

__all__ = [
    "LIMITS", "FileFormat", "Limits", "NotReadError", "ProjectFileError", "Wording", "decode", "format_for",
    "read_bounded", "read_document",
]
