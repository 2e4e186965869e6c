import type { ProviderFactory } from "../../client/provider.js";
import { templatesRoot } from "../../templates/templateCache.js";
import { LocalProvider } from "./provider.js";
import { seidResolver } from "./seidResolver.js";
import { localStateRoot } from "./stateDir.js";
import { StateStore } from "./store.js";

/**
 * The local mode: seid processes on this machine. Options: `stateDir` (else
 * SEINET_STATE_DIR, else XDG state), `namespace`, `onProgress`, `templateDir`.
 */
export const localProvider: ProviderFactory = (options) => {
  const env = process.env;
  const onProgress =
    typeof options.onProgress === "function" ? (options.onProgress as (s: string) => void) : undefined;
  return new LocalProvider({
    store: new StateStore(localStateRoot(options.stateDir, env)),
    resolveSeid: seidResolver(env, onProgress),
    defaultNamespace: options.namespace ?? "",
    onProgress,
    templateDir: options.templateDir ?? templatesRoot(env),
  });
};
