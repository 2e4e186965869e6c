#!/usr/bin/env bash
# The baseline seinet's local mode is measured against: the shell steps people
# write today to get a private Sei network with followers (init, keys add,
# add-genesis-account, gentx, collect-gentxs, sed over config.toml/app.toml,
# start, poll). Same topology as seinet: V validators, F followers, and for a
# lone validator one extra full node, because block sync needs two peers.
#
#   bench/baseline.sh SEID V F WORKDIR PORT_BASE
# Prints one JSON line of phase timings (ms) on stdout; stops its processes on exit.
set -euo pipefail
seid=$1 v=$2 f=$3 work=$4 base=$5
chain=baseline
rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
now() { date +%s%3N; }
t0=$(now)

extra=0; [ "$v" -eq 1 ] && extra=1
n=$((v + extra + f))
port() { echo $((base + $1 * 10 + $2)); } # node i, slot k

for i in $(seq 0 $((n - 1))); do
  "$seid" init "node$i" --chain-id $chain --home "$work/node$i" >/dev/null 2>&1
done
for i in $(seq 0 $((v - 1))); do
  "$seid" keys add "val$i" --keyring-backend test --home "$work/node0" --output json >"$work/key$i.json" 2>&1
  addr=$(sed -n 's/.*"address":"\([^"]*\)".*/\1/p' "$work/key$i.json")
  "$seid" add-genesis-account "$addr" 10000000000000usei --home "$work/node0" --keyring-backend test
done
mkdir -p "$work/node0/config/gentx"
for i in $(seq 0 $((v - 1))); do
  [ "$i" -gt 0 ] && cp "$work/node0/config/genesis.json" "$work/node$i/config/genesis.json"
  id=$("$seid" tendermint show-node-id --home "$work/node$i")
  "$seid" gentx "val$i" 1000000000000usei --chain-id $chain --home "$work/node$i" --keyring-backend test --keyring-dir "$work/node0" \
    --ip 127.0.0.1 --p2p-port "$(port "$i" 0)" --node-id "$id" \
    --output-document "$work/node0/config/gentx/gentx-$i.json" >/dev/null 2>&1
done
"$seid" collect-gentxs --home "$work/node0" >/dev/null 2>&1
if [ "$v" -eq 1 ]; then
  # A lone validator must be in genesis `validators`, or it waits in block sync.
  python3 - "$work/node0" <<'PY'
import json, sys
home = sys.argv[1]
g = json.load(open(f"{home}/config/genesis.json"))
k = json.load(open(f"{home}/config/priv_validator_key.json"))
g["validators"] = [{"address": k["address"], "pub_key": k["pub_key"], "power": "1000000", "name": "val0"}]
json.dump(g, open(f"{home}/config/genesis.json", "w"))
PY
fi
peers=""
for i in $(seq 0 $((n - 1))); do
  id=$("$seid" tendermint show-node-id --home "$work/node$i")
  peers="$peers${peers:+,}$id@127.0.0.1:$(port "$i" 0)"
done
t_ceremony=$(now)

for i in $(seq 0 $((n - 1))); do
  h="$work/node$i"
  [ "$i" -gt 0 ] && cp "$work/node0/config/genesis.json" "$h/config/genesis.json"
  mode=full; [ "$i" -lt "$v" ] && mode=validator
  sed -i -e "s/^mode = .*/mode = \"$mode\"/" \
    -e "s#^laddr = \"tcp://0.0.0.0:26657\"#laddr = \"tcp://127.0.0.1:$(port "$i" 1)\"#" \
    -e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$(port "$i" 0)\"#" \
    -e "s#^persistent-peers = .*#persistent-peers = \"$peers\"#" \
    -e "s/^allow-duplicate-ip = .*/allow-duplicate-ip = true/" "$h/config/config.toml"
  sed -i -e "s/^http_port = .*/http_port = $(port "$i" 3)/" -e "s/^ws_port = .*/ws_port = $(port "$i" 4)/" \
    -e "s#^address = \"tcp://0.0.0.0:1317\"#address = \"tcp://127.0.0.1:$(port "$i" 2)\"#" \
    -e "s#^address = \"0.0.0.0:9090\"#address = \"127.0.0.1:$(port "$i" 5)\"#" \
    -e "s#^address = \"0.0.0.0:9091\"#address = \"127.0.0.1:$(port "$i" 6)\"#" "$h/config/app.toml"
  "$seid" start --home "$h" >"$work/node$i.log" 2>&1 &
  pids+=($!)
done
t_started=$(now)

status() { curl -s --max-time 2 "http://127.0.0.1:$(port "$1" 1)/status" || true; }
for _ in $(seq 1 1200); do
  h=$(status 0 | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p')
  [ -n "$h" ] && [ "$h" -ge 1 ] && break
  sleep 0.1
done
t_network=$(now)

for i in $(seq $((v + extra)) $((n - 1))); do
  for _ in $(seq 1 1200); do
    s=$(status "$i")
    if echo "$s" | grep -q '"catching_up":false' && ! echo "$s" | grep -q '"latest_block_height":"[01]"'; then
      if curl -s --max-time 2 -X POST -H 'content-type: application/json' \
        -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' \
        "http://127.0.0.1:$(port "$i" 3)" | grep -q '"result"'; then break; fi
    fi
    sleep 0.1
  done
done
t_followers=$(now)
cleanup
t_stopped=$(now)
pids=()
printf '{"ceremonyMs":%d,"startMs":%d,"networkReadyMs":%d,"followersReadyMs":%d,"totalMs":%d,"stopMs":%d}\n' \
  $((t_ceremony - t0)) $((t_started - t_ceremony)) $((t_network - t_started)) $((t_followers - t_network)) \
  $((t_followers - t0)) $((t_stopped - t_followers))
