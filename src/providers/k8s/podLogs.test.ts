import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { KubeConfig } from "@kubernetes/client-node";
import { PodLogs } from "./podLogs.js";

/** An API server double: answers pod logs by pod name; `slow` never answers. */
const asked: string[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "", "http://x");
  asked.push(url.pathname.split("/")[6] ?? "");
  if (url.pathname.endsWith("/pods/slow/log")) return; // never answers
  if (url.pathname.endsWith("/pods/gone/log")) {
    res.writeHead(404, { "content-type": "application/json" }).end('{"kind":"Status","code":404}');
    return;
  }
  const previous = url.searchParams.get("previous") === "true";
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(previous ? "panic: runtime error\ngoroutine 1\n" : "now\n");
});
let kc: KubeConfig;

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  kc = new KubeConfig();
  kc.loadFromOptions({
    // Plain HTTP to the double: the client refuses it unless TLS checks are off.
    clusters: [
      {
        name: "c",
        server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        skipTLSVerify: true,
      },
    ],
    users: [{ name: "u" }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
});
after(() => {
  server.closeAllConnections();
  server.close();
});

describe("PodLogs.tail", () => {
  test("default: the log's last lines, from the previous run when asked", async () => {
    const logs = new PodLogs(kc);
    assert.equal(await logs.tail("ns", "rpc-0", 20, { previous: true }), "panic: runtime error\ngoroutine 1");
    assert.equal(await logs.tail("ns", "rpc-0", 20), "now");
  });

  test("error: a log that cannot be read is undefined, never a throw", async () => {
    assert.equal(await new PodLogs(kc).tail("ns", "gone", 20), undefined);
    assert.ok(asked.includes("gone"), "the server was asked");
  });

  test("error: an API server that does not answer is given up on when the signal ends", async () => {
    const started = performance.now();
    assert.equal(
      await new PodLogs(kc).tail("ns", "slow", 20, { signal: AbortSignal.timeout(300) }),
      undefined,
    );
    assert.ok(performance.now() - started < 5_000, "gave up with the signal");
    assert.ok(asked.includes("slow"), "the server was asked, and never answered");
  });
});
