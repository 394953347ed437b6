"""The error every unreadable project file ends in."""

from __future__ import annotations


class ProjectFileError(ValueError):
    """A project file that cannot be opened, with one readable message per problem."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class NotReadError(ProjectFileError):
    """Refused by the reader itself (size, encoding, syntax, a structural limit), before the bytes became data.

    Kept apart from a file that was read but did not validate: only the latter has fields worth locating in
    its text, and indexing a refused file would redo, unbounded, the work the reader just refused."""


class Refused(Exception):
    """Raised inside the reader at the first thing a project file may not hold; ``message`` is located."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
