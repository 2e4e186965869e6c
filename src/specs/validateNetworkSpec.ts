import { MAX_TEST_ACCOUNTS } from "../chain/testAccounts.js";
import { UsageError } from "../errors/usage.js";
import {
  isJsonValue,
  optionalDnsLabel,
  optionalDottedMap,
  optionalLabels,
  requireCoins,
  requireDnsLabel,
  requireInt,
  requireObject,
  requireOneOf,
  requireSeiAddress,
  requireToken,
  show,
} from "./rules.js";
import type { NetworkSpec } from "./types.js";
import { validateSnapshots } from "./validateSnapshots.js";

/** Tendermint's limit on a chain id's length (`MaxChainIDLen`). */
const MAX_CHAIN_ID_LENGTH = 50;

const KNOWN = [
  "name",
  "chainId",
  "namespace",
  "image",
  "binary",
  "validators",
  "accounts",
  "testAccounts",
  "genesis",
  "config",
  "labels",
  "deletionPolicy",
  "sidecarImage",
  "snapshots",
] as const;

/**
 * Checks a network spec before any side effect and returns it typed. Throws
 * one UsageError naming the first offending field and value.
 *
 * @example
 * ```ts
 * import { validateNetworkSpec } from "seinet";
 * validateNetworkSpec({ name: "devnet", validators: 1 });
 * ```
 */
export function validateNetworkSpec(spec: unknown): NetworkSpec {
  requireObject(spec, "spec", KNOWN);
  requireDnsLabel(spec.name, "name");
  if (spec.chainId !== undefined) requireDnsLabel(spec.chainId, "chainId", MAX_CHAIN_ID_LENGTH);
  optionalDnsLabel(spec.namespace, "namespace");
  if (spec.image !== undefined) requireToken(spec.image, "image");
  if (spec.binary !== undefined) requireToken(spec.binary, "binary", 4096);
  if (spec.sidecarImage !== undefined) requireToken(spec.sidecarImage, "sidecarImage");
  requireInt(spec.validators, "validators", 1, 100);
  if (spec.validators === 2) {
    throw new UsageError(
      "A network of 2 validators deadlocks: each validator has one peer, and block sync only calls a node caught up with more than one peer, so neither ever starts consensus. Use 1 validator, or 3 or more.",
      { field: "validators" },
    );
  }
  if (spec.accounts !== undefined) {
    if (!Array.isArray(spec.accounts))
      throw new UsageError(`Expected \`accounts\` to be an array, got ${show(spec.accounts)}.`, {
        field: "accounts",
      });
    const seen = new Set<string>();
    spec.accounts.forEach((account: unknown, i) => {
      const field = `accounts[${i}]`;
      requireObject(account, field, ["address", "balance", "vesting"]);
      requireSeiAddress(account.address, `${field}.address`);
      requireCoins(account.balance, `${field}.balance`);
      if (seen.has(account.address as string)) {
        throw new UsageError(`\`${field}.address\` ${show(account.address)} is listed twice.`, {
          field: `${field}.address`,
        });
      }
      seen.add(account.address as string);
      if (account.vesting !== undefined) {
        const vesting: unknown = account.vesting;
        requireObject(vesting, `${field}.vesting`, ["amount", "endTime", "delayed"]);
        requireCoins(vesting.amount, `${field}.vesting.amount`);
        requireInt(vesting.endTime, `${field}.vesting.endTime`, 1);
        if (vesting.delayed !== undefined && typeof vesting.delayed !== "boolean") {
          throw new UsageError(
            `Expected \`${field}.vesting.delayed\` to be a boolean, got ${show(vesting.delayed)}.`,
            {
              field: `${field}.vesting.delayed`,
            },
          );
        }
      }
    });
  }
  if (spec.testAccounts !== undefined) requireInt(spec.testAccounts, "testAccounts", 1, MAX_TEST_ACCOUNTS);
  optionalDottedMap(spec.genesis, "genesis", isJsonValue, "a JSON value");
  optionalDottedMap(spec.config, "config", (v) => typeof v === "string", "a string");
  optionalLabels(spec.labels, "labels");
  if (spec.deletionPolicy !== undefined)
    requireOneOf(spec.deletionPolicy, "deletionPolicy", ["Delete", "Retain"]);
  if (spec.snapshots !== undefined) validateSnapshots(spec.snapshots, spec.config);
  return spec as unknown as NetworkSpec;
}
