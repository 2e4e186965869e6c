import type { OpenOptions, ProviderFactory } from "../../client/provider.js";
import { InfraError } from "../../errors/infra.js";
import { UsageError } from "../../errors/usage.js";
import { logger } from "../../internal/debug.js";
import { requireDnsLabel, requireInt } from "../../specs/rules.js";
import { defaultNamespace } from "./namespace.js";

const log = logger("k8s");

/**
 * Opens the k8s mode. Kubeconfig: `options.kubeconfig`, else the standard
 * chain (KUBECONFIG, ~/.kube/config, in-cluster). The Kubernetes client is
 * imported here, so other modes never load it. k8s-only option:
 * `watchTimeoutSeconds` (1-3600, default 300), how long one watch stream runs
 * before the SDK resumes it from the last resourceVersion.
 */
export const k8sProvider: ProviderFactory = async (options: OpenOptions) => {
  let k8s: typeof import("@kubernetes/client-node");
  try {
    k8s = await import("@kubernetes/client-node");
  } catch (err) {
    throw new InfraError("The k8s mode needs the @kubernetes/client-node package.", {
      metaMessages: ["Fix: npm install @kubernetes/client-node"],
      cause: err,
    });
  }
  const { K8sProvider } = await import("./provider.js");
  const kc = new k8s.KubeConfig();
  try {
    if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (err) {
    throw new InfraError(
      `Could not load a kubeconfig${options.kubeconfig ? ` from ${options.kubeconfig}` : ""}.`,
      {
        details: (err as Error).message,
        cause: err,
      },
    );
  }
  if (options.context) {
    if (!kc.getContextObject(options.context)) {
      throw new UsageError(`The kubeconfig has no context "${options.context}".`, { field: "context" });
    }
    kc.setCurrentContext(options.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new InfraError(
      "No Kubernetes cluster configured: set KUBECONFIG, create ~/.kube/config, or run in a pod.",
    );
  }
  const contextNamespace = kc.getContextObject(kc.getCurrentContext())?.namespace;
  if (options.namespace !== undefined) requireDnsLabel(options.namespace, "namespace");
  const watchTimeoutSeconds = options.watchTimeoutSeconds;
  if (watchTimeoutSeconds !== undefined) requireInt(watchTimeoutSeconds, "watchTimeoutSeconds", 1, 3600);
  const namespace = options.namespace ?? defaultNamespace(contextNamespace);
  log("cluster %s, default namespace %s", kc.getCurrentCluster()?.server, namespace);
  return new K8sProvider(kc, namespace, { watchTimeoutSeconds: watchTimeoutSeconds as number | undefined });
};
