import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { CanceledError } from "../errors/canceled.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { open, registerProvider } from "../registry/open.js";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../specs/types.js";
import type { Client } from "./client.js";
import type { Network, Node, Task, Workflow } from "./handles.js";
import type { Provider } from "./provider.js";

type Method = Exclude<keyof Provider, "mode">;

/** A provider double that records every call and returns placeholder handles. */
class Recorder implements Provider {
  readonly mode: string;
  readonly calls: { method: Method; args: unknown[] }[] = [];

  constructor(mode: string) {
    this.mode = mode;
  }

  #record<T>(method: Method, args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    return Promise.resolve({ recorded: method } as T);
  }

  createNetwork(...args: unknown[]): Promise<Network> {
    return this.#record("createNetwork", args);
  }
  getNetwork(...args: unknown[]): Promise<Network> {
    return this.#record("getNetwork", args);
  }
  createNode(...args: unknown[]): Promise<Node> {
    return this.#record("createNode", args);
  }
  getNode(...args: unknown[]): Promise<Node> {
    return this.#record("getNode", args);
  }
  runTask(...args: unknown[]): Promise<Task> {
    return this.#record("runTask", args);
  }
  getTask(...args: unknown[]): Promise<Task> {
    return this.#record("getTask", args);
  }
  createWorkflow(...args: unknown[]): Promise<Workflow> {
    return this.#record("createWorkflow", args);
  }
  getWorkflow(...args: unknown[]): Promise<Workflow> {
    return this.#record("getWorkflow", args);
  }
  close(): Promise<void> {
    return this.#record("close", []);
  }
}

const VALID_NETWORK: NetworkSpec = { name: "devnet", validators: 1, image: "sei:v6.6.2" };
const VALID_NODE: NodeSpec = { name: "rpc-0", network: "devnet" };
const VALID_TASK: TaskSpec = {
  name: "h100",
  node: "rpc-0",
  kind: "AwaitNodesAtHeight",
  awaitNodesAtHeight: { targetHeight: 100 },
};
const VALID_WORKFLOW: WorkflowSpec = {
  name: "sync",
  node: "rpc-0",
  kind: "StateSync",
  stateSync: { rpcServers: ["a:26657", "b:26657"] },
};

type Verb = "createNetwork" | "createNode" | "runTask" | "createWorkflow";
type GetVerb = "getNetwork" | "getNode" | "getTask" | "getWorkflow";

const VERBS: { verb: Verb; valid: object; invalid: [string, unknown][] }[] = [
  {
    verb: "createNetwork",
    valid: VALID_NETWORK,
    invalid: [
      ["bad name", { ...VALID_NETWORK, name: "Bad_Name" }],
      ["2 validators", { ...VALID_NETWORK, validators: 2 }],
      ["0 validators", { ...VALID_NETWORK, validators: 0 }],
      ["0 test accounts", { ...VALID_NETWORK, testAccounts: 0 }],
      ["too many test accounts", { ...VALID_NETWORK, testAccounts: 257 }],
      ["unknown field", { ...VALID_NETWORK, replicas: 3 }],
      ["non-JSON genesis", { ...VALID_NETWORK, genesis: { "a.b": Number.NaN } }],
      ["non-string config", { ...VALID_NETWORK, config: { "p2p.laddr": 1 } }],
      ["bad label", { ...VALID_NETWORK, labels: { "bad key": "v" } }],
      ["not an object", "devnet"],
      ["undefined", undefined],
    ],
  },
  {
    verb: "createNode",
    valid: VALID_NODE,
    invalid: [
      ["bad name", { ...VALID_NODE, name: "-rpc" }],
      ["missing network", { name: "rpc-0" }],
      ["one rpc server", { ...VALID_NODE, stateSync: { rpcServers: ["a:1"] } }],
      ["duplicate rpc servers", { ...VALID_NODE, stateSync: { rpcServers: ["a:1", "A:1"] } }],
      ["rpc server with scheme", { ...VALID_NODE, stateSync: { rpcServers: ["http://a:1", "b:1"] } }],
    ],
  },
  {
    verb: "runTask",
    valid: VALID_TASK,
    invalid: [
      ["timeout below 1000", { ...VALID_TASK, timeout: 999 }],
      ["NaN timeout", { ...VALID_TASK, timeout: Number.NaN }],
      ["no payload", { name: "t", node: "rpc-0", kind: "GovVote" }],
      ["two payloads", { ...VALID_TASK, updateNodeImage: { image: "x" } }],
      [
        "payload not matching kind",
        { name: "t", node: "rpc-0", kind: "GovVote", awaitNodesAtHeight: { targetHeight: 1 } },
      ],
    ],
  },
  {
    verb: "createWorkflow",
    valid: VALID_WORKFLOW,
    invalid: [
      ["no stateSync", { name: "sync", node: "rpc-0", kind: "StateSync" }],
      ["rpc server with a path", { ...VALID_WORKFLOW, stateSync: { rpcServers: ["a:1/x", "b:1"] } }],
      ["port 0", { ...VALID_WORKFLOW, stateSync: { rpcServers: ["a:0", "b:1"] } }],
      ["unknown kind", { ...VALID_WORKFLOW, kind: "Sync" }],
    ],
  },
];

const GET_VERBS: GetVerb[] = ["getNetwork", "getNode", "getTask", "getWorkflow"];

let recorder: Recorder;
let client: Client;

