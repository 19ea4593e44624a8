#!/usr/bin/env bash
# env.sh prints the environment that points the Go tests at the test Neo4j:
#   eval "$(scripts/neo4j/env.sh)"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
print_env
