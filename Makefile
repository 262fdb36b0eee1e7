# One task runner for people and CI. `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench eval fmt clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

## The main job: review the demo archive in the terminal. Findings (exit 1) are the point of the
## demo; an input or usage error (exit 2) still fails.
run: $(STAMP)
	@$(BIN)/postmortems lint examples/; code=$$?; test $$code -le 1

## The test suite (what CI runs).
test: $(STAMP)
	$(BIN)/python -m pytest -n auto

## Static checks: lint, format, types on the core, and the import contract that keeps it pure.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

## Benchmarks (speed is measured here, never by timed tests).
bench: $(STAMP)
	$(BIN)/python -m benchmarks

## Accuracy of the blame review on the labelled sentences and the corpus (also run by bench).
eval: $(STAMP)
	$(BIN)/python -m benchmarks.eval_review

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
