"""`lifecycle schema` prints the JSON Schema of the project file."""

from __future__ import annotations

import json
import subprocess
import sys

from lifecycle.cli import main


def test_schema_describes_the_format_with_question_labels(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Lifecycle Workbook project file"
    assert set(schema["properties"]) >= {"info", "problem_framing", "data", "modeling", "deployment", "monitoring"}
    data = schema["$defs"]["Data"]
    assert data["additionalProperties"] is False
    assert data["properties"]["labelled_examples"]["title"] == "Labelled examples"
    assert "data_drift" in schema["$defs"]["SignalKind"]["enum"]


def test_schema_runs_as_a_module() -> None:
    result = subprocess.run([sys.executable, "-m", "lifecycle", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(result.stdout)
    assert schema["properties"]["format_version"]["const"] == 4
    # Format 4: a gate's sign-off records the MLflow model version it approved.
    assert "signed_for" in schema["$defs"]["StageGate"]["properties"]
    assert set(schema["$defs"]["SignedVersion"]["properties"]) == {"model", "version", "run_id"}
