#!/usr/bin/env bash
# Builds a real kube-apiserver and etcd from their Go modules (through the Go
# module proxy) into a versioned cache, for the k8s-mode tests. A second run is
# a cache hit. Prints the cache directory on the last line of stdout.
#
#   SEINET_CACHE   cache root (default: ${XDG_CACHE_HOME:-~/.cache}/seinet)
#   KUBE_VERSION   k8s.io/kubernetes version (default below)
#   ETCD_VERSION   go.etcd.io/etcd/server/v3 version (default below)
set -euo pipefail

KUBE_VERSION=${KUBE_VERSION:-v1.34.4}
ETCD_VERSION=${ETCD_VERSION:-v3.6.5}
cache_root=${SEINET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/seinet}
out="$cache_root/kube/${KUBE_VERSION}-etcd-${ETCD_VERSION}"

if [[ -x "$out/bin/kube-apiserver" && -x "$out/bin/etcd" ]]; then
  echo "seinet: kube-apiserver ${KUBE_VERSION} and etcd ${ETCD_VERSION} cached" >&2
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "seinet: Go is required to build kube-apiserver and etcd (not found on PATH)" >&2; exit 1; }

mkdir -p "$out/bin"
work=$(mktemp -d "$cache_root/kube/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
staging_version="v0.${KUBE_VERSION#v1.}"

# kube-apiserver: k8s.io/kubernetes replaces its ~30 staging modules with local
# paths; a wrapper module replaces each with its published v0.N.M instead.
mkdir -p "$work/apiserver"
(
  cd "$work/apiserver"
  go mod init seinet.local/kube-apiserver >/dev/null 2>&1
  mod=$(go mod download -json "k8s.io/kubernetes@${KUBE_VERSION}" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')
  {
    echo "require k8s.io/kubernetes ${KUBE_VERSION}"
    echo "replace ("
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$mod" | awk -v v="$staging_version" '{print "\t" $1 " => " $1 " " v}'
    echo ")"
  } >> go.mod
  cat > main.go <<'GO'
package main

import (
	"os"

	_ "k8s.io/kubernetes/pkg/features"
	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() { os.Exit(cli.Run(app.NewAPIServerCommand())) }
GO
  echo "seinet: resolving kube-apiserver ${KUBE_VERSION} modules" >&2
  go mod tidy >&2
  echo "seinet: building kube-apiserver ${KUBE_VERSION} (several minutes on a cold cache)" >&2
  # Stamp the version (/version, --version) the way the upstream build does;
  # without it the server reports v0.0.0-master.
  minor=${KUBE_VERSION#v1.}; minor=${minor%%.*}
  pkg=k8s.io/component-base/version
  ldflags="-s -w -X $pkg.gitVersion=${KUBE_VERSION} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor} -X $pkg.gitTreeState=clean"
  CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out/bin/kube-apiserver.tmp" . >&2
  mv "$out/bin/kube-apiserver.tmp" "$out/bin/kube-apiserver"
)

# etcd: its server package exposes etcdmain.Main(args).
mkdir -p "$work/etcd"
(
  cd "$work/etcd"
  go mod init seinet.local/etcd >/dev/null 2>&1
  cat > main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  go get "go.etcd.io/etcd/server/v3@${ETCD_VERSION}" >&2
  go mod tidy >&2
  echo "seinet: building etcd ${ETCD_VERSION}" >&2
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out/bin/etcd.tmp" . >&2
  mv "$out/bin/etcd.tmp" "$out/bin/etcd"
)

echo "$out"
