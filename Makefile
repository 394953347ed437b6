# The two commands a fresh machine needs: `make run` and `make test`.
# Each sets up what it uses; repeated runs skip what is already there.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Evidently is installed only for the drift benchmark, in a venv of its own: it needs pandas < 3.
EVIDENTLY := .venv-evidently
# The MLflow tracking server the tests start, in a venv of its own (the app needs only the mlflow-skinny client).
MLFLOW_SERVER := .venv-mlflow

.PHONY: run test system bench schema clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,mlflow]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/streamlit run app.py

system:
	bash scripts/install-system-deps.sh

test: $(STAMP) system $(MLFLOW_SERVER)/.installed
	$(PY) -m pytest

$(MLFLOW_SERVER)/.installed: scripts/install-mlflow-server.sh
	bash scripts/install-mlflow-server.sh $(MLFLOW_SERVER)

$(EVIDENTLY)/.installed:
	python3 -m venv $(EVIDENTLY)
	$(EVIDENTLY)/bin/python -m pip install --quiet "evidently>=0.7,<0.8" "pandas>=2.2,<3"
	touch $(EVIDENTLY)/.installed

bench: $(STAMP) $(EVIDENTLY)/.installed
	$(PY) -m benchmarks --drift-evidently-python $(EVIDENTLY)/bin/python

schema: $(STAMP)
	$(VENV)/bin/lifecycle schema

clean:
	rm -rf $(VENV) $(EVIDENTLY) $(MLFLOW_SERVER) .pytest_cache
