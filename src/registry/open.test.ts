import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { Client } from "../client/client.js";
import type { Provider } from "../client/provider.js";
import { CanceledError } from "../errors/canceled.js";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { open, registerProvider, registeredProviders } from "./open.js";
import { MODE_ENV } from "./selectMode.js";

function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

function stubProvider(mode: string): Provider {
  const unused = async (): Promise<never> => {
    throw new Error("not used");
  };
  return {
    mode,
    createNetwork: unused,
    getNetwork: unused,
    createNode: unused,
    getNode: unused,
    runTask: unused,
    getTask: unused,
    createWorkflow: unused,
    getWorkflow: unused,
    close: async () => {},
  };
}

/** Runs `fn` with the SEI_* variables replaced, restoring them afterwards. */
async function withModeEnv<T>(values: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(MODE_ENV).map((k) => [k, process.env[k]]));
  for (const k of Object.keys(MODE_ENV)) delete process.env[k];
  Object.assign(process.env, values);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("registry", () => {
  test("default: registeredProviders() is sorted and has the built-ins", () => {
    const names = registeredProviders();
    assert.deepEqual(names, [...names].sort());
    for (const builtin of ["docker", "k8s", "local"]) assert.ok(names.includes(builtin), builtin);
  });

  test("behavior: a registered provider is listed, sorted among the built-ins", () => {
    const name = uniqueName("listed");
    registerProvider(name, () => stubProvider(name));
    const names = registeredProviders();
    assert.ok(names.includes(name));
    assert.deepEqual(names, [...names].sort());
  });

  test("error: registering a name twice is a UsageError", () => {
    const name = uniqueName("dup");
    registerProvider(name, () => stubProvider(name));
    assert.throws(
      () => registerProvider(name, () => stubProvider(name)),
      (err: unknown) =>
        err instanceof UsageError && err.field === "name" && err.message.includes(`"${name}"`),
    );
  });

  test("error: a built-in name cannot be re-registered", () => {
    for (const builtin of ["k8s", "local", "docker"]) {
      assert.throws(() => registerProvider(builtin, () => stubProvider(builtin)), UsageError);
    }
  });

  test("error: a malformed name or a non-function factory is a UsageError", () => {
    for (const bad of ["", "Upper", "has space", "1abc", "x".repeat(33), 7]) {
      assert.throws(
        () => registerProvider(bad as string, () => stubProvider("x")),
        (err: unknown) => err instanceof UsageError && err.field === "name",
        String(bad),
      );
    }
    assert.throws(
      () => registerProvider(uniqueName("nofn"), "nope" as never),
      (err: unknown) => err instanceof UsageError && err.field === "factory",
    );
  });
});

describe("open", () => {
  test("behavior: opens a registered provider by name and passes the options", async () => {
    const name = uniqueName("opened");
    const seen: unknown[] = [];
    registerProvider(name, (options) => {
      seen.push(options);
      return stubProvider(name);
    });
    const client = await open(name, { namespace: "ci", custom: 1 });
    assert.ok(client instanceof Client);
    assert.equal(client.mode, name);
    assert.deepEqual(seen, [{ namespace: "ci", custom: 1 }]);
    await client.close();
  });

  test("behavior: an async factory works", async () => {
    const name = uniqueName("async");
    registerProvider(name, async () => stubProvider(name));
    const client = await open(name);
    assert.equal(client.mode, name);
  });

  test("error: unknown mode lists the registered names", async () => {
    const mine = uniqueName("mine");
    registerProvider(mine, () => stubProvider(mine));
    await assert.rejects(open("nope"), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.equal(err.field, "mode");
      assert.match(err.message, /^Unknown mode "nope"\. Registered modes: /);
      for (const name of ["k8s", "local", "docker", mine]) assert.ok(err.message.includes(name), name);
      assert.ok(err.message.includes(registeredProviders().join(", ")));
      return true;
    });
  });

  test('default: open("local") gives a local client and touches no seid until a network is made', async () => {
    const client = await open("local", { stateDir: "/nonexistent/seinet-state" });
    assert.equal(client.mode, "local");
    await client.close();
  });

  test('error: open("docker") with no engine at the given host is an InfraError', async () => {
    await assert.rejects(
      open("docker", { dockerHost: "unix:///nonexistent/docker.sock" }),
      (err: unknown) => {
        assert.ok(err instanceof InfraError, String(err));
        assert.equal(err.code, "INFRA");
        return true;
      },
    );
  });

  test("error: a factory that returns no provider is an InfraError", async () => {
    const name = uniqueName("empty");
    registerProvider(name, () => undefined as unknown as Provider);
    await assert.rejects(
      open(name),
      (err: unknown) => err instanceof InfraError && err.message.includes(name),
    );
  });

  test("error: an already-aborted signal is a CanceledError and the factory is not called", async () => {
    const name = uniqueName("aborted");
    let calls = 0;
    registerProvider(name, () => {
      calls++;
      return stubProvider(name);
    });
    await assert.rejects(open(name, { signal: AbortSignal.abort() }), CanceledError);
    assert.equal(calls, 0);
  });

  test("behavior: with no mode, the single SEI_* variable set selects it", async () => {
    await withModeEnv({ SEI_LOCAL: "1" }, async () => {
      const client = await open(undefined, { stateDir: "/nonexistent/seinet-state" });
      assert.equal(client.mode, "local");
      await client.close();
    });
  });

  test("error: with no mode and no SEI_* variable, open() is a UsageError", async () => {
    await withModeEnv({}, async () => {
      await assert.rejects(
        open(),
        (err: unknown) => err instanceof UsageError && /SEI_NODE_CLUSTER/.test(err.message),
      );
    });
  });

  test("behavior: an explicit mode wins over SEI_* variables", async () => {
    const name = uniqueName("explicit");
    registerProvider(name, () => stubProvider(name));
    await withModeEnv({ SEI_DOCKER: "1", SEI_LOCAL: "1" }, async () => {
      const client = await open(name);
      assert.equal(client.mode, name);
    });
  });
});
