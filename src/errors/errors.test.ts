import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ErrorCode, SeinetError } from "./base.js";
import { CanceledError } from "./canceled.js";
import { ConflictError } from "./conflict.js";
import { FailedError } from "./failed.js";
import { InfraError } from "./infra.js";
import { NotFoundError } from "./notFound.js";
import { isCanceled, isFailed, isNotFound, isTimeout } from "./predicates.js";
import { TimeoutError } from "./timeout.js";
import { UsageError } from "./usage.js";

const CLASSES: {
  make: () => SeinetError;
  code: ErrorCode;
  name: string;
  ctor: new (...args: never[]) => unknown;
}[] = [
  { make: () => new UsageError("bad"), code: "USAGE", name: "UsageError", ctor: UsageError },
  { make: () => new TimeoutError("late"), code: "TIMEOUT", name: "TimeoutError", ctor: TimeoutError },
  { make: () => new CanceledError("stop"), code: "CANCELED", name: "CanceledError", ctor: CanceledError },
  {
    make: () => new NotFoundError("network", "devnet"),
    code: "NOT_FOUND",
    name: "NotFoundError",
    ctor: NotFoundError,
  },
  {
    make: () => new FailedError("broke", { resource: "network/devnet" }),
    code: "FAILED",
    name: "FailedError",
    ctor: FailedError,
  },
  { make: () => new ConflictError("clash"), code: "CONFLICT", name: "ConflictError", ctor: ConflictError },
  { make: () => new InfraError("missing"), code: "INFRA", name: "InfraError", ctor: InfraError },
];

describe("error classes", () => {
  for (const { make, code, name, ctor } of CLASSES) {
    test(`default: ${name} has code ${code}, its name, and is a SeinetError and an Error`, () => {
      const err = make();
      assert.equal(err.code, code);
      assert.equal(err.name, name);
      assert.ok(err instanceof ctor);
      assert.ok(err instanceof SeinetError);
      assert.ok(err instanceof Error);
      assert.equal(typeof err.stack, "string");
      assert.deepEqual(err.metaMessages, []);
      assert.equal(err.details, undefined);
    });
  }

  test("default: every class has a distinct code", () => {
    const codes = CLASSES.map((c) => c.make().code);
    assert.equal(new Set(codes).size, codes.length);
  });

  test("behavior: classes are not instances of one another", () => {
    for (const a of CLASSES) {
      for (const b of CLASSES) {
        if (a !== b) assert.ok(!(a.make() instanceof b.ctor), `${a.name} instanceof ${b.name}`);
      }
    }
  });

  test("default: the base class keeps its own name and code", () => {
    const err = new SeinetError("INFRA", "short");
    assert.equal(err.name, "SeinetError");
    assert.equal(err.code, "INFRA");
    assert.equal(err.message, "short");
    assert.equal(err.shortMessage, "short");
    assert.equal(err.cause, undefined);
    assert.ok(!("cause" in err));
  });

  test("behavior: message = short message, a blank line, meta lines, a blank line, details", () => {
    const err = new InfraError("No seid binary found.", {
      metaMessages: ["Looked at: PATH.", "Fix: run it."],
      details: "ENOENT",
    });
    assert.equal(err.message, "No seid binary found.\n\nLooked at: PATH.\nFix: run it.\n\nDetails: ENOENT");
    assert.equal(err.shortMessage, "No seid binary found.");
    assert.equal(err.details, "ENOENT");
    assert.deepEqual(err.metaMessages, ["Looked at: PATH.", "Fix: run it."]);
  });

  test("behavior: empty meta lines and details add nothing to the message", () => {
    const err = new ConflictError("Conflict.", { metaMessages: [], details: "" });
    assert.equal(err.message, "Conflict.");
  });

  test("behavior: cause is kept", () => {
    const root = new Error("root");
    const err = new TimeoutError("late", { cause: root });
    assert.equal(err.cause, root);
  });

  test("default: UsageError carries the offending field", () => {
    const err = new UsageError("Expected `name` to be …", { field: "name" });
    assert.equal(err.field, "name");
    assert.equal(new UsageError("x").field, undefined);
  });

  test("default: NotFoundError message names kind, resource and namespace", () => {
    const inNs = new NotFoundError("network", "devnet", { namespace: "ci" });
    assert.equal(inNs.message, 'network "devnet" not found in namespace "ci"');
    assert.equal(inNs.kind, "network");
    assert.equal(inNs.resource, "devnet");
    assert.equal(inNs.namespace, "ci");
    const bare = new NotFoundError("node", "rpc-0");
    assert.equal(bare.message, 'node "rpc-0" not found');
    assert.equal(bare.namespace, undefined);
  });
});