beforeEach(async () => {
  const name = `recorder-${randomBytes(6).toString("hex")}`;
  recorder = new Recorder(name);
  const current = recorder;
  registerProvider(name, () => current);
  client = await open(name);
});

async function rejectsUsage(promise: Promise<unknown>, label: string): Promise<UsageError> {
  let caught: unknown;
  await promise.then(
    () => assert.fail(`${label}: expected a UsageError, it resolved`),
    (err: unknown) => {
      caught = err;
    },
  );
  assert.ok(caught instanceof UsageError, `${label}: expected a UsageError, got ${String(caught)}`);
  assert.equal(caught.code, "USAGE");
  return caught;
}

function call(c: Client, verb: Verb, spec: unknown, options?: { signal?: AbortSignal }): Promise<unknown> {
  return (c[verb] as (spec: unknown, options?: unknown) => Promise<unknown>).call(c, spec, options);
}

describe("Client", () => {
  test("default: mode is the provider's", () => {
    assert.equal(client.mode, recorder.mode);
  });

  for (const { verb, valid, invalid } of VERBS) {
    test(`error: ${verb} with an invalid spec is a UsageError and the provider is never called`, async () => {
      for (const [label, spec] of invalid) {
        const err = await rejectsUsage(call(client, verb, spec), `${verb}: ${label}`);
        assert.ok(err.field, `${verb}: ${label}: field`);
      }
      assert.deepEqual(recorder.calls, []);
    });

    test(`behavior: ${verb} with a valid spec calls the provider once with that spec`, async () => {
      const signal = new AbortController().signal;
      const handle = await call(client, verb, valid, { signal });
      assert.deepEqual(handle, { recorded: verb });
      assert.equal(recorder.calls.length, 1);
      const [only] = recorder.calls;
      assert.equal(only?.method, verb);
      assert.equal(only?.args[0], valid);
      assert.deepEqual(only?.args[1], { signal });
    });

    test(`behavior: ${verb} without options passes empty options`, async () => {
      await call(client, verb, valid);
      assert.deepEqual(recorder.calls[0]?.args[1], {});
    });

    test(`error: ${verb} with an already-aborted signal is a CanceledError, no provider call`, async () => {
      const controller = new AbortController();
      controller.abort(new Error("user"));
      await assert.rejects(call(client, verb, valid, { signal: controller.signal }), CanceledError);
      await assert.rejects(call(client, verb, valid, { signal: AbortSignal.abort() }), CanceledError);
      assert.deepEqual(recorder.calls, []);
    });

    test(`error: ${verb} with a fired AbortSignal.timeout is a TimeoutError, no provider call`, async () => {
      const signal = AbortSignal.timeout(1);
      await sleep(20);
      assert.ok(signal.aborted);
      await assert.rejects(call(client, verb, valid, { signal }), (err: unknown) => {
        assert.ok(err instanceof TimeoutError, String(err));
        assert.equal(err.code, "TIMEOUT");
        return true;
      });
      assert.deepEqual(recorder.calls, []);
    });

    test(`error: ${verb} validates before checking the signal`, async () => {
      const [, spec] = invalid[0]!;
      await rejectsUsage(call(client, verb, spec, { signal: AbortSignal.abort() }), verb);
      assert.deepEqual(recorder.calls, []);
    });
  }

  for (const verb of GET_VERBS) {
    test(`behavior: ${verb} passes the name and options to the provider`, async () => {
      await client[verb]("devnet", { namespace: "ci" });
      assert.deepEqual(recorder.calls, [{ method: verb, args: ["devnet", { namespace: "ci" }] }]);
      await client[verb]("devnet");
      assert.deepEqual(recorder.calls[1], { method: verb, args: ["devnet", {}] });
    });

    test(`error: ${verb} with a bad name or namespace is a UsageError, no provider call`, async () => {
      const err = await rejectsUsage(client[verb]("Bad_Name"), verb);
      assert.equal(err.field, "name");
      await rejectsUsage(client[verb]("", {}), verb);
      await rejectsUsage(client[verb](42 as unknown as string), verb);
      const nsErr = await rejectsUsage(client[verb]("devnet", { namespace: "Bad_NS" }), verb);
      assert.equal(nsErr.field, "namespace");
      assert.deepEqual(recorder.calls, []);
    });

    test(`error: ${verb} with an aborted signal is a CanceledError, no provider call`, async () => {
      await assert.rejects(client[verb]("devnet", { signal: AbortSignal.abort() }), CanceledError);
      assert.deepEqual(recorder.calls, []);
    });
  }

  test("behavior: close() twice closes the provider once and is fine", async () => {
    await client.close();
    await client.close();
    assert.deepEqual(
      recorder.calls.map((c) => c.method),
      ["close"],
    );
  });

  test("error: after close() every verb is a UsageError and the provider is not called", async () => {
    await client.close();
    recorder.calls.length = 0;
    for (const { verb, valid } of VERBS) {
      const err = await rejectsUsage(call(client, verb, valid), verb);
      assert.match(err.message, /closed/);
    }
    for (const verb of GET_VERBS) await rejectsUsage(client[verb]("devnet"), verb);
    assert.deepEqual(recorder.calls, []);
  });

  test("behavior: await using closes the client", async () => {
    {
      await using scoped = client;
      assert.equal(scoped.mode, recorder.mode);
    }
    assert.deepEqual(
      recorder.calls.map((c) => c.method),
      ["close"],
    );
    await rejectsUsage(client.getNetwork("devnet"), "after dispose");
  });
});
