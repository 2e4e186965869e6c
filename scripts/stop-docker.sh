#!/usr/bin/env bash
# Stops the dockerd that scripts/install-docker.sh started, found by its pid
# file; a daemon this project did not start is never touched. SIGTERM, up to
# 30 s for a graceful shutdown (dockerd stops its containers and its own
# containerd), then SIGKILL of dockerd and of its containerd.
#
#   scripts/stop-docker.sh [pid]   pid: the SEINET_DOCKERD_STARTED value; when
#                                  given it must match the pid file
#   SEINET_DOCKERD_STATE           as in install-docker.sh
set -euo pipefail

state=${SEINET_DOCKERD_STATE:-${XDG_RUNTIME_DIR:-/tmp}/seinet-dockerd}
pidfile="$state/dockerd.pid"
say() { echo "seinet: $*" >&2; }
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi

if [[ ! -s "$pidfile" ]]; then
  say "no dockerd started by install-docker.sh ($pidfile is absent); nothing to stop"
  exit 0
fi
pid=$(cat "$pidfile")
if [[ -n ${1:-} && $1 != "$pid" ]]; then
  say "pid $1 is not the dockerd install-docker.sh started (its pid file says $pid); not stopping it"
  exit 1
fi
if ! kill -0 "$pid" 2>/dev/null; then
  say "dockerd $pid is already gone"
  $SUDO rm -f "$pidfile"
  exit 0
fi
# Its own containerd (dockerd starts one when none runs), killed if dockerd must be.
containerd_pid=$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null || true)

$SUDO kill -TERM "$pid"
for _ in $(seq 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  say "dockerd $pid did not stop within 30 s; killing it"
  $SUDO kill -KILL "$pid" 2>/dev/null || true
  [[ -n $containerd_pid ]] && $SUDO kill -KILL "$containerd_pid" 2>/dev/null || true
fi
$SUDO rm -f "$pidfile"
say "dockerd $pid stopped"
