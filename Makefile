# sdkg developer commands. `make run` and `make test` are the two a fresh
# machine needs; the rest are their parts. Recipes run in bash with -eu and
# pipefail, so a failing step fails the target.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

GO ?= go
# The test Neo4j (scripts/neo4j): Bolt on 127.0.0.1:$(NEO4J_TEST_PORT).
NEO4J_TEST_PORT ?= 7688
NEO4J_PASSWORD ?= sdkg-test-pw
# Race-checked packages: the in-process graph packages. The whole module under
# -race takes too long on a small shared machine, and graph/neo4j's suite would
# run a second time against Neo4j for little gain (its concurrency is the driver's).
RACE_PKGS ?= $(shell $(GO) list -e ./graph/... | grep -v '/graph/neo4j$$')

.PHONY: run build test check tests smoke all-tests vet fmt-check race bench bench-neo4j eval generate neo4j-start neo4j-stop loadtest

## run: build and serve sdkg on the embedded store in ./data (SDKG_ADDR,
##   default 127.0.0.1:8080), loading corpus/ on the first start
run: build
	./bin/sdkg serve -corpus corpus

## build: compile bin/sdkg
build:
	$(GO) build -o bin/sdkg .

## test: start the test Neo4j servers (NEO4J_TEST_SERVERS, default 2, when java
##   and mvn exist) while vet, the gofmt check and race run, run tests, stop the
##   servers even when tests fail (scripts/test.sh); the exit status is that
##   of the checks.
test:
	@NEO4J_TEST_PORT=$(NEO4J_TEST_PORT) NEO4J_PASSWORD=$(NEO4J_PASSWORD) MAKE="$(MAKE)" scripts/test.sh

## check: vet, gofmt check and tests, on the Neo4j of the environment
check: vet fmt-check tests

## tests: the Neo4j smoke test, every test, the race pass
tests: smoke all-tests race

## smoke: the Neo4j smoke test, verbose (the output shows it ran, not skipped)
smoke:
	@echo "== Neo4j smoke test (NEO4J_URI=$${NEO4J_URI:-unset} NEO4J_TEST_URIS=$${NEO4J_TEST_URIS:-})"
	$(GO) test -count=1 -v -run '^TestSmoke$$' ./internal/neo4jtest/

## all-tests: every test of the module; -p 4 because the Neo4j-backed
##   packages mostly wait on Neo4j, which runs in processes of its own
all-tests:
	@echo "== all tests"
	$(GO) test -count=1 -p 4 ./...

## vet: go vet over the module
vet:
	$(GO) vet ./...

## fmt-check: fail, listing them, if some Go files are not gofmt'ed
fmt-check:
	@files=$$(find . -name '*.go' -not -path './.git/*' -not -path './.cache/*' -not -path '*/testdata/*' -print); \
	bad=$$(gofmt -l $$files); \
	if [[ -n $$bad ]]; then echo "gofmt needed on:"; echo "$$bad"; exit 1; fi

## race: the race detector over $(RACE_PKGS)
race:
	$(GO) test -count=1 -race $(RACE_PKGS)

## bench: every benchmark once (a smoke run; pass BENCH_FLAGS to measure)
bench:
	$(GO) test -run '^$$' -bench . -benchtime 1x $(BENCH_FLAGS) ./...

## bench-neo4j: the graph/neo4j benchmarks (Apply, Neighbourhood, paths,
##   roll-up at 10k and 100k edges) on a Neo4j of their own on
##   $(BENCH_NEO4J_PORT), started with BENCH_NEO4J_JAVA_OPTS and a page cache of
##   BENCH_NEO4J_PAGECACHE_MB, and stopped after
BENCH_NEO4J_PORT ?= 7696
bench-neo4j:
	@trap 'NEO4J_TEST_PORT=$(BENCH_NEO4J_PORT) scripts/neo4j/stop.sh --lease-pid $$$$' EXIT; \
	neo4j_env=$$(NEO4J_TEST_PORT=$(BENCH_NEO4J_PORT) NEO4J_PASSWORD=$(NEO4J_PASSWORD) \
		NEO4J_JAVA_OPTS="$(BENCH_NEO4J_JAVA_OPTS)" NEO4J_PAGECACHE_MB=$(BENCH_NEO4J_PAGECACHE_MB) scripts/neo4j/start.sh --lease-pid $$$$); \
	eval "$$neo4j_env"; \
	$(GO) test -run '^$$' -bench . -benchtime 1x $(BENCH_FLAGS) ./graph/neo4j/

## eval: score extraction against the gold files
eval:
	@if [[ -f scripts/eval/main.go ]]; then $(GO) run ./scripts/eval; \
	else echo "make eval: scripts/eval does not exist yet"; fi

## generate: go generate (gqlgen)
generate:
	$(GO) generate ./...

## neo4j-start: start the test Neo4j, or reuse the running one; prints its env
neo4j-start:
	@NEO4J_TEST_PORT=$(NEO4J_TEST_PORT) NEO4J_PASSWORD=$(NEO4J_PASSWORD) scripts/neo4j/start.sh
	@echo "# to use it: eval \"\$$(scripts/neo4j/env.sh)\"; stop it with: make neo4j-stop"

## neo4j-stop: stop the test Neo4j and delete its database
neo4j-stop:
	@NEO4J_TEST_PORT=$(NEO4J_TEST_PORT) scripts/neo4j/stop.sh

## loadtest: p50/p99/req/s of the network and collaborators queries at 100k
##   edges, embedded and on a Neo4j of its own on $(LOADTEST_NEO4J_PORT) (not the
##   test one, which other runs wipe); see scripts/loadtest/run.sh for knobs
LOADTEST_NEO4J_PORT ?= 7695
# Measuring runs give Neo4j a 2-4 GB heap and the full JIT (the test servers
# stop at C1, which starts faster but runs statements 3-10 times slower).
BENCH_NEO4J_JAVA_OPTS ?= -Xms2g -Xmx4g
BENCH_NEO4J_PAGECACHE_MB ?= 1024
loadtest:
	@trap 'NEO4J_TEST_PORT=$(LOADTEST_NEO4J_PORT) scripts/neo4j/stop.sh --lease-pid $$$$' EXIT; \
	neo4j_env=$$(NEO4J_TEST_PORT=$(LOADTEST_NEO4J_PORT) NEO4J_PASSWORD=$(NEO4J_PASSWORD) \
		NEO4J_JAVA_OPTS="$(BENCH_NEO4J_JAVA_OPTS)" NEO4J_PAGECACHE_MB=$(BENCH_NEO4J_PAGECACHE_MB) scripts/neo4j/start.sh --lease-pid $$$$); \
	eval "$$neo4j_env"; \
	scripts/loadtest/run.sh embedded neo4j
