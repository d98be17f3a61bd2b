# The one interface to the project. `make help` lists the targets.
#
# Data flow:  source/*.md + examples/  --gettext-->  build/gettext/*.pot
#             --update-po-->  locale/<lang>/LC_MESSAGES/*.po
#             --html / pdf-->  build/html/<lang>/, build/pdf/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
BUILD ?= build
# Two supported stacks, chosen by the Python that runs the set-up:
#   Python 3.11, 3.12: Sphinx 8.2, requirements.txt,       venv .venv
#   Python 3.13+:      Sphinx 9.2, requirements-py313.txt, venv .venv-py313
# (`make html PYTHON=python3.13`). Each stack keeps its own venv, so going
# from one to the other reinstalls nothing; the build directory is shared and
# an edition built by the other stack is rebuilt ($(BUILD)/stack.stamp).
# PYTHON's version is asked once and kept in $(BUILD)/python/ (a no-op make
# starts no Python); a pythonX.Y that the PATH lacks, or whose pyenv shim
# refuses, is looked for among pyenv's builds.
PYTHON_ASKED := $(PYTHON)
PYTHON_PROBE := $(BUILD)/python/$(subst /,_,$(PYTHON_ASKED)).mk
include $(PYTHON_PROBE)
$(PYTHON_PROBE): $(firstword $(shell command -v $(PYTHON_ASKED) 2>/dev/null) Makefile)
	@mkdir -p $(@D) && tools/python-stack.sh $(PYTHON_ASKED) > $@.tmp && mv $@.tmp $@
STACK := $(if $(filter 3.11 3.12,$(PYTHON_VERSION)),py311,py313)
VENV := $(if $(filter py311,$(STACK)),.venv,.venv-py313)
LOCK := $(if $(filter py311,$(STACK)),requirements.txt,requirements-py313.txt)
BIN := $(VENV)/bin
# The interpreter that runs: PYTHON as the probe found it. PYTHON itself is
# passed on as asked, so the tests' own make runs (in the work tree or a
# scratch copy) stay on this stack.
PYTHON_RUN := $(or $(PYTHON_EXE),$(PYTHON_ASKED))
export PYTHON
# Every edition declared in languages.toml; `make html LANGUAGES=zh_CN` builds one.
# extensions/book.py, the one reader of languages.toml, writes them as a
# makefile, written again only when languages.toml changes (make reads it,
# then starts again): a no-op make starts no Python.
include $(BUILD)/languages.mk
# (It may be made in the same pass as PYTHON's probe, before make reads it:
# the interpreter is asked of tools/python-stack.sh. Not a prerequisite: make
# starts again only for an included makefile it remade as such.)
$(BUILD)/languages.mk: languages.toml extensions/book.py
	@mkdir -p $(@D) && "$$(tools/python-stack.sh $(PYTHON_ASKED) | sed -n 's/^PYTHON_EXE := //p')" \
	    extensions/book.py make-variables > $@.tmp && mv $@.tmp $@
LANGUAGES ?= $(ALL_LANGUAGES)
SOURCE_LANGUAGE := $(firstword $(ALL_LANGUAGES))
# Warnings are errors, every reference must resolve, report all problems at once.
SPHINXOPTS ?= -n -W --keep-going
SPHINXBUILD = $(BIN)/sphinx-build -c . $(SPHINXOPTS)
NPROC := $(shell nproc 2>/dev/null || echo 2)
# Reproducible output: dates in the output come from the last commit (asked
# of git once, not at every use of the variable).
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
endif
export SOURCE_DATE_EPOCH
export PYTHONHASHSEED := 0

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_%-]+:.*## / {printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# -- Set-up ---------------------------------------------------------------------

.PHONY: venv
venv: $(VENV)/.installed ## Create .venv with the pinned Python packages

$(VENV)/.installed: $(LOCK)
	@# (It installs Debian's python3-venv where python3 lacks it.)
	tools/make-venv.sh $(PYTHON_RUN) $(VENV) $(LOCK)
	touch $@

# Which stack built the editions: a change of stack rebuilds them (written
# only when it changes, as the git-head stamp).
$(BUILD)/stack.stamp: FORCE
	@mkdir -p $(@D); [ -f $@ ] && [ "$$(cat $@)" = "$(STACK)" ] || echo "$(STACK)" > $@

