import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { crashExcerpt } from "./crashExcerpt.js";

const logLines = (n: number, prefix = "line") => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe("crashExcerpt", () => {
  test("without a crash it is the last lines", () => {
    assert.equal(crashExcerpt(`${logLines(100).join("\n")}\n`, 3), "line 97\nline 98\nline 99");
  });

  test("a crash report longer than the excerpt keeps its panic message and the lines before it", () => {
    const log = [
      ...logLines(50),
      'panic: BINARY UPDATED BEFORE TRIGGER! UPGRADE "v6.6" - in binary but not executed on chain',
      "",
      "goroutine 1 [running]:",
      ...logLines(300, "\tframe"),
    ].join("\n");
    const excerpt = crashExcerpt(log, 40).split("\n");
    assert.equal(excerpt.length, 40);
    assert.equal(excerpt[0], "line 45");
    assert.match(excerpt[5]!, /BINARY UPDATED BEFORE TRIGGER/);
  });

  test("a re-panic is reported from the first panic", () => {
    const log = ["a", "panic: first [recovered]", "panic: second", ...logLines(100, "\tframe")].join("\n");
    assert.deepEqual(crashExcerpt(log, 4).split("\n"), [
      "a",
      "panic: first [recovered]",
      "panic: second",
      "\tframe 0",
    ]);
  });

  test("a short crash report at the end is just the tail", () => {
    const log = [...logLines(10), "fatal error: concurrent map writes", "goroutine 7:"].join("\n");
    assert.deepEqual(crashExcerpt(log, 3).split("\n"), [
      "line 9",
      "fatal error: concurrent map writes",
      "goroutine 7:",
    ]);
  });

  test("seid refusing to start: cobra's Error line leads, not the usage after it", () => {
    const log = [
      ...logLines(50),
      'time=… level=ERROR msg="state sync failed; shutting down this node" err="failed to initialize RPC state provider: no witnesses connected"',
      "Error: error starting node: problem starting service '*statesync.Reactor': failed to initialize RPC state provider: no witnesses connected",
      "Usage:",
      ...logLines(80, "      --flag"),
    ].join("\n");
    const excerpt = crashExcerpt(log, 40).split("\n");
    assert.match(excerpt[5]!, /^Error: error starting node/);
    assert.match(excerpt[4]!, /state sync failed/);
  });

  test("no lines asked is none", () => {
    assert.equal(crashExcerpt("a\nb", 0), "");
  });
});

describe("crashExcerpt keeps the cause logged before a long shutdown", () => {
  test("behavior: earlier error lines come first, then the lines before the report", () => {
    const log = [
      "level=INFO msg=starting",
      'level=ERROR msg="appHash verification failed" expected=AA actual=BB',
      ...logLines(20, "level=INFO msg=closing"),
      "Error: error starting node: snapshot restoration failed: verification with app failed",
      ...logLines(80, "usage"),
    ].join("\n");
    const excerpt = crashExcerpt(log, 10).split("\n");
    assert.equal(excerpt.length, 10);
    assert.match(excerpt[0]!, /appHash verification failed/);
    assert.equal(excerpt[1], "level=INFO msg=closing 16");
    assert.match(excerpt[5]!, /^Error: error starting node/);
  });
});
