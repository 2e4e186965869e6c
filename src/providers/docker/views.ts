import type Docker from "dockerode";
import type { NodeRole } from "../../chain/config.js";
import { crashExcerpt } from "../../chain/crashExcerpt.js";
import { DEFAULT_PORTS } from "../../chain/ports.js";
import { scheduledHalt } from "../../chain/scheduledHalt.js";
import { validatorNames } from "../../chain/topology.js";
import type { Endpoints } from "../../client/handles.js";
import {
  LABEL_CHAIN_ID,
  LABEL_IMAGE,
  LABEL_NAMESPACE,
  LABEL_NETWORK,
  LABEL_NETWORK_NAMESPACE,
  LABEL_NODE,
  LABEL_NODE_ROLE,
  LABEL_ORDINAL,
  LABEL_SENTRY,
  LABEL_TEMPLATE,
  LABEL_TEST_ACCOUNTS,
  LABEL_VALIDATORS,
  LEGACY_LABEL_TEST_KEY,
} from "../../labels.js";
import type { NetworkPhase, NodePhase } from "../../specs/types.js";
import { networkPhase as phaseOfMembers } from "../node/networkPhase.js";
import type { NetworkFacts, NodeFacts } from "../node/nodeOps.js";
import { demuxLog } from "./logFrames.js";

/** Lines of log a Failed node's error carries. */
const TAIL_LINES = 40;
/** How far back a dead container's log is read to find the start of its crash report. */
const CRASH_WINDOW_LINES = 5000;

/**
 * A node container as read now: the facts the shared handles read (its
 * endpoints are those published on 127.0.0.1, read from the inspect, never
 * guessed), and the container's own.
 */
export interface NodeView extends NodeFacts {
  networkNamespace: string;
  ordinal: number | undefined;
  inspect: Docker.ContainerInspectInfo;
  /** The upgrade seid stopped for, when it halted at a scheduled height (phase Halted). */
  halt?: { upgrade: string; height: number } | undefined;
}

/**
 * A network as read now: its validators and sentry, and its Docker network.
 * The test account is undefined while no node container can be read, or when
 * the network keeps its key in a label (`keyInLabel`: unusable, to recreate).
 */
export interface NetworkView extends NetworkFacts<NodeView> {
  validators: string[];
  sentry: string | undefined;
  keyInLabel: boolean;
  image: string | undefined;
  /** The warm template it was cloned from (its key), if any. */
  template: string | undefined;
  network: Docker.NetworkInspectInfo;
  nodes: NodeView[];
}

/** The last lines of a container's log (stdout and stderr), demultiplexed. */
export async function containerLogTail(container: Docker.Container, lines = TAIL_LINES): Promise<string> {
  try {
    const raw = (await container.logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown;
    return demuxLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))).trimEnd();
  } catch {
    return "";
  }
}

function published(inspect: Docker.ContainerInspectInfo, port: number): string | undefined {
  const bindings = inspect.NetworkSettings?.Ports?.[`${port}/tcp`];
  const binding = bindings?.find((b) => b.HostIp === "127.0.0.1") ?? bindings?.[0];
  return binding?.HostPort ? `127.0.0.1:${binding.HostPort}` : undefined;
}

function endpointsOf(inspect: Docker.ContainerInspectInfo): Endpoints {
  const at = (port: number, scheme: string) => {
    const hostPort = published(inspect, port);
    return hostPort ? `${scheme}://${hostPort}` : undefined;
  };
  return {
    evmRpc: at(DEFAULT_PORTS.evmHttp, "http"),
    evmWs: at(DEFAULT_PORTS.evmWs, "ws"),
    tendermintRpc: at(DEFAULT_PORTS.rpc, "http"),
    rest: at(DEFAULT_PORTS.rest, "http"),
  };
}

