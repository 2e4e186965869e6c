import type { ProviderFactory } from "../client/provider.js";
import { UsageError } from "../errors/usage.js";

/** A registered factory, or a loader of one for built-in modes (loaded lazily). */
type Entry = { factory: ProviderFactory } | { load: () => Promise<ProviderFactory> };

const MODE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Name → provider, like Go's database/sql drivers. The built-in modes are
 * registered as loaders so their heavy libraries load on first `open` only.
 */
export class ProviderRegistry {
  readonly #entries = new Map<string, Entry>();

  /** Registers a factory under `name`; registering a name twice is a UsageError. */
  register(name: string, factory: ProviderFactory): void {
    if (typeof name !== "string" || !MODE_NAME.test(name)) {
      throw new UsageError(
        `Expected a provider name of lowercase letters, digits and '-', got ${JSON.stringify(name)}.`,
        {
          field: "name",
        },
      );
    }
    if (typeof factory !== "function") {
      throw new UsageError(`Expected the provider factory for "${name}" to be a function.`, {
        field: "factory",
      });
    }
    if (this.#entries.has(name))
      throw new UsageError(`A provider named "${name}" is already registered.`, { field: "name" });
    this.#entries.set(name, { factory });
  }

  /** Registers a built-in mode whose module is imported on first use. */
  registerLazy(name: string, load: () => Promise<ProviderFactory>): void {
    this.#entries.set(name, { load });
  }

  /** Registered mode names, sorted. */
  names(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /** The factory for `name`, loading a built-in on first use. */
  async factory(name: string): Promise<ProviderFactory> {
    const entry = this.#entries.get(name);
    if (!entry) {
      throw new UsageError(`Unknown mode "${name}". Registered modes: ${this.names().join(", ")}.`, {
        field: "mode",
      });
    }
    if ("factory" in entry) return entry.factory;
    const factory = await entry.load();
    this.#entries.set(name, { factory });
    return factory;
  }
}
