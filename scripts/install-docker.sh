#!/usr/bin/env bash
# Makes a real Docker engine answer for the docker-mode tests and `seinet image
# build`. Idempotent: when `docker info` already answers, it does nothing.
# Otherwise it installs Debian's docker.io when dockerd is missing, starts
# dockerd in the background and waits (bounded) until `docker info` answers.
#
# stdout: `SEINET_DOCKERD_STARTED=<pid>` only when this run started a dockerd
# (so the caller can stop it with scripts/stop-docker.sh); nothing otherwise.
# stderr: progress. Exit 0 when an engine answers, 4 when none can be had.
#
#   SEINET_DOCKERD_STATE  where the pid file and log go
#                         (default: ${XDG_RUNTIME_DIR:-/tmp}/seinet-dockerd)
#   SEINET_DOCKERD_WAIT   seconds to wait for `docker info` per attempt (default 60)
#
# What dockerd needed on the machines this was written on (Debian 12, kernel
# 6.x VM, root, cgroup v1 hybrid, no systemd as PID 1, ext4 root):
#   - Debian's docker.io 20.10 (pulls in containerd and runc); a newer static
#     docker CLI may sit earlier on PATH and talks to it fine (API negotiation).
#   - No flags at all: storage driver overlay2 (ext4 backing), iptables through
#     the iptables-nft alternative that docker.io's iptables dependency selects,
#     cgroupfs driver on cgroup v1. Bridge networks, container DNS on user
#     networks and `-p 127.0.0.1:…` publishing all work.
#   - systemd does not run the docker.service docker.io installs (no systemd as
#     PID 1; policy-rc.d refuses), hence the background start here.
# Fallbacks, chosen before starting (cheap checks), then once more from
# dockerd's own log if it dies anyway:
#   - storage: overlay2 needs the overlay filesystem and a backing filesystem
#     that is not itself overlayfs (a container inside a container); else vfs
#     (slow, copies every layer, but works everywhere).
#   - iptables: the nft alternative first; if its nat table cannot be read, the
#     legacy alternative; if neither works, --iptables=false (no NAT; published
#     ports still answer through docker-proxy on loopback).
#   - cgroups: dockerd needs a mounted cgroup hierarchy; if /sys/fs/cgroup is
#     empty, mount cgroup2 there.
set -euo pipefail

state=${SEINET_DOCKERD_STATE:-${XDG_RUNTIME_DIR:-/tmp}/seinet-dockerd}
wait_s=${SEINET_DOCKERD_WAIT:-60}
pidfile="$state/dockerd.pid"
logfile="$state/dockerd.log"
say() { echo "seinet: $*" >&2; }
die() {
  say "$*"
  exit 4
}

if docker info >/dev/null 2>&1; then
  say "a Docker engine already answers (${DOCKER_HOST:-unix:///var/run/docker.sock})"
  exit 0
fi
# A remote engine named by DOCKER_HOST is not ours to start.
case "${DOCKER_HOST:-}" in
"" | unix:///var/run/docker.sock) ;;
*) die "DOCKER_HOST=$DOCKER_HOST does not answer (docker info failed); not starting a local dockerd for it" ;;
esac

if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || die "dockerd needs root: run as root or install sudo"
  SUDO=sudo
else
  SUDO=
fi

if ! command -v dockerd >/dev/null; then
  say "installing docker.io (dockerd is missing)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io >/dev/null
fi
command -v dockerd >/dev/null || die "dockerd still missing after installing docker.io"
command -v docker >/dev/null || die "the docker CLI is missing (docker.io should have installed it)"

# A daemon this script started earlier may still be starting up or be wedged.
if [[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  die "a dockerd started by this script (pid $(cat "$pidfile")) runs but does not answer; see $logfile, stop it with scripts/stop-docker.sh"
fi

# --- cheap checks that pick the flags -------------------------------------
flags=()
storage=overlay2
data_root=/var/lib/docker
$SUDO mkdir -p "$data_root"
backing=$(stat -fc %T "$data_root" 2>/dev/null || echo unknown)
grep -qw overlay /proc/filesystems || $SUDO modprobe overlay 2>/dev/null || true
if ! grep -qw overlay /proc/filesystems || [[ $backing == overlayfs ]]; then
  storage=vfs
fi
flags+=("--storage-driver=$storage")

iptables_ok() { $SUDO "$1" -t nat -S >/dev/null 2>&1; }
if command -v iptables-nft >/dev/null && iptables_ok iptables-nft; then
  $SUDO update-alternatives --set iptables /usr/sbin/iptables-nft >/dev/null 2>&1 || true
elif command -v iptables-legacy >/dev/null && iptables_ok iptables-legacy; then
  $SUDO update-alternatives --set iptables /usr/sbin/iptables-legacy >/dev/null 2>&1 || true
  say "iptables: the nft backend does not work here, using iptables-legacy"
else
  flags+=(--iptables=false)
  say "iptables: no working backend, starting dockerd with --iptables=false"
fi

if [[ -z $(ls -A /sys/fs/cgroup 2>/dev/null) ]]; then
  say "cgroups: /sys/fs/cgroup is empty, mounting cgroup2"
  $SUDO mount -t cgroup2 none /sys/fs/cgroup || die "cannot mount cgroup2 on /sys/fs/cgroup; dockerd needs cgroups"
fi

# --- start, wait, and fall back once from dockerd's own log -----------------
$SUDO mkdir -p "$state"
start() {
  say "starting dockerd ${flags[*]} (log: $logfile)"
  $SUDO rm -f "$pidfile"
  # setsid + every fd redirected: dockerd outlives this script and holds no
  # pipe of the caller open (a caller reading our stdout would hang otherwise).
  $SUDO setsid dockerd --pidfile "$pidfile" "${flags[@]}" >"$logfile" 2>&1 </dev/null &
  local launcher=$!
  local deadline=$((SECONDS + wait_s))
  while ((SECONDS < deadline)); do
    if docker info >/dev/null 2>&1 && [[ -s "$pidfile" ]]; then return 0; fi
    # dockerd died (the launcher is dockerd itself, or sudo around it).
    if ! kill -0 "$launcher" 2>/dev/null; then return 1; fi
    sleep 0.5
  done
  say "dockerd did not answer within ${wait_s}s; stopping it"
  [[ -s "$pidfile" ]] && $SUDO kill "$(cat "$pidfile")" 2>/dev/null || $SUDO kill "$launcher" 2>/dev/null || true
  sleep 2
  return 1
}

if ! start; then
  tail -n 20 "$logfile" >&2 || true
  retry=0
  if [[ $storage != vfs ]] && grep -qiE 'overlay|graphdriver|storage-driver|driver not supported' "$logfile"; then
    flags=("${flags[@]/--storage-driver=overlay2/--storage-driver=vfs}")
    say "falling back to the vfs storage driver"
    retry=1
  fi
  if [[ " ${flags[*]} " != *" --iptables=false "* ]] && grep -qiE 'iptables|nat chain|bridge' "$logfile"; then
    flags+=(--iptables=false --bridge=none)
    say "falling back to --iptables=false --bridge=none"
    retry=1
  fi
  ((retry)) && start || die "dockerd did not start; see $logfile"
fi

pid=$(cat "$pidfile")
say "dockerd answers (pid $pid, $(docker info --format '{{.Driver}}' 2>/dev/null) storage)"
echo "SEINET_DOCKERD_STARTED=$pid"
