import { stat } from "node:fs/promises";
import type Docker from "dockerode";
import { InfraError } from "../../../errors/infra.js";
import { UsageError } from "../../../errors/usage.js";
import { throwIfAborted } from "../../../internal/abort.js";
import { logger } from "../../../internal/debug.js";
import {
  LABEL_CONTENT_HASH,
  LABEL_MANAGED_BY,
  LABEL_SEID_COMMIT,
  LABEL_SEID_VERSION,
  MANAGED_BY,
} from "../../../labels.js";
import { seidVersion } from "../../../seid/seidVersion.js";
import { fileDigest, readMemo, writeMemo } from "./bundleMemo.js";
import { connectDocker, resolveDockerHost } from "./dockerHost.js";
import { systemLibraries } from "./hostLibraries.js";
import { contextEntries, contextHash, packContext, withLabels } from "./imageContext.js";
import { runBuild } from "./runBuild.js";
import { type SeidPayload, locateSeid, materializeSeid } from "./seidPayload.js";

const log = logger("docker");

const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
const BUILD_TIMEOUT_MS = 15 * 60_000;
// [registry[:port]/]name[/name…][:tag], lower-case names, as Docker accepts them.
const TAG =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;

/** Options of {@link buildSeidImage}. */
export interface BuildSeidImageOptions {
  /** Path to a seid binary (`bin/seid` with its `../lib` beside it). */
  seid?: string;
  /** A seid bundle: `seid-<tag>-linux-amd64.tar.xz`, or its unpacked directory. */
  from?: string;
  /** Image tag; defaults to `seinet/seid:<version>-<12 hex of the content hash>`. */
  tag?: string;
  /** Docker engine (`unix:///…`, `tcp://host:port`); defaults to `DOCKER_HOST`, else /var/run/docker.sock. */
  dockerHost?: string;
  /** Called with one line per stage and per builder step. */
  onProgress?: (line: string) => void;
  /** Aborts the build; a deadline becomes a TimeoutError. Without one, the build gives up after 15 minutes. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** The image that was built (or found). */
export interface BuiltSeidImage {
  tag: string;
  /** `sha256:…` */
  imageId: string;
  /** True when an image with this tag and content hash already existed: nothing was built. */
  cached: boolean;
  /** What `seid version --long` reports. */
  version: string;
  commit: string;
  /** sha256 over every file of the build context and the labels. */
  contentHash: string;
  durationMs: number;
}

function normalizedTag(tag: string): string {
  const lastSlash = tag.lastIndexOf("/");
  return tag.indexOf(":", lastSlash + 1) === -1 ? `${tag}:latest` : tag;
}

async function inspectImage(docker: Docker, tag: string): Promise<Docker.ImageInspectInfo | undefined> {
  try {
    return await docker.getImage(tag).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw new InfraError(`Docker could not inspect image ${tag}.`, { details: String(err), cause: err });
  }
}

/** What an image is made of: identity, tag and (when prepared) its context. */
interface Made {
  tag: string;
  version: string;
  commit: string;
  contentHash: string;
}

function defaultTag(made: { version: string; contentHash: string }): string {
  const version = made.version.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 100);
  return `seinet/seid:${version}-${made.contentHash.slice(0, 12)}`;
}

/** The image under `tag`, if it exists and was built from the same content. */
async function matchingImage(docker: Docker, tag: string, contentHash: string) {
  const image = await inspectImage(docker, tag);
  return image?.Config?.Labels?.[LABEL_CONTENT_HASH] === contentHash ? image : undefined;
}

/** Runs seid and ldd on the host and assembles and hashes the context. */
async function prepare(
  payload: SeidPayload,
  tag: string | undefined,
  signal: AbortSignal,
  progress: (line: string) => void,
) {
  const { version, commit } = await seidVersion(payload.binary, payload.what, signal);
  progress(`seid ${version} (sei-chain ${commit}) from ${payload.what}`);
  const caCertificates = (await stat(CA_BUNDLE).catch(() => undefined))?.isFile() ? CA_BUNDLE : undefined;
  const libraries = await systemLibraries(payload.binary, payload.libDir, signal);
  const entries = await contextEntries({
    binary: payload.binary,
    libDir: payload.libDir,
    systemLibraries: libraries,
    caCertificates,
  });
  const labels: Record<string, string> = {
    [LABEL_MANAGED_BY]: MANAGED_BY,
    [LABEL_SEID_VERSION]: version,
    [LABEL_SEID_COMMIT]: commit,
  };
  const contentHash = await contextHash(entries, JSON.stringify(labels));
  throwIfAborted(signal, "building the seid image");
  const made = { version, commit, contentHash };
  const finalTag = normalizedTag(tag ?? defaultTag(made));
  log("context: %d entries, hash %s, tag %s", entries.length, contentHash, finalTag);
  const hostFiles = caCertificates ? [...libraries, caCertificates] : libraries;
  return { ...made, tag: finalTag, entries, labels, hostFiles };
}

