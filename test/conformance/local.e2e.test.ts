// The conformance suite in local mode: real seid processes on this machine,
// state in a temporary directory.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { open } from "../../src/index.js";
import { assertRelayGone } from "../local/faultLeftovers.js";
import { assertNothingLeft } from "../local/leftovers.js";
import { testSeid } from "../local/seid.js";
import { conformance } from "./suite.js";

let stateDir: string;

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-conformance-"));
});

after(async () => {
  if (!stateDir) return;
  const client = await open("local", { stateDir });
  for (const net of await client.listNetworks({ allNamespaces: true })) await net.delete({ cascade: true });
  await assertNothingLeft(stateDir);
  await rm(stateDir, { recursive: true, force: true });
});

conformance({
  mode: "local",
  open: () => open("local", { stateDir }),
  tasks: true,
  workflows: true,
  runtimeVerbs: true,
  perturb: {
    verbs: ["pause", "disconnect", "kill"],
    assertClean: (networkObject) => assertRelayGone(stateDir, networkObject),
  },
  readyTimeoutMs: 120_000,
});
