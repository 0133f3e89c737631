# weave: `make site` and `make test` set up a fresh Debian 12 machine and do the work.
# Both install the Debian packages that are missing (as root, or through sudo), then build.

SWIFT ?= swift
# Build time and run time: cmark-gfm, KaTeX with its fonts, a tuned BLAS.
PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex fonts-katex libopenblas0-pthread
# Only for the real-browser check of the pages.
BROWSER_PACKAGES := chromium

.PHONY: site test check browser-check bench deps browser-deps clean

site: deps
	$(SWIFT) build -c release --product weave
	.build/release/weave build Notebooks -o output

test: deps
	$(SWIFT) test

check: deps
	$(SWIFT) build --product weave
	.build/debug/weave check Notebooks

# Builds the site with the debug binary and opens every page in headless Chromium.
browser-check: deps browser-deps
	$(SWIFT) build --product weave
	.build/debug/weave build Notebooks -o output
	python3 Scripts/test_check_pages.py
	python3 Scripts/check-pages.py output $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS))

bench: deps
	bash Benchmarks/run

deps:
	@bash Scripts/install-packages $(PACKAGES)

browser-deps:
	@bash Scripts/install-packages $(BROWSER_PACKAGES)

clean:
	rm -rf .build output/*.html output/assets
