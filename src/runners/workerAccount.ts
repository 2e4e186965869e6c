import type { TestAccount } from "../chain/testAccount.js";
import { testAccounts } from "../chain/testAccounts.js";
import { UsageError } from "../errors/usage.js";
import type { SeinetNetwork } from "./seinetNetwork.js";

/**
 * Test account `index` of a runner's network: parallel workers each take
 * their own, so no two send with one nonce sequence.
 */
export function workerAccount(
  network: Pick<SeinetNetwork, "name" | "testAccounts">,
  index: number,
): TestAccount {
  if (!Number.isInteger(index) || index < 0 || index >= network.testAccounts) {
    throw new UsageError(
      `Worker ${index} has no test account: network "${network.name}" funds ${network.testAccounts} (indexes 0..${network.testAccounts - 1}). Raise \`network.testAccounts\` in the manifest to at least the number of workers.`,
      { field: "network.testAccounts" },
    );
  }
  return testAccounts(index + 1)[index] as TestAccount;
}

/** A 1-based worker id from the environment (`VITEST_POOL_ID`, `JEST_WORKER_ID`) as a 0-based index; 0 when unset. */
export function workerIndex(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}
