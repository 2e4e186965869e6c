import type Docker from "dockerode";
import { InfraError } from "../../../errors/infra.js";
import { abortError } from "../../../internal/abort.js";

/** Runs the classic builder and relays its output; a step error is an InfraError. */
export async function runBuild(
  docker: Docker,
  context: NodeJS.ReadableStream,
  options: {
    tag: string;
    signal: AbortSignal;
    onProgress: (l: string) => void;
  },
): Promise<void> {
  const { signal, onProgress } = options;
  const stream = await docker.buildImage(context, {
    t: options.tag,
    rm: true,
    forcerm: true,
    abortSignal: signal,
  });
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal, `building image ${options.tag}`));
    signal.addEventListener("abort", onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (err: Error | null) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) return onAbort();
        if (err) {
          reject(
            new InfraError(`Docker could not build image ${options.tag}.`, {
              details: [...lines.slice(-10), String((err as { message?: string }).message ?? err)].join("\n"),
              cause: err,
            }),
          );
        } else resolve();
      },
      (event: { stream?: string; status?: string }) => {
        const line = (event.stream ?? event.status ?? "").trim();
        if (!line) return;
        lines.push(line);
        // The classic builder's bookkeeping ("---> id", intermediate containers) is kept for errors only.
        if (!/^(--->|Running in |Removing intermediate container )/.test(line)) onProgress(line);
      },
    );
  });
}
