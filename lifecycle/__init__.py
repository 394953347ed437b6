"""Lifecycle Workbook domain: the project model, questions, checks and exports.

Pure Python. Nothing in this package imports streamlit, so everything here is
usable from the CLI and testable without a browser.
"""
