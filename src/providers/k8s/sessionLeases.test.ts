import assert from "node:assert/strict";
import { test } from "node:test";
import { ANNOTATION_SESSION_ENTRIES, LABEL_SESSION } from "../../labels.js";
import { SESSION_LEASE_SECONDS, leaseSession } from "./sessionLeases.js";

const at = Date.parse("2026-12-01T12:00:00Z");
const lease = (renewedSecondsAgo: number, annotations: Record<string, string> = {}) => ({
  metadata: { name: "seinet-session-abc", labels: { [LABEL_SESSION]: "abc" }, annotations },
  spec: {
    holderIdentity: "host/42",
    leaseDurationSeconds: SESSION_LEASE_SECONDS,
    acquireTime: new Date(at - 600_000),
    renewTime: new Date(at - renewedSecondsAgo * 1000),
  },
});

test("a lease renewed within its duration is live; past it, expired", () => {
  assert.equal(leaseSession(lease(3) as never, at)?.expired, false);
  assert.equal(leaseSession(lease(SESSION_LEASE_SECONDS + 1) as never, at)?.expired, true);
  const s = leaseSession(lease(3) as never, at);
  assert.equal(s?.holder, "host/42");
  assert.equal(s?.acquiredAt, new Date(at - 600_000).toISOString());
});

test("its entries come from the annotation; a damaged one reads as none, a lease without the label as no session", () => {
  const entries = [{ kind: "network", name: "n", namespace: "default" }];
  assert.deepEqual(
    leaseSession(lease(1, { [ANNOTATION_SESSION_ENTRIES]: JSON.stringify(entries) }) as never, at)?.entries,
    entries,
  );
  assert.deepEqual(leaseSession(lease(1, { [ANNOTATION_SESSION_ENTRIES]: "{" }) as never, at)?.entries, []);
  assert.equal(leaseSession({ metadata: { name: "other" }, spec: {} }, at), undefined);
});
