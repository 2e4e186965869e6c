import type { ProviderFactory } from "../../client/provider.js";
import { InfraError } from "../../errors/infra.js";

/**
 * The local mode (seid processes on this machine). Not available in this
 * release: opening it says so instead of pretending.
 */
export const localProvider: ProviderFactory = () => {
  throw new InfraError('The "local" mode is not available in this release of seinet.', {
    metaMessages: [
      'Use open("k8s") against a cluster running sei-k8s-controller, or register your own provider.',
    ],
  });
};
