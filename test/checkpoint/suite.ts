// Checkpoint and restore on a real network, the same cases in every mode that
// has them: one network (1 validator, its sentry, 1 follower) shared by all.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { http, createPublicClient } from "viem";
import {
  type Client,
  ConflictError,
  type Network,
  type Node,
  NotFoundError,
  UsageError,
  latestHeight,
} from "../../src/index.js";
import { evmTransfer } from "../local/evm.js";

/** How a mode's checkpoint suite makes its client and network. */
export interface CheckpointSuite {
  mode: string;
  /** Runs first in the suite's `before` (a seid, an engine, a state dir). */
  setup(): Promise<void>;
  open(): Promise<Client>;
  /** Extra spec fields (docker: the image). */
  spec(): Record<string, unknown>;
}

const RECIPIENT = "0x00000000000000000000000000000000000c0ffe" as const;
const wait = () => ({ signal: AbortSignal.timeout(180_000) });

async function balance(evmRpc: string): Promise<bigint> {
  return createPublicClient({ transport: http(evmRpc, { timeout: 10_000 }) }).getBalance({
    address: RECIPIENT,
  });
}

/** Registers the suite: the network is made once, in `before`, and deleted in `after`. */
export function checkpointSuite(suite: CheckpointSuite): void {
  const name = `ckpt-${suite.mode}`;
  let client: Client;
  let net: Network;
  let follower: Node;
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[label] = Math.round(performance.now() - t0);
    }
  };

  before(async () => {
    await suite.setup();
    client = await suite.open();
    net = await timed("create+ready", async () => {
      const made = await client.createNetwork({ name, validators: 1, ...suite.spec() }, wait());
      await made.waitReady(wait());
      return made;
    });
    follower = await client.createNode({ name: `${name}-rpc`, network: name }, wait());
    await follower.waitReady(wait());
  });

  after(async () => {
    console.error(`${suite.mode} checkpoint timings (ms, shared 2-core machine): ${JSON.stringify(timings)}`);
    await net?.delete({ cascade: true });
    await client?.close();
  });

  describe(`${suite.mode}: checkpoint and restore`, () => {
    test("default: a transfer sent after a checkpoint is gone after restore; restoring twice works", async () => {
      const evmRpc = follower.evmRpc as string;
      const cp = await timed(
        "checkpoint",
        () => net.checkpoint?.({ name: "base", ...wait() }) as Promise<never>,
      );
      const record = cp as unknown as {
        name: string;
        height: number;
        bytes: number;
        nodes: string[];
        copyMs: number;
      };
      assert.equal(record.name, "base");
      assert.ok(record.height > 1, `height ${record.height}`);
      assert.deepEqual(record.nodes, [`${name}-0`, `${name}-sentry`, `${name}-rpc`]);
      assert.ok(record.bytes > 0);
      console.error(`${suite.mode} checkpoint: ${record.bytes} bytes, nodes stopped ${record.copyMs} ms`);
      assert.equal(net.phase, "Ready");
      assert.deepEqual(
        (await net.checkpoints?.())?.map((c) => c.name),
        ["base"],
      );

      const before = await balance(evmRpc);
      await evmTransfer(evmRpc, net.testAccount as never, RECIPIENT);
      assert.ok((await balance(evmRpc)) > before);
      const heightBefore = await latestHeight(net.tendermintRpc as string);

      await timed("restore", () => net.restore?.("base", wait()) as Promise<void>);
      assert.equal(net.phase, "Ready");
      await follower.refresh();
      assert.equal(follower.phase, "Running");
      assert.equal(await balance(follower.evmRpc as string), before, "the transfer is gone");
      const heightAfter = await latestHeight(net.tendermintRpc as string);
      assert.ok(heightAfter < heightBefore + 50, `rewound: ${heightAfter} vs ${heightBefore} before`);

      // Again, after the chain moved on from the restored state.
      await evmTransfer(follower.evmRpc as string, net.testAccount as never, RECIPIENT);
      await timed("restore again", () => net.restore?.("base", wait()) as Promise<void>);
      await follower.refresh();
      assert.equal(await balance(follower.evmRpc as string), before, "restored twice");
      // And the restored chain goes on: a new transfer is mined.
      await evmTransfer(follower.evmRpc as string, net.testAccount as never, RECIPIENT);
    });

    test("error: bad input is refused and leaves the network untouched", async () => {
      const height = await latestHeight(net.tendermintRpc as string);
      await assert.rejects(net.restore?.("no-such", wait()) as Promise<void>, (e: unknown) => {
        assert.ok(e instanceof NotFoundError, String(e));
        assert.equal(e.kind, "checkpoint");
        return true;
      });
      await assert.rejects(net.restore?.("Bad Name", wait()) as Promise<void>, UsageError);
      await assert.rejects(net.checkpoint?.({ name: "../up", ...wait() }) as Promise<never>, UsageError);
      await assert.rejects(net.checkpoint?.({ name: "base", ...wait() }) as Promise<never>, ConflictError);
      await assert.rejects(net.deleteCheckpoint?.("no-such") as Promise<void>, NotFoundError);
      await net.refresh();
      assert.equal(net.phase, "Ready");
      assert.ok((await latestHeight(net.tendermintRpc as string)) >= height, "the chain went on");
    });

    test("error: two checkpoints of one network at once: one wins, the other is a ConflictError", async () => {
      const other = await client.getNetwork(name);
      const results = await Promise.allSettled([
        net.checkpoint?.({ name: "race-a", ...wait() }) as Promise<unknown>,
        other.checkpoint?.({ name: "race-b", ...wait() }) as Promise<unknown>,
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      assert.equal(won.length, 1, JSON.stringify(results.map((r) => r.status)));
      assert.ok((lost[0] as PromiseRejectedResult).reason instanceof ConflictError);
      await net.refresh();
      assert.equal(net.phase, "Ready");
      for (const c of (await net.checkpoints?.()) ?? [])
        if (c.name !== "base") await net.deleteCheckpoint?.(c.name);
      assert.deepEqual(
        (await net.checkpoints?.())?.map((c) => c.name),
        ["base"],
      );
    });
  });
}
