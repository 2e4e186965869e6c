import type { Endpoints, ForwardedEndpoints } from "../../../client/handles.js";
import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import { FailedError } from "../../../errors/failed.js";
import { isNotFound } from "../../../errors/predicates.js";
import type { K8sContext } from "../context.js";
import type { KubeApi } from "../kubeApi.js";
import type { PodFailure } from "../podFailure.js";
import { guardPods } from "../podGuard.js";
import type { CustomResource, ResourceKind } from "../resources.js";
import { describeStatus, failureReason, phaseOf } from "../status.js";
import { waitFor } from "../waitFor.js";
import { waitSignal } from "./deadline.js";
import { forwardEndpoints } from "./forwardEndpoints.js";

/**
 * What every k8s handle shares: the last-read object, refresh, idempotent
 * delete, `object()` as the escape hatch to the raw custom resource, waiting
 * for a phase, and port-forwarding its endpoints.
 */
export abstract class ResourceHandle<Phase extends string> {
  readonly name: string;
  readonly namespace: string;
  protected readonly api: KubeApi;
  protected readonly ctx: K8sContext;
  protected readonly resourceKind: ResourceKind;
  protected current: CustomResource | undefined;
  /** The forward opened last and still open; serve probes go through it. */
  protected forwarded: ForwardedEndpoints | undefined;

  constructor(
    ctx: K8sContext,
    kind: ResourceKind,
    namespace: string,
    name: string,
    current?: CustomResource,
  ) {
    this.ctx = ctx;
    this.api = ctx.api;
    this.resourceKind = kind;
    this.namespace = namespace;
    this.name = name;
    this.current = current;
  }

  /** Phase from `status.phase` as last read. */
  get phase(): Phase | undefined {
    return phaseOf(this.current) as Phase | undefined;
  }

  /** The raw custom resource as last read. */
  object(): CustomResource | undefined {
    return this.current ? structuredClone(this.current) : undefined;
  }

  /** Re-reads the resource; NotFoundError if it is gone. */
  async refresh(options: OpOptions = {}): Promise<void> {
    this.current = await this.api.get(this.resourceKind, this.namespace, this.name, options.signal);
  }

  /** Deletes the resource; not-found is success. */
  async delete(options: DeleteOptions = {}): Promise<void> {
    try {
      await this.api.delete(this.resourceKind, this.namespace, this.name, options.signal);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }

  /**
   * Watches until `status.phase` is `goal` (resolving with the signal that
   * bounded the wait, for a follow-up probe) or `Failed` (rejecting at once
   * with the controller's reason). No signal means the default deadline.
   */
  protected async waitForPhase(goal: Phase, options: OpOptions, what: string): Promise<AbortSignal> {
    const signal = waitSignal(options.signal);
    const resource = `${this.resourceKind.noun}/${this.name}`;
    await waitFor(
      this.api,
      this.resourceKind,
      this.namespace,
      this.name,
      (obj) => {
        const phase = phaseOf(obj);
        if (phase === goal) return { done: true, value: undefined };
        if (phase === "Failed") {
          const noun = this.resourceKind.noun;
          throw new FailedError(`${noun[0]!.toUpperCase()}${noun.slice(1)} "${this.name}" failed.`, {
            resource,
            phase,
            reason: failureReason(obj),
          });
        }
        return { done: false, note: describeStatus(obj) };
      },
      {
        signal,
        what,
        onObject: (obj) => {
          this.current = obj;
        },
      },
    );
    return signal;
  }

  /**
   * Runs a wait under the default deadline (or the caller's signal) while
   * watching the pods of `nodes`: one stuck pod rejects it at once.
   */
  protected guardPods(
    nodes: string[],
    options: OpOptions,
    message: (failure: PodFailure) => string,
    work: (signal: AbortSignal) => Promise<void>,
  ): Promise<void> {
    const target = {
      namespace: this.namespace,
      nodes,
      resource: `${this.resourceKind.noun}/${this.name}`,
      message,
      phase: () => phaseOf(this.current),
    };
    return guardPods(this.ctx, target, waitSignal(options.signal), work);
  }

  /** Port-forwards `endpoints` (in-cluster ones only) and remembers the forward for serve probes. */
  protected async openForward(endpoints: Endpoints, options: OpOptions): Promise<ForwardedEndpoints> {
    const forwarded = await forwardEndpoints(
      this.ctx.forwarder,
      endpoints,
      this.ctx.forwards,
      options.signal,
    );
    this.forwarded = forwarded;
    const close = forwarded.close;
    forwarded.close = async () => {
      if (this.forwarded === forwarded) this.forwarded = undefined;
      await close();
    };
    return forwarded;
  }
}
