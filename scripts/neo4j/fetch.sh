#!/usr/bin/env bash
# fetch.sh downloads Neo4j Community (org.neo4j:neo4j + org.neo4j:neo4j-bolt,
# version NEO4J_VERSION) from Maven Central into the cache and compiles
# Launcher.java against it. Runs that find the cache complete do nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

need() { command -v "$1" >/dev/null || { log "$1 not found on PATH; it is needed to $2"; exit 1; }; }

fetch_jars() {
	[[ -f $LIB_DIR/.complete ]] && return 0
	need mvn "download Neo4j from Maven Central"
	log "downloading Neo4j $NEO4J_VERSION with Maven into $LIB_DIR (first run only)"
	local tmp=$LIB_DIR.tmp.$$
	rm -rf "$tmp"
	mvn -q -B -Dstyle.color=never -f "$NEO4J_SCRIPTS/pom.xml" \
		-Dmaven.repo.local="$M2_DIR" \
		-Dneo4j.version="$NEO4J_VERSION" \
		-Dneo4j.cache="$NEO4J_CACHE_DIR" \
		dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 |
		sed 's/\x1b\[[0-9;]*m//g' >&2 # Maven 3.8 prints colour resets even when quiet
	touch "$tmp/.complete"
	rm -rf "$LIB_DIR"
	mv "$tmp" "$LIB_DIR"
}

compile_launcher() {
	local src=$NEO4J_SCRIPTS/Launcher.java
	[[ -f $LAUNCHER_JAR && $LAUNCHER_JAR -nt $src ]] && return 0
	need "$JAVAC" "compile scripts/neo4j/Launcher.java (install a JDK, not only a JRE)"
	log "compiling Launcher.java into $LAUNCHER_JAR"
	rm -rf "$CLASS_DIR"
	mkdir -p "$CLASS_DIR"
	"$JAVAC" -nowarn -cp "$LIB_DIR/*" -d "$CLASS_DIR" "$src"
	"$JAR" cf "$LAUNCHER_JAR.tmp" -C "$CLASS_DIR" .
	mv "$LAUNCHER_JAR.tmp" "$LAUNCHER_JAR"
	rm -f "$NEO4J_CACHE_DIR"/cds-"$NEO4J_VERSION"-*.jsa # archives name the old jar
}

mkdir -p "$NEO4J_CACHE_DIR"
exec 8>"$NEO4J_CACHE_DIR/fetch.lock"
flock -w 900 8 || { log "another fetch holds $NEO4J_CACHE_DIR/fetch.lock"; exit 1; }
fetch_jars
compile_launcher
