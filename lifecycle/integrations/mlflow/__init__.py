"""The MLflow integration: a project linked to a tracking server and a registered model.

- ``names``: the metric naming convention (metric, slice, confidence bounds) and matching plan
  targets to logged metrics.
- ``targets``: reading a threshold written as text ("at least 0.78") and comparing measured
  values with the plan's targets.
- ``checks``: registry-aware checks (registered in ``lifecycle.checks``), pure functions of the
  snapshot saved with the project.
- ``client``: the MLflow client, imported lazily, with a fast timeout and errors a user can read.
- ``importer`` / ``writeback``: reading the registry into a snapshot; writing documents and sign-offs back.
- ``portfolio``: which version holds which alias, and registered models that no plan links.

Nothing here is imported by this package's ``__init__``: ``lifecycle.checks`` imports
``checks`` while it is itself being imported, and the client pulls in MLflow.
"""
