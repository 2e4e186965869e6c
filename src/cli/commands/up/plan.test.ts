import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../../../errors/usage.js";
import { parseManifest } from "../../../manifest/parseManifest.js";
import { MAX_RPC_NODES, planUp } from "./plan.js";

// A real bech32 account address (a seid v6.6.2 validator's).
const ADDRESS = "sei1y20ly4whgfjwg8aeu7j5uyu6ejzx08hfvy5maa";

type Values = Record<string, string | boolean | string[]>;

const plan = (values: Values, positionals: string[] = []) => planUp({ values, positionals });

function usage(values: Values, message: RegExp, positionals: string[] = []): void {
  assert.throws(
    () => plan(values, positionals),
    (err: unknown) => err instanceof UsageError && message.test(err.message),
  );
}

describe("planUp", () => {
  test("default: one validator, one RPC node named devnet-rpc-0, 5 minutes", () => {
    assert.deepEqual(plan({}), {
      name: "devnet",
      spec: {},
      namespace: undefined,
      validators: 1,
      followers: [{ name: "devnet-rpc-0", network: "devnet" }],
      timeoutMs: 300_000,
      mode: "local",
      binary: undefined,
      image: undefined,
      keepOnFailure: false,
      fresh: false,
      from: undefined,
      showKey: false,
      timings: false,
    });
  });

  test("args: every flag", () => {
    const p = plan({
      name: "ci",
      namespace: "team-a",
      validators: "4",
      "rpc-nodes": "3",
      timeout: "90s",
      binary: "v6.5.2",
      "keep-on-failure": true,
      "show-key": true,
      timings: true,
      fresh: true,
    });
    assert.deepEqual(p, {
      name: "ci",
      spec: {},
      namespace: "team-a",
      validators: 4,
      followers: ["ci-rpc-0", "ci-rpc-1", "ci-rpc-2"].map((name) => ({ name, network: "ci" })),
      timeoutMs: 90_000,
      mode: "local",
      binary: "v6.5.2",
      image: undefined,
      keepOnFailure: true,
      fresh: true,
      from: undefined,
      showKey: true,
      timings: true,
    });
  });

  test("args: --rpc-nodes 0 starts no follower", () => {
    assert.deepEqual(plan({ "rpc-nodes": "0" }).followers, []);
  });

  test("error: 2 validators deadlock", () => {
    usage({ validators: "2" }, /A network of 2 validators deadlocks/);
  });

  test("error: bad numbers", () => {
    usage({ validators: "0" }, /^Expected `--validators` to be an integer from 1 to 100, got "0"\.$/);
    usage({ validators: "101" }, /`--validators` to be an integer from 1 to 100, got "101"/);
    usage({ validators: "1.5" }, /`--validators`.*got "1\.5"/);
    usage({ validators: "three" }, /`--validators`.*got "three"/);
    usage({ "rpc-nodes": "-1" }, /`--rpc-nodes` to be an integer from 0 to 20, got "-1"/);
    usage({ "rpc-nodes": String(MAX_RPC_NODES + 1) }, /`--rpc-nodes`/);
  });

  test("error: bad duration, name, namespace, binary, stray argument", () => {
    usage({ timeout: "5" }, /`--timeout` to be a positive duration with a unit/);
    usage({ name: "Bad_Name" }, /^Expected `--name` to be a DNS-1123 label/);
    usage(
      { name: "a".repeat(60) },
      /`--name` "a{60}" is too long: its RPC node "a{60}-rpc-0" would exceed 63/,
    );
    usage({ namespace: "NS!" }, /^Expected `--namespace` to be a DNS-1123 label/);
    usage({ binary: " " }, /`--binary`/);
    usage({}, /^Unexpected argument "extra"\. Usage: seinet up/, ["extra"]);
  });

  test("args: --mode docker with --image runs that image; without it, the image is built from --binary", () => {
    const withImage = plan({ mode: "docker", image: "seinet/seid:v6.6.2-abc" });
    assert.equal(withImage.mode, "docker");
    assert.equal(withImage.image, "seinet/seid:v6.6.2-abc");
    const fromBinary = plan({ mode: "docker", binary: "v6.6.2" });
    assert.equal(fromBinary.image, undefined);
    assert.equal(fromBinary.binary, "v6.6.2");
  });

  test("error: --mode other than local or docker, --image in the local mode, --image with --binary", () => {
    usage({ mode: "k8s" }, /`--mode` to be "local" or "docker", got "k8s"/);
    usage({ image: "seinet/seid:x" }, /`--image` applies to `--mode docker`/);
    usage({ mode: "docker", image: "seinet/seid:x", binary: "v6.6.2" }, /`--image` or `--binary`, not both/);
    usage({ mode: "docker", image: " " }, /`--image` to be a seid image reference/);
  });

  test("args: --chain-id, repeatable --genesis, --config and --account fill the spec", () => {
    const p = plan({
      "chain-id": "sei",
      genesis: [
        "gov.voting_params.voting_period=30s",
        "staking.params.max_validators=50",
        'mint.params.x={"a":1}',
      ],
      config: ["mempool.size=10000"],
      account: [`${ADDRESS}=1000usei,5uatom`],
    });
    assert.deepEqual(p.spec, {
      chainId: "sei",
      genesis: {
        "gov.voting_params.voting_period": "30s",
        "staking.params.max_validators": 50,
        "mint.params.x": { a: 1 },
      },
      config: { "mempool.size": "10000" },
      accounts: [{ address: ADDRESS, balance: "1000usei,5uatom" }],
    });
  });

  test("error: malformed or repeated spec flags are refused before anything is made", () => {
    usage({ genesis: ["novalue"] }, /`--genesis` to be PATH=VALUE/);
    usage({ genesis: ["=1"] }, /`--genesis` to be PATH=VALUE/);
    usage({ genesis: ["a.b=1", "a.b=2"] }, /sets a\.b twice/);
    usage({ config: ["x"] }, /`--config` to be KEY=VALUE/);
    usage({ account: ["sei1nope=1usei"] }, /accounts\[0\]\.address/);
    usage({ account: [`${ADDRESS}=lots`] }, /accounts\[0\]\.balance/);
    usage({ "chain-id": "Sei_1" }, /chainId/);
  });
});

