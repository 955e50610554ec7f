# Face Value — the two commands a player or developer needs: `make play`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_PLAY := $(VENV)/.installed-play
STAMP_TEST := $(VENV)/.installed-test

.PHONY: play test bench check playtest shot schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_PLAY): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_PLAY)

play: $(STAMP_PLAY)
	$(BIN)/face-value play $(ARGS)

test: $(STAMP_TEST)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest $(ARGS)

bench: $(STAMP_TEST)
	@mkdir -p build && : > build/bench.log
	-SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tests/bench/bench_engine.py 2>&1 | tee -a build/bench.log
	-SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tests/bench/bench_render.py 2>&1 | tee -a build/bench.log
	-SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tests/bench/bench_reload.py 2>&1 | tee -a build/bench.log
	-SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tests/bench/bench_report.py 2>&1 | tee -a build/bench.log
	-SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tests/bench/bench_explore.py 2>&1 | tee -a build/bench.log
	-$(BIN)/python tests/bench/bench_mask.py $(MASK_BENCH) 2>&1 | tee -a build/bench.log
	@echo "== every benchmark ran (full log: build/bench.log); what was missed:"
	@grep -E "MISSED|^  - " build/bench.log | grep -v "MISSED: none" || echo "  nothing"

check: $(STAMP_PLAY)
	$(BIN)/face-value check story --strict

playtest: $(STAMP_PLAY)
	$(BIN)/face-value playtest story --runs 2000 --seed 1

schema: $(STAMP_PLAY)
	$(BIN)/python -m game.tools.schema

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
