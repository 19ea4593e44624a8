#!/usr/bin/env bash
# run.sh measures `sdkg serve` under load: for each backend named on the
# command line (embedded, neo4j; default embedded) it loads a generated graph
# (scripts/loadtest, LOADTEST_EDGES edges), serves it on a free loopback
# port, and drives each query with hey from a second process, LOADTEST_CLIENTS
# concurrent clients for LOADTEST_DURATION each, then prints p50, p99 and
# requests/s in a table and stops the server.
#
#   scripts/loadtest/run.sh embedded neo4j
#
# Environment (all optional):
#   LOADTEST_EDGES     edges of the generated graph           (default 100000)
#   LOADTEST_DURATION  hey -z, per query and concurrency      (default 20s)
#   LOADTEST_CLIENTS   concurrencies, space-separated         (default "1 4")
#   LOADTEST_QUERIES   bodies written by scripts/loadtest     (default "network-hub collaborators-hub")
#   LOADTEST_OUT       where the table is also written        (default none)
#   LOADTEST_GOGC      GOGC of the server                     (default: unset, sdkg serve runs at 400)
#   HEY_VERSION        github.com/rakyll/hey version          (default v0.1.4)
#   neo4j: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE of a running
#   Neo4j whose database may be written to (`make loadtest` starts its own).
#
# hey rather than wrk: it installs from the Go module proxy with the toolchain
# the project already needs, sends a POST body from a file without a Lua
# script, and prints the latency percentiles and requests/s we report.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
EDGES=${LOADTEST_EDGES:-100000}
DURATION=${LOADTEST_DURATION:-20s}
CLIENTS=${LOADTEST_CLIENTS:-1 4}
QUERIES=${LOADTEST_QUERIES:-network-hub collaborators-hub}
HEY_VERSION=${HEY_VERSION:-v0.1.4}
SERVER_GOGC=${LOADTEST_GOGC:-} # empty: sdkg serve's own default (400)
GO=${GO:-go}

log() { echo "loadtest: $*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sdkg-loadtest.XXXXXX")
SERVER_PID=
cleanup() {
	stop_server
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# stop_server sends SIGTERM (graceful drain) to the server we started, then
# SIGKILL if it has not exited within 10 s.
stop_server() {
	[[ -n $SERVER_PID ]] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null || true
	for _ in $(seq 100); do
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=
}

# build compiles sdkg, the loader and hey into $WORK/bin.
build() {
	mkdir -p "$WORK/bin"
	log "building sdkg, scripts/loadtest and hey $HEY_VERSION"
	(cd "$ROOT" && $GO build -o "$WORK/bin/sdkg" . && $GO build -o "$WORK/bin/loadtest" ./scripts/loadtest)
	GOBIN=$WORK/bin $GO install "github.com/rakyll/hey@$HEY_VERSION"
}

# free_port prints a loopback port nothing listens on.
free_port() {
	local p
	for p in $(shuf -i 20000-60000 -n 50); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	log "no free port found"
	return 1
}

# start_server serves the configured store on 127.0.0.1:$1 and waits
# (at most 120 s) until /readyz answers.
start_server() {
	local port=$1 log_file=$2
	local gogc=()
	[[ -n $SERVER_GOGC ]] && gogc=("GOGC=$SERVER_GOGC")
	env -u GOGC "${gogc[@]}" SDKG_ADDR=127.0.0.1:$port "$WORK/bin/sdkg" serve >"$log_file" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1200); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then
			return 0
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			log "sdkg serve exited; its log:"
			tail -n 20 "$log_file" >&2
			return 1
		fi
		sleep 0.1
	done
	log "sdkg serve not ready after 120 s"
	return 1
}