describe("planUp with a manifest (-f)", () => {
  const manifest = parseManifest(
    [
      "network:",
      "  name: ci",
      "  validators: 3",
      "  binary: v6.6.2",
      "  image: seinet/seid:x",
      "  genesis: { a.b: 1, c.d: 2 }",
      "  config: { mempool.size: '10' }",
      "followers:",
      "  - name: ci-archive",
      "    config: { pruning: nothing }",
      "run: { mode: docker, timeout: 90s }",
    ].join("\n"),
  );

  test("default: the file's network, followers, mode and timeout", () => {
    const p = planUp({ values: {}, positionals: [] }, manifest);
    assert.equal(p.name, "ci");
    assert.equal(p.validators, 3);
    assert.equal(p.mode, "docker");
    assert.equal(p.image, "seinet/seid:x");
    assert.equal(p.binary, undefined);
    assert.equal(p.timeoutMs, 90_000);
    assert.deepEqual(p.followers, [{ name: "ci-archive", network: "ci", config: { pruning: "nothing" } }]);
    assert.deepEqual(p.spec, { genesis: { "a.b": 1, "c.d": 2 }, config: { "mempool.size": "10" } });
  });

  test("behavior: flags override the file", () => {
    const p = planUp(
      {
        values: { validators: "1", mode: "local", genesis: ["a.b=5"], "rpc-nodes": "2", timeout: "1m" },
        positionals: [],
      },
      manifest,
    );
    assert.equal(p.validators, 1);
    assert.equal(p.mode, "local");
    assert.equal(p.image, undefined);
    assert.equal(p.binary, "v6.6.2");
    assert.equal(p.timeoutMs, 60_000);
    assert.deepEqual(p.spec.genesis, { "a.b": 5, "c.d": 2 });
    assert.deepEqual(
      p.followers.map((f) => f.name),
      ["ci-rpc-0", "ci-rpc-1"],
    );
  });

  test("error: a flag that makes the file's spec invalid is refused", () => {
    assert.throws(
      () => planUp({ values: { validators: "2" }, positionals: [] }, manifest),
      /A network of 2 validators deadlocks/,
    );
  });
  test("--from: the archive's validator count; flags asking for another chain, --fresh or docker refused", () => {
    const manifest = {
      kind: "seinet-checkpoint" as const,
      format: 1,
      checkpoint: {
        name: "warm",
        network: "n",
        namespace: "default",
        height: 5,
        seid: ["v6.6.2"],
        nodes: ["n-0", "n-1", "n-2"],
        createdAt: "2026-12-01T00:00:00.000Z",
        bytes: 1,
        copyMs: 1,
      },
      chainId: "sei",
      seid: { version: "v6.6.2" },
      nodes: ["n-0", "n-1", "n-2"].map((name) => ({ name, role: "validator" as const })),
      testAccount: { privateKey: "0x01", evmAddress: "0x02", seiAddress: "sei1" } as never,
    };
    const archive = { file: "warm.tgz", manifest };
    const p = planUp({ values: { name: "ci" }, positionals: [] }, undefined, archive);
    assert.equal(p.validators, 3);
    assert.equal(p.from, "warm.tgz");
    const refused = (values: Values, field: string) =>
      assert.throws(() => planUp({ values, positionals: [] }, undefined, archive), { field });
    refused({ validators: "4" }, "validators");
    refused({ "chain-id": "other" }, "chainId");
    refused({ genesis: ["staking.params.max_validators=5"] }, "genesis");
    refused({ fresh: true }, "--fresh");
    refused({ mode: "docker" }, "--from");
  });
});
