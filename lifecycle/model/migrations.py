"""Upgrading project documents written in older versions of the file format.

Every way a project enters the workbook (a file, the store, a sample) goes through
``Project``'s validation, which calls ``migrate`` first, so an older file opens as the
current format and is saved in it from then on. Each step takes a plain document of
version N and returns one of version N+1; steps never drop an answer: what no longer
has a field of its own is carried into the nearest free-text answer, with a note.

Adding a format version: bump ``FORMAT_VERSION``, add a ``_vN_to_vN+1`` step to ``STEPS``,
and keep a file of the previous version under ``tests/fixtures/formats/`` so a test opens it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

FORMAT_VERSION = 4

Document = dict[str, Any]


class UnsupportedFormat(ValueError):
    """A document from a newer workbook, or with a version number that never existed."""


def _v1_to_v2(document: Document) -> Document:
    # Version 2 adds fields only (all optional), so a version 1 document is valid as it is.
    return document


def _v2_to_v3(document: Document) -> Document:
    # Version 3 adds ``practice`` (a learner's flags and scores), defaulted: a version 2 plan was never
    # opened for practice, so it opens with practice mode off and no flags.
    return document


def _v3_to_v4(document: Document) -> Document:
    # Version 4 adds ``signed_for`` to every stage gate: the MLflow model version a sign-off approved. A version 3
    # sign-off recorded none, and none is guessed now (the version imported today may not be the one signed), so
    # the gates open without it and the registry checks treat them as before (DE-101: the described version).
    return document


STEPS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(document: Any) -> Any:
    """``document`` upgraded to ``FORMAT_VERSION`` (a copy; the input is not changed).

    A document without a version is taken as version 1, the first format. Anything that
    is not a mapping is returned as it is, for validation to explain.
    """
    if not isinstance(document, dict):
        return document
    version = document.get("format_version", 1)
    if version == FORMAT_VERSION:
        return document
    if not isinstance(version, int) or isinstance(version, bool) or version < 1 or version > FORMAT_VERSION:
        raise UnsupportedFormat(
            f"format_version {version!r} is not one this workbook reads (1 to {FORMAT_VERSION}); "
            "a newer workbook may have written it"
        )
    upgraded = copy.deepcopy(document)
    while version < FORMAT_VERSION:
        upgraded = STEPS[version](upgraded)
        version += 1
        upgraded["format_version"] = version
    return upgraded
