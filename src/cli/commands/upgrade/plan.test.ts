import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../../../errors/usage.js";
import type { CommandContext } from "../../command.js";
import { imageTag, planUpgrade, upgradeNameFor } from "./plan.js";

const plan = (positionals: string[], values: CommandContext["values"] = {}) =>
  planUpgrade({ positionals, values });

function refused(positionals: string[], values: CommandContext["values"], message: RegExp): void {
  assert.throws(
    () => plan(positionals, values),
    (err: unknown) => err instanceof UsageError && message.test(err.message),
  );
}

describe("upgrade plan", () => {
  test("default: the name is vMAJOR.MINOR of --to, 5 minutes, the chain picks the height", () => {
    assert.deepEqual(plan(["devnet"], { to: "v6.6.2" }), {
      network: "devnet",
      namespace: undefined,
      mode: "local",
      to: "v6.6.2",
      name: "v6.6",
      height: undefined,
      timeoutMs: 300_000,
    });
  });

  test("args: every flag", () => {
    assert.deepEqual(
      plan(["net-1"], {
        to: "/opt/seid",
        name: "v6.6",
        height: "1200",
        timeout: "90s",
        namespace: "ci",
      }),
      {
        network: "net-1",
        namespace: "ci",
        mode: "local",
        to: "/opt/seid",
        name: "v6.6",
        height: 1200,
        timeoutMs: 90_000,
      },
    );
    // An explicit --name wins over the derived one.
    assert.equal(plan(["devnet"], { to: "v6.6.2", name: "v6.6.2-hotfix" }).name, "v6.6.2-hotfix");
  });

  test("args: in the docker mode --to is an image, and its tag names the upgrade", () => {
    const p = plan(["devnet"], { to: "seinet/seid:v6.6.2-18aca127c34c", mode: "docker" });
    assert.equal(p.mode, "docker");
    assert.equal(p.name, "v6.6");
    assert.equal(plan(["devnet"], { to: "localhost:5000/seid:v6.5.2", mode: "docker" }).name, "v6.5");
    assert.equal(imageTag("localhost:5000/seid"), "");
    assert.throws(
      () => plan(["devnet"], { to: "seinet/seid:dev", mode: "docker" }),
      (err: unknown) => err instanceof UsageError && /pass `--name`/.test(err.message),
    );
  });

  test("behavior: upgrade names derived from versions", () => {
    assert.equal(upgradeNameFor("v6.6.2"), "v6.6");
    assert.equal(upgradeNameFor("v6.6.0"), "v6.6");
    assert.equal(upgradeNameFor("v10.12.3-rc1"), "v10.12");
    assert.equal(upgradeNameFor(" v6.5.2 "), "v6.5");
    assert.equal(upgradeNameFor("6.6.2"), undefined);
    assert.equal(upgradeNameFor("v6.6"), undefined);
    assert.equal(upgradeNameFor("./bin/seid"), undefined);
    assert.equal(upgradeNameFor("3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c"), undefined);
  });

  test("error: bad input is a UsageError before anything runs", () => {
    refused([], { to: "v6.6.2" }, /^Name the network to upgrade\. Usage: seinet upgrade NETWORK/);
    refused(["a", "b"], { to: "v6.6.2" }, /^Unexpected argument "b"/);
    refused(["Bad_Name"], { to: "v6.6.2" }, /^Expected `NETWORK` to be a DNS-1123 label/);
    refused(["devnet"], {}, /^Expected `--to`: the new seid/);
    refused(["devnet"], { to: "  " }, /^Expected `--to`/);
    refused(["devnet"], { to: "./seid" }, /`--to` "\.\/seid" is not a release version .* pass `--name`/);
    refused(["devnet"], { to: "3e7d5dd" }, /pass `--name`/);
    refused(["devnet"], { to: "v6.6.2", name: "" }, /^Expected `--name` to be an upgrade handler name/);
    refused(["devnet"], { to: "v6.6.2", name: "v 6" }, /^Expected `--name`/);
    refused(["devnet"], { to: "v6.6.2", height: "0" }, /`--height` to be an integer from 2 to/);
    refused(["devnet"], { to: "v6.6.2", height: "12x" }, /`--height` to be an integer/);
    refused(["devnet"], { to: "v6.6.2", timeout: "5" }, /`--timeout` to be a positive duration/);
    refused(["devnet"], { to: "v6.6.2", namespace: "NS!" }, /`--namespace` to be a DNS-1123 label/);
  });
});