# Each stack's lock is written by pip-compile run on that stack's Python (it
# judges requirements.in's markers by its own interpreter), from a venv of its
# own under $(BUILD)/lock/. LOCK_PYTHON_PY311 / LOCK_PYTHON_PY313 choose them.
LOCK_PYTHON_PY311 ?= python3.11
LOCK_PYTHON_PY313 ?= python3.13
PIP_TOOLS := pip-tools==7.6.2
define lock_stack
	mkdir -p $(BUILD)/python && tools/python-stack.sh $(1) > $(BUILD)/python/lock-$(2).mk
	$$(sed -n 's/^PYTHON_EXE := //p' $(BUILD)/python/lock-$(2).mk) -m venv $(BUILD)/lock/$(2)
	$(BUILD)/lock/$(2)/bin/python -m pip install --quiet $(PIP_TOOLS)
	$(BUILD)/lock/$(2)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	    --no-emit-index-url --no-emit-find-links -o $(3) requirements.in
endef
.PHONY: lock
lock: $(VENV)/.installed ## Refresh both stacks' locks (requirements.txt, requirements-py313.txt) from requirements.in, and requirements-examples.txt
	$(call lock_stack,$(LOCK_PYTHON_PY311),py311,requirements.txt)
	$(call lock_stack,$(LOCK_PYTHON_PY313),py313,requirements-py313.txt)
	@# The examples' packages (NumPy): one wheel per tested CPython, from EXAMPLE_PACKAGES.
	$(PYTHON_RUN) tools/pythons.py lock

.PHONY: system-deps-%
system-deps-%:
	@tools/system-deps.sh $*

# -- HTML -----------------------------------------------------------------------

.PHONY: html
html: venv system-deps-html ## Build the HTML of every edition (LANGUAGES=zh_CN for one)
	@# The editions and the landing page are independent: all built at once,
	@# translated editions first (they take longest: their catalogs, then Sphinx).
	@$(MAKE) --no-print-directory --output-sync=target -j$(NPROC) \
	    $(addprefix html-,$(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES)) $(filter $(SOURCE_LANGUAGE),$(LANGUAGES))) \
	    $(BUILD)/html/index.html
	@echo "Open $(BUILD)/html/index.html"

# The landing page: sends readers to their language's edition.
$(BUILD)/html/index.html: languages.toml tools/write_landing_page.py extensions/editions.py $(VENV)/.installed \
    theme/ipcbook/static/ipcbook.css theme/ipcbook/static/favicon.svg
	@$(BIN)/python tools/write_landing_page.py $(BUILD)/html

# Everything an edition's HTML is made from. An edition is rebuilt only when
# one of these is newer than its last successful build (make's own check, so a
# no-op `make html` starts no Sphinx at all); Sphinx then rebuilds only the
# pages the change affects.
# The inputs Sphinx does not track are declared once, in untracked-inputs.txt
# (extensions/untracked_inputs.py reads it too); {language} is any language here.
# Its patterns, read once; those naming {language} are an edition's own inputs.
UNTRACKED_PATTERNS := $(shell sed -e 's/#.*//' untracked-inputs.txt)
EDITION_PATTERNS := $(foreach pattern,$(UNTRACKED_PATTERNS),$(if $(findstring {language},$(pattern)),$(pattern)))
UNTRACKED_INPUTS := untracked-inputs.txt $(wildcard $(subst {language},*,$(UNTRACKED_PATTERNS)))
HTML_INPUTS := conf.py $(LOCK) $(VENV)/.installed $(BUILD)/stack.stamp $(UNTRACKED_INPUTS) \
    $(shell find source examples extensions theme -type f -not -name '*.pyc')
.PRECIOUS: $(BUILD)/html/%/.built $(BUILD)/catalogs/%.stamp $(BUILD)/git-head.stamp $(BUILD)/stack.stamp  # stamps, not intermediate files
.PRECIOUS: $(BUILD)/pdf/python-ipc-%.pdf $(BUILD)/epub/python-ipc-%.epub  # outputs, not intermediate files

