#!/usr/bin/env bash
# stop.sh stops the test Neo4j on $NEO4J_TEST_PORT and deletes its database.
#
#   stop.sh                  stop now, whoever else uses it
#   stop.sh --lease-pid PID  release the hold of `start.sh --lease-pid PID`;
#                            stop only if no other live hold remains
#
# The DBMS gets SIGTERM (clean shutdown), then SIGKILL after 30 s. Stopping a
# DBMS that is not running succeeds. No process is left behind.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

lease=
case "${1:-}" in
--lease-pid) lease=pid-${2:?--lease-pid needs a pid} ;;
"") ;;
*) log "usage: stop.sh [--lease-pid PID]"; exit 2 ;;
esac

# other_holds prints the holds other than ours, dropping those of dead processes.
other_holds() {
	local f name
	for f in "$LEASE_DIR"/*; do
		[[ -e $f ]] || continue
		name=$(basename "$f")
		if [[ $name == pid-* ]] && ! kill -0 "${name#pid-}" 2>/dev/null; then
			rm -f "$f"
			continue
		fi
		echo "$name"
	done
}

# terminate stops pid: SIGTERM, wait up to 90 s (a first run also writes its
# class data archive then), then SIGKILL. It fails if SIGKILL was needed.
terminate() {
	local pid=$1 i
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 180; i++)); do
		pid_alive "$pid" || return 0
		sleep 0.5
	done
	log "pid $pid ignored SIGTERM for 90 s; sending SIGKILL"
	kill -KILL "$pid" 2>/dev/null || true
	for ((i = 0; i < 20; i++)); do
		pid_alive "$pid" || return 1
		sleep 0.5
	done
	log "pid $pid survives SIGKILL"
	exit 1
}

# keep_cds keeps the class data archive that a clean stop has just written.
keep_cds() {
	[[ -s $CDS_DUMP && ! -f $CDS_FILE ]] || return 0
	mv "$CDS_DUMP" "$CDS_FILE"
	log "saved class data archive $CDS_FILE for faster starts"
}

take_lock
if [[ -n $lease ]]; then
	rm -f "$LEASE_DIR/$lease"
	holds=$(other_holds | tr '\n' ' ')
	if [[ -n $holds ]] && running_pid >/dev/null; then
		log "left running on port $NEO4J_TEST_PORT: still held by $holds(make neo4j-stop stops it)"
		exit 0
	fi
fi
if pid=$(running_pid); then
	log "stopping pid $pid on port $NEO4J_TEST_PORT"
	terminate "$pid" && keep_cds
else
	log "not running on port $NEO4J_TEST_PORT"
fi
if [[ -f $HOME_DIR/logs/debug.log ]]; then
	mkdir -p "$LOG_DIR"
	cp "$HOME_DIR/logs/debug.log" "$DEBUG_LOG"
fi
rm -rf "$RUN_DIR"
log "stopped; logs kept in $LOG_FILE and $DEBUG_LOG"
