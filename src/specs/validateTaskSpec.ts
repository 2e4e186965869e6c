import { UsageError } from "../errors/usage.js";
import {
  optionalDnsLabel,
  optionalKeyName,
  optionalLabels,
  optionalString,
  requireCoins,
  requireDnsLabel,
  requireInt,
  requireObject,
  requireOneOf,
  requireText,
  requireToken,
  show,
} from "./rules.js";
import type { TaskKind, TaskSpec } from "./types.js";

/** Payload field of each task kind. */
export const TASK_PAYLOAD: Record<TaskKind, keyof TaskSpec> = {
  GovSoftwareUpgrade: "govSoftwareUpgrade",
  GovVote: "govVote",
  AwaitNodesAtHeight: "awaitNodesAtHeight",
  UpdateNodeImage: "updateNodeImage",
  GovParamChange: "govParamChange",
  RestartSeid: "restartSeid",
};

const KINDS = Object.keys(TASK_PAYLOAD) as TaskKind[];
const PAYLOADS = Object.values(TASK_PAYLOAD) as string[];
const KNOWN = [
  "name",
  "namespace",
  "node",
  "kind",
  "timeout",
  "labels",
  "requirePhase",
  "requirePhaseTimeout",
  ...PAYLOADS,
];
const PHASES = ["Pending", "Initializing", "Running", "Failed", "Terminating"] as const;
const GOV_TX = ["chainId", "fees", "gas", "keyName", "memo"];

function checkGovTx(payload: Record<string, unknown>, field: string): void {
  requireText(payload.chainId, `${field}.chainId`);
  requireCoins(payload.fees, `${field}.fees`);
  requireInt(payload.gas, `${field}.gas`, 1);
  optionalKeyName(payload.keyName, `${field}.keyName`);
  optionalString(payload.memo, `${field}.memo`);
}

const CHECK_PAYLOAD: Record<TaskKind, (payload: unknown, field: string) => void> = {
  GovSoftwareUpgrade(payload, field) {
    requireObject(payload, field, [
      ...GOV_TX,
      "title",
      "description",
      "initialDeposit",
      "upgradeName",
      "upgradeHeight",
      "upgradeInfo",
    ]);
    checkGovTx(payload, field);
    requireText(payload.title, `${field}.title`);
    requireText(payload.description, `${field}.description`);
    requireCoins(payload.initialDeposit, `${field}.initialDeposit`);
    requireText(payload.upgradeName, `${field}.upgradeName`);
    requireInt(payload.upgradeHeight, `${field}.upgradeHeight`, 1);
    optionalString(payload.upgradeInfo, `${field}.upgradeInfo`);
  },
  GovVote(payload, field) {
    requireObject(payload, field, [...GOV_TX, "proposalId", "option"]);
    checkGovTx(payload, field);
    requireInt(payload.proposalId, `${field}.proposalId`, 1);
    requireOneOf(payload.option, `${field}.option`, ["yes", "no", "abstain", "no_with_veto"]);
  },
  AwaitNodesAtHeight(payload, field) {
    requireObject(payload, field, ["targetHeight"]);
    requireInt(payload.targetHeight, `${field}.targetHeight`, 1);
  },
  UpdateNodeImage(payload, field) {
    requireObject(payload, field, ["image", "binary"]);
    if (payload.image === undefined && payload.binary === undefined) {
      throw new UsageError(
        `\`${field}\` needs \`image\` (docker, k8s) or \`binary\` (local: a path or an installed version).`,
        { field: `${field}.image` },
      );
    }
    if (payload.image !== undefined) requireToken(payload.image, `${field}.image`);
    if (payload.binary !== undefined) requireToken(payload.binary, `${field}.binary`, 4096);
  },
  GovParamChange(payload, field) {
    requireObject(payload, field, [...GOV_TX, "title", "description", "initialDeposit", "changes"]);
    checkGovTx(payload, field);
    requireText(payload.title, `${field}.title`);
    requireText(payload.description, `${field}.description`);
    requireCoins(payload.initialDeposit, `${field}.initialDeposit`);
    if (!Array.isArray(payload.changes) || payload.changes.length === 0) {
      throw new UsageError(
        `Expected \`${field}.changes\` to be a non-empty array, got ${show(payload.changes)}.`,
        {
          field: `${field}.changes`,
        },
      );
    }
    payload.changes.forEach((change: unknown, i) => {
      const at = `${field}.changes[${i}]`;
      requireObject(change, at, ["subspace", "key", "value"]);
      requireText(change.subspace, `${at}.subspace`);
      requireText(change.key, `${at}.key`);
      if (typeof change.value !== "string") {
        throw new UsageError(`Expected \`${at}.value\` to be JSON text, got ${show(change.value)}.`, {
          field: `${at}.value`,
        });
      }
    });
  },
  RestartSeid(payload, field) {
    requireObject(payload, field, []);
  },
};

/**
 * Checks a task spec: exactly one payload, the one matching `kind`; timeouts
 * of at least a second (the runtime counts whole seconds).
 *
 * @example
 * ```ts
 * import { validateTaskSpec } from "seinet";
 * validateTaskSpec({ name: "h100", node: "rpc-0", kind: "AwaitNodesAtHeight", awaitNodesAtHeight: { targetHeight: 100 } });
 * ```
 */
export function validateTaskSpec(spec: unknown): TaskSpec {
  requireObject(spec, "spec", KNOWN);
  requireDnsLabel(spec.name, "name");
  optionalDnsLabel(spec.namespace, "namespace");
  requireDnsLabel(spec.node, "node");
  requireOneOf(spec.kind, "kind", KINDS);
  optionalLabels(spec.labels, "labels");
  if (spec.timeout !== undefined) {
    if (typeof spec.timeout !== "number" || !Number.isFinite(spec.timeout) || spec.timeout < 1000) {
      throw new UsageError(
        `Expected \`timeout\` to be at least 1000 ms (task deadlines are whole seconds), got ${show(spec.timeout)}.`,
        { field: "timeout" },
      );
    }
  }
  if (spec.requirePhase !== undefined) requireOneOf(spec.requirePhase, "requirePhase", PHASES);
  if (spec.requirePhaseTimeout !== undefined) {
    if (spec.requirePhase === undefined) {
      throw new UsageError("`requirePhaseTimeout` needs `requirePhase`.", { field: "requirePhaseTimeout" });
    }
    requireInt(spec.requirePhaseTimeout, "requirePhaseTimeout", 1000);
  }
  const present = PAYLOADS.filter((p) => spec[p] !== undefined);
  const expected = TASK_PAYLOAD[spec.kind as TaskKind] as string;
  if (present.length !== 1 || present[0] !== expected) {
    const got = present.length === 0 ? "none" : present.map((p) => `\`${p}\``).join(", ");
    throw new UsageError(
      `A task of kind "${spec.kind as string}" takes exactly one payload, \`${expected}\`; got ${got}.`,
      { field: present.find((p) => p !== expected) ?? expected },
    );
  }
  CHECK_PAYLOAD[spec.kind as TaskKind](spec[expected], expected);
  return spec as unknown as TaskSpec;
}
