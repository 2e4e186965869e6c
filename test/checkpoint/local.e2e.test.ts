// Checkpoint and restore in the local mode: seid processes on this machine.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { open } from "../../src/index.js";
import { deleteAllAndCheck } from "../local/leftovers.js";
import { testSeid } from "../local/seid.js";
import { checkpointSuite } from "./suite.js";

let stateDir = "";

checkpointSuite({
  mode: "local",
  setup: async () => {
    await testSeid();
    stateDir = await mkdtemp(join(tmpdir(), "seinet-checkpoint-"));
  },
  open: () => open("local", { stateDir }),
  spec: () => ({}),
});

// After the suite's own teardown: nothing of its network may be left.
after(() => deleteAllAndCheck(undefined, stateDir));