/**
 * Builds a runnable seid image with no base image (`FROM scratch`): seid and
 * its bundle libraries at /seid/{bin,lib}, every host library it links (found
 * with `ldd`, the loader included), CA certificates, a non-root `sei` user
 * (uid 1000, home /home/sei, `~/.sei` owned by it) and /tmp. ENTRYPOINT is
 * seid, and seid is on PATH for `docker exec`. The tag holds a hash of every
 * file in the context, so an unchanged seid is a cache hit (`cached: true`)
 * that builds nothing.
 *
 * @example
 * ```ts
 * import { buildSeidImage } from "seinet";
 * const { tag } = await buildSeidImage({ from: "seid-v6.6.2-linux-amd64.tar.xz", onProgress: console.error });
 * // docker run --rm <tag> version --long
 * ```
 */
export async function buildSeidImage(options: BuildSeidImageOptions = {}): Promise<BuiltSeidImage> {
  const started = performance.now();
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => {});
  if (options.tag !== undefined && (typeof options.tag !== "string" || !TAG.test(options.tag))) {
    throw new UsageError(
      `Expected \`tag\` to be a Docker image reference like "seinet/seid:dev" (lower-case name, optional :tag), got ${JSON.stringify(options.tag)}.`,
      { field: "tag" },
    );
  }
  const host = resolveDockerHost(options.dockerHost, env);
  const origin = await locateSeid(options, env);
  const deadline = AbortSignal.timeout(BUILD_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const docker = await connectDocker(host, signal);
  progress(`Docker engine at ${host.url}`);
  const done = (image: Docker.ImageInspectInfo, cached: boolean, made: Made): BuiltSeidImage => ({
    tag: made.tag,
    imageId: image.Id,
    cached,
    version: made.version,
    commit: made.commit,
    contentHash: made.contentHash,
    durationMs: performance.now() - started,
  });

  // An archive seen before: its memo names the image, no unpacking needed.
  const digest = origin.kind === "archive" ? await fileDigest(origin.archive) : undefined;
  const memo = digest ? await readMemo(digest, env) : undefined;
  if (memo) {
    const made = { ...memo, tag: options.tag ? normalizedTag(options.tag) : defaultTag(memo) };
    const image = await matchingImage(docker, made.tag, memo.contentHash);
    if (image) {
      progress(
        `image ${made.tag} is cached (${image.Id.slice(7, 19)}; bundle sha256 ${digest?.slice(0, 12)})`,
      );
      return done(image, true, made);
    }
  }

  if (origin.kind === "archive") progress(`unpacking ${origin.archive}`);
  const payload = await materializeSeid(origin, signal);
  try {
    const made = await prepare(payload, options.tag, signal, progress);
    const remember = () =>
      digest
        ? writeMemo(
            digest,
            {
              contentHash: made.contentHash,
              version: made.version,
              commit: made.commit,
              hostFiles: made.hostFiles,
            },
            env,
          )
        : Promise.resolve();
    const existing = await matchingImage(docker, made.tag, made.contentHash);
    if (existing) {
      progress(`image ${made.tag} is cached (${existing.Id.slice(7, 19)})`);
      await remember();
      return done(existing, true, made);
    }
    progress(`building ${made.tag} (${made.entries.length} context entries)`);
    const labels = { ...made.labels, [LABEL_CONTENT_HASH]: made.contentHash };
    await runBuild(docker, await packContext(withLabels(made.entries, labels)), {
      tag: made.tag,
      signal,
      onProgress: progress,
    });
    const built = await inspectImage(docker, made.tag);
    if (!built)
      throw new InfraError(`Docker reported a successful build, but image ${made.tag} does not exist.`);
    progress(`built ${made.tag} (${built.Id.slice(7, 19)}, ${(built.Size / 1e6).toFixed(0)} MB)`);
    await remember();
    return done(built, false, made);
  } finally {
    await payload.dispose();
  }
}
