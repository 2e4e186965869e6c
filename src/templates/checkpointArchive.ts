import type { NodeRole } from "../chain/config.js";
import type { TestAccount } from "../chain/testAccount.js";
import type { Checkpoint } from "../client/checkpoint.js";
import { UsageError } from "../errors/usage.js";
import type { SnapshotsSpec } from "../specs/types.js";

/**
 * Bumped whenever what an archive holds, or how it is read, changes. A
 * seinet reads archives of its own format and older; a newer one is refused
 * before anything is unpacked.
 */
export const CHECKPOINT_ARCHIVE_FORMAT = 1;

/** The archive's first entry: what it holds, read before any byte of a home. */
export const ARCHIVE_MANIFEST = "seinet-checkpoint.json";

/** Where node `name`'s home sits inside the archive. */
export const archiveNodePrefix = (name: string): string => `nodes/${name}/`;

/**
 * What a portable checkpoint holds besides the homes: enough to start a
 * network from it on another machine with the same seid, and to refuse one
 * it cannot start.
 */
export interface CheckpointArchiveManifest {
  kind: "seinet-checkpoint";
  format: number;
  /** The checkpoint it was exported from (its network, height, time). */
  checkpoint: Checkpoint;
  chainId: string;
  /** The seid the chain ran: another commit is another state machine. */
  seid: { version?: string | undefined; commit?: string | undefined };
  /** Its nodes, validators in ordinal order then the sentry: a new network takes them in this order. */
  nodes: { name: string; role: NodeRole }[];
  /** The funded account of the chain (the archive holds the chain's keys: treat it as a secret of a test chain). */
  testAccount: TestAccount;
  testAccounts?: number | undefined;
  snapshots?: SnapshotsSpec | undefined;
  /** `config` overrides the network was made with: a new network's nodes keep them. */
  config?: Record<string, string> | undefined;
}

/** How many validators an archive's network has. */
export const archiveValidators = (m: CheckpointArchiveManifest): number =>
  m.nodes.filter((n) => n.role === "validator").length;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Checks a manifest read from `file`: its kind, its format (a newer one is
 * refused with what to do), and the fields a network is made from.
 */
export function parseArchiveManifest(file: string, text: string): CheckpointArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`"${file}" is not a seinet checkpoint archive: its manifest is not JSON.`, {
      field: "from",
      cause: err,
    });
  }
  if (!isObject(value) || value.kind !== "seinet-checkpoint" || typeof value.format !== "number") {
    throw new UsageError(
      `"${file}" is not a seinet checkpoint archive: its manifest has no kind and format.`,
      {
        field: "from",
      },
    );
  }
  if (value.format > CHECKPOINT_ARCHIVE_FORMAT) {
    throw new UsageError(
      `"${file}" was written in checkpoint archive format ${value.format}; this seinet reads format ${CHECKPOINT_ARCHIVE_FORMAT} and older.`,
      {
        field: "from",
        metaMessages: ["Upgrade seinet to the version that exported it, or export it again."],
      },
    );
  }
  const nodes = value.nodes;
  const valid =
    typeof value.chainId === "string" &&
    isObject(value.seid) &&
    isObject(value.checkpoint) &&
    isObject(value.testAccount) &&
    Array.isArray(nodes) &&
    nodes.length > 0 &&
    nodes.every(
      (n) =>
        isObject(n) &&
        typeof n.name === "string" &&
        /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n.name) &&
        (n.role === "validator" || n.role === "sentry"),
    );
  if (!valid) {
    throw new UsageError(
      `"${file}" is not a seinet checkpoint archive: its manifest lacks chainId, seid or nodes.`,
      {
        field: "from",
      },
    );
  }
  return value as unknown as CheckpointArchiveManifest;
}

/** The seid an archive needs, as a person reads it. */
function seidName(seid: CheckpointArchiveManifest["seid"]): string {
  return (
    [seid.version, seid.commit && `commit ${seid.commit.slice(0, 12)}`].filter(Boolean).join(", ") ||
    "unknown"
  );
}

/**
 * Refuses to start an archive's chain on another seid: the commit decides
 * (either may be a prefix of the other); without commits on both sides, the
 * version. Unknown on both sides is accepted: the operator chose the binary.
 */
export function checkArchiveSeid(
  file: string,
  manifest: CheckpointArchiveManifest,
  seid: { version?: string | undefined; commit?: string | undefined },
): void {
  const want = manifest.seid;
  const same =
    want.commit && seid.commit
      ? want.commit.startsWith(seid.commit) || seid.commit.startsWith(want.commit)
      : want.version && seid.version
        ? want.version === seid.version
        : true;
  if (!same) {
    throw new UsageError(
      `"${file}" holds a chain run by seid ${seidName(want)}; this network would run seid ${seidName(seid)}.`,
      {
        field: "from",
        metaMessages: [
          `Start it with the seid it was made with (\`--binary ${want.version ?? want.commit ?? "PATH"}\`; \`seinet install-seid\` installs one).`,
        ],
      },
    );
  }
}

/** What a portable checkpoint holds, as `readCheckpointArchive` tells it (no keys). */
export interface CheckpointArchiveInfo {
  format: number;
  chainId: string;
  /** Validators of its network: a network started from it must ask for as many. */
  validators: number;
  /** The network and checkpoint it was exported from. */
  network: string;
  checkpoint: string;
  height: number;
  /** ISO time the checkpoint was taken. */
  createdAt: string;
  seid: { version?: string | undefined; commit?: string | undefined };
}

/** A manifest as the public reading of an archive shows it. */
export function archiveInfo(m: CheckpointArchiveManifest): CheckpointArchiveInfo {
  return {
    format: m.format,
    chainId: m.chainId,
    validators: archiveValidators(m),
    network: m.checkpoint.network,
    checkpoint: m.checkpoint.name,
    height: m.checkpoint.height,
    createdAt: m.checkpoint.createdAt,
    seid: m.seid,
  };
}
