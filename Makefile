# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    set up .venv, run the pipeline on seeds/ into data/processed/ and on the real corpus
#               (data/corpus/raw) into out/corpus/, refresh data/corpus/quality.csv and tracking.csv,
#               and execute the notebooks
#   make test   set up .venv, run the whole test suite
# Run the collection on your own report:  make run REPORT=path/to/report.txt  (outputs in out/<name>/)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
REPORT ?=

.PHONY: run test setup pipeline corpus notebooks book bench lint clean browser

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-lock.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "policytext needs Python 3.11 or newer (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	$(PY) -m pip install --quiet -c requirements-lock.txt -e '.[notebooks,dev]'
	touch $(STAMP)

ifeq ($(REPORT),)
run: pipeline corpus notebooks
else
run: setup
	$(PY) tools/run_collection.py "$(REPORT)"
endif

pipeline: $(STAMP)
	$(PY) -m policytext run seeds/ --out data/processed

# The real corpus: 116 reports as researchers find them. Its per-report folders (~80 MB) stay in
# out/; the quality table and the corpus tracking table are committed for readers.
corpus: $(STAMP)
	$(PY) -m policytext run data/corpus/raw --out out/corpus --jobs 2
	cp out/corpus/corpus/tracking.csv data/corpus/tracking.csv
	$(PY) tools/corpus_quality.py data/corpus/raw --out data/corpus/quality.csv

notebooks: $(STAMP)
	$(PY) tools/execute_notebooks.py notebooks/*.ipynb notebooks/solutions/*.ipynb

test: $(STAMP) browser
	$(PY) -m pytest -q

# The book test opens the HTML in headless Chromium (Debian's package); install it when missing and
# we are allowed to (root with apt-get), otherwise say how and let the test skip.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || \
	    echo "could not install chromium: the book test will say why it skips"; \
	  else echo "chromium not found: install it (e.g. sudo apt-get install chromium) for the book test"; fi; }

book: $(STAMP)
	$(PY) tools/build_book.py

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check lib tests tools benchmarks

clean:
	rm -rf $(VENV) _book out tests/_artifacts
