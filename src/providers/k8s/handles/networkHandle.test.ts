import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../../../errors/usage.js";
import type { K8sContext } from "../context.js";
import { K8sNetwork } from "./networkHandle.js";

test("error: checkpoint verbs are a UsageError in the k8s mode, with nothing asked of the API server", async () => {
  const net = new K8sNetwork({} as K8sContext, "default", "devnet");
  for (const call of [
    () => net.checkpoint(),
    () => net.restore(),
    () => net.checkpoints(),
    () => net.deleteCheckpoint(),
  ]) {
    await assert.rejects(call(), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /not supported in the k8s mode/);
      return true;
    });
  }
});
