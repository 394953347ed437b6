"""Integrations with the systems a team already runs. Each one is an optional extra.

``mlflow``: link a project to an MLflow tracking server and registered model, import what the
registry knows, write the plan's documents and gate decisions back. Its client is imported
lazily, so the workbook runs without it.
"""
