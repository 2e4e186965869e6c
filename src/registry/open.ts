import { Client } from "../client/client.js";
import type { OpenOptions, ProviderFactory } from "../client/provider.js";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { throwIfAborted } from "../internal/abort.js";
import { Session } from "../session/session.js";
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
  if (options.session !== true) return new Client(provider);
  if (name !== "local" && name !== "docker" && !provider.sessions) {
    await provider.close();
    throw new UsageError(`Sessions (\`session: true\`) are not supported by the "${name}" mode.`, {
      field: "session",
    });
  }
  // The reaper (and a later `seinet gc`) must find the same state dir (k8s: cluster) without this process's environment.
  const stateDir = options.stateDir ?? (name === "local" ? process.env.SEINET_STATE_DIR : undefined);
  const kubeconfig = options.kubeconfig ?? (name === "k8s" ? process.env.KUBECONFIG : undefined);
  const open = {
    ...(typeof stateDir === "string" && stateDir !== "" ? { stateDir } : {}),
    ...(typeof options.namespace === "string" ? { namespace: options.namespace } : {}),
    ...(typeof kubeconfig === "string" && kubeconfig !== "" ? { kubeconfig } : {}),
    ...(typeof options.context === "string" ? { context: options.context } : {}),
  };
  const session = await Session.open(name, open);
  try {
    if (provider.sessions) session.attach(await provider.sessions.hold(session.id, options.signal));
  } catch (err) {
    await session.end();
    await provider.close();
    throw err;
  }
  return new Client(provider, session);
}
