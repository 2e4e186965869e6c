import type { NetworkSpec, NodeSpec } from "../specs/types.js";

/** A follower in a manifest: a NodeSpec whose `network` defaults to the manifest's network. */
export type FollowerSpec = Omit<NodeSpec, "network"> & { network?: string };

/** How a manifest's network is brought up (the CLI's `up` and the runner helpers). */
export interface RunOptions {
  /** Where the nodes run; default `$SEINET_MODE`, else `local`. */
  mode?: "local" | "docker";
  /** Deadline of the whole bring-up, with a unit (`90s`, `5m`); default 5m. */
  timeout?: string;
}

/**
 * One file for `seinet up -f` and the test-runner helpers: the network, its
 * followers and how to run them. `schema/seinet.schema.json` describes it for
 * editors; {@link validateManifest} is the one that decides.
 */
export interface Manifest {
  /** The genesis network, exactly a {@link NetworkSpec}. */
  network: NetworkSpec;
  /** Follower RPC nodes peered to it, started in order once it is ready. */
  followers?: FollowerSpec[];
  run?: RunOptions;
}

/** A validated manifest: followers carry their network, the timeout is in ms. */
export interface ResolvedManifest {
  network: NetworkSpec;
  followers: NodeSpec[];
  mode: "local" | "docker" | undefined;
  timeoutMs: number | undefined;
}
