import type { ForwardRegistry } from "./handles/forwardEndpoints.js";
import type { KubeApi } from "./kubeApi.js";
import type { PodKiller } from "./podKiller.js";
import type { PodLogs } from "./podLogs.js";
import type { PortForwarder } from "./portForward.js";

/** What a k8s handle needs from its client: API, logs, port-forwards. */
export interface K8sContext {
  api: KubeApi;
  logs: PodLogs;
  forwarder: PortForwarder;
  forwards: ForwardRegistry;
  /** Deletes pods for `kill`; absent, `kill` is refused like the other fault verbs. */
  pods?: PodKiller;
}
