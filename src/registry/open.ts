import { Client } from "../client/client.js";
import type { OpenOptions, ProviderFactory } from "../client/provider.js";
import { InfraError } from "../errors/infra.js";
import { throwIfAborted } from "../internal/abort.js";
import { ProviderRegistry } from "./registry.js";
import { selectMode } from "./selectMode.js";

/** The process-wide registry of modes, with the built-ins loaded lazily. */
const registry = new ProviderRegistry();
registry.registerLazy("k8s", async () => (await import("../providers/k8s/factory.js")).k8sProvider);
registry.registerLazy("local", async () => (await import("../providers/local/factory.js")).localProvider);
registry.registerLazy("docker", async () => (await import("../providers/docker/factory.js")).dockerProvider);

/**
 * Plugs a custom mode (for example an in-process harness) into `open`, like a
 * database/sql driver.
 *
 * @example
 * ```ts
 * import { registerProvider, open } from "seinet";
 * registerProvider("fake", () => myProvider);
 * const client = await open("fake");
 * ```
 */
export function registerProvider(name: string, factory: ProviderFactory): void {
  registry.register(name, factory);
}

/** The mode names `open` accepts, built-in and registered. */
export function registeredProviders(): string[] {
  return registry.names();
}

/**
 * Opens a client for a mode. An explicit mode wins; otherwise exactly one of
 * SEI_NODE_CLUSTER (k8s), SEI_DOCKER (docker), SEI_LOCAL (local) must be set.
 *
 * @example
 * ```ts
 * import { open } from "seinet";
 * await using client = await open("k8s", { namespace: "ci" });
 * ```
 */
export async function open(mode?: string, options: OpenOptions = {}): Promise<Client> {
  const name = selectMode(mode);
  const factory = await registry.factory(name);
  throwIfAborted(options.signal, `opening mode "${name}"`);
  const provider = await factory(options);
  if (!provider || typeof provider.createNetwork !== "function") {
    throw new InfraError(`The provider registered as "${name}" did not return a provider.`);
  }
  return new Client(provider);
}
