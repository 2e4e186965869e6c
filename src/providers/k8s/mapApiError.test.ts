import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ApiException } from "@kubernetes/client-node";
import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";
import { NotFoundError } from "../../errors/notFound.js";
import { TimeoutError } from "../../errors/timeout.js";
import { UsageError } from "../../errors/usage.js";
import { isTransient, mapApiError } from "./mapApiError.js";

const CONTEXT = { action: "creating", noun: "network", name: "devnet", namespace: "ci" };

function api(code: number, message: string): ApiException<string> {
  return new ApiException(code, "msg", JSON.stringify({ kind: "Status", message, code }), {});
}

describe("mapApiError", () => {
  test("error: 422 becomes a UsageError quoting the server", () => {
    const raw = api(422, "spec.replicas: Invalid value");
    const err = mapApiError(raw, CONTEXT);
    assert.ok(err instanceof UsageError);
    assert.equal(err.code, "USAGE");
    assert.equal(err.shortMessage, 'The API server rejected network "devnet": spec.replicas: Invalid value');
    assert.equal(err.details, "spec.replicas: Invalid value");
    assert.equal(err.cause, raw);
    assert.equal(isTransient(raw), false);
    assert.equal(isTransient(err), false);
  });

  test("error: 400 is a UsageError too", () => {
    assert.ok(mapApiError(api(400, "bad request"), CONTEXT) instanceof UsageError);
  });

  test("error: 409 becomes a ConflictError", () => {
    const err = mapApiError(api(409, 'Apply failed with 1 conflict: conflict with "kubectl"'), CONTEXT);
    assert.ok(err instanceof ConflictError);
    assert.equal(err.shortMessage, 'Conflict creating network "devnet" in namespace "ci".');
    assert.match(err.details ?? "", /conflict with "kubectl"/);
  });

  test("error: 404 becomes a NotFoundError with kind, name and namespace", () => {
    const err = mapApiError(api(404, 'seinetworks "devnet" not found'), CONTEXT);
    assert.ok(err instanceof NotFoundError);
    assert.equal(err.kind, "network");
    assert.equal(err.resource, "devnet");
    assert.equal(err.namespace, "ci");
    assert.equal(err.message, 'network "devnet" not found in namespace "ci"');
  });

  test("error: 403 and 401 become InfraErrors that point at RBAC", () => {
    for (const code of [401, 403]) {
      const err = mapApiError(api(code, "forbidden: User cannot create"), CONTEXT);
      assert.ok(err instanceof InfraError, String(code));
      assert.equal(err.shortMessage, 'Not allowed creating network "devnet" in namespace "ci".');
      assert.match(err.message, /rbac/i);
      assert.match(err.message, /permission/);
      assert.equal(isTransient(err), false);
    }
  });

  test("error: a connection failure is a transient InfraError naming the server", () => {
    const raw = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6443"), { code: "ECONNREFUSED" });
    const err = mapApiError(raw, { ...CONTEXT, server: "https://127.0.0.1:6443" });
    assert.ok(err instanceof InfraError);
    assert.equal(
      err.shortMessage,
      'The API server at https://127.0.0.1:6443 is unreachable while creating network "devnet" in namespace "ci".',
    );
    assert.equal(err.details, "connect ECONNREFUSED 127.0.0.1:6443");
    assert.equal(isTransient(raw), true);
    assert.equal(isTransient(err), true);
  });

  test("error: 500 and 429 are transient InfraErrors; other codes are not transient", () => {
    for (const code of [500, 503, 429]) {
      const raw = api(code, "etcdserver: request timed out");
      const err = mapApiError(raw, CONTEXT);
      assert.ok(err instanceof InfraError, String(code));
      assert.equal(
        err.shortMessage,
        `The API server failed (HTTP ${code}) while creating network "devnet" in namespace "ci".`,
      );
      assert.equal(isTransient(raw), true, String(code));
      assert.equal(isTransient(err), true, String(code));
    }
    const teapot = mapApiError(api(418, "no"), CONTEXT);
    assert.ok(teapot instanceof InfraError);
    assert.equal(isTransient(teapot), false);
  });

  test("behavior: a non-JSON body is quoted verbatim", () => {
    const raw = new ApiException(422, "msg", "plain text rejection", {});
    const err = mapApiError(raw, CONTEXT);
    assert.ok(err instanceof UsageError);
    assert.equal(err.details, "plain text rejection");
  });

  test("behavior: an object body is read as a Status", () => {
    const raw = new ApiException(422, "msg", { message: "spec.genesis: Required value" }, {});
    assert.equal(mapApiError(raw, CONTEXT).details, "spec.genesis: Required value");
  });

  test("behavior: an error with a numeric statusCode is mapped by that code", () => {
    const raw = Object.assign(new Error("gone"), { statusCode: 404 });
    assert.ok(mapApiError(raw, CONTEXT) instanceof NotFoundError);
    assert.equal(isTransient(raw), false);
  });

  test("behavior: a seinet error passes through unchanged", () => {
    const timeout = new TimeoutError("timed out");
    assert.equal(mapApiError(timeout, CONTEXT), timeout);
    assert.equal(isTransient(timeout), false);
    assert.equal(isTransient(new InfraError("x")), false);
  });
});
