# Kinerja — the two everyday commands are `make run` and `make test`.
# Each first installs what it needs on Debian/Ubuntu (apt-get; sudo when not root).

GO      ?= go
# Fyne reads the locale from LANG and logs an error for "C"; the app itself
# always speaks Indonesian unless English is chosen in Pengaturan.
export LANG := en_US.UTF-8
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null)
# no_emoji, as in the Windows release (.ci/windows.mk): Fyne's bundled emoji
# font would otherwise be parsed for every text style, about 10 MB of memory.
TAGS    := migrated_fynedo,no_emoji
LDFLAGS := -X main.version=$(or $(VERSION),dev)

# Packages Fyne needs to build with its OpenGL driver (cgo).
BUILD_PKGS := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Tools the tests and screenshots use: PDF checkers, a virtual X server, screenshots.
TEST_PKGS  := qpdf poppler-utils xvfb xauth x11-utils imagemagick xdotool

# apt_install (defined in .ci/apt.mk) installs the missing Debian/Ubuntu packages among $(1).
include .ci/apt.mk

.PHONY: run test test-long bench build screenshots deps deps-test fuzz

## run: open Kinerja on the default data file
run: deps
	$(GO) run -tags $(TAGS) -ldflags "$(LDFLAGS)" .

## test: vet, all tests (Fyne's test driver, no GL needed) and a real build of the app
test: deps deps-test
	CGO_ENABLED=0 $(GO) vet -tags ci ./...
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 ./...
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o /dev/null .

# LONG_PKGS are the packages with tests kept out of `make test` by the build
# tag `long` (a `//go:build long` line in a _test.go file).
LONG_PKGS = $(sort $(dir $(shell grep -rlE --include='*_test.go' '^//go:build.*\blong\b' . 2>/dev/null)))

## test-long: the long checks, tagged `//go:build long` (kill loops, external
## signing tools); CI runs them after `make test`, which stays under a minute
test-long: deps deps-test
	@if [ -z "$(strip $(LONG_PKGS))" ]; then echo "tidak ada tes long"; else \
	  echo CGO_ENABLED=0 $(GO) test -tags ci,long -count=1 $(LONG_PKGS); \
	  CGO_ENABLED=0 $(GO) test -tags ci,long -count=1 $(LONG_PKGS); fi

## bench: the benchmarks (speed is measured here, never by timed tests), then
## the table of figures and targets (docs/performance.md); the full output is
## kept in $(BENCH_OUT). Narrow with e.g. make bench BENCH=Attlog BENCH_PKGS=./data/
BENCH      ?= .
BENCH_PKGS ?= ./...
BENCH_OUT  ?= $(or $(TMPDIR),/tmp)/kinerja-bench.txt
bench:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench '$(BENCH)' -benchmem $(BENCH_PKGS) | tee $(BENCH_OUT)
	@echo
	@$(GO) run ./internal/benchtable < $(BENCH_OUT)

## fuzz: a short run of every fuzz target
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$(CGO_ENABLED=0 $(GO) test -tags ci -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -fuzz "^$$f$$" -fuzztime 15s $$pkg || exit 1; \
	  done; done

## build: the Linux binary in dist/
build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o dist/kinerja .

## screenshots: the real app under Xvfb on demo data, one PNG per main screen in docs/screenshots/
screenshots: build deps-test
	bash .ci/screenshots.sh dist/kinerja docs/screenshots

deps:
	$(call apt_install,$(BUILD_PKGS))

deps-test:
	$(call apt_install,$(TEST_PKGS))

# The Windows deliverable: make windows, make windows-check (see .ci/windows.mk).
include .ci/windows.mk
