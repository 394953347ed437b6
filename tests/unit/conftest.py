"""Fixtures several unit-test modules share."""

from __future__ import annotations

import pytest

from lifecycle.diagnosis.analysis import Analysis, analyse
from lifecycle.diagnosis.bundled import load_bundled
from lifecycle.diagnosis.diagnose import Diagnosis, diagnose
from lifecycle.samples import load_sample


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    """The analysis of the loan scenario's bundled monitoring data (reference and six months)."""
    data = load_bundled()
    return analyse(data.reference, data.months)


@pytest.fixture(scope="module")
def loan(analysis: Analysis) -> Diagnosis:
    """That analysis traced to the loan scenario's plan."""
    return diagnose(analysis, load_sample("loan"))
