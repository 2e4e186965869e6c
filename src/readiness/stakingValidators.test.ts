import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { operatorAccount, stakingValidators } from "./stakingValidators.js";

// A validator of a real seid v6.6.2 chain: its operator and its account address.
const OPERATOR = "seivaloper1y20ly4whgfjwg8aeu7j5uyu6ejzx08hfjt94ud";
const ACCOUNT = "sei1y20ly4whgfjwg8aeu7j5uyu6ejzx08hfvy5maa";

const validator = (moniker: string, operator = OPERATOR) => ({
  operator_address: operator,
  description: { moniker },
  tokens: "1000000000000",
  status: "BOND_STATUS_BONDED",
  jailed: false,
});

describe("stakingValidators", () => {
  test("default: every validator with its account address", async (t) => {
    const fake = await fakeEndpoint(t, () => ({
      json: { validators: [validator("net-0")], pagination: { next_key: null, total: "1" } },
    }));
    assert.deepEqual(await stakingValidators(fake.base), [
      {
        moniker: "net-0",
        operatorAddress: OPERATOR,
        accountAddress: ACCOUNT,
        tokens: "1000000000000",
        status: "BOND_STATUS_BONDED",
        jailed: false,
      },
    ]);
    assert.match(
      fake.requests[0]?.path ?? "",
      /^\/cosmos\/staking\/v1beta1\/validators\?pagination\.limit=100$/,
    );
  });

  test("behavior: follows pagination keys", async (t) => {
    const fake = await fakeEndpoint(t, (_req, i) => ({
      json:
        i === 0
          ? { validators: [validator("net-0")], pagination: { next_key: "a+b/=" } }
          : { validators: [validator("net-1")], pagination: { next_key: null } },
    }));
    const list = await stakingValidators(fake.base);
    assert.deepEqual(
      list.map((v) => v.moniker),
      ["net-0", "net-1"],
    );
    assert.match(fake.requests[1]?.path ?? "", /pagination\.key=a%2Bb%2F%3D$/);
  });

  test("error: an answer without a validator list is an InfraError", async (t) => {
    const fake = await fakeEndpoint(t, () => ({ json: { code: 12, message: "Not Implemented" } }));
    await assert.rejects(stakingValidators(fake.base), InfraError);
  });
});

describe("operatorAccount", () => {
  test("default: the same key under the account prefix", () => {
    assert.equal(operatorAccount(OPERATOR), ACCOUNT);
  });
});
