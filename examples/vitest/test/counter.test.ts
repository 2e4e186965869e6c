import { evmChain, useSeinet, useWorkerAccount } from "seinet/vitest";
import { expect, test } from "vitest";
import { clients, deployCounter } from "../../shared/evm.mjs";

test("Counter deploys from committed bytecode and counts", async () => {
  const network = useSeinet();
  expect(network.evmChainId).toBe(713714);
  const { status, count } = await deployCounter(clients(evmChain(network), useWorkerAccount()));
  expect(status).toBe("success");
  expect(count).toBe(42n);
});
