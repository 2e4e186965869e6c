import { evmChain, useSeinet, useWorkerAccount } from "seinet/jest";
import { clients, transfer } from "../../shared/evm.mjs";

test("a transfer from this worker's own account arrives", async () => {
  const { status, received, expected } = await transfer(clients(evmChain(useSeinet()), useWorkerAccount()));
  expect(status).toBe("success");
  expect(received).toBe(expected);
});
