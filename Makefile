# Palimpsest: `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test install lint screenshots eval bench stress clean

EVAL := ../shared/eval
SCORER := ../shared/tools/score_annotations.py

run: $(STAMP)
	@$(BIN)/python -m desktop.syscheck
	$(BIN)/palimpsest

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

install: $(STAMP)

# Re-install whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Palimpsest needs Python 3.11 or newer; run: make PYTHON=python3.12 ..."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
	  { echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check desktop tests tools
	$(BIN)/mypy
	$(BIN)/lint-imports

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

# Dates and quotations scored on the development sets, when they are beside the project.
eval: $(STAMP)
	@if [ -d $(EVAL) ]; then \
	  for set in dates quotes; do \
	    $(BIN)/python $(SCORER) $(EVAL)/$$set-dev.jsonl -- $(BIN)/palimpsest-cli annotate --jsonl - || exit 1; \
	  done; \
	else echo "No $(EVAL) beside this checkout: nothing to score."; fi

# Speed, measured against baselines in the same run (ratios, since machines are noisy).
BENCH_TABLE := $(VENV)/bench-table.tsv
bench: $(STAMP)
	@rm -f $(BENCH_TABLE)
	PALIMPSEST_BENCH_TABLE=$(BENCH_TABLE) $(BIN)/python tools/bench_compare.py
	PALIMPSEST_BENCH_TABLE=$(BENCH_TABLE) $(BIN)/python tools/bench_library.py
	PALIMPSEST_BENCH_TABLE=$(BENCH_TABLE) QT_QPA_PLATFORM=offscreen $(BIN)/python tools/bench_gui.py
	PALIMPSEST_BENCH_TABLE=$(BENCH_TABLE) QT_QPA_PLATFORM=offscreen $(BIN)/python tools/bench_gui.py --size 5M
	PALIMPSEST_BENCH_TABLE=$(BENCH_TABLE) QT_QPA_PLATFORM=offscreen $(BIN)/python tools/bench_gui_library.py
	@$(BIN)/python tools/bench_table.py $(BENCH_TABLE)

# The slow hardening runs: a 100 MB file, 20 kill -9s during a 1,000-file import.
stress: $(STAMP)
	PALIMPSEST_STRESS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/stress -s -rA

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# A one-folder build of the app, with its desktop files: dist/palimpsest/ (packaging/README.md).
.PHONY: package
package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/palimpsest.spec
	@du -sh dist/palimpsest
