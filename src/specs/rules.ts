import { UsageError } from "../errors/usage.js";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const COIN = /^[0-9]+[a-zA-Z][a-zA-Z0-9/:._-]{1,127}$/;
const BECH32_SEI = /^sei1[02-9ac-hj-np-z]{38,90}$/;
const KEY_NAME = /^[a-zA-Z0-9_-]+$/;
const HOSTNAME = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Renders a value for an error message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(field: string, expected: string, value: unknown): never {
  throw new UsageError(`Expected \`${field}\` to be ${expected}, got ${show(value)}.`, { field });
}

/** Plain object (not an array, not null, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The spec itself must be a plain object with only known keys (catches typos). */
export function requireObject(
  value: unknown,
  what: string,
  known: readonly string[],
): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) fail(what, "an object", value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new UsageError(
        `Unknown field \`${what === "spec" ? key : `${what}.${key}`}\` (known: ${known.join(", ")}).`,
        { field: what === "spec" ? key : `${what}.${key}` },
      );
    }
  }
}

/** A DNS-1123 label: lowercase alphanumerics and '-', ≤ 63 chars. */
export function requireDnsLabel(value: unknown, field: string, max = 63): void {
  if (typeof value !== "string" || value.length === 0 || value.length > max || !DNS_LABEL.test(value)) {
    fail(
      field,
      `a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${max} characters)`,
      value,
    );
  }
}

/** Optional DNS label. */
export function optionalDnsLabel(value: unknown, field: string): void {
  if (value !== undefined) requireDnsLabel(value, field);
}

/** A non-empty string without whitespace, at most `max` chars. */
export function requireToken(value: unknown, field: string, max = 512): void {
  if (typeof value !== "string" || value.length === 0 || value.length > max || /\s/.test(value)) {
    fail(field, `a non-empty string without spaces, at most ${max} characters`, value);
  }
}

/** A non-empty string. */
export function requireText(value: unknown, field: string): void {
  if (typeof value !== "string" || value.trim().length === 0) fail(field, "a non-empty string", value);
}

/** Optional string. */
export function optionalString(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== "string") fail(field, "a string", value);
}

/** An integer within [min, max]. */
export function requireInt(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `between ${min} and ${max}`;
    fail(field, `an integer ${range}`, value);
  }
}

/** Coins with a denom, e.g. `1000usei`, or several comma-separated. */
export function requireCoins(value: unknown, field: string): void {
  if (typeof value !== "string" || value.length === 0 || !value.split(",").every((c) => COIN.test(c))) {
    fail(field, 'an amount with denom such as "1000000usei"', value);
  }
}

/** A bech32 `sei1…` account address. */
export function requireSeiAddress(value: unknown, field: string): void {
  if (typeof value !== "string" || !BECH32_SEI.test(value))
    fail(field, 'a bech32 address starting with "sei1"', value);
}

/** A keyring key name. */
export function optionalKeyName(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== "string" || !KEY_NAME.test(value) || value.length > 64)) {
    fail(field, "a key name of letters, digits, '_' and '-'", value);
  }
}

/** One of the listed values. */
export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): void {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(field, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  }
}

/** Kubernetes label keys and values. */
export function optionalLabels(value: unknown, field: string): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) fail(field, "an object of string labels", value);
  for (const [key, v] of Object.entries(value)) {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
    if (!prefixOk || name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
      throw new UsageError(
        `Expected label key ${show(key)} in \`${field}\` to be a Kubernetes label key ([prefix/]name, name ≤ 63 characters of letters, digits, '-', '_', '.').`,
        { field: `${field}.${key}` },
      );
    }
    if (typeof v !== "string" || v.length > 63 || (v.length > 0 && !LABEL_NAME.test(v))) {
      fail(
        `${field}.${key}`,
        "a Kubernetes label value (≤ 63 characters of letters, digits, '-', '_', '.')",
        v,
      );
    }
  }
}

/** A map of dotted keys (non-empty segments) to values checked by `valueOk`. */
export function optionalDottedMap(
  value: unknown,
  field: string,
  valueOk: (v: unknown) => boolean,
  valueWhat: string,
): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) fail(field, "an object keyed by dotted paths", value);
  for (const [key, v] of Object.entries(value)) {
    if (key.length === 0 || key.split(".").some((segment) => segment.length === 0 || /\s/.test(segment))) {
      throw new UsageError(
        `Expected key ${show(key)} in \`${field}\` to be a dotted path such as "consensus_params.block.max_gas".`,
        { field: `${field}.${key}` },
      );
    }
    if (!valueOk(v)) fail(`${field}.${key}`, valueWhat, v);
  }
}

/** True for values that survive JSON unchanged (no undefined, NaN, functions, bigint, cycles). */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return false;
}

/** Splits a bare `host:port` (IPv6 in brackets); undefined when malformed. */
export function parseHostPort(value: string): { host: string; port: number } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/\s[\]@?#]+):(\d{1,5})$/.exec(value);
  if (!match) return undefined;
  const host = match[1]!;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  if (!host.startsWith("[") && !IPV4.test(bare) && (!HOSTNAME.test(bare) || bare.length > 253))
    return undefined;
  if (!host.startsWith("[") && /^[\d.]+$/.test(bare) && !IPV4.test(bare)) return undefined;
  if (host.startsWith("[") && !bare.includes(":")) return undefined;
  return { host: bare.toLowerCase(), port };
}

/** At least two distinct bare `host:port` RPC servers (state sync needs a witness). */
export function requireRpcServers(value: unknown, field: string): void {
  if (!Array.isArray(value)) fail(field, 'an array of at least 2 distinct "host:port" servers', value);
  const seen = new Set<string>();
  value.forEach((entry, i) => {
    const parsed = typeof entry === "string" ? parseHostPort(entry) : undefined;
    if (!parsed) {
      fail(`${field}[${i}]`, 'a bare "host:port" (no scheme, no path; port 1-65535)', entry);
    }
    const key = `${parsed.host}:${parsed.port}`;
    if (seen.has(key)) {
      throw new UsageError(`\`${field}\` lists ${show(entry)} twice; state sync needs distinct servers.`, {
        field: `${field}[${i}]`,
      });
    }
    seen.add(key);
  });
  if (seen.size < 2) {
    throw new UsageError(
      `\`${field}\` needs at least 2 distinct "host:port" servers (state sync verifies the light block against a second server), got ${seen.size}.`,
      { field },
    );
  }
}
