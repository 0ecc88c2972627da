#!/usr/bin/env bash
# Two Oxigraph read-only replicas of the current release, HAProxy in front of them
# (deploy/replicas.cfg) and `publisher serve` on the balancer, all on loopback, in the
# foreground: Ctrl-C stops everything. The topology of docs/deployment.md ("Oxigraph replicas
# behind HAProxy") on one machine; tests/stores/test_replicas.py runs the same files.
#
#   deploy/cluster.sh [HOME]          (make cluster)
#
# HOME is the project folder (default: the checkout); its release is built when missing. The
# store directory goes under CLUSTER_DIR (default: /tmp/publisher-cluster), one per release,
# loaded once by `publisher load --into-oxigraph`. Ports: PUBLISHER_PORT (8080), STORE_PORT
# (7878), REPLICA_PORTS ("7801 7802"). Needs haproxy (Debian's package) and the oxigraph
# program of the test extra (or on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$(cd "${1:-$here/..}" && pwd)"
bin="${PUBLISHER_BIN:-$here/../.venv/bin}"
cluster="${CLUSTER_DIR:-/tmp/publisher-cluster}"
read -r port1 port2 <<<"${REPLICA_PORTS:-7801 7802}"
store_port="${STORE_PORT:-7878}"
limit="${PUBLISHER_QUERY_TIMEOUT:-30}"

command -v haproxy >/dev/null || { echo "cluster: haproxy is missing (apt-get install haproxy)" >&2; exit 1; }
[ -e "$home/release" ] || "$bin/publisher" build --home "$home"
release="$(readlink -f "$home/release")"
location="$cluster/store-$(basename "$release")"
mkdir -p "$cluster"
[ -d "$location" ] || "$bin/publisher" load --into-oxigraph "$location" --release "$release"

pids=()
stop() { trap - EXIT INT TERM; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait; }
trap stop EXIT INT TERM

"$bin/python" "$here/replicas.py" --location "$location" \
  --replica "r1=127.0.0.1:$port1" --replica "r2=127.0.0.1:$port2" \
  --admin "$cluster/replicas.sock" --pid-dir "$cluster" &
pids+=($!)
# HAProxy gives up on a replica a second after the publisher's own query limit.
STORE_BIND="127.0.0.1:$store_port" REPLICA1="127.0.0.1:$port1" REPLICA2="127.0.0.1:$port2" \
  STORE_LIMIT="$((${limit%.*} + 1))s" REPLICAS_ADMIN="$cluster/replicas.sock" \
  haproxy -db -f "$here/replicas.cfg" &
pids+=($!)
PUBLISHER_QUERY_TIMEOUT="$limit" "$bin/publisher" serve --home "$home" \
  --port "${PUBLISHER_PORT:-8080}" --store "http://127.0.0.1:$store_port/query" \
  --pid-file "$cluster/publisher.pid" &
pids+=($!)
wait -n "${pids[@]}"
