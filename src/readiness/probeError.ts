import type { SeinetErrorOptions } from "../errors/base.js";
import { InfraError } from "../errors/infra.js";

/**
 * An endpoint did not give a usable answer: unreachable, no answer in time,
 * a non-2xx status, a body that is not JSON or lacks what was asked for.
 * Waits treat it as "not yet" and retry; single probes throw it. Internal:
 * callers see it as an InfraError.
 */
export class ProbeError extends InfraError {
  /** The requested URL, credentials removed. */
  readonly url: string;
  /** The HTTP status, when the endpoint answered. */
  readonly status: number | undefined;

  constructor(message: string, url: string, options: SeinetErrorOptions & { status?: number } = {}) {
    super(message, options);
    this.name = "ProbeError";
    this.url = url;
    this.status = options.status;
  }
}
