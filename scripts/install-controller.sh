#!/usr/bin/env bash
# Builds sei-k8s-controller, its seictl sidecar, kwok, kube-controller-manager,
# kube-scheduler and gofakes3 from their Go modules (through the Go module
# proxy) into a versioned cache, for the k8s controller tests. Each binary is
# its own step: a failed step keeps the ones that built, and a rerun builds only
# what is missing. A second run is a cache hit. Prints per-step timings on
# stderr and the cache directory on the last line of stdout.
#
#   SEINET_CACHE        cache root (default: ${XDG_CACHE_HOME:-~/.cache}/seinet)
#   CONTROLLER_VERSION  github.com/sei-protocol/sei-k8s-controller version (default below)
#   SEICTL_VERSION      github.com/sei-protocol/seictl version (default below)
#   SEI_CONFIG_VERSION  github.com/sei-protocol/sei-config version the controller builds with
#   KWOK_VERSION        sigs.k8s.io/kwok version (default below)
#   KUBE_VERSION        k8s.io/kubernetes version (default below)
#   GOFAKES3_VERSION    github.com/johannesboyne/gofakes3 version (default below)
#   SEINET_BUILD_NICE   niceness of the Go commands (default 10)
set -euo pipefail

CONTROLLER_VERSION=${CONTROLLER_VERSION:-v0.0.0-20260622210026-978577b63c78}
SEICTL_VERSION=${SEICTL_VERSION:-v0.0.68}
SEI_CONFIG_VERSION=${SEI_CONFIG_VERSION:-v0.0.23}
KWOK_VERSION=${KWOK_VERSION:-v0.8.0}
KUBE_VERSION=${KUBE_VERSION:-v1.34.4}
GOFAKES3_VERSION=${GOFAKES3_VERSION:-v1.2.0}
SEINET_BUILD_NICE=${SEINET_BUILD_NICE:-10}
cache_root=${SEINET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/seinet}
out="$cache_root/controller/${CONTROLLER_VERSION##*-}-seictl-${SEICTL_VERSION}-config-${SEI_CONFIG_VERSION}-kwok-${KWOK_VERSION}-kube-${KUBE_VERSION}-gofakes3-${GOFAKES3_VERSION}"
binaries=(sei-k8s-controller seictl kwok kube-controller-manager kube-scheduler gofakes3)

# KWOK's PortForward and Logs CRDs: the pod runner tells KWOK where each pod's
# ports and log files are.
kwok_crd_names=(portforwards logs)
kwok_crds=()
for crd in "${kwok_crd_names[@]}"; do kwok_crds+=("$out/crds/kwok.x-k8s.io_${crd}.yaml"); done

cached=1
for bin in "${binaries[@]}"; do [[ -x "$out/bin/$bin" ]] || cached=0; done
for crd in "${kwok_crds[@]}"; do [[ -f "$crd" ]] || cached=0; done
if (( cached )); then
  echo "seinet: sei-k8s-controller ${CONTROLLER_VERSION}, seictl ${SEICTL_VERSION}, kwok ${KWOK_VERSION}, kube ${KUBE_VERSION} and gofakes3 ${GOFAKES3_VERSION} cached" >&2
  echo "$out"
  exit 0
fi

go_bin=$(command -v go) || { echo "seinet: Go is required to build the controller binaries (not found on PATH)" >&2; exit 1; }