# check_query sends the body once and fails unless it is answered without errors.
check_query() {
	local url=$1 body=$2 out=$WORK/answer.json
	local code
	code=$(curl -sS -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$body" "$url")
	if [[ $code != 200 ]] || grep -q '"errors"' "$out"; then
		log "query $(basename "$body") answered HTTP $code: $(head -c 300 "$out")"
		return 1
	fi
	log "$(basename "$body" .json): $(wc -c <"$out") bytes"
}

# measure runs hey and prints one table row: backend query clients p50 p99
# req/s requests. Percentiles are nearest-rank over every request's time
# (hey's CSV output): hey's own summary leaves p99 out below 100 requests.
measure() {
	local backend=$1 url=$2 body=$3 clients=$4 out
	out=$WORK/hey-$backend-$(basename "$body" .json)-$clients.csv
	"$WORK/bin/hey" -z "$DURATION" -c "$clients" -o csv -m POST -T application/json -D "$body" "$url" >"$out"
	local bad
	bad=$(awk -F, 'NR > 1 && $7 != 200' "$out" | wc -l)
	if [[ $bad -gt 0 ]]; then
		log "$bad answers were not HTTP 200; first: $(awk -F, 'NR > 1 && $7 != 200' "$out" | head -n 1)"
		return 1
	fi
	if ! kill -0 "$SERVER_PID" 2>/dev/null; then
		log "sdkg serve died during the run"
		return 1
	fi
	# Sorted times, one per line; the elapsed time is the latest end (offset + time).
	awk -F, 'NR > 1 { print $1 }' "$out" | sort -g >"$out.sorted"
	awk -F, -v b="$backend" -v q="$(basename "$body" .json)" -v c="$clients" -v sorted="$out.sorted" '
		NR > 1 { n++; if ($8 + $1 > end) end = $8 + $1 }
		END {
			if (n == 0) { print "no request completed" > "/dev/stderr"; exit 1 }
			for (i = 1; (getline v < sorted) > 0; i++) t[i] = v
			p50 = t[int(0.50 * n + 0.999999)]; p99 = t[int(0.99 * n + 0.999999)]
			printf "| %s | %s | %s | %.1f | %.1f | %.1f | %d |\n", b, q, c, p50 * 1000, p99 * 1000, n / end, n
		}' "$out"
}

# store_means prints, from the server's /metrics, the mean time of each
# store method and GraphQL operation over everything the server answered
# (the warm-up and every run), in ms.
store_means() {
	local backend=$1 port=$2
	curl -fsS "http://127.0.0.1:$port/metrics" | awk -v b="$backend" '
		/^sdkg_(store_call|graphql_operation)_duration_seconds_(sum|count)\{/ {
			match($0, /(method|operation)="[^"]*"/)
			key = substr($0, RSTART, RLENGTH); gsub(/"/, "", key)
			if ($0 ~ /_sum\{/) sum[key] += $2; else count[key] += $2
		}
		END {
			for (k in sum) if (count[k] > 0)
				printf "| %s | %s | %d | %.1f |\n", b, k, count[k], 1000 * sum[k] / count[k]
		}' | sort
}

# run_backend loads, serves and measures one backend, printing its rows.
run_backend() {
	local backend=$1 port q c
	case $backend in
	embedded) export SDKG_STORE=embedded SDKG_DATA=$WORK/data ;;
	neo4j)
		export SDKG_STORE=neo4j
		[[ -n ${NEO4J_URI:-} ]] || { log "neo4j: set NEO4J_URI (make loadtest starts a Neo4j)"; return 1; }
		;;
	*) log "unknown backend $backend (want embedded or neo4j)"; return 1 ;;
	esac
	log "$backend: loading $EDGES edges"
	"$WORK/bin/loadtest" -edges "$EDGES" -out "$WORK/q-$backend" >"$WORK/queries-$backend.txt"
	cat "$WORK/queries-$backend.txt" >&2
	port=$(free_port)
	start_server "$port" "$WORK/serve-$backend.log"
	local url=http://127.0.0.1:$port/graphql
	for q in $QUERIES; do
		check_query "$url" "$WORK/q-$backend/$q.json"
	done
	for q in $QUERIES; do
		for c in $CLIENTS; do
			log "$backend $q: $c client(s) for $DURATION"
			measure "$backend" "$url" "$WORK/q-$backend/$q.json" "$c"
		done
	done
	store_means "$backend" "$port" >>"$WORK/means.md"
	stop_server
}

main() {
	local backends=("$@")
	[[ ${#backends[@]} -gt 0 ]] || backends=(embedded)
	build
	local table=$WORK/table.md
	{
		echo "load before: $(uptime)"
		echo
		echo "| backend | query | clients | p50 ms | p99 ms | req/s | requests |"
		echo "|---|---|---|---|---|---|---|"
	} >"$table"
	for b in "${backends[@]}"; do
		run_backend "$b" >>"$table"
	done
	{
		echo
		echo "Server-side means from /metrics (all requests of the backend's runs):"
		echo
		echo "| backend | store method or operation | calls | mean ms |"
		echo "|---|---|---|---|"
		cat "$WORK/means.md" 2>/dev/null || true
		echo
		echo "load after: $(uptime)"
		echo "command: scripts/loadtest/run.sh ${backends[*]} (LOADTEST_EDGES=$EDGES LOADTEST_DURATION=$DURATION LOADTEST_CLIENTS=\"$CLIENTS\" LOADTEST_GOGC=${SERVER_GOGC:-unset}, hey $HEY_VERSION)"
	} >>"$table"
	cat "$table"
	if [[ -n ${LOADTEST_OUT:-} ]]; then
		cp "$table" "$LOADTEST_OUT"
	fi
}

main "$@"
