#!/usr/bin/env bash
# Installs the system tools the tests need when they are missing: openssl (the
# test API server's throwaway PKI) and a C compiler (cgo, for seid builds).
set -euo pipefail
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v cc >/dev/null || missing+=(gcc)
command -v go >/dev/null || missing+=(golang-go)
if ((${#missing[@]})); then
  echo "seinet: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
