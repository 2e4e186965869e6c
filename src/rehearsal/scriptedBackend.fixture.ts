// Test fixture, not tests: an in-memory stand-in for a client, its network,
// nodes and tasks, recording every call and answering scripted results, so the
// rehearsal's steps can be checked for what they ask and in which order.
// Each node serves a real loopback /status (and gov params on REST) from
// fakeEndpoint, with the height the script gives it.
import type { TestContext } from "node:test";
import type { Client } from "../client/client.js";
import type { Network, Node, Task } from "../client/handles.js";
import { FailedError } from "../errors/failed.js";
import { fakeEndpoint, statusBody } from "../readiness/fakeEndpoint.fixture.js";
import type { NodePhase, TaskOutputs, TaskSpec } from "../specs/types.js";

/** A scripted node: its handle, and the state the script moves. */
export interface ScriptedNode {
  handle: Node;
  phase: NodePhase;
  /** Reported on /status; advances by one per request while `advancing`. */
  height: number;
  advancing: boolean;
}

/** How a task ends: outputs, or an error its `wait` rejects with. */
export type TaskAnswer = TaskOutputs | Error;

/** The scripted backend of one test. */
export interface ScriptedBackend {
  client: Client;
  network: Network;
  nodes: Map<string, ScriptedNode>;
  /** `runTask <kind> <node>`, `wait <task>`, in call order. */
  calls: string[];
  /** Every task spec run, in order. */
  tasks: TaskSpec[];
}

const unused = (what: string) => () => {
  throw new Error(`the scripted backend does not script ${what}`);
};

async function scriptedNode(t: TestContext, name: string, namespace: string): Promise<ScriptedNode> {
  const node: ScriptedNode = { phase: "Running", height: 10, advancing: true } as ScriptedNode;
  const endpoint = await fakeEndpoint(t, (req) => {
    if (req.path.startsWith("/cosmos/gov/v1beta1/params/voting"))
      return { json: { voting_params: { voting_period: "1s" } } };
    if (req.path.startsWith("/cosmos/gov/v1beta1/params/deposit"))
      return { json: { deposit_params: { min_deposit: [{ denom: "usei", amount: "10" }] } } };
    if (req.path.startsWith("/cosmos/")) return { json: {} };
    const height = node.advancing ? node.height++ : node.height;
    return { json: statusBody({ height }) };
  });
  node.handle = {
    name,
    namespace,
    network: "n",
    get phase() {
      return node.phase;
    },
    evmRpc: undefined,
    evmWs: undefined,
    tendermintRpc: endpoint.base,
    rest: endpoint.base,
    refresh: async () => {},
    waitReady: async () => {
      if (node.phase === "Failed")
        throw new FailedError(`Node "${name}" failed.`, {
          resource: `node/${name}`,
          phase: "Failed",
          exitCode: 1,
        });
    },
    delete: unused("delete"),
    object: unused("object"),
    forward: unused("forward"),
    logs: unused("logs"),
    [Symbol.asyncDispose]: unused("dispose"),
  };
  return node;
}

/**
 * A network `n` of `validators` validators (`n-0`, …) and `followers`
 * followers (`n-f0`, …). `answer` decides how each task ends; it runs when
 * the task is awaited and may move the nodes' state first.
 */
export async function scriptedBackend(
  t: TestContext,
  options: {
    validators: number;
    followers?: number;
    mode?: string;
    answer: (spec: TaskSpec, backend: ScriptedBackend) => TaskAnswer;
  },
): Promise<ScriptedBackend> {
  const nodes = new Map<string, ScriptedNode>();
  const names = [
    ...Array.from({ length: options.validators }, (_, i) => `n-${i}`),
    ...Array.from({ length: options.followers ?? 0 }, (_, i) => `n-f${i}`),
  ];
  for (const name of names) nodes.set(name, await scriptedNode(t, name, "ns"));
  const validators = names.slice(0, options.validators);
  const first = nodes.get(validators[0] as string)!.handle;
  const network = {
    name: "n",
    namespace: "ns",
    chainId: "n",
    phase: "Ready",
    tendermintRpc: first.tendermintRpc,
    rest: first.rest,
    validators,
    refresh: async () => {},
    waitReady: async () => {},
    delete: unused("delete"),
    object: unused("object"),
    forward: unused("forward"),
    [Symbol.asyncDispose]: unused("dispose"),
  } satisfies Network;
  const calls: string[] = [];
  const tasks: TaskSpec[] = [];
  const backend = { network, nodes, calls, tasks } as unknown as ScriptedBackend;
  const node = (name: string) => {
    const found = nodes.get(name);
    if (!found) throw new Error(`no node "${name}"`);
    return found.handle;
  };
  const client = {
    mode: options.mode ?? "local",
    getNetwork: async () => network,
    getNode: async (name: string) => node(name),
    listNodes: async () => names.map(node),
    runTask: async (spec: TaskSpec): Promise<Task> => {
      calls.push(`runTask ${spec.kind} ${spec.node}`);
      tasks.push(spec);
      return {
        name: spec.name,
        namespace: spec.namespace ?? "",
        kind: spec.kind,
        phase: "Running",
        outputs: undefined,
        wait: async () => {
          calls.push(`wait ${spec.name}`);
          const answer = options.answer(spec, backend);
          if (answer instanceof Error) throw answer;
          return answer;
        },
        refresh: async () => {},
        delete: unused("delete"),
        object: unused("object"),
        [Symbol.asyncDispose]: unused("dispose"),
      };
    },
  };
  backend.client = client as unknown as Client;
  return backend;
}

/**
 * Answers tasks the way a chain that takes the upgrade does: a proposal gets
 * id 7, a vote is included, a node awaited at the height halts there, and a
 * swapped node runs the new seid two blocks past `height`.
 */
export function takesUpgrade(height: number) {
  return (spec: TaskSpec, backend: ScriptedBackend): TaskAnswer => {
    const node = backend.nodes.get(spec.node)!;
    switch (spec.kind) {
      case "GovSoftwareUpgrade":
        return { govSoftwareUpgrade: { proposalId: 7, txHash: "AB", height: 12 } };
      case "GovVote":
        return { govVote: { txHash: "CD", height: 13 } };
      case "AwaitNodesAtHeight":
        node.phase = "Halted";
        node.height = height - 1;
        node.advancing = false;
        return { awaitNodesAtHeight: { currentHeight: height - 1 } };
      case "UpdateNodeImage":
        node.phase = "Running";
        node.height = height + 2;
        return { updateNodeImage: { appliedImage: `seid ${spec.updateNodeImage?.binary}` } };
      default:
        return {};
    }
  };
}
