import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { UsageError } from "../errors/usage.js";
import type { NetworkSpec, NodeSpec, TaskKind, TaskSpec, WorkflowSpec } from "./types.js";
import { validateNetworkSpec } from "./validateNetworkSpec.js";
import { validateNodeSpec } from "./validateNodeSpec.js";
import { TASK_PAYLOAD, validateTaskSpec } from "./validateTaskSpec.js";
import { validateWorkflowSpec } from "./validateWorkflowSpec.js";

const VALID_RUNS = 300;
const MUTATION_RUNS = 500;

type Spec = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Arbitraries of valid building blocks
// ---------------------------------------------------------------------------

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
/** A chain id: a DNS label within Tendermint's 50 characters. */
const chainId = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,48}[a-z0-9])?$/);
const denom = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
const coin = fc.tuple(fc.nat({ max: 10 ** 12 }), denom).map(([n, d]) => `${n}${d}`);
const coins = fc.array(coin, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(","));
const address = fc
  .array(fc.constantFrom(...BECH32), { minLength: 38, maxLength: 38 })
  .map((chars) => `sei1${chars.join("")}`);
const token = fc.stringMatching(/^[a-z0-9][a-z0-9./:@_-]{0,40}$/);
const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const labelName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/);
const labelPrefix = fc
  .array(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join("."));
const labelKey = fc.oneof(
  labelName,
  fc.tuple(labelPrefix, labelName).map(([p, n]) => `${p}/${n}`),
);
const labelValue = fc.oneof(fc.constant(""), labelName);
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 4 });
const dottedKey = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), { minLength: 1, maxLength: 4 })
  .map((segments) => segments.join("."));
