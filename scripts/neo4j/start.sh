#!/usr/bin/env bash
# start.sh starts the test Neo4j (see common.sh for its environment) and
# returns once Bolt on 127.0.0.1:$NEO4J_TEST_PORT accepts the test credentials.
#
#   start.sh                  start, or reuse the running one; held until stop.sh
#   start.sh --lease-pid PID  the same, held only while process PID lives and
#                             until `stop.sh --lease-pid PID` (used by make test)
#
# It prints the environment for the Go tests on stdout (eval-able) and its
# progress on stderr. On failure it prints the tail of the log and exits 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# stdout carries only the environment (eval-able); everything else goes to stderr.
exec 3>&1 1>&2

lease=manual
case "${1:-}" in
--lease-pid) lease=pid-${2:?--lease-pid needs a pid} ;;
"") ;;
*) log "usage: start.sh [--lease-pid PID]"; exit 2 ;;
esac

# dump_logs prints what tells why a start failed.
dump_logs() {
	log "last lines of $LOG_FILE:"
	tail -n 40 "$LOG_FILE" >&2 || true
	if [[ -f $HOME_DIR/logs/debug.log ]]; then
		log "last errors of $HOME_DIR/logs/debug.log:"
		grep -E 'ERROR|Exception' "$HOME_DIR/logs/debug.log" | tail -n 20 >&2 || true
	fi
}

# fail stops a half-started DBMS, shows the logs and exits.
fail() {
	log "$*"
	dump_logs
	local pid
	pid=$(cat "$PID_FILE" 2>/dev/null || true)
	[[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null || true
	rm -rf "$RUN_DIR"
	exit 1
}

launch() {
	rm -rf "$RUN_DIR"
	mkdir -p "$HOME_DIR" "$LEASE_DIR" "$LOG_DIR"
	log "starting Neo4j $NEO4J_VERSION on bolt://127.0.0.1:$NEO4J_TEST_PORT, log $LOG_FILE"
	# setsid: the DBMS must outlive this script and not receive the terminal's ^C;
	# 3>&- 9>&-: it must not hold our stdout (a pipe to "$(start.sh)") nor the lock.
	local cds=-Xshare:auto
	if [[ -f $CDS_FILE ]]; then
		cds=-XX:SharedArchiveFile=$CDS_FILE
	elif [[ $NEO4J_CDS == 1 ]]; then
		cds=-XX:ArchiveClassesAtExit=$CDS_DUMP
	fi
	# shellcheck disable=SC2086
	setsid "$JAVA" $NEO4J_JAVA_OPTS "$cds" -Xshare:auto \
		--add-opens=java.base/java.nio=ALL-UNNAMED \
		--add-opens=java.base/java.lang=ALL-UNNAMED \
		--add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
		-Dio.netty.tryReflectionSetAccessible=true \
		-cp "$LAUNCHER_JAR:$LIB_DIR/*" Launcher "$HOME_DIR" "$READY_FILE" \
		</dev/null >"$LOG_FILE" 2>&1 3>&- 9>&- &
	echo $! >"$PID_FILE"
}

# wait_ready waits until the launcher says ready and the port answers.
wait_ready() {
	local pid deadline=$((SECONDS + NEO4J_START_TIMEOUT))
	pid=$(<"$PID_FILE")
	until [[ -f $READY_FILE ]] && port_open; do
		# Not pid_alive: until the forked shell has exec'd java, its
		# command line does not name the Launcher yet.
		proc_alive "$pid" || fail "the Neo4j process $pid exited during start"
		((SECONDS < deadline)) || fail "Bolt did not answer within $NEO4J_START_TIMEOUT s (NEO4J_START_TIMEOUT)"
		sleep 0.5
	done
}

# check_auth logs in over Bolt with the Go driver, when Go is available.
check_auth() {
	command -v go >/dev/null || return 0
	(cd "$NEO4J_ROOT" && NEO4J_URI=bolt://127.0.0.1:$NEO4J_TEST_PORT go run ./scripts/neo4j/probe) ||
		fail "Bolt answers but the Go driver could not log in as neo4j"
}

take_lock
if pid=$(running_pid); then
	log "already running (pid $pid) on bolt://127.0.0.1:$NEO4J_TEST_PORT, log $LOG_FILE"
else
	if port_open; then
		log "port $NEO4J_TEST_PORT is taken by a process that is not ours; set NEO4J_TEST_PORT to a free port"
		exit 1
	fi
	"$NEO4J_SCRIPTS/fetch.sh"
	start=$SECONDS
	launch
	wait_ready
	check_auth
	log "ready in $((SECONDS - start)) s (pid $(<"$PID_FILE"))"
fi
mkdir -p "$LEASE_DIR"
touch "$LEASE_DIR/$lease"
print_env >&3
