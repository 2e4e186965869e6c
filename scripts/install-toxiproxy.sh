#!/usr/bin/env bash
# Builds Toxiproxy's server (github.com/Shopify/toxiproxy/v2) from the Go
# module proxy into a versioned cache: the local mode's P2P relay, through
# which `disconnect`/`reconnect` cut and restore a node's peer traffic. A
# second run is a cache hit. Prints the binary's path on the last line.
#
#   SEINET_CACHE        cache root (default: ${XDG_CACHE_HOME:-~/.cache}/seinet)
#   TOXIPROXY_VERSION   module version (default below)
set -euo pipefail

TOXIPROXY_VERSION=${TOXIPROXY_VERSION:-v2.5.0}
cache_root=${SEINET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/seinet}
out="$cache_root/toxiproxy/${TOXIPROXY_VERSION}"

if [[ -x "$out/bin/toxiproxy-server" ]]; then
  echo "seinet: toxiproxy ${TOXIPROXY_VERSION} cached" >&2
  echo "$out/bin/toxiproxy-server"
  exit 0
fi

command -v go >/dev/null || { echo "seinet: Go is required to build toxiproxy (not found on PATH)" >&2; exit 1; }

mkdir -p "$out/bin"
work=$(mktemp -d "$cache_root/toxiproxy/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "seinet: building toxiproxy ${TOXIPROXY_VERSION}" >&2
CGO_ENABLED=0 GOBIN="$work" go install -trimpath -ldflags "-s -w" \
  "github.com/Shopify/toxiproxy/v2/cmd/server@${TOXIPROXY_VERSION}" >&2
mv "$work/server" "$out/bin/toxiproxy-server"
echo "$out/bin/toxiproxy-server"
