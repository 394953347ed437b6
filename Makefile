# The two commands a fresh machine needs: `make run` and `make test`.
# Each sets up what it uses; repeated runs skip what is already there.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test system bench schema clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/streamlit run app.py

system:
	bash scripts/install-system-deps.sh

test: $(STAMP) system
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks

schema: $(STAMP)
	$(VENV)/bin/lifecycle schema

clean:
	rm -rf $(VENV) .pytest_cache