const genesis = fc.dictionary(dottedKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
const config = fc.dictionary(dottedKey, fc.string({ maxLength: 20 }), { maxKeys: 4 });

const hostname = fc
  .array(fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join("."));
const ipv6 = fc.constantFrom("[::1]", "[fd00::10]", "[2001:db8::2]", "[fe80::1:2]");
const host = fc.oneof(hostname, fc.ipV4(), ipv6);
const hostPort = fc.tuple(host, fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`);
const rpcServers = fc.uniqueArray(hostPort, { minLength: 2, maxLength: 5, selector: (s) => s.toLowerCase() });

const vesting = fc.record(
  { amount: coins, endTime: fc.integer({ min: 1, max: 2 ** 40 }), delayed: fc.boolean() },
  { requiredKeys: ["amount", "endTime"] },
);
const account = fc.record({ address, balance: coins, vesting }, { requiredKeys: ["address", "balance"] });
const accounts = fc.uniqueArray(account, { maxLength: 4, selector: (a) => a.address });

const networkSpec: fc.Arbitrary<NetworkSpec> = fc.record(
  {
    name: dnsLabel,
    chainId,
    namespace: dnsLabel,
    image: token,
    binary: token,
    validators: fc.oneof(fc.constant(1), fc.integer({ min: 3, max: 100 })),
    accounts,
    genesis,
    config,
    labels,
    deletionPolicy: fc.constantFrom("Delete" as const, "Retain" as const),
    sidecarImage: token,
  },
  { requiredKeys: ["name", "validators"] },
);

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record(
  {
    name: dnsLabel,
    network: dnsLabel,
    namespace: dnsLabel,
    networkNamespace: dnsLabel,
    image: token,
    binary: token,
    config,
    labels,
    stateSync: fc.record({ rpcServers }),
  },
  { requiredKeys: ["name", "network"] },
);

const keyName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/);
const govTx = {
  chainId: text,
  fees: coins,
  gas: fc.integer({ min: 1, max: 10 ** 9 }),
  keyName,
  memo: fc.string({ maxLength: 20 }),
};
const govTxRequired = ["chainId", "fees", "gas"] as const;

const PAYLOAD_ARB: Record<TaskKind, fc.Arbitrary<Spec>> = {
  GovSoftwareUpgrade: fc.record(
    {
      ...govTx,
      title: text,
      description: text,
      initialDeposit: coins,
      upgradeName: text,
      upgradeHeight: fc.integer({ min: 1, max: 10 ** 9 }),
      upgradeInfo: fc.string({ maxLength: 20 }),
    },
    {
      requiredKeys: [
        ...govTxRequired,
        "title",
        "description",
        "initialDeposit",
        "upgradeName",
        "upgradeHeight",
      ],
    },
  ),
  GovVote: fc.record(
    {
      ...govTx,
      proposalId: fc.integer({ min: 1, max: 10 ** 6 }),
      option: fc.constantFrom("yes", "no", "abstain", "no_with_veto"),
    },
    { requiredKeys: [...govTxRequired, "proposalId", "option"] },
  ),
  AwaitNodesAtHeight: fc.record({ targetHeight: fc.integer({ min: 1, max: 10 ** 9 }) }),
  UpdateNodeImage: fc.oneof(
    fc.record({ image: token }),
    fc.record({ binary: token }),
    fc.record({ image: token, binary: token }),
  ),
  GovParamChange: fc.record(
    {
      ...govTx,
      title: text,
      description: text,
      initialDeposit: coins,
      changes: fc.array(fc.record({ subspace: text, key: text, value: fc.string({ maxLength: 10 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    },
    { requiredKeys: [...govTxRequired, "title", "description", "initialDeposit", "changes"] },
  ),
  RestartSeid: fc.constant({}),
};

const KINDS = Object.keys(TASK_PAYLOAD) as TaskKind[];
const PAYLOADS = Object.values(TASK_PAYLOAD) as string[];

const timeout = fc.oneof(
  fc.integer({ min: 1000, max: 10 ** 9 }),
  fc.double({ min: 1000, max: 10 ** 7, noNaN: true, noDefaultInfinity: true }),
);

const taskSpec: fc.Arbitrary<TaskSpec> = fc.constantFrom(...KINDS).chain((kind) =>
  fc
    .record(
      {
        name: dnsLabel,
        namespace: dnsLabel,
        node: dnsLabel,
        timeout,
        labels,
        requirePhase: fc.constantFrom("Pending", "Initializing", "Running", "Failed", "Terminating"),
      },
      { requiredKeys: ["name", "node"] },
    )
    .chain((base) =>
      PAYLOAD_ARB[kind].map((payload) => ({ ...base, kind, [TASK_PAYLOAD[kind]]: payload }) as TaskSpec),
    ),
);

const migration = fc.record(
  {
    kind: fc.constant("GigaStore" as const),
    gigaStore: fc.record(
      { backend: fc.constantFrom("pebbledb" as const, "rocksdb" as const) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["kind"] },
);

const workflowSpec: fc.Arbitrary<WorkflowSpec> = fc.record(
  {
    name: dnsLabel,
    namespace: dnsLabel,
    node: dnsLabel,
    kind: fc.constant("StateSync" as const),
    labels,
    stateSync: fc.record({ rpcServers, migration }, { requiredKeys: ["rpcServers"] }),
  },
  { requiredKeys: ["name", "node", "kind", "stateSync"] },
);

// ---------------------------------------------------------------------------
// Mutations: each turns a valid spec into an invalid one, and names the field
// (prefix) the UsageError must blame.
// ---------------------------------------------------------------------------

interface Mutation<S> {
  label: string;
  /** The error's `field` must start with this. */
  field: string;
  apply(spec: S): unknown;
}

type MutationArb<S> = fc.Arbitrary<Mutation<S>>;

function mutation<S>(label: string, field: string, apply: (spec: S) => unknown): Mutation<S> {
  return { label, field, apply };
}

/** A copy of `obj` without `key` (absent, not merely undefined). */
function without(obj: object, key: string): Spec {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
}

const badDnsLabel = fc.oneof(
  fc.constant(""),
  dnsLabel.map((s) => `${s}X`),
  dnsLabel.map((s) => `A${s}`),
  dnsLabel.map((s) => `${s}_x`),
  dnsLabel.map((s) => `-${s}`),
  dnsLabel.map((s) => `${s}-`),
  dnsLabel.map((s) => `${s}.x`),
  dnsLabel.map((s) => `${s} x`),
  fc.integer({ min: 64, max: 200 }).map((n) => "a".repeat(n)),
  fc.constantFrom(42, null, true, ["a"], { name: "a" }) as fc.Arbitrary<unknown>,
);

function badName<S>(field: string): MutationArb<S> {
  return badDnsLabel.map((bad) =>
    mutation<S>(`${field}=${String(bad)}`, field, (s) => ({ ...s, [field]: bad })),
  );
}

const badLabels = fc.oneof(
  fc.constantFrom(
    { "bad key": "v" },
    { "-lead": "v" },
    { "trail-": "v" },
    { "": "v" },
    { "UPPER.prefix/name": "v" },
    { "a/b/c": "v" },
    { [`${"k".repeat(64)}`]: "v" },
    { ok: "has space" },
    { ok: "-lead" },
    { ok: "v".repeat(64) },
    { ok: 5 },
    { ok: null },
  ),
  labelName.map((k) => ({ [k]: `${k}!` })),
);

function badLabelMutation<S>(): MutationArb<S> {
  return fc.oneof(
    badLabels.map((bad) =>
      mutation<S>(`labels=${JSON.stringify(bad)}`, "labels.", (s) => ({ ...s, labels: bad })),
    ),
    fc
      .constantFrom("labels", ["a"], 7)
      .map((bad) => mutation<S>("labels not an object", "labels", (s) => ({ ...s, labels: bad }))),
  );
}

const unknownKey = fc.constantFrom("replicas", "nmae", "validator", "chainID", "extra", "stateSyncs", "Name");

function unknownKeyMutation<S>(): MutationArb<S> {
  return unknownKey.map((key) => mutation<S>(`unknown key ${key}`, key, (s) => ({ ...s, [key]: "x" })));
}

const badRpcServers: fc.Arbitrary<{ value: unknown; field: string }> = fc.oneof(
  hostPort.map((hp) => ({ value: [hp, hp], field: "[1]" })),
  hostname.chain((h) =>
    fc
      .integer({ min: 1, max: 65535 })
      .map((p) => ({ value: [`${h}:${p}`, `${h.toUpperCase()}:${p}`], field: "[1]" })),
  ),
  hostPort.map((hp) => ({ value: [hp], field: "" })),
  fc.constant({ value: [], field: "" }),
  fc.constant({ value: "a:1,b:2", field: "" }),
  fc.constant({ value: undefined, field: "" }),
  hostPort.map((hp) => ({ value: ["http://a:1", hp], field: "[0]" })),
  hostPort.map((hp) => ({ value: [hp, "https://b:26657"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "a:1/status"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "a:0"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "a:70000"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "a"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, ":26657"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "256.1.1.1:26657"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "user@a:26657"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, "a b:26657"], field: "[1]" })),
  hostPort.map((hp) => ({ value: [hp, 26657], field: "[1]" })),
);

const nonJson = fc.constantFrom<unknown>(
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  () => 1,
  10n,
  Symbol("s"),
  new Date(0),
  new Map(),
  [1, undefined],
  { nested: Number.NaN },
  { nested: { deeper: () => 1 } },
);
const nonString = fc.constantFrom<unknown>(1, true, null, undefined, { a: "b" }, ["a"]);
const badDottedKey = fc.constantFrom("", ".", "a..b", ".a", "a.", "a b", "a.b c");

function dottedMutations<S>(field: "genesis" | "config", badValue: fc.Arbitrary<unknown>): MutationArb<S> {
  return fc.oneof(
    fc
      .tuple(dottedKey, badValue)
      .map(([k, v]) =>
        mutation<S>(`${field}.${k}=${String(v)}`, `${field}.`, (s) => ({ ...s, [field]: { [k]: v } })),
      ),
    badDottedKey.map((k) =>
      mutation<S>(`${field} key ${JSON.stringify(k)}`, `${field}.`, (s) => ({ ...s, [field]: { [k]: "1" } })),
    ),
    fc
      .constantFrom("a=b", ["a"], 3)
      .map((v) => mutation<S>(`${field} not an object`, field, (s) => ({ ...s, [field]: v }))),
  );
}

function badToken<S>(field: string): MutationArb<S> {
  return fc
    .constantFrom<unknown>("", "has space", "tab\there", 5, null, "x".repeat(5000))
    .map((bad) =>
      mutation<S>(`${field}=${String(bad).slice(0, 20)}`, field, (s) => ({ ...s, [field]: bad })),
    );
}

const networkMutations: MutationArb<NetworkSpec> = fc.oneof(
  badName<NetworkSpec>("name"),
  badName<NetworkSpec>("chainId"),
  fc
    .constant("x".repeat(51))
    .map((bad) => mutation<NetworkSpec>("chainId over 50", "chainId", (s) => ({ ...s, chainId: bad }))),
  badName<NetworkSpec>("namespace"),
  fc
    .constantFrom<unknown>(
      0,
      2,
      101,
      1.5,
      "3",
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      undefined,
      3.0000001,
    )
    .map((v) =>
      mutation<NetworkSpec>(`validators=${String(v)}`, "validators", (s) => ({ ...s, validators: v })),
    ),
  unknownKeyMutation<NetworkSpec>(),
  badLabelMutation<NetworkSpec>(),
  dottedMutations<NetworkSpec>("genesis", nonJson),
  dottedMutations<NetworkSpec>("config", nonString),
  badToken<NetworkSpec>("image"),
  badToken<NetworkSpec>("sidecarImage"),
  fc.constantFrom<unknown>("delete", "Keep", "", 1).map((v) =>
    mutation<NetworkSpec>(`deletionPolicy=${String(v)}`, "deletionPolicy", (s) => ({
      ...s,
      deletionPolicy: v,
    })),
  ),
  fc
    .constantFrom<unknown>(
      "sei1qq",
      "cosmos1qpzry9x8gf2tvdw0s3jn54khce6mua7lqpzry9",
      "sei1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
      "sei1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7LQPZRY9",
      "",
      7,
    )
    .chain((bad) =>
      coins.map((balance) =>
        mutation<NetworkSpec>(`account address ${String(bad)}`, "accounts[0].address", (s) => ({
          ...s,
          accounts: [{ address: bad, balance }],
        })),
      ),
    ),
  fc
    .tuple(
      address,
      fc.constantFrom<unknown>("", "100", "usei", "100 usei", "1.5usei", "100u", 100, "100usei,"),
    )
    .map(([addr, bad]) =>
      mutation<NetworkSpec>(`account balance ${String(bad)}`, "accounts[0].balance", (s) => ({
        ...s,
        accounts: [{ address: addr, balance: bad }],
      })),
    ),
  fc.tuple(address, coins).map(([addr, balance]) =>
    mutation<NetworkSpec>("duplicate account", "accounts[1].address", (s) => ({
      ...s,
      accounts: [
        { address: addr, balance },
        { address: addr, balance },
      ],
    })),
  ),
  fc.tuple(address, coins).map(([addr, balance]) =>
    mutation<NetworkSpec>("vesting endTime 0", "accounts[0].vesting.endTime", (s) => ({
      ...s,
      accounts: [{ address: addr, balance, vesting: { amount: balance, endTime: 0 } }],
    })),
  ),
  fc.tuple(address, coins).map(([addr, balance]) =>
    mutation<NetworkSpec>("vesting delayed string", "accounts[0].vesting.delayed", (s) => ({
      ...s,
      accounts: [{ address: addr, balance, vesting: { amount: balance, endTime: 5, delayed: "yes" } }],
    })),
  ),
  fc.tuple(address, coins).map(([addr, balance]) =>
    mutation<NetworkSpec>("unknown account key", "accounts[0].amount", (s) => ({
      ...s,
      accounts: [{ address: addr, balance, amount: balance }],
    })),
  ),
  fc
    .constant(null)
    .map(() => mutation<NetworkSpec>("accounts not array", "accounts", (s) => ({ ...s, accounts: {} }))),
);

function stateSyncMutations<S>(): MutationArb<S> {
  return badRpcServers.map(({ value, field }) =>
    mutation<S>(`rpcServers=${JSON.stringify(value)}`, `stateSync.rpcServers${field}`, (s) => ({
      ...s,
      stateSync: { ...((s as Spec).stateSync as Spec | undefined), rpcServers: value },
    })),
  );
}

const nodeMutations: MutationArb<NodeSpec> = fc.oneof(
  badName<NodeSpec>("name"),
  badName<NodeSpec>("network"),
  badName<NodeSpec>("namespace"),
  badName<NodeSpec>("networkNamespace"),
  unknownKeyMutation<NodeSpec>(),
  badLabelMutation<NodeSpec>(),
  dottedMutations<NodeSpec>("config", nonString),
  badToken<NodeSpec>("image"),
  stateSyncMutations<NodeSpec>(),
  rpcServers.map((servers) =>
    mutation<NodeSpec>("stateSync extra key", "stateSync.trustHeight", (s) => ({
      ...s,
      stateSync: { rpcServers: servers, trustHeight: 5 },
    })),
  ),
);

function otherPayload(kind: TaskKind): fc.Arbitrary<{ key: string; payload: Spec }> {
  return fc
    .constantFrom(...KINDS.filter((k) => k !== kind))
    .chain((other) => PAYLOAD_ARB[other].map((payload) => ({ key: TASK_PAYLOAD[other] as string, payload })));
}

const taskMutations: fc.Arbitrary<{ spec: TaskSpec; mutation: Mutation<TaskSpec> }> = taskSpec.chain(
  (spec) => {
    const ownKey = TASK_PAYLOAD[spec.kind] as string;
    const payloadSpecific: MutationArb<TaskSpec> = fc.oneof(
      otherPayload(spec.kind).map(({ key, payload }) =>
        mutation<TaskSpec>(`two payloads (+${key})`, key, (s) => ({ ...s, [key]: payload })),
      ),
      fc.constant(mutation<TaskSpec>("no payload", ownKey, (s) => without(s, ownKey))),
      otherPayload(spec.kind).map(({ key, payload }) =>
        mutation<TaskSpec>(`payload ${key} does not match kind`, key, (s) =>
          without({ ...s, [key]: payload }, ownKey),
        ),
      ),
      // RestartSeid's payload has no fields: empty is its valid form.
      spec.kind === "RestartSeid"
        ? fc.constant(mutation<TaskSpec>("payload not an object", ownKey, (s) => ({ ...s, [ownKey]: [] })))
        : fc.constant(mutation<TaskSpec>("empty payload", `${ownKey}.`, (s) => ({ ...s, [ownKey]: {} }))),
      fc.constant(
        mutation<TaskSpec>("payload with unknown key", `${ownKey}.bogus`, (s) => ({
          ...s,
          [ownKey]: { ...((s as unknown as Spec)[ownKey] as Spec), bogus: 1 },
        })),
      ),
      fc.constant(mutation<TaskSpec>("payload not an object", ownKey, (s) => ({ ...s, [ownKey]: "x" }))),
    );
    const generic: MutationArb<TaskSpec> = fc.oneof(
      badName<TaskSpec>("name"),
      badName<TaskSpec>("node"),
      badName<TaskSpec>("namespace"),
      unknownKeyMutation<TaskSpec>(),
      badLabelMutation<TaskSpec>(),
      fc
        .constantFrom<unknown>(
          999,
          0.5,
          0,
          -1000,
          Number.NaN,
          Number.POSITIVE_INFINITY,
          "5000",
          null,
          999.999,
        )
        .map((v) => mutation<TaskSpec>(`timeout=${String(v)}`, "timeout", (s) => ({ ...s, timeout: v }))),
      fc
        .constantFrom<unknown>("govVote", "Unknown", "", undefined, 1)
        .map((v) => mutation<TaskSpec>(`kind=${String(v)}`, "kind", (s) => ({ ...s, kind: v }))),
    );
    return fc.oneof(payloadSpecific, generic).map((m) => ({ spec, mutation: m }));
  },
);

const workflowMutations: MutationArb<WorkflowSpec> = fc.oneof(
  badName<WorkflowSpec>("name"),
  badName<WorkflowSpec>("node"),
  badName<WorkflowSpec>("namespace"),
  unknownKeyMutation<WorkflowSpec>(),
  badLabelMutation<WorkflowSpec>(),
  stateSyncMutations<WorkflowSpec>(),
  fc
    .constantFrom<unknown>("Statesync", "GigaStore", "", undefined)
    .map((v) => mutation<WorkflowSpec>(`kind=${String(v)}`, "kind", (s) => ({ ...s, kind: v }))),
  fc.constant(mutation<WorkflowSpec>("no stateSync", "stateSync", (s) => without(s, "stateSync"))),
  fc
    .constantFrom<unknown>("GigaStore", [], null)
    .map((v) =>
      mutation<WorkflowSpec>("stateSync not an object", "stateSync", (s) => ({ ...s, stateSync: v })),
    ),
  fc.constantFrom<unknown>("Giga", "", undefined, 1).map((kind) =>
    mutation<WorkflowSpec>(`migration kind ${String(kind)}`, "stateSync.migration.kind", (s) => ({
      ...s,
      stateSync: { ...s.stateSync, migration: { kind } },
    })),
  ),
  fc.constantFrom<unknown>("leveldb", "", 1).map((backend) =>
    mutation<WorkflowSpec>(
      `gigaStore backend ${String(backend)}`,
      "stateSync.migration.gigaStore.backend",
      (s) => ({
        ...s,
        stateSync: { ...s.stateSync, migration: { kind: "GigaStore", gigaStore: { backend } } },
      }),
    ),
  ),
  fc.constant(
    mutation<WorkflowSpec>("migration unknown key", "stateSync.migration.extra", (s) => ({
      ...s,
      stateSync: { ...s.stateSync, migration: { kind: "GigaStore", extra: true } },
    })),
  ),
);

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function assertUsage(fn: () => unknown, expectedField: string, label: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught !== undefined, `${label}: expected a UsageError, nothing was thrown`);
  assert.ok(caught instanceof UsageError, `${label}: expected a UsageError, got ${String(caught)}`);
  assert.equal(caught.code, "USAGE");
  assert.equal(typeof caught.field, "string", `${label}: field missing`);
  assert.ok((caught.field ?? "").length > 0, `${label}: field empty`);
  assert.ok(
    (caught.field ?? "").startsWith(expectedField),
    `${label}: expected field starting with ${JSON.stringify(expectedField)}, got ${JSON.stringify(caught.field)} (${caught.message})`,
  );
}

function checkValid<S>(arb: fc.Arbitrary<S>, validate: (spec: unknown) => unknown): void {
  fc.assert(
    fc.property(arb, (spec) => {
      assert.equal(validate(spec), spec);
    }),
    { numRuns: VALID_RUNS },
  );
}

function checkMutations<S>(
  arb: fc.Arbitrary<S>,
  mutations: MutationArb<S>,
  validate: (spec: unknown) => unknown,
): void {
  fc.assert(
    fc.property(arb, mutations, (spec, m) => {
      assertUsage(() => validate(m.apply(spec)), m.field, m.label);
    }),
    { numRuns: MUTATION_RUNS },
  );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe("validateNetworkSpec (property)", () => {
  test("behavior: every valid network spec passes and is returned as is", () => {
    checkValid(networkSpec, validateNetworkSpec);
  });

  test("error: every mutation of a valid network spec is a UsageError naming the field", () => {
    checkMutations(networkSpec, networkMutations, validateNetworkSpec);
  });

  test("error: 2 validators is rejected with the block-sync deadlock explained", () => {
    fc.assert(
      fc.property(networkSpec, (spec) => {
        assert.throws(
          () => validateNetworkSpec({ ...spec, validators: 2 }),
          (err: unknown) =>
            err instanceof UsageError &&
            err.field === "validators" &&
            /block sync/.test(err.message) &&
            /deadlock/.test(err.message) &&
            /1 validator, or 3 or more/.test(err.message),
        );
      }),
      { numRuns: 20 },
    );
  });

  test("error: a non-object spec is a UsageError", () => {
    for (const bad of [undefined, null, "devnet", 1, [], new Date(0)]) {
      assertUsage(() => validateNetworkSpec(bad), "spec", String(bad));
    }
  });
});

describe("validateNodeSpec (property)", () => {
  test("behavior: every valid node spec passes and is returned as is", () => {
    checkValid(nodeSpec, validateNodeSpec);
  });

  test("error: every mutation of a valid node spec is a UsageError naming the field", () => {
    checkMutations(nodeSpec, nodeMutations, validateNodeSpec);
  });
});

describe("validateTaskSpec (property)", () => {
  test("behavior: every valid task spec passes and is returned as is", () => {
    checkValid(taskSpec, validateTaskSpec);
  });

  test("behavior: tasks of every kind are generated", () => {
    const seen = new Set(fc.sample(taskSpec, 200).map((t) => t.kind));
    assert.deepEqual([...seen].sort(), [...KINDS].sort());
  });

  test("error: every mutation of a valid task spec is a UsageError naming the field", () => {
    fc.assert(
      fc.property(taskMutations, ({ spec, mutation: m }) => {
        assertUsage(() => validateTaskSpec(m.apply(spec)), m.field, m.label);
      }),
      { numRuns: MUTATION_RUNS },
    );
  });

  test("error: a payload mismatch names the payloads in the message", () => {
    assert.throws(
      () =>
        validateTaskSpec({
          name: "t",
          node: "rpc-0",
          kind: "GovVote",
          awaitNodesAtHeight: { targetHeight: 1 },
        }),
      (err: unknown) =>
        err instanceof UsageError &&
        err.field === "awaitNodesAtHeight" &&
        err.message ===
          'A task of kind "GovVote" takes exactly one payload, `govVote`; got `awaitNodesAtHeight`.',
    );
    assert.throws(
      () => validateTaskSpec({ name: "t", node: "rpc-0", kind: "UpdateNodeImage" }),
      (err: unknown) =>
        err instanceof UsageError &&
        err.field === "updateNodeImage" &&
        err.message ===
          'A task of kind "UpdateNodeImage" takes exactly one payload, `updateNodeImage`; got none.',
    );
  });

  test("error: timeout below a second explains whole seconds", () => {
    assert.throws(
      () =>
        validateTaskSpec({
          name: "t",
          node: "rpc-0",
          kind: "AwaitNodesAtHeight",
          timeout: 999,
          awaitNodesAtHeight: { targetHeight: 1 },
        }),
      {
        name: "UsageError",
        message: "Expected `timeout` to be at least 1000 ms (task deadlines are whole seconds), got 999.",
      },
    );
  });

  test("default: every payload key is covered", () => {
    assert.deepEqual([...PAYLOADS].sort(), [
      "awaitNodesAtHeight",
      "govParamChange",
      "govSoftwareUpgrade",
      "govVote",
      "restartSeid",
      "updateNodeImage",
    ]);
  });
});

describe("validateWorkflowSpec (property)", () => {
  test("behavior: every valid workflow spec passes and is returned as is", () => {
    checkValid(workflowSpec, validateWorkflowSpec);
  });

  test("error: every mutation of a valid workflow spec is a UsageError naming the field", () => {
    checkMutations(workflowSpec, workflowMutations, validateWorkflowSpec);
  });

  test("error: a single rpc server explains why state sync needs two", () => {
    assert.throws(
      () =>
        validateWorkflowSpec({
          name: "sync",
          node: "rpc-0",
          kind: "StateSync",
          stateSync: { rpcServers: ["a:26657"] },
        }),
      (err: unknown) =>
        err instanceof UsageError &&
        err.field === "stateSync.rpcServers" &&
        /at least 2 distinct/.test(err.message) &&
        /second server/.test(err.message),
    );
  });
});
