import { type Server, type Socket, createServer } from "node:net";
import { CoreV1Api, type KubeConfig, PortForward, type V1Pod } from "@kubernetes/client-node";
import { InfraError } from "../../errors/infra.js";
import { abortError } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { mapApiError } from "./mapApiError.js";

const log = logger("k8s");
const SVC_HOST = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?$/;

/** One local listener relaying to a pod port through the API server. */
export interface Relay {
  /** The URL to use from this machine. */
  url: string;
  close(): Promise<void>;
}

function isReady(pod: V1Pod): boolean {
  return (
    pod.status?.phase === "Running" &&
    (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True") &&
    !pod.metadata?.deletionTimestamp
  );
}

/** What a relay needs of its Service, read once when the relay opens. */
interface ServiceTarget {
  namespace: string;
  service: string;
  selector: string;
  servicePort: number;
  /** The Service port's targetPort: a container port, or a port name each pod resolves. */
  targetPort: number | string;
}

/**
 * Port-forwards in-cluster `http://<svc>.<ns>.svc:<port>` URLs to 127.0.0.1,
 * as kubectl does: the Service's selector picks a ready pod, the Service port
 * maps to the container port, and each local connection opens a forward
 * stream through the API server. Unlike kubectl, the pod is picked per
 * connection: a forward opened before any pod is ready (right after
 * `createNetwork`) works once one is, and a replaced pod is followed. A
 * connection made while no pod is ready is closed at once. URLs that are not
 * `*.svc` are already reachable and are returned unchanged.
 */
export class PortForwarder {
  readonly #core: CoreV1Api;
  readonly #forward: PortForward;

  constructor(kc: KubeConfig) {
    this.#core = kc.makeApiClient(CoreV1Api);
    this.#forward = new PortForward(kc);
  }

  /**
   * Opens a relay for one URL (or passes it through). A missing Service is a
   * NotFoundError, and one without a selector an InfraError, before any
   * listener opens.
   */
  async relay(url: string, signal?: AbortSignal): Promise<Relay> {
    const parsed = new URL(url);
    const match = SVC_HOST.exec(parsed.hostname);
    if (!match) return { url, close: async () => {} };
    const [, service, , namespace] = match as unknown as [string, string, string, string];
    const servicePort = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
    const target = await this.#service(namespace, service, servicePort, signal);
    const server = await this.#listen(target);
    const local = new URL(url);
    local.hostname = "127.0.0.1";
    local.port = String((server.address() as { port: number }).port);
    log("forwarding %s → service %s/%s:%d via %s", url, namespace, service, servicePort, local.host);
    const sockets = new Set<Socket>();
    server.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    return {
      url: local.toString().replace(/\/$/, parsed.pathname === "/" ? "" : "/"),
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    };
  }

  async #service(
    namespace: string,
    service: string,
    servicePort: number,
    signal?: AbortSignal,
  ): Promise<ServiceTarget> {
    if (signal?.aborted) throw abortError(signal, `resolving service ${service}`);
    const context = { action: "port-forwarding to", noun: "service", name: service, namespace };
    try {
      const svc = await this.#core.readNamespacedService({ name: service, namespace });
      const selector = Object.entries(svc.spec?.selector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
      if (!selector)
        throw new InfraError(`Service ${namespace}/${service} has no selector to port-forward through.`);
      const spec = svc.spec?.ports?.find((p) => p.port === servicePort);
      const targetPort = (spec?.targetPort as number | string | undefined) ?? servicePort;
      return { namespace, service, selector, servicePort, targetPort };
    } catch (err) {
      throw mapApiError(err, context);
    }
  }

  /** A ready pod behind the Service now, and its container port; undefined while none is ready. */
  async #pod(target: ServiceTarget): Promise<{ pod: string; port: number } | undefined> {
    const { namespace, service, selector, servicePort, targetPort } = target;
    const pods = await this.#core.listNamespacedPod({ namespace, labelSelector: selector });
    const pod = pods.items.find(isReady);
    if (!pod?.metadata?.name) return undefined;
    const port =
      typeof targetPort === "number"
        ? targetPort
        : Number(
            pod.spec?.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === targetPort)
              ?.containerPort ?? Number.NaN,
          );
    if (!Number.isInteger(port))
      throw new InfraError(`Service ${namespace}/${service} port ${servicePort} maps to no container port.`);
    return { pod: pod.metadata.name, port };
  }

  async #listen(target: ServiceTarget): Promise<Server> {
    const { namespace, service } = target;
    const server = createServer((socket) => {
      this.#pod(target)
        .then((picked) => {
          if (!picked) {
            log("no ready pod behind service %s/%s yet; closing the connection", namespace, service);
            socket.destroy();
            return;
          }
          return this.#forward.portForward(namespace, picked.pod, [picked.port], socket, null, socket);
        })
        .catch((err: unknown) => {
          log("port-forward through service %s/%s failed: %s", namespace, service, (err as Error).message);
          socket.destroy();
        });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return server;
  }
}
