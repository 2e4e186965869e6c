import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { demuxLog } from "./logFrames.js";

function frame(stream: 1 | 2, text: string): Buffer {
  const body = Buffer.from(text, "utf8");
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

describe("demuxLog", () => {
  test("default: joins stdout and stderr frames in order", () => {
    const raw = Buffer.concat([frame(1, "a\n"), frame(2, "b\n"), frame(1, "c")]);
    assert.equal(demuxLog(raw), "a\nb\nc");
  });

  test("behavior: unframed bytes (a TTY container) come back as they are", () => {
    assert.equal(demuxLog(Buffer.from("plain log line\n")), "plain log line\n");
  });

  test("behavior: an empty log is empty", () => {
    assert.equal(demuxLog(Buffer.alloc(0)), "");
  });
});
