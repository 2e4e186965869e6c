import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import { isNotFound } from "../../../errors/predicates.js";
import type { K8sContext } from "../context.js";
import type { KubeApi } from "../kubeApi.js";
import type { CustomResource, ResourceKind } from "../resources.js";
import { phaseOf } from "../status.js";

/**
 * What every k8s handle shares: the last-read object, refresh, idempotent
 * delete, and `object()` as the escape hatch to the raw custom resource.
 */
export abstract class ResourceHandle<Phase extends string> {
  readonly name: string;
  readonly namespace: string;
  protected readonly api: KubeApi;
  protected readonly ctx: K8sContext;
  protected readonly resourceKind: ResourceKind;
  protected current: CustomResource | undefined;

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

  /** Records an object seen by a read or a watch. */
  protected observe(obj: CustomResource): void {
    this.current = obj;
  }

  /** Re-reads the resource; NotFoundError if it is gone. */
  async refresh(options: OpOptions = {}): Promise<void> {
    this.observe(await this.api.get(this.resourceKind, this.namespace, this.name, options.signal));
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
}
