import { evmChain, useSeinet, useWorkerAccount } from "seinet/vitest";
import { expect, test } from "vitest";
import { clients, transfer } from "../../shared/evm.mjs";

const evm = clients(evmChain(useSeinet()), useWorkerAccount());

test("a transfer from this worker's own account arrives", async () => {
  const { status, received, expected } = await transfer(evm);
  expect(status).toBe("success");
  expect(received).toBe(expected);
});
