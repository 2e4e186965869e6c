import type { ProviderFactory } from "../../client/provider.js";
import { connectDocker, resolveDockerHost } from "./image/dockerHost.js";
import { DockerProvider } from "./provider.js";

/**
 * The docker mode: one container per node on a private Docker network.
 * Options: `dockerHost` (else DOCKER_HOST, else the default socket),
 * `namespace`, `onProgress`, `stateDir` (where task records live),
 * `templateDir` (warm templates, else `templatesRoot()`). The
 * engine is pinged first, so a missing daemon is one InfraError before
 * anything happens.
 */
export const dockerProvider: ProviderFactory = async (options) => {
  const dockerHost = typeof options.dockerHost === "string" ? options.dockerHost : undefined;
  const host = resolveDockerHost(dockerHost, process.env);
  const docker = await connectDocker(host, options.signal);
  const onProgress =
    typeof options.onProgress === "function" ? (options.onProgress as (s: string) => void) : undefined;
  const stateDir = typeof options.stateDir === "string" ? options.stateDir : undefined;
  const templateDir = typeof options.templateDir === "string" ? options.templateDir : undefined;
  return new DockerProvider({
    docker,
    defaultNamespace: options.namespace ?? "",
    onProgress,
    stateDir,
    templateDir,
  });
};
