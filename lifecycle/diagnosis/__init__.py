"""Diagnosing a model in production from its monitoring data (pure Python: pandas, NumPy, SciPy).

- ``data``: reading CSVs; ``DataError`` for unusable files, ``DataWarning`` for column problems
- ``drift``: PSI and KS / chi-square per input column, share of drifted columns
- ``performance``: AUC, precision, recall per batch where outcomes are known
- ``concept``: concept drift (performance decay, feature–outcome relation per bin)
- ``fairness``: selection rate, TPR, FPR per group; parity, disparate impact, equal opportunity
- ``analysis``: all of it for a reference and a series of batches, summed up as symptoms
- ``diagnose``: symptoms → gaps in the lifecycle plan, checks, Rules of ML, remediation plan
- ``figures``: the headline figures, computed and worded once for the page, the memo and its PDF
- ``costs``: what wrong decisions cost at the plan's prices; ``executive``: the memo's opening for an executive
- ``memo`` / ``memo_pdf`` (blocks in ``memo_blocks``): the stakeholder memo as Markdown and PDF; ``charts``: plotly
- ``exercise``: the diagnosis exercise (expected answer from the analysis, scoring of the learner's answer)
- ``generate`` / ``bundled``: the loan scenario's monitoring data in ``sample_projects/loan_monitoring/``

Submodules that need plotly, fpdf2 or the project model are imported on their own, so the
analysis itself only needs pandas, NumPy and SciPy.
"""

from .analysis import Analysis, Symptom, analyse
from .data import Batch, DataError, DataWarning, Roles, read_csv

__all__ = ["Analysis", "Batch", "DataError", "DataWarning", "Roles", "Symptom", "analyse", "read_csv"]
