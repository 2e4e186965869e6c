import { hostname } from "node:os";
import { CoordinationV1Api, type KubeConfig, type V1Lease, V1MicroTime } from "@kubernetes/client-node";
import type { RemoteSession, SessionHold, SessionSupport } from "../../client/remoteSession.js";
import { isNotFound } from "../../errors/predicates.js";
import { logger } from "../../internal/debug.js";
import { ANNOTATION_SESSION_ENTRIES, LABEL_MANAGED_BY, LABEL_SESSION, MANAGED_BY } from "../../labels.js";
import type { SessionEntry } from "../../session/sessionStore.js";
import { mapApiError } from "./mapApiError.js";

const log = logger("k8s");

/** How long a lease lives without renewal: past it, the owner is taken for dead. */
export const SESSION_LEASE_SECONDS = 15;
/** How often the owner renews: three tries inside one lease duration. */
const RENEW_MS = 5_000;

/** The Lease of session `id`. */
export const sessionLeaseName = (id: string): string => `seinet-session-${id}`;

/** A lease as a session: expired when not renewed for its duration. */
export function leaseSession(lease: V1Lease, now: number): RemoteSession | undefined {
  const id = lease.metadata?.labels?.[LABEL_SESSION];
  if (!id) return undefined;
  const spec = lease.spec ?? {};
  const renewed = spec.renewTime ? new Date(spec.renewTime).getTime() : 0;
  const seconds = spec.leaseDurationSeconds ?? SESSION_LEASE_SECONDS;
  let entries: SessionEntry[] = [];
  try {
    entries = JSON.parse(lease.metadata?.annotations?.[ANNOTATION_SESSION_ENTRIES] ?? "[]") as SessionEntry[];
  } catch {
    entries = [];
  }
  return {
    id,
    holder: spec.holderIdentity ?? "",
    renewedAt: new Date(renewed).toISOString(),
    acquiredAt: spec.acquireTime ? new Date(spec.acquireTime).toISOString() : new Date(renewed).toISOString(),
    expired: now - renewed > seconds * 1000,
    entries: Array.isArray(entries) ? entries : [],
  };
}

/**
 * The k8s mode's sessions: one coordination.k8s.io Lease per session in the
 * client's namespace, labelled with the session id, renewed by the owner
 * every 5 s (a timer that never keeps the process alive), holding the
 * session's unreleased entries in an annotation. The owner's machine reaps
 * through its watchdog as in every mode; the lease is what another machine's
 * `seinet gc --mode k8s` reads.
 */
export class SessionLeases implements SessionSupport {
  readonly #api: CoordinationV1Api;
  readonly #namespace: string;

  constructor(kc: KubeConfig, namespace: string) {
    this.#api = kc.makeApiClient(CoordinationV1Api);
    this.#namespace = namespace;
  }

  #fail(err: unknown, action: string, name: string): never {
    throw mapApiError(err, { action, noun: "session lease", name, namespace: this.#namespace });
  }

  async hold(id: string, signal?: AbortSignal): Promise<SessionHold> {
    signal?.throwIfAborted();
    const name = sessionLeaseName(id);
    const namespace = this.#namespace;
    const now = new V1MicroTime();
    const body: V1Lease = {
      metadata: {
        name,
        namespace,
        labels: { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_SESSION]: id },
        annotations: { [ANNOTATION_SESSION_ENTRIES]: "[]" },
      },
      spec: {
        holderIdentity: `${hostname()}/${process.pid}`,
        leaseDurationSeconds: SESSION_LEASE_SECONDS,
        acquireTime: now,
        renewTime: now,
      },
    };
    await this.#api
      .createNamespacedLease({ namespace, body })
      .catch((err) => this.#fail(err, "creating", name));
    let entries = "[]";
    // One write at a time: a renewal and an update never race each other's resourceVersion.
    let writes: Promise<unknown> = Promise.resolve();
    const write = () => {
      writes = writes.then(async () => {
        const lease = await this.#api.readNamespacedLease({ name, namespace });
        lease.spec = { ...lease.spec, renewTime: new V1MicroTime() };
        lease.metadata = {
          ...lease.metadata,
          name,
          annotations: { ...lease.metadata?.annotations, [ANNOTATION_SESSION_ENTRIES]: entries },
        };
        await this.#api.replaceNamespacedLease({ name, namespace, body: lease });
      });
      return writes;
    };
    const timer = setInterval(() => {
      write().catch((err: unknown) => log("renewing session lease %s failed: %s", name, String(err)));
    }, RENEW_MS);
    timer.unref();
    return {
      update: async (list) => {
        entries = JSON.stringify(list);
        await write().catch((err) => this.#fail(err, "updating", name));
      },
    };
  }

  async list(signal?: AbortSignal): Promise<RemoteSession[]> {
    signal?.throwIfAborted();
    const leases = await this.#api
      .listNamespacedLease({
        namespace: this.#namespace,
        labelSelector: `${LABEL_MANAGED_BY}=${MANAGED_BY},${LABEL_SESSION}`,
      })
      .catch((err) => this.#fail(err, "listing", "(all)"));
    const now = Date.now();
    return leases.items.map((l) => leaseSession(l, now)).filter((s): s is RemoteSession => s !== undefined);
  }

  async drop(id: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const name = sessionLeaseName(id);
    try {
      await this.#api.deleteNamespacedLease({ name, namespace: this.#namespace });
    } catch (err) {
      const mapped = mapApiError(err, {
        action: "deleting",
        noun: "session lease",
        name,
        namespace: this.#namespace,
      });
      if (!isNotFound(mapped)) throw mapped;
    }
  }
}
