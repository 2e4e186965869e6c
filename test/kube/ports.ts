// Free loopback TCP ports: listen on 127.0.0.1:0, read the port, close.
// There is an unavoidable window between close and the child binding it.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("could not read the port of a loopback listener"));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/** Distinct free ports (holds none of them open). */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
