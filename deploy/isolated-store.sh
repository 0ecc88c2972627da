#!/usr/bin/env bash
# Run a SPARQL store in a network namespace of its own, reachable from this host but unable
# to open any connection (docs/deployment.md, "A store that cannot reach out").
#
#   deploy/isolated-store.sh up NAME HOST_IP STORE_IP     # e.g. pubstore 10.203.0.1 10.203.0.2
#   ip netns exec NAME oxigraph serve-read-only --location DIR --bind STORE_IP:7878 &
#   publisher serve --store http://STORE_IP:7878/query
#   deploy/isolated-store.sh down NAME
#
# Needs root, iproute2 and nftables. The namespace has one veth link to the host (a /30) and
# an egress firewall (deploy/store-egress.nft) that lets through only answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action=${1:?up or down}
name=${2:?namespace name}
case "$action" in
  up)
    host_ip=${3:?host address}; store_ip=${4:?store address}
    ip netns add "$name"
    ip link add "h-$name" type veth peer name "s-$name"
    ip link set "s-$name" netns "$name"
    ip addr add "$host_ip/30" dev "h-$name"
    ip link set "h-$name" up
    ip netns exec "$name" ip addr add "$store_ip/30" dev "s-$name"
    ip netns exec "$name" ip link set "s-$name" up
    ip netns exec "$name" ip link set lo up
    ip netns exec "$name" nft -f "$here/store-egress.nft"
    ;;
  down)
    ip netns del "$name" 2>/dev/null || true
    ip link del "h-$name" 2>/dev/null || true
    ;;
  *) echo "usage: $0 up|down NAME [HOST_IP STORE_IP]" >&2; exit 2 ;;
esac
