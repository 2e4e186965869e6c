import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { getDotted, hasDotted, setDotted } from "./dottedPath.js";

describe("getDotted", () => {
  test("default: reads nested values", () => {
    const doc = { a: { b: { c: 1 } }, x: [1, 2] };
    assert.equal(getDotted(doc, "a.b.c"), 1);
    assert.deepEqual(getDotted(doc, "a.b"), { c: 1 });
    assert.deepEqual(getDotted(doc, "x"), [1, 2]);
  });

  test("behavior: undefined when a step is missing or not an object", () => {
    const doc = { a: { b: 1 }, n: null };
    assert.equal(getDotted(doc, "a.c"), undefined);
    assert.equal(getDotted(doc, "a.b.c"), undefined);
    assert.equal(getDotted(doc, "n.x"), undefined);
    assert.equal(getDotted(undefined, "a"), undefined);
    assert.equal(getDotted("text", "length"), undefined);
  });

  test("behavior: inherited properties are not keys", () => {
    assert.equal(getDotted({}, "toString"), undefined);
    assert.equal(getDotted({ a: {} }, "a.constructor"), undefined);
    assert.equal(getDotted({}, "__proto__"), undefined);
  });

  test("behavior: falsy values are found", () => {
    const doc = { a: { zero: 0, no: false, empty: "", nil: null } };
    assert.equal(getDotted(doc, "a.zero"), 0);
    assert.equal(getDotted(doc, "a.no"), false);
    assert.equal(getDotted(doc, "a.empty"), "");
    assert.equal(getDotted(doc, "a.nil"), null);
  });
});

describe("hasDotted", () => {
  test("default: true only when every step exists as an own key", () => {
    const doc = { a: { b: { c: undefined } } };
    assert.equal(hasDotted(doc, "a"), true);
    assert.equal(hasDotted(doc, "a.b.c"), true);
    assert.equal(hasDotted(doc, "a.b.d"), false);
    assert.equal(hasDotted(doc, "a.b.c.d"), false);
    assert.equal(hasDotted(doc, "toString"), false);
    assert.equal(hasDotted(doc, "a.hasOwnProperty"), false);
  });

  test("behavior: a key with dashes or underscores is one segment", () => {
    const doc = { p2p: { "allow-duplicate-ip": false }, evm: { http_port: 8545 } };
    assert.equal(hasDotted(doc, "p2p.allow-duplicate-ip"), true);
    assert.equal(hasDotted(doc, "evm.http_port"), true);
  });
});

describe("setDotted", () => {
  test("default: sets a nested value, keeping siblings", () => {
    const doc: Record<string, unknown> = { a: { b: 1, keep: true } };
    setDotted(doc, "a.b", 2);
    assert.deepEqual(doc, { a: { b: 2, keep: true } });
  });

  test("behavior: creates missing steps as plain objects", () => {
    const doc: Record<string, unknown> = {};
    setDotted(doc, "x.y.z", "v");
    assert.deepEqual(doc, { x: { y: { z: "v" } } });
  });

  test("behavior: a scalar, null or array in the way is replaced by an object", () => {
    const doc: Record<string, unknown> = { s: 1, n: null, arr: [1] };
    setDotted(doc, "s.a", 1);
    setDotted(doc, "n.a", 2);
    setDotted(doc, "arr.a", 3);
    assert.deepEqual(doc, { s: { a: 1 }, n: { a: 2 }, arr: { a: 3 } });
  });

  test("behavior: __proto__ and constructor are plain keys, no prototype is touched", () => {
    const doc: Record<string, unknown> = {};
    setDotted(doc, "__proto__.polluted", 1);
    setDotted(doc, "a.__proto__", { evil: true });
    setDotted(doc, "constructor.prototype.polluted", 2);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(doc), Object.prototype);
    assert.equal(Object.getPrototypeOf(doc.a), Object.prototype);
    assert.equal((doc.a as Record<string, unknown>).evil, undefined);
    assert.equal(getDotted(doc, "__proto__.polluted"), 1);
    assert.equal(hasDotted(doc, "a.__proto__.evil"), true);
    assert.equal(getDotted(doc, "constructor.prototype.polluted"), 2);
    assert.equal(
      JSON.stringify(doc),
      '{"__proto__":{"polluted":1},"a":{"__proto__":{"evil":true}},"constructor":{"prototype":{"polluted":2}}}',
    );
  });

  test("behavior: what is set is read back and found (property)", () => {
    const segment = fc.stringMatching(/^[a-z_-][a-z0-9_-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.jsonValue(), (keys, value) => {
        const doc: Record<string, unknown> = {};
        const path = keys.join(".");
        setDotted(doc, path, value);
        assert.equal(hasDotted(doc, path), true);
        assert.deepEqual(getDotted(doc, path), value);
      }),
    );
  });
});
