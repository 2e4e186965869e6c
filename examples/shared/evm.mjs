// What every example does against its network with viem: a transfer, and a
// contract deployed from committed bytecode (examples/contracts/Counter.json,
// compiled from Counter.sol; no solc at test time). Each runner's tests call
// these with the network and account its seinet helper gives.
import { readFileSync } from "node:fs";
import { http, createPublicClient, createWalletClient, parseEther } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const counter = JSON.parse(readFileSync(new URL("../contracts/Counter.json", import.meta.url), "utf8"));

/** viem clients for `chain` (seinet's `evmChain(network)`), signing with `testAccount`. */
export function clients(chain, testAccount) {
  const account = privateKeyToAccount(testAccount.privateKey);
  return {
    account,
    pub: createPublicClient({ chain, transport: http() }),
    wallet: createWalletClient({ account, chain, transport: http() }),
  };
}

/** Sends 1 SEI to a fresh address; returns the receipt's status and the balance that arrived. */
export async function transfer({ pub, wallet }) {
  const to = privateKeyToAccount(generatePrivateKey()).address;
  const hash = await wallet.sendTransaction({ to, value: parseEther("1") });
  const receipt = await pub.waitForTransactionReceipt({ hash });
  return {
    status: receipt.status,
    received: await pub.getBalance({ address: to }),
    expected: parseEther("1"),
  };
}

/** Deploys Counter(41), increments it once, and reads the count back (42). */
export async function deployCounter({ pub, wallet }) {
  const hash = await wallet.deployContract({ abi: counter.abi, bytecode: counter.bytecode, args: [41n] });
  const { contractAddress, status } = await pub.waitForTransactionReceipt({ hash });
  const increment = await wallet.writeContract({
    address: contractAddress,
    abi: counter.abi,
    functionName: "increment",
  });
  await pub.waitForTransactionReceipt({ hash: increment });
  const count = await pub.readContract({ address: contractAddress, abi: counter.abi, functionName: "count" });
  return { status, address: contractAddress, count };
}
