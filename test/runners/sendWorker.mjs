// One parallel "test worker": sends `count` transfers one after another from
// its own test account, each awaited to its receipt. Reports the nonces used.
import { parentPort, workerData } from "node:worker_threads";
import { http, createPublicClient, createWalletClient, defineChain } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const { evmRpc, privateKey, count, to } = workerData;
const chain = defineChain({
  id: 713714,
  name: "sei-seinet",
  nativeCurrency: { name: "SEI", symbol: "SEI", decimals: 18 },
  rpcUrls: { default: { http: [evmRpc] } },
});
const account = privateKeyToAccount(privateKey);
const pub = createPublicClient({ chain, transport: http(evmRpc, { timeout: 20_000 }) });
const wallet = createWalletClient({ account, chain, transport: http(evmRpc, { timeout: 20_000 }) });
const nonces = [];
for (let i = 0; i < count; i++) {
  const hash = await wallet.sendTransaction({ to, value: 1000n });
  const receipt = await pub.waitForTransactionReceipt({ hash, timeout: 60_000 });
  if (receipt.status !== "success") throw new Error(`tx ${hash} reverted`);
  nonces.push((await pub.getTransaction({ hash })).nonce);
}
parentPort.postMessage(nonces);
