import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSignState, safeToStop } from "./signState.js";

const state = (step: number, power = 10) => ({ state: { height: 41, round: 0, step }, power });

describe("sign state", () => {
  test("default: seid's priv_validator_state.json is read, its height a string", () => {
    const text =
      '{\n  "height": "41",\n  "round": 0,\n  "step": 2,\n  "signature": "W1B0",\n  "signbytes": "66"\n}';
    assert.deepEqual(parseSignState(text), { height: 41, round: 0, step: 2 });
    assert.deepEqual(parseSignState('{"height":"0","round":0,"step":0}'), { height: 0, round: 0, step: 0 });
  });

  test("error: damaged or partial files are undefined, not a guess", () => {
    for (const text of [
      "",
      "{",
      "null",
      "[]",
      '{"height":"x","round":0,"step":1}',
      '{"height":"3","round":0}',
    ])
      assert.equal(parseSignState(text), undefined, text);
  });

  test("behavior: a prevote for a height already committed is harmless; an unknown height is not", () => {
    const at = (step: number, height: number, committed?: number) => ({
      state: { height, round: 0, step },
      power: 10,
      committed,
    });
    assert.equal(safeToStop([at(2, 41, 41), at(2, 41, 41), at(3, 42, 41), at(3, 42, 41)]), true);
    assert.equal(safeToStop([at(2, 42, 41), at(2, 42, 41), at(3, 42, 41), at(3, 42, 41)]), false);
    assert.equal(safeToStop([at(2, 41, 40), at(2, 41, 41), at(3, 42, 41), at(3, 42, 41)]), true);
    assert.equal(safeToStop([at(2, 41), at(2, 41, 41), at(2, 41), at(3, 42, 41)]), false);
  });

  test("behavior: the power last seen at a prevote, or not read, must stay below a third", () => {
    assert.equal(safeToStop([state(3), state(1), state(0), state(3)]), true);
    assert.equal(safeToStop([state(3), state(2), state(3), state(3)]), true, "one of four equal");
    assert.equal(safeToStop([state(2), state(2), state(3), state(3)]), false, "two of four");
    assert.equal(safeToStop([state(3), state(2), state(3)]), false, "one of three is a third");
    assert.equal(safeToStop([state(2)]), false);
    assert.equal(safeToStop([state(3, 10), state(2, 40)]), false, "one holding most of the power");
    assert.equal(safeToStop([state(2, 0), state(3, 10)]), true, "no power, no say");
    assert.equal(safeToStop([state(3), state(3), state(3), { state: undefined, power: 10 }]), true);
    assert.equal(safeToStop([state(3), { state: undefined, power: 10 }]), false);
    assert.equal(safeToStop([]), true);
  });
});
