#!/usr/bin/env bash
# test.sh is `make test`. It starts NEO4J_TEST_SERVERS test Neo4j servers
# (default 2, on ports NEO4J_TEST_PORT, NEO4J_TEST_PORT+1, ...) while vet,
# the gofmt check and the race pass (which needs no Neo4j) run, then runs
# the Neo4j smoke test and every test with NEO4J_URI naming the
# first and NEO4J_TEST_URIS the others (internal/neo4jtest gives each test
# process a server of its own, so the Neo4j-backed packages run side by
# side), and stops the servers it started even when something fails. The
# exit status is that of the checks. Without java or mvn the servers are
# not started: Neo4j tests then skip, and fail under CI=true.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAKE=${MAKE:-make}
port=${NEO4J_TEST_PORT:-7688}
servers=${NEO4J_TEST_SERVERS:-2}
tmp=$(mktemp -d)
ports=()
pids=()

cleanup() {
	for p in "${ports[@]}"; do
		NEO4J_TEST_PORT=$p scripts/neo4j/stop.sh --lease-pid $$ || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

if command -v java >/dev/null && command -v mvn >/dev/null && ((servers > 0)); then
	# Download once, before the servers start side by side.
	NEO4J_TEST_PORT=$port scripts/neo4j/fetch.sh
	for ((i = 0; i < servers; i++)); do
		p=$((port + i))
		ports+=("$p")
		NEO4J_FIXED_PLANS=1 NEO4J_TEST_PORT=$p scripts/neo4j/start.sh --lease-pid $$ >"$tmp/env.$p" &
		pids+=($!)
	done
else
	echo "make test: java or mvn not found: tests that need Neo4j skip (and fail under CI=true)" >&2
fi

status=0
$MAKE --no-print-directory vet fmt-check race || status=$?
for pid in "${pids[@]}"; do
	wait "$pid" || { echo "make test: a test Neo4j did not start" >&2; status=1; }
done
((status == 0)) || exit "$status"

if ((${#ports[@]} > 0)); then
	eval "$(<"$tmp/env.${ports[0]}")"
	uris=()
	for p in "${ports[@]:1}"; do
		uris+=("bolt://127.0.0.1:$p")
	done
	NEO4J_TEST_URIS=$(IFS=,; echo "${uris[*]}")
	export NEO4J_TEST_URIS
fi
$MAKE --no-print-directory smoke all-tests
