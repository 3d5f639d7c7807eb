# flrisk: the two commands a newcomer needs are `make run` and `make test` (see README.md).
SWIFT ?= swift
DEMO := Datasets/demo
OUT ?= out/demo

.PHONY: run test deps build release clean reference fuzz

## Install missing system packages, build, and score the demo data into $(OUT)/.
run: deps
	$(SWIFT) build -c release --product flrisk
	.build/release/flrisk score \
	  --suppliers $(DEMO)/suppliers.csv --links $(DEMO)/links.csv --contracts $(DEMO)/contracts.csv \
	  --format json md csv sarif html --output $(OUT)/

## Install missing system packages and run the whole test suite.
test: deps
	$(SWIFT) test

## Build the libFuzzer targets (Fuzz/) and run each for FUZZ_SECONDS (default 60) seconds;
## exits non-zero on a crash, a sanitizer report or a hang. .ci/run runs it with FUZZ_SECONDS=20.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product flrisk

## Rebuild Datasets/reference from ../shared/reference and compile it into the tool.
reference:
	python3 scripts/build_reference.py
	python3 scripts/embed_reference.py

clean:
	rm -rf .build out

## Run the whole benchmark (Benchmarks/run_all.py): ingest, graph-core, explanation and report-writing phases and flrisk score end to end,
## each against the Python peers in the same run; writes Benchmarks/results/latest.md. BENCH_ARGS=--quick for a smoke run.
BENCH_ARGS ?=
.PHONY: bench
bench: deps
	python3 Benchmarks/run_all.py $(BENCH_ARGS)
