import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { parseManifest } from "./parseManifest.js";

const GOOD = `# a network and two followers
network:
  name: devnet
  validators: 1
  genesis:
    gov.voting_params.voting_period: 30s
followers:
  - name: rpc-0
  - name: rpc-1
    config:
      mempool.size: "10000"
run:
  mode: docker
  timeout: 2m
`;

function fails(text: string, file = "seinet.yaml"): UsageError {
  try {
    parseManifest(text, file);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err;
  }
  assert.fail("expected a UsageError");
}

describe("parseManifest", () => {
  test("default: a YAML manifest resolves its followers' network and the timeout", () => {
    const m = parseManifest(GOOD);
    assert.equal(m.network.name, "devnet");
    assert.deepEqual(
      m.followers.map((f) => [f.name, f.network]),
      [
        ["rpc-0", "devnet"],
        ["rpc-1", "devnet"],
      ],
    );
    assert.equal(m.mode, "docker");
    assert.equal(m.timeoutMs, 120_000);
  });

  test("args: JSON is read by the same parser", () => {
    const m = parseManifest(JSON.stringify({ network: { name: "a", validators: 3 } }), "seinet.json");
    assert.equal(m.network.validators, 3);
    assert.deepEqual(m.followers, []);
  });

  test("error: an unknown key names its line and column", () => {
    const err = fails("network:\n  name: devnet\n  validators: 1\n  valdators: 3\n");
    assert.equal(err.field, "network.valdators");
    assert.match(err.message, /^seinet\.yaml:4:3: network: Unknown field `valdators`/);
  });

  test("error: a wrong type deep in a follower names its line", () => {
    const err = fails(GOOD.replace('mempool.size: "10000"', "mempool.size: 10000"));
    assert.equal(err.field, "followers[1].config.mempool.size");
    assert.match(
      err.message,
      /^seinet\.yaml:11:7: followers\[1\]: Expected `config\.mempool\.size` to be a string/,
    );
  });

  test("error: a validation rule (2 validators) points at the field", () => {
    const err = fails(GOOD.replace("validators: 1", "validators: 2"));
    assert.match(err.message, /^seinet\.yaml:4:3: network: A network of 2 validators deadlocks/);
  });

  test("error: a YAML syntax error gives its position", () => {
    const err = fails("network:\n  name: devnet\n  validators: [1\n", "x.yaml");
    assert.match(err.message, /^x\.yaml:\d+:\d+: /);
  });

  test("error: a duplicate key is refused", () => {
    const err = fails("network:\n  name: a\n  name: b\n  validators: 1\n");
    assert.match(err.message, /^seinet\.yaml:3:3: .*[Mm]ap keys must be unique/);
  });

  test("error: unknown top-level and run keys, a bad mode and a bad timeout", () => {
    assert.match(fails(`${GOOD}extra: 1\n`).message, /^seinet\.yaml:15:1: Unknown field `extra`/);
    assert.match(
      fails(GOOD.replace("mode: docker", "mode: k9s")).message,
      /^seinet\.yaml:13:3: run: Expected `mode`/,
    );
    assert.match(
      fails(GOOD.replace("timeout: 2m", "timeout: 120")).message,
      /^seinet\.yaml:14:3: Expected `run\.timeout`/,
    );
  });

  test("error: a follower named twice, or following another network", () => {
    assert.match(
      fails(GOOD.replace("name: rpc-1", "name: rpc-0")).message,
      /^seinet\.yaml:9:5: followers\[1\]: the name "rpc-0" is used twice/,
    );
    assert.match(
      fails(GOOD.replace("  - name: rpc-0\n", "  - name: rpc-0\n    network: other\n")).message,
      /^seinet\.yaml:9:5: followers\[0\]: `network` is "other"/,
    );
  });

  test("error: no network section", () => {
    assert.match(fails("run:\n  mode: local\n").message, /A manifest needs a `network` section/);
  });
});
