# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint train evaluate-dev clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,dask,parquet]'
	touch $(STAMP)

## Extract the bundled sample filings (docs/samples) into out/samples.jsonl.
demo: $(STAMP)
	@mkdir -p out
	$(VENV)/bin/extractor extract docs/samples -o out/samples.jsonl
	@echo "Wrote out/samples.jsonl (one JSON record per filing)."

## Run the test suite.
test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check extractor training tests
	$(VENV)/bin/mypy extractor

## Rebuild every shipped model under models/.
train: $(STAMP)
	$(VENV)/bin/extractor train -o models

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache

## Extract the dev set and evaluate it against annotations/dev (report in out/report-dev).
evaluate-dev: $(STAMP)
	@mkdir -p out
	$(VENV)/bin/extractor extract ../shared/data/dev/docs -o out/dev.jsonl --no-resume
	$(VENV)/bin/extractor evaluate --gold annotations/dev --pred out/dev.jsonl --report out/report-dev \
		--people-gold ../shared/data/dev/gold/people.json
