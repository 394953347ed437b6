"""The ``lifecycle`` command line: ``schema``, ``check`` and ``export`` (one module per concern)."""

from .main import build_parser, main

__all__ = ["build_parser", "main"]
