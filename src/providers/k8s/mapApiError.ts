import { ApiException } from "@kubernetes/client-node";
import { SeinetError } from "../../errors/base.js";
import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";

/** The `Status` body the API server sends with an error. */
interface StatusBody {
  message?: string;
  reason?: string;
  code?: number;
}

function statusOf(err: unknown): { code: number | undefined; body: StatusBody } {
  if (err instanceof ApiException) {
    let body: StatusBody = {};
    if (typeof err.body === "string") {
      try {
        body = JSON.parse(err.body) as StatusBody;
      } catch {
        body = { message: err.body };
      }
    } else if (err.body && typeof err.body === "object") body = err.body as StatusBody;
    return { code: err.code, body };
  }
  const code = (err as { statusCode?: number; code?: unknown })?.statusCode;
  return { code: typeof code === "number" ? code : undefined, body: {} };
}

/** True for failures worth retrying: the connection, 429 and 5xx. */
export function isTransient(err: unknown): boolean {
  if (err instanceof SeinetError)
    return err instanceof InfraError && (err as { transient?: boolean }).transient === true;
  const { code } = statusOf(err);
  if (code === undefined) return true;
  return code === 429 || code >= 500;
}

/**
 * Maps an API-server failure to a seinet error: a schema or CEL rejection
 * becomes a UsageError quoting the server, a field-manager conflict a
 * ConflictError, 404 a NotFoundError, anything else an InfraError.
 */
export function mapApiError(
  err: unknown,
  context: { action: string; noun: string; name: string; namespace: string; server?: string },
): SeinetError {
  if (err instanceof SeinetError) return err;
  const { code, body } = statusOf(err);
  const serverMessage = body.message ?? (err instanceof Error ? err.message : String(err));
  const what = `${context.action} ${context.noun} "${context.name}" in namespace "${context.namespace}"`;
  if (code === 404)
    return new NotFoundError(context.noun, context.name, { namespace: context.namespace, cause: err });
  if (code === 409) {
    return new ConflictError(`Conflict ${what}.`, { details: serverMessage, cause: err });
  }
  if (code === 400 || code === 422) {
    return new UsageError(`The API server rejected ${context.noun} "${context.name}": ${serverMessage}`, {
      details: serverMessage,
      cause: err,
    });
  }
  if (code === 401 || code === 403) {
    return new InfraError(`Not allowed ${what}.`, {
      details: serverMessage,
      metaMessages: [
        "The credentials in use lack a permission the SDK needs; see deploy/rbac.yaml for the role it requires.",
      ],
      cause: err,
    });
  }
  const infra = new InfraError(
    code === undefined
      ? `The API server${context.server ? ` at ${context.server}` : ""} is unreachable while ${what}.`
      : `The API server failed (HTTP ${code}) while ${what}.`,
    { details: serverMessage, cause: err },
  );
  (infra as { transient?: boolean }).transient = code === undefined || code === 429 || code >= 500;
  return infra;
}
