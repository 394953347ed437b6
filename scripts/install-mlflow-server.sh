#!/usr/bin/env bash
# The MLflow tracking server that the tests start on loopback, in a virtualenv of its own
# (default .venv-mlflow): the full `mlflow` package pulls in its own pandas, scikit-learn,
# pyarrow and web stack, which must not mix with the app's pins. The app itself only needs
# the light client, mlflow-skinny (the `mlflow` extra). `[auth]` adds the basic-auth app the
# permission tests use. Repeated runs skip what is already there.
set -euo pipefail
venv="${1:-.venv-mlflow}"
if [ -f "$venv/.installed" ]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mlflow[auth]>=3.1,<4"
touch "$venv/.installed"
