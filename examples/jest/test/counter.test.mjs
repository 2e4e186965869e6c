import { evmChain, useSeinet, useWorkerAccount } from "seinet/jest";
import { clients, deployCounter } from "../../shared/evm.mjs";

test("Counter deploys from committed bytecode and counts", async () => {
  const { status, count } = await deployCounter(clients(evmChain(useSeinet()), useWorkerAccount()));
  expect(status).toBe("success");
  expect(count).toBe(42n);
});
