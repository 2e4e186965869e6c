import type Docker from "dockerode";
import { InfraError } from "../../../errors/infra.js";
import { UsageError } from "../../../errors/usage.js";
import { abortError, throwIfAborted } from "../../../internal/abort.js";
import { logger } from "../../../internal/debug.js";

const log = logger("docker");
const DEFAULT_SOCKET = "/var/run/docker.sock";
const PING_TIMEOUT_MS = 5_000;

/** Where the Docker engine is, and which strategy named it. */
export interface DockerHost {
  /** As given: `unix:///var/run/docker.sock`, `tcp://127.0.0.1:2375`, … */
  url: string;
  source: "option" | "DOCKER_HOST" | "default";
  /** dockerode constructor options for it. */
  options: Docker.DockerOptions;
}

function parse(url: string, field: string): Docker.DockerOptions {
  if (url.startsWith("/")) return { socketPath: url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL("invalid:");
  }
  if (parsed.protocol === "unix:" && parsed.pathname) return { socketPath: parsed.pathname };
  if ((parsed.protocol === "tcp:" || parsed.protocol === "http:") && parsed.hostname) {
    return { protocol: "http", host: parsed.hostname, port: Number(parsed.port || 2375) };
  }
  throw new UsageError(
    `Expected \`${field}\` to be unix:///path/to/docker.sock, an absolute socket path or tcp://host:port, got ${JSON.stringify(url)}.`,
    { field },
  );
}

/**
 * Names the engine through a short chain: the `dockerHost` option →
 * `DOCKER_HOST` → the default socket. A malformed value is a UsageError.
 */
export function resolveDockerHost(dockerHost: string | undefined, env: NodeJS.ProcessEnv): DockerHost {
  if (dockerHost !== undefined) {
    if (typeof dockerHost !== "string" || dockerHost === "") {
      throw new UsageError(
        `Expected \`dockerHost\` to be a non-empty string, got ${JSON.stringify(dockerHost)}.`,
        {
          field: "dockerHost",
        },
      );
    }
    return { url: dockerHost, source: "option", options: parse(dockerHost, "dockerHost") };
  }
  if (env.DOCKER_HOST) {
    return { url: env.DOCKER_HOST, source: "DOCKER_HOST", options: parse(env.DOCKER_HOST, "DOCKER_HOST") };
  }
  return { url: `unix://${DEFAULT_SOCKET}`, source: "default", options: { socketPath: DEFAULT_SOCKET } };
}

/** Loads a module a docker-side feature needs, or says which package to install. */
export async function loadOptional<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    throw new InfraError(`seinet needs the "${name}" package for Docker images and containers.`, {
      metaMessages: ["Fix: npm install dockerode"],
      cause: err,
    });
  }
}

/**
 * Connects to the engine and pings it (bounded), so a missing daemon is one
 * clear InfraError before anything else happens.
 */
export async function connectDocker(host: DockerHost, signal?: AbortSignal): Promise<Docker> {
  throwIfAborted(signal, "connecting to Docker");
  const { default: Dockerode } = await loadOptional("dockerode", () => import("dockerode"));
  const docker = new Dockerode(host.options);
  const timeout = AbortSignal.timeout(PING_TIMEOUT_MS);
  const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(stop.reason);
      stop.addEventListener("abort", onAbort, { once: true });
      docker.ping().then(
        () => {
          stop.removeEventListener("abort", onAbort);
          resolve();
        },
        (err: unknown) => {
          stop.removeEventListener("abort", onAbort);
          reject(err);
        },
      );
    });
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, "connecting to Docker");
    const why = timeout.aborted ? `no answer within ${PING_TIMEOUT_MS / 1000} s` : String(err);
    throw new InfraError(`No Docker daemon answers at ${host.url} (from ${hostSourceName(host)}).`, {
      metaMessages: [
        "Start one (Debian: apt-get install docker.io, then dockerd; in a seinet checkout: bash scripts/install-docker.sh),",
        "or point DOCKER_HOST at a running engine.",
      ],
      details: why,
      cause: err,
    });
  }
  log("docker engine answers at %s (%s)", host.url, host.source);
  return docker;
}

function hostSourceName(host: DockerHost): string {
  return host.source === "option"
    ? "the dockerHost option"
    : host.source === "DOCKER_HOST"
      ? "DOCKER_HOST"
      : "the default socket";
}
