// Checkpoint and restore of a 4-validator local network with a follower: every
// validator's signing state goes back together, and the restored chain goes on
// with all four signing.
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { http, createPublicClient } from "viem";
import { type Client, latestHeight, open, waitHeightAdvances } from "../../src/index.js";
import { evmTransfer } from "../local/evm.js";
import { deleteAllAndCheck } from "../local/leftovers.js";
import { testSeid } from "../local/seid.js";

const RECIPIENT = "0x00000000000000000000000000000000000c4c04" as const;
const wait = () => ({ signal: AbortSignal.timeout(180_000) });
let client: Client | undefined;
let stateDir = "";

after(() => deleteAllAndCheck(client, stateDir));

type Sig = { block_id_flag?: unknown; validator_address?: string };
type CommitBody = { signed_header?: { commit?: { signatures?: Sig[] } } };

/** Validators that signed any of the last `blocks` commits: a late vote can miss one commit, not five. */
async function signers(tmRpc: string, blocks: number): Promise<number> {
  const top = await latestHeight(tmRpc);
  const seen = new Set<string>();
  for (let h = top - blocks + 1; h <= top; h++) {
    const body = (await (await fetch(`${tmRpc}/commit?height=${h}`)).json()) as {
      result?: CommitBody;
    } & CommitBody;
    for (const s of (body.result ?? body).signed_header?.commit?.signatures ?? []) {
      const signed = s.block_id_flag === 2 || s.block_id_flag === "BLOCK_ID_FLAG_COMMIT";
      if (signed && s.validator_address) seen.add(s.validator_address);
    }
  }
  return seen.size;
}

test("local: a 4-validator network with a follower rewinds as one and goes on with all four signing", async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-checkpoint4-"));
  client = await open("local", { stateDir });
  const net = await client.createNetwork({ name: "ckpt4", validators: 4 }, wait());
  await net.waitReady(wait());
  const follower = await client.createNode({ name: "ckpt4-rpc", network: "ckpt4" }, wait());
  await follower.waitReady(wait());
  const evm = () => createPublicClient({ transport: http(follower.evmRpc as string, { timeout: 10_000 }) });

  const cp = await net.checkpoint?.({ name: "four", ...wait() });
  assert.deepEqual(cp?.nodes, ["ckpt4-0", "ckpt4-1", "ckpt4-2", "ckpt4-3", "ckpt4-rpc"]);
  const before = await evm().getBalance({ address: RECIPIENT });
  await evmTransfer(follower.evmRpc as string, net.testAccount as never, RECIPIENT, "2");

  await net.restore?.("four", wait());
  await follower.refresh();
  assert.equal(follower.phase, "Running");
  assert.equal(await evm().getBalance({ address: RECIPIENT }), before, "the transfer is gone");
  for (const name of ["ckpt4-0", "ckpt4-3"]) {
    const node = await client.getNode(name);
    await waitHeightAdvances(node.tendermintRpc as string, 3, { timeout: 60_000 });
  }
  // Three of four carry consensus at once; the fourth catches up and signs again within the bound.
  const until = Date.now() + 90_000;
  let signed = await signers(net.tendermintRpc as string, 5);
  while (signed < 4 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    signed = await signers(net.tendermintRpc as string, 5);
  }
  assert.equal(signed, 4, "all four validators sign again after the restore");
  assert.ok((await latestHeight(follower.tendermintRpc as string)) > (cp?.height ?? 0));
  await evmTransfer(follower.evmRpc as string, net.testAccount as never, RECIPIENT, "1");
});

test("behavior: checkpoints in a row of a busy 4-validator network each go on committing", async () => {
  assert.ok(client, "the network of the test above");
  const net = await client.getNetwork("ckpt4");
  // Each one freezes the validators at a safe point and returns only once the restarted chain
  // commits a new block: a halt would be a ChainStalledError here, not a later timeout.
  for (let i = 0; i < 3; i++) {
    const cp = await net.checkpoint?.({ name: `row-${i}`, ...wait() });
    assert.ok(cp && cp.height > 0);
    await waitHeightAdvances(net.tendermintRpc as string, 2, { timeout: 30_000 });
    await net.deleteCheckpoint?.(`row-${i}`);
  }
});
