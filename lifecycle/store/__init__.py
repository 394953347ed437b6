"""Durable projects: a versioned document store on any SQLAlchemy database (SQLite by default)."""

from .store import (
    DEFAULT_URL,
    ProjectNotFound,
    ProjectStore,
    StoredProject,
    VersionConflict,
    VersionInfo,
    store_url_from_env,
)
from .summary import ProjectSummary, summarise

__all__ = [
    "DEFAULT_URL", "ProjectNotFound", "ProjectStore", "ProjectSummary", "StoredProject", "VersionConflict", "VersionInfo",
    "store_url_from_env", "summarise",
]
