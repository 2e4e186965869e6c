import { UsageError } from "../errors/usage.js";
import { parseDuration } from "../internal/duration.js";
import { isPlainObject, requireObject, requireOneOf, show } from "../specs/rules.js";
import type { NodeSpec } from "../specs/types.js";
import { validateNetworkSpec } from "../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../specs/validateNodeSpec.js";
import type { ResolvedManifest } from "./types.js";

/** Top-level keys of a manifest; `$schema` lets editors find the JSON Schema. */
export const MANIFEST_KEYS = ["$schema", "network", "followers", "run"] as const;
/** Keys of a manifest's `run` section. */
export const RUN_KEYS = ["mode", "timeout"] as const;

/** The spec validators' error, re-rooted under `prefix` so its field is a path in the manifest. */
function within<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const field = err.field ? `${prefix}.${err.field}` : prefix;
    throw new UsageError(`${prefix}: ${err.shortMessage}`, { field, cause: err });
  }
}

/**
 * Checks a parsed manifest (`seinet.yaml` / `seinet.json`, or an object given
 * to a runner helper) with the SDK's own spec validation, before anything is
 * made. Every UsageError's `field` is a path in the manifest
 * (`network.validators`, `followers[1].name`, `run.timeout`).
 *
 * @example
 * ```ts
 * import { validateManifest } from "seinet";
 * const m = validateManifest({ network: { name: "devnet", validators: 1 }, followers: [{ name: "rpc-0" }] });
 * ```
 */
export function validateManifest(value: unknown): ResolvedManifest {
  requireObject(value, "spec", MANIFEST_KEYS);
  if (value.network === undefined) {
    throw new UsageError("A manifest needs a `network` section (at least `name` and `validators`).", {
      field: "network",
    });
  }
  const network = within("network", () => validateNetworkSpec(value.network));
  const followers: NodeSpec[] = [];
  if (value.followers !== undefined) {
    if (!Array.isArray(value.followers)) {
      throw new UsageError(`Expected \`followers\` to be an array, got ${show(value.followers)}.`, {
        field: "followers",
      });
    }
    const names = new Set<string>();
    value.followers.forEach((follower: unknown, i) => {
      const at = `followers[${i}]`;
      const spec = within(at, () =>
        validateNodeSpec(isPlainObject(follower) ? { network: network.name, ...follower } : follower),
      );
      if (spec.network !== network.name) {
        throw new UsageError(
          `${at}: \`network\` is ${show(spec.network)}, but the manifest's network is ${show(network.name)}.`,
          { field: `${at}.network` },
        );
      }
      if (names.has(spec.name) || network.name === spec.name) {
        throw new UsageError(`${at}: the name ${show(spec.name)} is used twice.`, { field: `${at}.name` });
      }
      names.add(spec.name);
      followers.push(spec);
    });
  }
  let mode: ResolvedManifest["mode"];
  let timeoutMs: number | undefined;
  if (value.run !== undefined) {
    const run: unknown = value.run;
    within("run", () => requireObject(run, "spec", RUN_KEYS));
    const { mode: m, timeout } = run as Record<string, unknown>;
    if (m !== undefined) {
      within("run", () => requireOneOf(m, "mode", ["local", "docker"]));
      mode = m as "local" | "docker";
    }
    if (timeout !== undefined) {
      if (typeof timeout !== "string") {
        throw new UsageError(
          `Expected \`run.timeout\` to be a duration such as "5m", got ${show(timeout)}.`,
          {
            field: "run.timeout",
          },
        );
      }
      timeoutMs = parseDuration(timeout, "run.timeout");
    }
  }
  return { network, followers, mode, timeoutMs };
}
