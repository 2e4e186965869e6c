import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { votingPowers } from "./votingPowers.js";

const A = "ab".repeat(20);
const B = "CD".repeat(20);

describe("votingPowers", () => {
  test("default: powers by upper-case address, with or without the JSON-RPC envelope, page by page", async (t) => {
    const pages = [
      { result: { validators: [{ address: A, voting_power: "1000000" }], total: "2" } },
      { validators: [{ address: B, voting_power: "5" }], total: "2" },
    ];
    const rpc = await fakeEndpoint(t, (_req, i) => ({ json: pages[i] }));
    const powers = await votingPowers(rpc.base);
    assert.deepEqual(
      [...powers],
      [
        [A.toUpperCase(), 1_000_000],
        [B, 5],
      ],
    );
    assert.deepEqual(
      rpc.requests.map((r) => r.path),
      ["/validators?per_page=100&page=1", "/validators?per_page=100&page=2"],
    );
  });

  test("error: an endpoint that fails is an error, not an empty set", async (t) => {
    const rpc = await fakeEndpoint(t, () => ({ status: 500, text: "down" }));
    await assert.rejects(votingPowers(rpc.base));
  });
});