/** Reads a node container's state as a phase; an exited container is Failed (or Halted at an upgrade). */
export async function viewNode(container: Docker.Container): Promise<NodeView> {
  const inspect = await container.inspect();
  const labels = inspect.Config.Labels ?? {};
  const state = inspect.State;
  let phase: NodePhase;
  let reason: string | undefined;
  let exitCode: number | undefined;
  const alive = state.Running;
  let halt: { upgrade: string; height: number } | undefined;
  if (state.Status === "created") phase = "Initializing";
  else if (state.Status === "removing") phase = "Terminating";
  else if (alive) {
    phase = "Running";
    if (state.Paused) reason = "the container is paused";
  } else {
    exitCode = state.ExitCode;
    halt = scheduledHalt(await containerLogTail(container, 400));
    if (halt) {
      phase = "Halted";
      reason = `seid stopped for upgrade "${halt.upgrade}" at height ${halt.height}; it waits for the new image`;
    } else {
      phase = "Failed";
      reason = state.OOMKilled
        ? "the container was killed for running out of memory"
        : exitCode > 128
          ? `the container exited with code ${exitCode} (killed by signal ${exitCode - 128})`
          : `the container exited with code ${exitCode}${state.Error ? `: ${state.Error}` : ""}`;
    }
  }
  const ordinal = labels[LABEL_ORDINAL];
  return {
    name: labels[LABEL_NODE] ?? inspect.Name.replace(/^\//, ""),
    namespace: labels[LABEL_NAMESPACE] ?? "",
    network: labels[LABEL_NETWORK] ?? "",
    networkNamespace: labels[LABEL_NETWORK_NAMESPACE] ?? "",
    role: (labels[LABEL_NODE_ROLE] ?? "follower") as NodeRole,
    ordinal: ordinal === undefined ? undefined : Number(ordinal),
    inspect,
    alive,
    phase,
    exitCode,
    reason,
    halt,
    endpoints: phase === "Running" ? endpointsOf(inspect) : {},
  };
}

/** The network-level facts seinet keeps in its Docker network's labels. */
export function networkFacts(network: Docker.NetworkInspectInfo) {
  const labels = network.Labels ?? {};
  const name = labels[LABEL_NETWORK] ?? "";
  const count = Number(labels[LABEL_VALIDATORS] ?? "0");
  return {
    name,
    namespace: labels[LABEL_NAMESPACE] ?? "",
    chainId: labels[LABEL_CHAIN_ID] || name,
    validators: validatorNames(name, count),
    sentry: labels[LABEL_SENTRY] || undefined,
    keyInLabel: labels[LEGACY_LABEL_TEST_KEY] !== undefined,
    image: labels[LABEL_IMAGE],
    template: labels[LABEL_TEMPLATE] || undefined,
    testAccountCount: Number(labels[LABEL_TEST_ACCOUNTS] ?? "0"),
  };
}

/**
 * Why a network made by an older seinet is refused: its test account's key is
 * in a label of its Docker network, public to anyone who may inspect it.
 */
export function keyInLabelReason(name: string): string {
  return (
    `Network "${name}" was made by an older seinet that kept its test account's private key in a label of its Docker network, ` +
    `where \`docker network inspect\` shows it to anyone; delete it (\`seinet down ${name} --mode docker\`) and create it again.`
  );
}

/**
 * A network's phase from its validators' and sentry's containers: one not
 * started yet is Initializing, one gone is Failed, one being removed is
 * Terminating; else the shared rule decides.
 */
export function networkPhase(
  expected: number,
  nodes: readonly NodeView[],
): { phase: NetworkPhase; reason?: string } {
  if (nodes.some((n) => n.phase === "Initializing")) return { phase: "Initializing" };
  if (nodes.length < expected) {
    return { phase: "Failed", reason: `${expected - nodes.length} of its containers are gone` };
  }
  if (nodes.some((n) => n.phase === "Terminating")) return { phase: "Terminating" };
  return phaseOfMembers(nodes);
}

/**
 * The part of a dead container's log that says why it died. A container holds
 * one run of seid (swaps and restarts make a new one): its log is read whole
 * enough to find the panic, then cut to the lines that say why.
 */
export async function crashLog(docker: Docker, dead: NodeView): Promise<string> {
  return crashExcerpt(
    await containerLogTail(docker.getContainer(dead.inspect.Id), CRASH_WINDOW_LINES),
    TAIL_LINES,
  );
}
