import type { Client } from "../../../client/client.js";
import type { Network, Node } from "../../../client/handles.js";
import { SeinetError } from "../../../errors/base.js";
import { FailedError } from "../../../errors/failed.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import { inspectSeidImage } from "../../../index.js";
import { abortError } from "../../../internal/abort.js";
import { deadline } from "../../../readiness/deadline.js";
import { type UpgradeReport, upgradeNetwork } from "../../../rehearsal/upgradeNetwork.js";
import { ensureSeid } from "../../../seid/ensureSeid.js";
import { isExecutable } from "../../../seid/isExecutable.js";
import { isSeidVersion } from "../../../seid/resolveSeid.js";
import { seidVersion } from "../../../seid/seidVersion.js";
import { seidVersionOf } from "../../nodeInfo.js";
import { namespaceArg } from "../../render.js";
import { type UpgradePlan, imageTag } from "./plan.js";

/** The phases `upgradeNetwork` reports, in order. */
export const UPGRADE_PHASES = ["propose", "votes", "halt", "swap", "resume"] as const;
export type UpgradePhase = (typeof UPGRADE_PHASES)[number];

/** One node before and after: the seid it ran, the one applied, its height past the upgrade. */
export interface UpgradedNode {
  name: string;
  role: string;
  from: string | null;
  applied: string | null;
  height: number;
}

/** What `upgrade` did: `upgradeNetwork`'s report, the seid it swapped in, each node before and after. */
export interface UpgradeResult {
  network: string;
  namespace: string;
  upgradeName: string;
  height: number;
  proposalId: number;
  /** The new seid as `--to` named it, where it resolved, and what it reports. */
  to: { binary: string; path: string; version: string };
  nodes: UpgradedNode[];
  timings: UpgradeReport["timings"];
}

/** What `runUpgrade` needs besides the plan. */
export interface UpgradeContext {
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
  /** A phase-tagged progress line. */
  progress: (phase: UpgradePhase | "check", line: string) => void;
  /** Stand-in for `upgradeNetwork` (tests). */
  upgrade?: typeof upgradeNetwork;
  /** Stand-in for resolving `--to` to a seid path and version (tests). */
  resolveTo?: (
    to: string,
    signal: AbortSignal,
    onProgress: (line: string) => void,
  ) => Promise<{ path: string; version: string }>;
}

/** Which phase an `upgradeNetwork` progress line opens; undefined keeps the current one. */
export function phaseOf(line: string): UpgradePhase | undefined {
  if (/^proposing\b/.test(line)) return "propose";
  if (/\bvote yes\b/.test(line)) return "votes";
  if (/\bhalt\b/.test(line)) return "halt";
  if (/^swapping\b/.test(line)) return "swap";
  if (/^waiting for every node to pass\b/.test(line)) return "resume";
  return undefined;
}

interface NodeObject {
  seid?: { path?: unknown; version?: unknown };
  Config?: { Image?: unknown; Labels?: Record<string, unknown> };
}
/** What a node runs: its seid (local), or its container's image and the version label on it (docker). */
const seidOf = (n: Node): { path?: unknown; version?: unknown } => {
  const o = (n.object() ?? {}) as NodeObject;
  return o.seid ?? { path: o.Config?.Image, version: seidVersionOf(o) };
};
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

async function resolveSeid(
  to: string,
  signal: AbortSignal,
  onProgress: (line: string) => void,
): Promise<{ path: string; version: string }> {
  if (!isSeidVersion(to) && !(await isExecutable(to))) {
    throw new UsageError(
      `\`--to\` ${JSON.stringify(to)} is neither an installed seid version (v6.6.2) nor an executable seid file.`,
      { field: "--to" },
    );
  }
  const { path } = await ensureSeid({ binary: to, signal, onProgress });
  const { version } = await seidVersion(path, `seid ${to}`, signal);
  return { path, version };
}

/** The docker mode's `--to`: an image the engine holds, and the seid version it carries. */
async function resolveImage(to: string, signal: AbortSignal): Promise<{ path: string; version: string }> {
  const image = await inspectSeidImage(to, { signal });
  if (!image) {
    throw new UsageError(
      `\`--to\` ${JSON.stringify(to)} is not an image the Docker engine holds; \`seinet image build --seid PATH\` makes one.`,
      { field: "--to" },
    );
  }
  return { path: to, version: image.seidVersion ?? (imageTag(to) || "unknown") };
}