# Check and compile an edition's catalogs, every time: msgfmt runs only for a
# catalog whose content it has not compiled before. The stamp changes only when
# the compiled catalogs do, so an edit rebuilds the edition even if the .po's
# modification time is old (a restore). When no catalog file changed in name,
# size or modification time (to the nanosecond) since the last successful
# compile, not even Python is started (a no-op make html).
# (CATALOG_DIR, locale/%/LC_MESSAGES, and LOCALE_DIR are extensions/book.py's.)
CATALOG_DIR_OF = $(subst %,$(1),$(CATALOG_DIR))
CATALOG_LISTING = stat -c '%n %s %.9Y' $(call CATALOG_DIR_OF,$*)/*.po $(call CATALOG_DIR_OF,$*)/*.mo 2>/dev/null
$(BUILD)/catalogs/%.stamp: FORCE
	@if [ ! -d $(call CATALOG_DIR_OF,$*) ]; then mkdir -p $(@D) && touch -a $@; \
	elif [ -f $@ ] && [ "$$($(CATALOG_LISTING))" = "$$(cat $(@:.stamp=.listing) 2>/dev/null)" ]; then :; \
	else rm -f $(@:.stamp=.listing) && $(BIN)/python tools/compile_catalogs.py $* --stamp $@ \
	    && { $(CATALOG_LISTING) > $(@:.stamp=.listing) || true; }; fi
.PHONY: FORCE
FORCE:

# The commit being built, and the date the outputs show (SOURCE_DATE_EPOCH,
# the commit's unless set): pages show dates from git (extensions/page_dates.py),
# so a new commit rebuilds the editions even when no file changed. The stamp
# changes only when one of them does (no commit outside a git checkout).
$(BUILD)/git-head.stamp: FORCE
	@mkdir -p $(@D); head="$$(git rev-parse -q HEAD 2>/dev/null || true) $(SOURCE_DATE_EPOCH)"; \
	    [ -f $@ ] && [ "$$(cat $@)" = "$$head" ] || echo "$$head" > $@

# One edition; each has its own output and doctree directories.
html-%: $(BUILD)/html/%/.built
	@:
$(BUILD)/html/%/.built: $(HTML_INPUTS) $(BUILD)/catalogs/%.stamp $(BUILD)/git-head.stamp
	$(SPHINXBUILD) -b html -D language=$* -d $(BUILD)/doctrees/html-$* source $(BUILD)/html/$*
	@# Sphinx 9 keeps the last build's .buildinfo as .buildinfo.bak when the
	@# configuration changed (another stack built here before): not a page, and
	@# not in a clean build, so not left in the output.
	rm -f $(BUILD)/html/$*/.buildinfo.bak
	touch $@

# -- PDF ------------------------------------------------------------------------

.PHONY: pdf
pdf: venv system-deps-pdf ## Build the PDF of every edition into build/pdf/ (LANGUAGES=zh_CN for one)
	@$(MAKE) --no-print-directory --output-sync=target -j$(NPROC) $(addprefix pdf-,$(LANGUAGES))
	@ls -1 $(addprefix $(BUILD)/pdf/python-ipc-,$(addsuffix .pdf,$(LANGUAGES)))

# A recipe's PDF or EPUB ($<) put beside its edition's HTML, if built, unless
# the same file is there already (the HTML links to it).
PUT_BESIDE_HTML = if [ -d $(BUILD)/html/$* ]; then cmp -s $< $(BUILD)/html/$*/$(<F) || cp $< $(BUILD)/html/$*/; fi

# One edition: Sphinx writes LaTeX, latexmk runs XeLaTeX, and the build fails
# if XeLaTeX logged a missing glyph. The PDF is also put beside the edition's
# HTML, which links to it. Made from what the edition's HTML is made from: with
# none of it changed since the last successful build, make pdf does nothing.
pdf-%: $(BUILD)/pdf/python-ipc-%.pdf
	@$(PUT_BESIDE_HTML)
$(BUILD)/pdf/python-ipc-%.pdf: $(HTML_INPUTS) $(BUILD)/catalogs/%.stamp $(BUILD)/git-head.stamp | system-deps-pdf
	@# A failed build leaves no stale PDF behind; XeLaTeX starts from nothing (no
	@# .aux of an earlier build), so the PDF is the clean build's, byte for byte.
	rm -rf $@ $(BUILD)/html/$*/$(@F) $(BUILD)/latex/$*
	$(SPHINXBUILD) -b latex -D language=$* -d $(BUILD)/doctrees/latex-$* source $(BUILD)/latex/$*
	FORCE_SOURCE_DATE=1 $(MAKE) --no-print-directory -C $(BUILD)/latex/$* all-pdf \
	    LATEXMKOPTS="-interaction=nonstopmode -halt-on-error -silent" > $(BUILD)/latex/$*/latexmk.out \
	    || { tail -40 $(BUILD)/latex/$*/latexmk.out; exit 1; }
	$(BIN)/python tools/check_latex_log.py $(BUILD)/latex/$*/python-ipc-$*.log
	mkdir -p $(@D)
	cp $(BUILD)/latex/$*/$(@F) $@

