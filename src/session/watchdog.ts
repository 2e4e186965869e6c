// A session's reaper: a small detached process that outlives its owner. It
// polls the owner; once the owner is gone (however it died, SIGKILL included)
// it deletes what the session made and did not release, removes the record
// and exits. It also exits when the record disappears (nothing left to do).
//   node watchdog.js <sessions dir> <session id>
import { ownerAlive } from "./ownerAlive.js";
import { reapSession } from "./reapSession.js";
import { readSession } from "./sessionStore.js";

/** How often the owner is checked; the reaper's bound is this plus the deletes. */
const POLL_MS = 250;

const [dir, id] = process.argv.slice(2) as [string, string];

for (;;) {
  const record = await readSession(dir, id);
  if (!record) process.exit(0);
  if (!ownerAlive(record.pid, record.pidStart)) {
    const result = await reapSession(dir, record, { signal: AbortSignal.timeout(60_000) });
    process.exit(result.failed.length === 0 ? 0 : 1);
  }
  await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