async function findNetwork(client: Client, plan: UpgradePlan, signal: AbortSignal): Promise<Network> {
  try {
    return await client.getNetwork(plan.network, { namespace: plan.namespace, signal });
  } catch (err) {
    if (err instanceof NotFoundError) {
      throw new NotFoundError("network", plan.network, {
        namespace: err.namespace,
        metaMessages: ["`seinet ls --all-namespaces` lists the networks."],
      });
    }
    throw err;
  }
}

/**
 * Checks the network and the new seid, then rehearses the upgrade through gov
 * with `upgradeNetwork`, bounded by `plan.timeoutMs`. Everything that can be
 * refused (no such network, not Ready, a `--to` that does not resolve or that
 * every node already runs) is refused before the proposal, so the network is
 * untouched. Once the proposal is made there is no undoing it: a failure,
 * timeout or interrupt then says the network may be mid-upgrade.
 */
export async function runUpgrade(
  client: Client,
  plan: UpgradePlan,
  context: UpgradeContext,
): Promise<UpgradeResult> {
  const { progress } = context;
  const bounded = deadline(context.signal, plan.timeoutMs);
  const { signal } = bounded;
  const where = `network "${plan.network}"${plan.namespace ? ` in namespace "${plan.namespace}"` : ""}`;
  let proposed = false;
  try {
    const net = await findNetwork(client, plan, signal);
    await net.refresh({ signal });
    if (net.phase !== "Ready") {
      throw new UsageError(
        `Network "${net.name}" is ${net.phase ?? "Unknown"}; an upgrade starts from Ready. \`seinet status ${net.name}${namespaceArg(net.namespace)}\` shows why.`,
        { field: "NETWORK" },
      );
    }
    const before = await client.listNodes({ network: net.name, namespace: net.namespace, signal });
    const resolveTo = context.resolveTo ?? (plan.mode === "docker" ? resolveImage : resolveSeid);
    const target = await resolveTo(plan.to, signal, (line) => progress("check", line));
    progress("check", `--to ${plan.to}: seid ${target.version} (${target.path})`);
    const runsTarget = (n: Node) => seidOf(n).path === target.path || seidOf(n).version === target.version;
    if (before.length > 0 && before.every(runsTarget)) {
      throw new UsageError(
        `Every node of network "${net.name}" already runs seid ${target.version} (${target.path}); \`--to\` must name a different seid.`,
        { field: "--to" },
      );
    }
    const report = await (context.upgrade ?? upgradeNetwork)(client, {
      network: net.name,
      namespace: net.namespace,
      to: target.path,
      name: plan.name,
      height: plan.height,
      signal,
      onProgress: (line) => {
        const phase = phaseOf(line);
        if (phase === "propose") proposed = true;
        progress(phase ?? "check", line.replaceAll(target.path, plan.to));
      },
    });
    const byName = new Map(before.map((n) => [n.name, n]));
    return {
      network: report.network,
      namespace: net.namespace,
      upgradeName: report.upgradeName,
      height: report.height,
      proposalId: report.proposalId,
      to: { binary: plan.to, path: target.path, version: target.version },
      nodes: report.nodes.map((n) => {
        const old = byName.get(n.name);
        return {
          name: n.name,
          role: old?.role ?? "follower",
          from: old ? str(seidOf(old).version) : null,
          applied: n.applied ?? null,
          height: n.height,
        };
      }),
      timings: report.timings,
    };
  } catch (err) {
    const hint = proposed
      ? [
          `The upgrade was proposed, so ${where} may be halted or part-upgraded; \`seinet status ${plan.network}${namespaceArg(plan.namespace)}\` shows each node's phase and seid.`,
        ]
      : [];
    if (
      signal.aborted &&
      !(err instanceof SeinetError && (err.code === "CANCELED" || err.code === "TIMEOUT"))
    ) {
      throw abortError(signal, `upgrading ${where} to ${plan.to}`, hint);
    }
    // After the proposal nothing is a usage error any more: something happened.
    if (proposed && err instanceof UsageError) {
      throw new FailedError(
        err.shortMessage,
        { resource: `network/${plan.network}` },
        { cause: err, metaMessages: hint },
      );
    }
    if (proposed && err instanceof SeinetError && hint[0] && !err.message.includes(hint[0])) {
      err.message = `${err.message}\n\n${hint[0]}`;
    }
    throw err;
  } finally {
    bounded.dispose();
  }
}