# -- EPUB -----------------------------------------------------------------------

EPUBCHECK := java -jar /usr/share/java/epubcheck.jar
.PHONY: epub
epub: venv system-deps-html system-deps-epub ## Build the EPUB of every edition into build/epub/, checked by epubcheck (LANGUAGES=zh_CN for one)
	@$(MAKE) --no-print-directory --output-sync=target -j$(NPROC) $(addprefix epub-,$(LANGUAGES))
	@ls -1 $(addprefix $(BUILD)/epub/python-ipc-,$(addsuffix .epub,$(LANGUAGES)))

# One edition (settings: extensions/epub_editions.py). Sphinx writes into an
# emptied folder (the EPUB's manifest lists every file in it), epubcheck must
# report no error and no warning (its report: build/epub/<name>.epubcheck.json),
# and the EPUB is also put beside the edition's HTML, which links to it. As
# for the PDF, nothing changed since the last successful build: nothing to do.
epub-%: $(BUILD)/epub/python-ipc-%.epub
	@$(PUT_BESIDE_HTML)
$(BUILD)/epub/python-ipc-%.epub: $(HTML_INPUTS) $(BUILD)/catalogs/%.stamp $(BUILD)/git-head.stamp \
    | system-deps-html system-deps-epub
	rm -rf $@ $(BUILD)/html/$*/$(@F) $(BUILD)/epub/$*  # a failed build leaves no stale EPUB behind
	$(SPHINXBUILD) -b epub -D language=$* -d $(BUILD)/doctrees/epub-$* source $(BUILD)/epub/$*
	$(EPUBCHECK) --quiet --failonwarnings --json $(BUILD)/epub/python-ipc-$*.epubcheck.json \
	    $(BUILD)/epub/$*/$(@F)
	cp $(BUILD)/epub/$*/$(@F) $@

# -- Examples -------------------------------------------------------------------

# Each also gets the examples' packages (requirements-examples.txt: NumPy)
# in .pythons/site/3.X/, installed with the venv's pip.
.PHONY: pythons
pythons: venv system-deps-pythons ## Find the CPythons the examples are tested on; get the missing ones (3.13+ from Debian unstable) and the examples' packages
	@$(PYTHON_RUN) tools/pythons.py install $(EXAMPLE_PYTHONS)
	@$(PYTHON_RUN) tools/pythons.py packages $(EXAMPLE_PYTHONS) --also $(BIN)/python
	@$(PYTHON_RUN) tools/pythons.py list

# make test runs the examples on the newest CPython and the project's own.
.PHONY: pythons-newest
pythons-newest: venv system-deps-pythons
	@$(PYTHON_RUN) tools/pythons.py install $(lastword $(EXAMPLE_PYTHONS))
	@$(PYTHON_RUN) tools/pythons.py packages $(lastword $(EXAMPLE_PYTHONS)) --also $(BIN)/python

.PHONY: run-examples
# The CPythons every listing is tested on (tools/pythons.py VERSIONS); EXAMPLE_PYTHONS="3.14" for one.
EXAMPLE_PYTHONS ?= $(shell $(PYTHON_RUN) tools/pythons.py versions)
run-examples: venv pythons ## Run every example under every start method and tested CPython; fails on any difference
	@# Each run is compared with the output file for its version (output.txt, or
	@# output-3.13.txt for 3.13 and earlier); every run is reported, then the status.
	@failed=0; for script in examples/*/*/main.py; do \
	    for python in $(EXAMPLE_PYTHONS); do for method in fork spawn forkserver; do \
	        $(BIN)/python tools/run_example.py --check --python $$python --start-method $$method $$script \
	            || failed=$$((failed + 1)); \
	    done; done; \
	done; \
	if [ $$failed -ne 0 ]; then echo "run-examples: $$failed runs differ from their documented output" >&2; exit 1; fi

# The chart is measured with CPython 3.14 where the project has it (make pythons), else the project's own.
MEASURE_PYTHON ?= $(firstword $(wildcard .pythons/bin/python3.14) $(BIN)/python)
.PHONY: measure-ipc
measure-ipc: venv ## Measure IPC throughput (on a quiet machine: MEASURE_ARGS=--allow-load otherwise) into source/charts/ipc-throughput.json
	$(BIN)/python tools/measure_ipc.py --python $(MEASURE_PYTHON) --out source/charts/ipc-throughput.json $(MEASURE_ARGS)