describe("FailedError", () => {
  test("default: carries resource, phase, reason, exit code and log tail", () => {
    const err = new FailedError('network "devnet" failed', {
      resource: "network/devnet",
      phase: "Failed",
      reason: "GenesisFailed: bad account",
      exitCode: 1,
      logTail: "line 1\nline 2",
    });
    assert.equal(err.resource, "network/devnet");
    assert.equal(err.phase, "Failed");
    assert.equal(err.reason, "GenesisFailed: bad account");
    assert.equal(err.exitCode, 1);
    assert.equal(err.logTail, "line 1\nline 2");
    assert.equal(err.shortMessage, 'network "devnet" failed');
    assert.equal(
      err.message,
      'network "devnet" failed\n\nReason: GenesisFailed: bad account\nExit code: 1\nLog tail:\nline 1\nline 2',
    );
    assert.ok(err.message.includes("line 2"));
  });

  test("behavior: exit code 0 is still shown; caller meta lines come first; details last", () => {
    const err = new FailedError(
      "task failed",
      { resource: "task/t", exitCode: 0, logTail: "tail" },
      { metaMessages: ["Node: rpc-0"], details: "more" },
    );
    assert.equal(err.message, "task failed\n\nNode: rpc-0\nExit code: 0\nLog tail:\ntail\n\nDetails: more");
    assert.deepEqual(err.metaMessages, ["Node: rpc-0", "Exit code: 0", "Log tail:", "tail"]);
  });

  test("behavior: only the resource is required", () => {
    const err = new FailedError("failed", { resource: "node/rpc-0" });
    assert.equal(err.message, "failed");
    assert.equal(err.phase, undefined);
    assert.equal(err.reason, undefined);
    assert.equal(err.exitCode, undefined);
    assert.equal(err.logTail, undefined);
  });
});

describe("predicates", () => {
  const cases: [string, (err: unknown) => boolean, ErrorCode][] = [
    ["isTimeout", isTimeout, "TIMEOUT"],
    ["isCanceled", isCanceled, "CANCELED"],
    ["isNotFound", isNotFound, "NOT_FOUND"],
    ["isFailed", isFailed, "FAILED"],
  ];
  for (const [name, predicate, code] of cases) {
    test(`behavior: ${name} is true only for ${code}`, () => {
      for (const { make, code: c } of CLASSES) assert.equal(predicate(make()), c === code, `${name}(${c})`);
      for (const other of [undefined, null, "TIMEOUT", new Error("x"), { code }]) {
        assert.equal(predicate(other), false);
      }
    });
  }

  test("behavior: a DOMException named TimeoutError is not a seinet timeout", () => {
    assert.equal(isTimeout(new DOMException("t", "TimeoutError")), false);
  });
});

describe("walk()", () => {
  test("default: returns the deepest cause", () => {
    const root = new Error("ECONNREFUSED");
    const mid = new InfraError("unreachable", { cause: root });
    const top = new TimeoutError("timed out", { cause: mid });
    assert.equal(top.walk(), root);
  });

  test("default: returns itself when there is no cause", () => {
    const err = new UsageError("bad");
    assert.equal(err.walk(), err);
  });

  test("behavior: a non-Error cause ends the chain and is returned", () => {
    const err = new CanceledError("canceled", { cause: "user pressed ^C" });
    assert.equal(err.walk(), "user pressed ^C");
  });

  test("behavior: with a predicate returns the first match, starting at itself", () => {
    const root = new Error("root");
    const infra = new InfraError("infra", { cause: root });
    const top = new TimeoutError("timed out", { cause: infra });
    assert.equal(
      top.walk((e) => e instanceof InfraError),
      infra,
    );
    assert.equal(
      top.walk((e) => e instanceof SeinetError),
      top,
    );
    assert.equal(
      top.walk((e) => e === root),
      root,
    );
  });

  test("behavior: with a predicate nothing matches → undefined", () => {
    const top = new TimeoutError("timed out", { cause: new Error("root") });
    assert.equal(
      top.walk((e) => e instanceof ConflictError),
      undefined,
    );
  });

  test("behavior: a cyclic cause chain terminates", () => {
    const a = new InfraError("a");
    const b = new InfraError("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b });
    assert.ok(a.walk() instanceof InfraError);
    assert.equal(
      a.walk(() => false),
      undefined,
    );
  });
});
