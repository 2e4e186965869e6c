// An EVM transfer through viem, the client harness authors use: signed by the
// network's test account, mined, and the recipient's balance read back.
import assert from "node:assert/strict";
import { http, createPublicClient, createWalletClient, defineChain, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { TestAccount } from "../../src/index.js";

/** EVM chain id of a fresh private Sei chain. */
export const SEI_EVM_CHAIN_ID = 713714;

/** Sends `ether` from the test account to `to` and asserts it is mined and arrives. */
export async function evmTransfer(
  evmRpc: string,
  from: TestAccount,
  to: `0x${string}`,
  ether = "1",
): Promise<{ hash: `0x${string}`; blockNumber: bigint }> {
  const chain = defineChain({
    id: SEI_EVM_CHAIN_ID,
    name: "sei-seinet",
    nativeCurrency: { name: "SEI", symbol: "SEI", decimals: 18 },
    rpcUrls: { default: { http: [evmRpc] } },
  });
  const account = privateKeyToAccount(from.privateKey);
  assert.equal(account.address, from.evmAddress);
  const pub = createPublicClient({ chain, transport: http(evmRpc, { timeout: 10_000 }) });
  assert.equal(await pub.getChainId(), SEI_EVM_CHAIN_ID);
  const before = await pub.getBalance({ address: to });
  const wallet = createWalletClient({ account, chain, transport: http(evmRpc, { timeout: 10_000 }) });
  const hash = await wallet.sendTransaction({ to, value: parseEther(ether) });
  const receipt = await pub.waitForTransactionReceipt({ hash, timeout: 60_000 });
  assert.equal(receipt.status, "success");
  assert.equal(await pub.getBalance({ address: to }), before + parseEther(ether));
  return { hash, blockNumber: receipt.blockNumber };
}