# -- Translation ----------------------------------------------------------------

POT_DIR := $(BUILD)/gettext
# Every edition but the source language.
TRANSLATIONS := $(filter-out $(SOURCE_LANGUAGE),$(ALL_LANGUAGES))
# LANGUAGE: the one edition `serve` and `add-language` work on. It is also GNU
# gettext's variable for the language of program messages, which desktops
# often set (LANGUAGE=en_US:en): only a value given on make's command line
# counts, and it is not passed on to the tools (msgfmt would answer in it).
ifneq ($(origin LANGUAGE),command line)
LANGUAGE := $(firstword $(TRANSLATIONS))
endif
unexport LANGUAGE
# One letter apart, two meanings: LANGUAGES chooses the editions a build makes,
# LANGUAGE the one edition serve and add-language work on. The wrong one on the
# command line is an error that names the right one (make would go on and
# build every edition, or serve another one).
BUILD_GOALS := html html-% pdf pdf-% epub epub-%
ifeq ($(origin LANGUAGE),command line)
ifneq ($(filter $(BUILD_GOALS),$(MAKECMDGOALS)),)
$(error LANGUAGE is the variable of make serve and make add-language; to build one edition, write LANGUAGES=$(LANGUAGE))
endif
endif
ifeq ($(origin LANGUAGES),command line)
ifneq ($(filter serve add-language,$(MAKECMDGOALS)),)
$(error LANGUAGES is the variable of the builds; make serve and make add-language take one edition: LANGUAGE=$(firstword $(LANGUAGES)))
endif
endif
SERVE_PORT ?= 8000

.PHONY: gettext
gettext: $(POT_DIR)/.extracted ## Extract the messages: build/gettext/<page>.pot and sphinx.pot (theme)
	@:

# Extracted again only when a file the messages come from, or the date the
# templates show (SOURCE_DATE_EPOCH, in the commit stamp), changed (make's own
# check, as for the HTML): check-po and update-po after a catalog edit start
# no Sphinx. An edition's own inputs ({language} in untracked-inputs.txt: its
# theme catalog, its glossary) are not read to extract the English messages.
EDITION_INPUTS := $(wildcard $(subst {language},*,$(EDITION_PATTERNS)))
$(POT_DIR)/.extracted: $(filter-out $(EDITION_INPUTS),$(HTML_INPUTS)) babel.cfg $(BUILD)/git-head.stamp | venv
	@# Sphinx reads again the pages that changed (and every page when the
	@# extensions did: extensions/untracked_inputs.py), and writes every template.
	$(BIN)/sphinx-build -c . -q -b gettext -d $(BUILD)/doctrees/gettext source $(POT_DIR)
	$(BIN)/pybabel -q extract -F babel.cfg --no-wrap --project="Python Tutorial" -o $(POT_DIR)/sphinx.pot .
	@# Locations relative to the project, POT-Creation-Date from SOURCE_DATE_EPOCH.
	$(BIN)/python tools/update_po.py --templates-only $(POT_DIR)
	touch $@

.PHONY: update-po
update-po: gettext ## Refresh every translation's catalogs from the sources (keeps all translations); PAGES="queues pipes" for some
	$(BIN)/python tools/update_po.py $(if $(PAGES),--pages "$(PAGES)") $(POT_DIR) $(TRANSLATIONS)

.PHONY: stats
stats: venv ## Translation progress per language and page (fuzzy counts as not translated)
	$(BIN)/python tools/po_stats.py $(TRANSLATIONS)

.PHONY: check-po
check-po: gettext system-deps-html ## Check the catalogs; errors name file:line and the message
	$(BIN)/python tools/check_po.py $(POT_DIR) $(TRANSLATIONS)

.PHONY: serve
serve: venv system-deps-html ## Live preview of one edition: make serve LANGUAGE=zh_CN
	$(BIN)/python tools/serve.py $(LANGUAGE) --port $(SERVE_PORT) --build $(BUILD)

.PHONY: add-language
add-language: venv ## Add an edition and its catalogs: make add-language LANGUAGE=ja
	$(BIN)/python tools/add_language.py $(LANGUAGE)
	$(MAKE) --no-print-directory gettext
	$(BIN)/python tools/update_po.py $(POT_DIR) $(LANGUAGE)