mkdir -p "$out/bin"
work=$(mktemp -d "$cache_root/controller/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The sum database has no entries for the sei-protocol modules.
export GONOSUMDB=github.com/sei-protocol${GONOSUMDB:+,$GONOSUMDB}
export CGO_ENABLED=0

# Every Go command runs niced: these builds share the machine with tests.
go() { nice -n "$SEINET_BUILD_NICE" "$go_bin" "$@"; }

# A writable copy of a module's source, for the builds that edit its go.mod or
# that need its replace directives (go install pkg@version refuses those).
module_copy() { # <module@version> <dir>
  local dir
  dir=$(go mod download -json "$1" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  [[ -n "$dir" ]] || { echo "seinet: cannot download $1" >&2; return 1; }
  cp -r "$dir" "$2"
  chmod -R u+w "$2"
}

# sei-k8s-controller: its go.mod pins sei-config v0.0.20 and an older seictl;
# it builds against the sei-config and seictl the sidecar ships with.
build_controller() {
  module_copy "github.com/sei-protocol/sei-k8s-controller@${CONTROLLER_VERSION}" "$work/controller"
  cd "$work/controller"
  go mod edit \
    -require="github.com/sei-protocol/sei-config@${SEI_CONFIG_VERSION}" \
    -replace="github.com/sei-protocol/sei-config=github.com/sei-protocol/sei-config@${SEI_CONFIG_VERSION}" \
    -replace="github.com/sei-protocol/seictl=github.com/sei-protocol/seictl@${SEICTL_VERSION}"
  GOFLAGS="$(go env GOFLAGS) -mod=mod" go build -trimpath -ldflags "-s -w" -o "$out/bin/sei-k8s-controller.tmp" ./cmd >&2
  mv "$out/bin/sei-k8s-controller.tmp" "$out/bin/sei-k8s-controller"
}

# seictl (the sidecar, `seictl serve`): its main package is the module root,
# and its go.mod carries the replace directives of sei-chain's forks.
build_seictl() {
  module_copy "github.com/sei-protocol/seictl@${SEICTL_VERSION}" "$work/seictl"
  cd "$work/seictl"
  GOFLAGS="$(go env GOFLAGS) -mod=mod" go build -trimpath \
    -ldflags "-s -w -X 'github.com/sei-protocol/seictl/internal/cliutil.Version=${SEICTL_VERSION}'" \
    -o "$out/bin/seictl.tmp" . >&2
  mv "$out/bin/seictl.tmp" "$out/bin/seictl"
}

# kwok and gofakes3 have no replace directives: go install pkg@version builds
# them with their own go.mod and go.sum.
build_kwok() {
  GOBIN="$work/kwok" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@${KWOK_VERSION}" >&2
  mv "$work/kwok/kwok" "$out/bin/kwok"
}

fetch_kwok_crds() {
  local dir crd
  dir=$(go mod download -json "sigs.k8s.io/kwok@${KWOK_VERSION}" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  [[ -n "$dir" ]] || { echo "seinet: cannot download sigs.k8s.io/kwok@${KWOK_VERSION}" >&2; return 1; }
  mkdir -p "$out/crds"
  for crd in "${kwok_crd_names[@]}"; do
    cp "$dir/kustomize/crd/bases/kwok.x-k8s.io_${crd}.yaml" "$out/crds/.tmp"
    chmod u+w "$out/crds/.tmp"
    mv "$out/crds/.tmp" "$out/crds/kwok.x-k8s.io_${crd}.yaml"
  done
}

build_gofakes3() {
  GOBIN="$work/gofakes3" go install -trimpath -ldflags "-s -w" "github.com/johannesboyne/gofakes3/cmd/gofakes3@${GOFAKES3_VERSION}" >&2
  mv "$work/gofakes3/gofakes3" "$out/bin/gofakes3"
}

# kube-controller-manager and kube-scheduler: k8s.io/kubernetes replaces its
# ~30 staging modules with local paths; one wrapper module, holding a main
# package for each, replaces each with its published v0.N.M instead.
kube_wrapper() {
  [[ -f "$work/kube/.resolved" ]] && return 0
  rm -rf "$work/kube"
  mkdir -p "$work/kube/kube-controller-manager" "$work/kube/kube-scheduler"
  cd "$work/kube"
  go mod init seinet.local/kube >/dev/null 2>&1
  local mod staging_version="v0.${KUBE_VERSION#v1.}"
  mod=$(go mod download -json "k8s.io/kubernetes@${KUBE_VERSION}" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')
  {
    echo "require k8s.io/kubernetes ${KUBE_VERSION}"
    echo "replace ("
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$mod" | awk -v v="$staging_version" '{print "\t" $1 " => " $1 " " v}'
    echo ")"
  } >> go.mod
  cat > kube-controller-manager/main.go <<'GO'
package main

import (
	"os"
	_ "time/tzdata" // for CronJob time zones

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() { os.Exit(cli.Run(app.NewControllerManagerCommand())) }
GO
  cat > kube-scheduler/main.go <<'GO'
package main

import (
	"os"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-scheduler/app"
)

func main() { os.Exit(cli.Run(app.NewSchedulerCommand())) }
GO
  echo "seinet: resolving kube ${KUBE_VERSION} modules" >&2
  go mod tidy >&2
  touch .resolved
}

build_kube() { # <kube-controller-manager|kube-scheduler>
  kube_wrapper
  cd "$work/kube"
  # Stamp the version (/version, --version) the way the upstream build does.
  local minor=${KUBE_VERSION#v1.}; minor=${minor%%.*}
  local pkg=k8s.io/component-base/version
  local ldflags="-s -w -X $pkg.gitVersion=${KUBE_VERSION} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor} -X $pkg.gitTreeState=clean"
  go build -trimpath -ldflags "$ldflags" -o "$out/bin/$1.tmp" "./$1" >&2
  mv "$out/bin/$1.tmp" "$out/bin/$1"
}

failed=()
step() { # <binary> <label> <build command...>
  local bin=$1 label=$2 start=$SECONDS rc
  shift 2
  if [[ -x "$out/bin/$bin" ]]; then
    echo "seinet: $label cached" >&2
    return 0
  fi
  echo "seinet: building $label (minutes on a cold cache)" >&2
  set +e
  ( set -e; "$@" )
  rc=$?
  set -e
  if (( rc == 0 )); then
    echo "seinet: built $label in $(( SECONDS - start ))s" >&2
  else
    rm -f "$out/bin/$bin.tmp"
    echo "seinet: building $label failed after $(( SECONDS - start ))s" >&2
    failed+=("$bin")
  fi
}

step sei-k8s-controller "sei-k8s-controller ${CONTROLLER_VERSION}" build_controller
step seictl "seictl ${SEICTL_VERSION}" build_seictl
step kwok "kwok ${KWOK_VERSION}" build_kwok
step kube-controller-manager "kube-controller-manager ${KUBE_VERSION}" build_kube kube-controller-manager
step kube-scheduler "kube-scheduler ${KUBE_VERSION}" build_kube kube-scheduler
step gofakes3 "gofakes3 ${GOFAKES3_VERSION}" build_gofakes3

missing_crds=0
for crd in "${kwok_crds[@]}"; do [[ -f "$crd" ]] || missing_crds=1; done
if (( missing_crds )); then
  if fetch_kwok_crds; then
    echo "seinet: kwok ${KWOK_VERSION} PortForward and Logs CRDs fetched" >&2
  else
    failed+=("kwok CRDs")
  fi
fi

if (( ${#failed[@]} )); then
  echo "seinet: failed to build: ${failed[*]} (the others stay cached in $out/bin; rerun to retry)" >&2
  exit 1
fi
echo "$out"
