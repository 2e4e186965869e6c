// One real local network shared by the tests of a file: made in `before` on a
// fresh state dir, deleted in `after`, which then checks no seid is left.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { type Client, type Network, type NetworkSpec, open } from "../../src/index.js";
import { seidProcessesUnder } from "./leftovers.js";

/** The file's network, client and state dir, set once `before` has run. */
export interface LocalNetwork {
  stateDir: string;
  client: Client;
  net: Network;
}

export function useLocalNetwork(spec: NetworkSpec): LocalNetwork {
  const shared = {} as LocalNetwork;
  before(async () => {
    shared.stateDir = await mkdtemp(join(tmpdir(), `seinet-${spec.name}-`));
    shared.client = await open("local", { stateDir: shared.stateDir });
    shared.net = await shared.client.createNetwork(spec);
    await shared.net.waitReady({ signal: AbortSignal.timeout(120_000) });
  });
  after(async () => {
    await shared.net?.delete({ cascade: true });
    await shared.client?.close();
    assert.deepEqual(await seidProcessesUnder(shared.stateDir), []);
    await rm(shared.stateDir, { recursive: true, force: true });
  });
  return shared;
}
