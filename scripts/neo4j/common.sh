# Shared settings of the scripts in scripts/neo4j; sourced, never run.
#
# Environment (all optional):
#   NEO4J_TEST_PORT   Bolt port on 127.0.0.1            (default 7688)
#   NEO4J_PASSWORD    password of user neo4j            (default sdkg-test-pw)
#   NEO4J_VERSION     org.neo4j:neo4j version to run    (default 5.26.30, the 5.26 LTS)
#   NEO4J_CACHE_DIR   jars, Maven repository, run state (default <repo>/.cache/neo4j)
#   NEO4J_JAVA_OPTS   JVM options (default: heap 256m..1g, C1 JIT only, which
#                     starts faster and costs less CPU on a shared machine)
#   JAVA_HOME         JDK to use (default: java on PATH; 2025.x releases need a newer JDK)
#   NEO4J_START_TIMEOUT seconds to wait for Bolt        (default 120)
#   NEO4J_CDS         1: write a class data archive at the first clean stop, so
#                     that later starts are faster (an existing one is always used);
#                     0: do not write one. Default 1, but 0 under CI=true, whose
#                     cache is fresh every run, so writing one would only cost time.

NEO4J_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NEO4J_SCRIPTS=$NEO4J_ROOT/scripts/neo4j
NEO4J_TEST_PORT=${NEO4J_TEST_PORT:-7688}
NEO4J_PASSWORD=${NEO4J_PASSWORD:-sdkg-test-pw}
NEO4J_VERSION=${NEO4J_VERSION:-5.26.30}
NEO4J_CACHE_DIR=${NEO4J_CACHE_DIR:-$NEO4J_ROOT/.cache/neo4j}
NEO4J_JAVA_OPTS=${NEO4J_JAVA_OPTS:--Xms256m -Xmx1g -XX:TieredStopAtLevel=1}
NEO4J_START_TIMEOUT=${NEO4J_START_TIMEOUT:-120}
export NEO4J_TEST_PORT NEO4J_PASSWORD

LIB_DIR=$NEO4J_CACHE_DIR/lib-$NEO4J_VERSION        # runtime jars, complete when .complete exists
CLASS_DIR=$NEO4J_CACHE_DIR/classes-$NEO4J_VERSION  # compiled Launcher
LAUNCHER_JAR=$NEO4J_CACHE_DIR/launcher-$NEO4J_VERSION.jar  # the same in a jar (class data sharing needs jars)
M2_DIR=$NEO4J_CACHE_DIR/m2                         # Maven local repository, reused across runs
RUN_DIR=$NEO4J_CACHE_DIR/run/$NEO4J_TEST_PORT      # state of the DBMS on this port; deleted at stop
HOME_DIR=$RUN_DIR/home                             # the fresh database directory of this run
PID_FILE=$RUN_DIR/neo4j.pid
READY_FILE=$RUN_DIR/ready
LEASE_DIR=$RUN_DIR/leases
LOCK_FILE=$NEO4J_CACHE_DIR/run/$NEO4J_TEST_PORT.lock
LOG_DIR=$NEO4J_CACHE_DIR/logs
LOG_FILE=$LOG_DIR/neo4j-$NEO4J_TEST_PORT.log       # launcher output of the latest run
DEBUG_LOG=$LOG_DIR/debug-$NEO4J_TEST_PORT.log      # Neo4j debug.log of the latest run, kept at stop

if [[ -n ${JAVA_HOME:-} ]]; then
	JAVA=$JAVA_HOME/bin/java
	JAVAC=$JAVA_HOME/bin/javac
	JAR=$JAVA_HOME/bin/jar
else
	JAVA=java
	JAVAC=javac
	JAR=jar
fi
# CDS_FILE: a class data sharing archive of the Neo4j classes, dumped when the
# first run on this JDK stops and mapped by later runs, which then start faster.
JAVA_ID=$(readlink -f "$(command -v "$JAVA" 2>/dev/null || echo none)" | cksum | cut -d' ' -f1)
CDS_FILE=$NEO4J_CACHE_DIR/cds-$NEO4J_VERSION-$JAVA_ID.jsa
CDS_DUMP=$RUN_DIR/classes.jsa                      # where a run without CDS_FILE dumps one
if [[ ${CI:-} == true ]]; then NEO4J_CDS=${NEO4J_CDS:-0}; else NEO4J_CDS=${NEO4J_CDS:-1}; fi

log() { echo "neo4j: $*" >&2; }

# proc_alive PID: the process exists and is not a zombie, whatever it runs.
proc_alive() {
	local pid=$1
	[[ -n $pid && -r /proc/$pid/status ]] || return 1
	! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

# pid_alive PID: the process exists, is not a zombie, and runs our Launcher.
pid_alive() {
	proc_alive "$1" || return 1
	tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'Launcher'
}

# running_pid prints the pid of the DBMS on NEO4J_TEST_PORT and succeeds if it runs.
running_pid() {
	[[ -f $PID_FILE ]] || return 1
	local pid
	pid=$(<"$PID_FILE")
	pid_alive "$pid" || return 1
	echo "$pid"
}

# port_open: something accepts TCP connections on 127.0.0.1:NEO4J_TEST_PORT.
port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$NEO4J_TEST_PORT") 2>/dev/null
}

# take_lock waits (bounded) for exclusive use of this port's run state.
take_lock() {
	mkdir -p "$(dirname "$LOCK_FILE")"
	exec 9>"$LOCK_FILE"
	flock -w 300 9 || { log "another start/stop on port $NEO4J_TEST_PORT holds $LOCK_FILE for 300 s"; exit 1; }
}

print_env() {
	cat <<ENV
export NEO4J_URI=bolt://127.0.0.1:$NEO4J_TEST_PORT
export NEO4J_USER=neo4j
export NEO4J_PASSWORD=$NEO4J_PASSWORD
export NEO4J_DATABASE=neo4j
ENV
}
