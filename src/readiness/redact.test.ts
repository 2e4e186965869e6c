import assert from "node:assert/strict";
import { test } from "node:test";
import { redactUrl } from "./redact.js";

test("default", () => {
  assert.equal(redactUrl("http://user:pw@host"), "http://host");
});

test("behavior: keeps URLs without credentials as they are", () => {
  for (const url of ["http://host:26657/", "https://host/path?q=a@b", "http://host/a@b", "not a url"]) {
    assert.equal(redactUrl(url), url);
  }
});

test("behavior: user only, @ in the password, https, and unparseable URLs", () => {
  assert.equal(redactUrl("https://token@rpc.example.com/x"), "https://rpc.example.com/x");
  assert.equal(redactUrl("http://u:p@ss@host:1/status"), "http://host:1/status");
  assert.equal(redactUrl("HTTP://u:p@[bad"), "HTTP://[bad");
});
