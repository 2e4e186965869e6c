// Test fixture, not tests: a real HTTP server on 127.0.0.1 scripted per
// request. Named *.test.ts so the build leaves it out of dist.
import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { TestContext } from "node:test";

/** A request the fake endpoint received. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How to answer: a status and a JSON value or raw text, or never answer at all. */
export type Reply = { status?: number; json?: unknown; text?: string } | "hang";

/** A running fake endpoint. */
export interface FakeEndpoint {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  /** Every request received, in order. */
  requests: Seen[];
  /** Every connection accepted. */
  sockets: Set<Socket>;
  /** Destroys all connections and stops listening (also run by `t.after`). */
  close(): Promise<void>;
}

/** Starts a server answering each request with `reply(request, index)`; closed after the test. */
export async function fakeEndpoint(
  t: TestContext,
  reply: (request: Seen, index: number) => Reply,
): Promise<FakeEndpoint> {
  const requests: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: Seen = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      const answer = reply(seen, requests.length - 1);
      if (answer === "hang") return;
      const text = answer.text ?? (answer.json === undefined ? "" : JSON.stringify(answer.json));
      res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
      res.end(text);
    });
  });
  server.on("connection", (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closed;
  };
  t.after(close);
  return { base: `http://127.0.0.1:${port}`, requests, sockets, close };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Sei-style `/status` body (bare, heights as strings unless `numeric`). */
export function statusBody(fields: {
  height: number;
  earliest?: number;
  catchingUp?: boolean;
  numeric?: boolean;
}): Record<string, unknown> {
  const encode = (n: number) => (fields.numeric ? n : String(n));
  return {
    node_info: { id: "abc123", network: "sei-test", moniker: "node-0" },
    sync_info: {
      latest_block_height: encode(fields.height),
      earliest_block_height: encode(fields.earliest ?? 1),
      catching_up: fields.catchingUp ?? false,
    },
  };
}
