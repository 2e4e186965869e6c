import { createHash } from "node:crypto";
import type { NetworkSpec } from "../specs/types.js";

/**
 * Bumped whenever what a template holds, or how it is cloned, changes: older
 * templates stop matching. 4: validators stopped at a safe point (older ones
 * could hold a sign state from which the chain never commits again).
 */
export const TEMPLATE_FORMAT = 4;

/** Everything that makes a template what it is; two specs with equal facts clone the same chain. */
export interface TemplateFacts {
  format: number;
  mode: string;
  /** The seid commit (else its version, else its path): another binary means another chain. */
  seid: string;
  validators: number;
  chainId: string;
  genesis: unknown;
  config: unknown;
  accounts: unknown;
  /** How many `TEST_MNEMONIC` accounts its genesis funds. */
  testAccounts?: number;
  snapshots: unknown;
}

/** JSON with object keys sorted at every level, so equal facts hash equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A seid as templates name it: its commit, else its version, else its path. */
export function seidName(seid: {
  commit?: string | undefined;
  version?: string | undefined;
  path: string;
}): string {
  return seid.commit ?? seid.version ?? seid.path;
}

/** The facts of a spec as a template sees them. */
export function templateFacts(
  spec: NetworkSpec,
  mode: string,
  seid: { commit?: string | undefined; version?: string | undefined; path: string },
): TemplateFacts {
  return {
    format: TEMPLATE_FORMAT,
    mode,
    seid: seidName(seid),
    validators: spec.validators,
    chainId: spec.chainId ?? spec.name,
    genesis: spec.genesis ?? {},
    config: spec.config ?? {},
    accounts: spec.accounts ?? [],
    testAccounts: spec.testAccounts ?? 0,
    snapshots: spec.snapshots ?? null,
  };
}

/** The template's key: a hash of its facts (hex, 24 characters: a directory name). */
export function templateKey(facts: TemplateFacts): string {
  return createHash("sha256").update(canonical(facts)).digest("hex").slice(0, 24);
}
