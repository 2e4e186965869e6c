import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fakeEndpoint, statusBody } from "../../readiness/fakeEndpoint.fixture.js";
import type { CheckpointMember } from "./checkpointOps.js";
import { fakeCheckpoints } from "./fakeCheckpoints.fixture.js";
import { SAFE_POINT_TRIES, stopAtSafePoint } from "./stopAtSafePoint.js";

const node = (name: string, role: CheckpointMember["role"]): CheckpointMember => ({
  name,
  namespace: "default",
  role,
  seid: "v6.6.2",
  tendermintRpc: undefined,
});
const members = [node("n-0", "validator"), node("n-1", "validator"), node("n-rpc", "follower")];
const noGap = () => 0;

describe("stopAtSafePoint", () => {
  test("default: validators frozen, read and killed at once; the rest stopped as usual", async () => {
    const ops = fakeCheckpoints<null>(members);
    assert.deepEqual(await stopAtSafePoint(ops, members, undefined, undefined, noGap), {
      tries: 1,
      safe: true,
    });
    assert.deepEqual(ops.calls, ["stop n-rpc", "freeze n-0,n-1", "kill n-0,n-1"]);
    assert.equal(ops.running.size, 0);
  });

  test("behavior: a validator caught after its prevote is let go and frozen again", async () => {
    const ops = fakeCheckpoints<null>(members);
    ops.signStep = (name, freeze) => (name === "n-1" && freeze < 3 ? 2 : 3);
    assert.deepEqual(await stopAtSafePoint(ops, members, undefined, undefined, noGap), {
      tries: 3,
      safe: true,
    });
    assert.deepEqual(ops.calls, [
      "stop n-rpc",
      "freeze n-0,n-1",
      "thaw n-0,n-1",
      "freeze n-0,n-1",
      "thaw n-0,n-1",
      "freeze n-0,n-1",
      "kill n-0,n-1",
    ]);
  });

  test("behavior: a freeze that does not get every node still counts as a try, and reads nothing", async () => {
    const ops = fakeCheckpoints<null>(members);
    ops.still = (freeze) => freeze > 1;
    let reads = 0;
    const read = ops.readHomeFile;
    ops.readHomeFile = async (m, rel) => {
      reads++;
      return read(m, rel);
    };
    assert.deepEqual(await stopAtSafePoint(ops, members, undefined, undefined, noGap), {
      tries: 2,
      safe: true,
    });
    assert.equal(reads, 2, "only the second freeze's states are read");
    assert.deepEqual(ops.calls, ["stop n-rpc", "freeze n-0,n-1", "freeze n-0,n-1", "kill n-0,n-1"]);
  });

  test("behavior: no safe point within the bound stops them where they are, and says so", async () => {
    const ops = fakeCheckpoints<null>(members);
    ops.signStep = () => 2;
    assert.deepEqual(await stopAtSafePoint(ops, members, undefined, undefined, noGap), {
      tries: SAFE_POINT_TRIES,
      safe: false,
    });
    assert.equal(ops.freezes, SAFE_POINT_TRIES);
    assert.equal(ops.calls.at(-1), "stop n-0,n-1");
  });

  test("error: a sign state that cannot be read lets the validators go before it is thrown", async () => {
    const ops = fakeCheckpoints<null>(members);
    ops.readHomeFile = async () => {
      throw new Error("engine gone");
    };
    await assert.rejects(stopAtSafePoint(ops, members, undefined, undefined, noGap), /engine gone/);
    assert.deepEqual(ops.calls, ["stop n-rpc", "freeze n-0,n-1", "thaw n-0,n-1"]);
  });

  test("behavior: an aborted signal ends the search, not the stop: the validators go down where they are", async () => {
    const ops = fakeCheckpoints<null>(members);
    ops.signStep = () => 2;
    const controller = new AbortController();
    const freeze = ops.freeze;
    ops.freeze = async (ms) => {
      const still = await freeze(ms);
      if (ops.freezes === 2) controller.abort();
      return still;
    };
    assert.deepEqual(await stopAtSafePoint(ops, members, undefined, controller.signal, noGap), {
      tries: 2,
      safe: false,
    });
    assert.equal(ops.calls.filter((c) => c.startsWith("freeze")).length, 2);
    assert.deepEqual(ops.calls.slice(-2), ["thaw n-0,n-1", "stop n-0,n-1"]);
    assert.equal(ops.running.size, 0);
  });

  test("default: no validator (a follower-only set) only stops", async () => {
    const ops = fakeCheckpoints<null>(members);
    const rpc = [node("n-rpc", "follower")];
    assert.deepEqual(await stopAtSafePoint(ops, rpc, undefined, undefined, noGap), { tries: 0, safe: true });
    assert.deepEqual(ops.calls, ["stop n-rpc"]);
  });

  test("behavior: voting power decides: one prevote of four stops at once, unless it holds a third", async (t) => {
    const address = (i: number) => String(i).repeat(40);
    const run = async (powers: number[], committed = 6) => {
      const four = await Promise.all(
        powers.map(async (_, i) => {
          const own = await fakeEndpoint(t, () => ({
            json: { ...statusBody({ height: committed }), validator_info: { address: address(i) } },
          }));
          return { ...node(`n-${i}`, "validator"), tendermintRpc: own.base };
        }),
      );
      const rpc = await fakeEndpoint(t, () => ({
        json: {
          result: {
            validators: powers.map((power, i) => ({ address: address(i), voting_power: String(power) })),
            total: String(powers.length),
          },
        },
      }));
      const ops = fakeCheckpoints<null>(four);
      ops.signStep = (name, freeze) => (name === "n-0" && freeze < 3 ? 2 : 3);
      return stopAtSafePoint(ops, four, rpc.base, undefined, noGap);
    };
    assert.deepEqual(await run([10, 10, 10, 10]), { tries: 1, safe: true });
    assert.deepEqual(await run([40, 10, 10, 10]), { tries: 3, safe: true });
    // The fake signs at height 7: a node that had committed 7 prevoted for a block already made.
    assert.deepEqual(await run([40, 10, 10, 10], 7), { tries: 1, safe: true }, "a stale prevote");
  });
});