# -- Tests ----------------------------------------------------------------------

.PHONY: test
# make test leaves out what builds the whole book a second time (make dist's
# clean build, compared byte for byte) and what checks a second time what other
# tests establish (second_check), and runs the examples on the newest CPython:
# make test-all (CI) runs everything.
TEST_SELECTION ?= -m "not whole_rebuild and not second_check"
test: venv system-deps-html system-deps-pdf system-deps-epub system-deps-test axe pythons-newest ## Run the tests (builds what it checks); make test-all for every one
	@# On every core (pytest-xdist), a test file to a worker at a time: the tests
	@# of a file share its fixtures' work (the examples' runs, a git history, a
	@# browser). The longest files first, by the last run's times
	@# (tests/conftest.py), so that the cores finish together.
	$(BIN)/python -m pytest -n $(NPROC) --dist loadfile --no-loadscope-reorder $(TEST_SELECTION) $(PYTEST_ARGS)

# The other stack (Sphinx 9.2) is tested by make test-all with this Python.
SECOND_STACK_PYTHON ?= python3.13
.PHONY: test-all
test-all: ## Every test on both stacks (Sphinx 8.2 and, with SECOND_STACK_PYTHON, 9.2), a second whole build (make dist), the examples on every tested CPython (CI)
	$(MAKE) --no-print-directory pythons
	$(MAKE) --no-print-directory test TEST_SELECTION=--all-pythons
	@# The whole suite again on the Sphinx 9.2 stack, but for the runs of the
	@# examples and of the listings as the pages show them: they do not involve
	@# Sphinx, and the line above ran them (the examples on every CPython, 3.13
	@# at the release they need; the venv's 3.13 may be older than 3.13.8, whose
	@# forkserver prints otherwise: pyenv's 3.13.0 does).
	$(MAKE) --no-print-directory test PYTHON=$(SECOND_STACK_PYTHON) TEST_SELECTION= \
	    PYTEST_ARGS="--ignore=tests/reader/test_examples.py \
	        --deselect=tests/reader/test_chinese_edition.py::test_code_as_shown_prints_the_output_as_shown $(PYTEST_ARGS)"

# axe-core, the accessibility checker the browser tests inject into every
# page: pinned in tools/axe/package-lock.json, installed with npm ci.
AXE_JS := tools/axe/node_modules/axe-core/axe.min.js
.PHONY: axe
axe: $(AXE_JS) ## Install axe-core (accessibility audit) from tools/axe/package-lock.json
$(AXE_JS): tools/axe/package.json tools/axe/package-lock.json | system-deps-test
	command -v npm >/dev/null || tools/system-deps.sh npm
	npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error
	touch $@

# -- Speed and hosting ----------------------------------------------------------

.PHONY: bench
bench: venv system-deps-html system-deps-pdf system-deps-epub system-deps-test axe ## Measure build and test speed (medians, ratios; BENCH_ARGS="--skip test,scaling"); see README
	$(BIN)/python tools/bench.py $(BENCH_ARGS)

DIST_BUILD := $(BUILD)/dist-build
.PHONY: dist
dist: venv ## One archive to host: build/dist/python-ipc.tar.gz (HTML editions, landing page, PDFs, EPUBs)
	rm -rf $(DIST_BUILD) && mkdir -p $(BUILD)/dist
	@# A clean build of its own: nothing left over from incremental builds.
	@# (_sources/ stays empty: html_copy_source is off.)
	$(MAKE) --no-print-directory html BUILD=$(DIST_BUILD)
	$(MAKE) --no-print-directory pdf BUILD=$(DIST_BUILD)
	$(MAKE) --no-print-directory epub BUILD=$(DIST_BUILD)
	touch $(DIST_BUILD)/html/.nojekyll  # GitHub Pages: serve _static/ and _images/ as they are
	tar --sort=name --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
	    --exclude=.built --exclude=.buildinfo --exclude=_sources -C $(DIST_BUILD)/html -cf - . \
	    | gzip -n -9 > $(BUILD)/dist/python-ipc.tar.gz
	@echo "$(BUILD)/dist/python-ipc.tar.gz: unpack it at the root of any static web host"

.PHONY: clean
clean: ## Remove build products (keeps .venv)
	rm -rf $(BUILD)
	find $(LOCALE_DIR) \( -name '*.mo' -o -name .compiled.json \) -delete  # compiled catalogs and their record
