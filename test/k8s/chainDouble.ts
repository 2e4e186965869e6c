import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * TEST-ONLY stand-in for a node's serving ports. No seid can be built on this
 * machine, so the k8s tests point the endpoints the stand-in controller
 * publishes at this small HTTP server: it answers Tendermint /status
 * (unwrapped, height rising), EVM eth_blockNumber, and REST node_info. It
 * exercises the SDK's probes, not a chain.
 */
export class ChainDouble {
  readonly #server: Server;
  #height = 1;
  #timer: NodeJS.Timeout | undefined;
  requests = 0;

  constructor(readonly chainId: string) {
    this.#server = createServer((req, res) => {
      this.requests++;
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        if (req.method === "GET" && req.url?.startsWith("/status")) {
          res.end(
            JSON.stringify({
              node_info: { id: "0".repeat(40), network: this.chainId },
              sync_info: {
                latest_block_height: String(this.#height),
                earliest_block_height: "1",
                catching_up: false,
              },
            }),
          );
        } else if (req.method === "POST") {
          const call = JSON.parse(body || "{}") as { id?: number; method?: string };
          res.end(
            JSON.stringify({ jsonrpc: "2.0", id: call.id ?? 1, result: `0x${this.#height.toString(16)}` }),
          );
        } else if (req.url?.startsWith("/cosmos/base/tendermint/v1beta1/node_info")) {
          res.end(JSON.stringify({ default_node_info: { network: this.chainId } }));
        } else {
          res.statusCode = 404;
          res.end("{}");
        }
      });
    });
  }

  /** Starts serving on 127.0.0.1 and producing a "block" every 200 ms. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.#timer = setInterval(() => {
      this.#height++;
    }, 200);
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
