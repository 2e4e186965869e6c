import { LABEL_SEID_VERSION } from "../../../labels.js";
import { isDockerNotFound, mapDockerError } from "../dockerErrors.js";
import { connectDocker, resolveDockerHost } from "./dockerHost.js";

/** Options of {@link inspectSeidImage}. */
export interface InspectSeidImageOptions {
  /** The engine: `unix:///path`, `tcp://host:port`; default `DOCKER_HOST`, then the default socket. */
  dockerHost?: string;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** An image the engine holds, and what seinet's labels on it say. */
export interface SeidImage {
  /** The image's ID (`sha256:…`). */
  imageId: string;
  /** The seid version seinet's images carry as a label; undefined on other images. */
  seidVersion: string | undefined;
  labels: Record<string, string>;
}

/**
 * Looks an image up in the Docker engine, so a caller can check an image
 * before swapping a network onto it (`seinet upgrade --mode docker --to`).
 * Undefined when the engine does not hold it; no daemon is an InfraError.
 *
 * @example
 * ```ts
 * import { inspectSeidImage } from "seinet";
 * const image = await inspectSeidImage("seinet/seid:v6.6.2");
 * console.log(image?.seidVersion); // "v6.6.2"
 * ```
 */
export async function inspectSeidImage(
  image: string,
  options: InspectSeidImageOptions = {},
): Promise<SeidImage | undefined> {
  const host = resolveDockerHost(options.dockerHost, options.env ?? process.env);
  const docker = await connectDocker(host, options.signal);
  try {
    const found = await docker.getImage(image).inspect();
    const labels = found.Config?.Labels ?? {};
    return { imageId: found.Id, seidVersion: labels[LABEL_SEID_VERSION] || undefined, labels };
  } catch (err) {
    if (isDockerNotFound(err)) return undefined;
    throw mapDockerError(err, `inspecting image ${image}`);
  }
}
