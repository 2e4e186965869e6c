import type { ProviderFactory } from "../../client/provider.js";
import { InfraError } from "../../errors/infra.js";

/**
 * The docker mode (one container per node). Not available in this release:
 * opening it says so instead of pretending.
 */
export const dockerProvider: ProviderFactory = () => {
  throw new InfraError('The "docker" mode is not available in this release of seinet.', {
    metaMessages: [
      'Use open("k8s") against a cluster running sei-k8s-controller, or register your own provider.',
    ],
  });
};
