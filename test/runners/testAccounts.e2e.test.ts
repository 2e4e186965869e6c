// Four parallel workers, each with its own genesis-funded test account, send
// transfers at once against one real local network: none sees a nonce error.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import { http, createPublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { TEST_MNEMONIC } from "../../src/index.js";
import { useLocalNetwork } from "../local/useLocalNetwork.js";

const WORKERS = 4;
const TXS_EACH = 5;

describe("testAccounts (local, real seid)", () => {
  const shared = useLocalNetwork({ name: "accounts", validators: 1, testAccounts: WORKERS });
  let evmRpc: string;

  before(async () => {
    const [validator] = await shared.client.listNodes({ network: "accounts" });
    evmRpc = validator?.evmRpc as string;
  });

  test("default: the handle derives the funded accounts from TEST_MNEMONIC, index i = account i", async () => {
    const accounts = shared.net.testAccounts ?? [];
    assert.equal(accounts.length, WORKERS);
    const pub = createPublicClient({ transport: http(evmRpc) });
    for (const [i, a] of accounts.entries()) {
      assert.equal(a.evmAddress, mnemonicToAccount(TEST_MNEMONIC, { addressIndex: i }).address);
      assert.ok((await pub.getBalance({ address: a.evmAddress })) > 0n, `account ${i} is funded`);
    }
    // Read back from the runtime by another handle, not only the one that made it.
    assert.deepEqual((await shared.client.getNetwork("accounts")).testAccounts, accounts);
  });

  test("behavior: four workers sending at once never see a nonce error", async () => {
    const accounts = shared.net.testAccounts ?? [];
    const started = performance.now();
    const results = await Promise.all(
      accounts.map(
        (a) =>
          new Promise<number[]>((resolve, reject) => {
            const worker = new Worker(new URL("./sendWorker.mjs", import.meta.url), {
              workerData: { evmRpc, privateKey: a.privateKey, count: TXS_EACH, to: accounts[0]?.evmAddress },
            });
            worker.once("message", resolve);
            worker.once("error", reject);
            worker.once("exit", (code) => code !== 0 && reject(new Error(`worker exited ${code}`)));
          }),
      ),
    );
    for (const nonces of results) assert.deepEqual(nonces, [0, 1, 2, 3, 4]);
    process.stderr.write(
      `${WORKERS}×${TXS_EACH} transfers in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  });
});
