# LiveDesk: `make run` opens the app with the sample sessions; `make test` runs the whole suite headless.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# What Qt needs on a fresh Debian 12, offscreen; a real X display also needs the xcb set.
QT_LIBS := libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
X_LIBS := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1
VENV_LIBS := python3-venv
# Headless Chromium and its WebDriver: the browser views' tests (tests/stageweb) drive the real browser.
BROWSER_LIBS := chromium chromium-driver
# Headless LibreOffice recalculates an edited run sheet in a test (its times are chained formulas).
OFFICE_LIBS := libreoffice-calc-nogui

.PHONY: run test lint lint-imports typecheck system-libs system-libs-x browser-libs office-libs install bench clean

run: system-libs-x install
	$(BIN)/livedesk samples load
	$(BIN)/livedesk

test: system-libs browser-libs office-libs install lint lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint-imports: install
	$(BIN)/lint-imports

# mypy (config in pyproject.toml: strict for domain and analysis, checked elsewhere). Not yet part of `test`:
# it still reports errors in analysis, ui and the reports; add it to `test` once it passes.
typecheck: install
	$(BIN)/mypy

# ruff lints and checks the format of everything we write (config in pyproject.toml).
lint: install
	$(BIN)/ruff check livedesk tests bench
	$(BIN)/ruff format --check livedesk tests bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || $(MAKE) --no-print-directory apt PKGS="$(VENV_LIBS)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

system-libs:
	@$(MAKE) --no-print-directory apt PKGS="$(QT_LIBS)"

browser-libs:
	@$(MAKE) --no-print-directory apt PKGS="$(BROWSER_LIBS)"

office-libs:
	@$(MAKE) --no-print-directory apt PKGS="$(OFFICE_LIBS)"

system-libs-x:
	@$(MAKE) --no-print-directory apt PKGS="$(QT_LIBS) $(if $(DISPLAY),$(X_LIBS))"

# Installs the missing Debian packages when run as root; otherwise says the one apt command to run.
apt:
	@missing=""; for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system libraries:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "missing system libraries; run: sudo apt-get install --no-install-recommends$$missing"; exit 1; \
	  fi; \
	fi

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
