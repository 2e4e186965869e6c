import { snapshotSettings } from "../../../chain/snapshotSettings.js";
import type { NetworkSpec } from "../../../specs/types.js";
import { API_VERSION, type CustomResource } from "../resources.js";
import { mergeLabels } from "./labels.js";

/**
 * SeiNetwork exactly as the CRD accepts it: replicas = validators, chain id =
 * `chainId` or the name, genesis accounts and JSON overrides, config overrides (snapshot
 * settings among them).
 */
export function renderNetwork(spec: NetworkSpec, namespace: string, image: string): CustomResource {
  const genesis: Record<string, unknown> = { chainId: spec.chainId ?? spec.name };
  if (spec.accounts?.length) {
    genesis.accounts = spec.accounts.map((a) => ({
      address: a.address,
      balance: a.balance,
      ...(a.vesting
        ? {
            vesting: {
              amount: a.vesting.amount,
              endTime: a.vesting.endTime,
              ...(a.vesting.delayed !== undefined ? { delayed: a.vesting.delayed } : {}),
            },
          }
        : {}),
    }));
  }
  if (spec.genesis && Object.keys(spec.genesis).length > 0) genesis.overrides = { ...spec.genesis };
  const body: Record<string, unknown> = { image, replicas: spec.validators, genesis };
  // SeiNetwork has no snapshot field (snapshot settings belong to a SeiNode):
  // the validators take snapshots through their app.toml keys, as strings.
  const snapshots = spec.snapshots
    ? Object.fromEntries(Object.entries(snapshotSettings(spec.snapshots)).map(([k, v]) => [k, String(v)]))
    : {};
  const overrides = { ...snapshots, ...spec.config };
  if (Object.keys(overrides).length > 0) body.configOverrides = overrides;
  // The CRD's default, Retain, has the controller orphan the validators: a
  // deleted test network would keep running. seinet's default deletes them.
  body.deletionPolicy = spec.deletionPolicy ?? "Delete";
  if (spec.sidecarImage) body.sidecar = { image: spec.sidecarImage };
  return {
    apiVersion: API_VERSION,
    kind: "SeiNetwork",
    metadata: { name: spec.name, namespace, labels: mergeLabels(spec.labels, {}) },
    spec: body,
  };
}
