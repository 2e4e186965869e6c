// A minimal HTTPS GET trusting a given CA, for probing the apiserver before
// any client library is involved. `insecure` skips verification, for the
// self-signed loopback health ports of kube-controller-manager/scheduler.
import { request } from "node:https";

export function httpsGet(
  url: string,
  options: { ca?: string; insecure?: boolean; token?: string; timeoutMs?: number },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const req = request(
      url,
      {
        method: "GET",
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
        ...(options.insecure ? { rejectUnauthorized: false } : {}),
        headers,
        timeout: options.timeoutMs ?? 2000,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
    req.end();
  });
}
