import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import { podFailure } from "./podFailure.js";

function pod(status: V1Pod["status"], extra: Partial<V1Pod["metadata"]> = {}): V1Pod {
  return { metadata: { name: "rpc-0", ...extra }, status };
}

const crashLooping: V1ContainerStatus = {
  name: "seid",
  image: "ghcr.io/sei-protocol/sei:v6.3.0",
  imageID: "",
  ready: false,
  restartCount: 3,
  state: {
    waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container=seid" },
  },
  lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: new Date(0) } },
};

describe("podFailure", () => {
  test("default: a running pod, one still starting, or one whose trouble may clear is not a failure", () => {
    assert.equal(podFailure(pod({ phase: "Running" })), undefined);
    assert.equal(podFailure(pod({ phase: "Pending" })), undefined);
    assert.equal(podFailure(pod(undefined)), undefined);
    for (const reason of ["ContainerCreating", "ErrImagePull", "CreateContainerConfigError"]) {
      const waiting = { ...crashLooping, restartCount: 0, lastState: {}, state: { waiting: { reason } } };
      assert.equal(podFailure(pod({ phase: "Pending", containerStatuses: [waiting] })), undefined, reason);
    }
  });

  test("behavior: one restart is not a failure (a kubelet starts seid again at once)", () => {
    const restarted = { ...crashLooping, restartCount: 1, ready: true, state: { running: {} } };
    assert.equal(podFailure(pod({ phase: "Running", containerStatuses: [restarted] })), undefined);
  });

  test("behavior: CrashLoopBackOff names the container, the back-off, the last exit and the restarts", () => {
    const failure = podFailure(pod({ phase: "Running", containerStatuses: [crashLooping] }));
    assert.deepEqual(failure, {
      pod: "rpc-0",
      container: "seid",
      reason:
        "container seid: CrashLoopBackOff; back-off 40s restarting failed container=seid; last exit code 1 (Error); 3 restarts",
      exitCode: 1,
    });
  });

  test("behavior: an init container stuck, or an image that cannot be pulled, is a failure too", () => {
    const init = { ...crashLooping, name: "seid-init", restartCount: 1 };
    assert.equal(
      podFailure(pod({ phase: "Pending", initContainerStatuses: [init] }))?.reason,
      "container seid-init: CrashLoopBackOff; back-off 40s restarting failed container=seid; last exit code 1 (Error); 1 restart",
    );
    const pull: V1ContainerStatus = {
      name: "seid",
      image: "nope",
      imageID: "",
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: "ImagePullBackOff", message: 'Back-off pulling image "nope"' } },
    };
    assert.deepEqual(podFailure(pod({ phase: "Pending", containerStatuses: [pull] })), {
      pod: "rpc-0",
      container: "seid",
      reason: 'container seid: ImagePullBackOff; Back-off pulling image "nope"',
    });
  });

  test("behavior: a Failed pod, with the kubelet's reason; a pod being deleted never is", () => {
    assert.deepEqual(podFailure(pod({ phase: "Failed", reason: "Evicted", message: "low on disk" })), {
      pod: "rpc-0",
      reason: "pod Failed: Evicted: low on disk",
    });
    assert.equal(
      podFailure(
        pod({ phase: "Running", containerStatuses: [crashLooping] }, { deletionTimestamp: new Date() }),
      ),
      undefined,
    );
  });

  test("behavior: a termination message and a signal are kept", () => {
    const killed = {
      ...crashLooping,
      lastState: {
        terminated: { exitCode: 137, signal: 9, reason: "OOMKilled", message: " out of memory \n" },
      },
    };
    assert.match(
      podFailure(pod({ phase: "Running", containerStatuses: [killed] }))?.reason ?? "",
      /last exit code 137 signal 9 \(OOMKilled\): out of memory;/,
    );
  });
});
