import { PassThrough, type Writable } from "node:stream";
import type Docker from "dockerode";
import type { SeidCommand } from "../../chain/seidCommand.js";
import { abortError } from "../../internal/abort.js";
import { mapDockerError } from "./dockerErrors.js";

/**
 * `docker exec <container> seid <args> [--home <home>]`: the node's own seid
 * in its own container (the images have no shell), so its client.toml and
 * keyring apply. Input, when given, is written to seid's stdin and closed.
 * Without `home`, the arguments are run as given (the ceremony names homes).
 */
export function containerSeidCommand(
  docker: Docker,
  container: Docker.Container,
  home?: string,
): SeidCommand {
  return async (args, options) => {
    const { signal } = options;
    const what = `running seid ${args[0] ?? ""}`;
    if (signal?.aborted) throw abortError(signal, what);
    const withHome =
      home === undefined || args.some((a) => a === "--home" || a.startsWith("--home="))
        ? args
        : [...args, "--home", home];
    const input = options.input;
    const exec = await container
      .exec({
        Cmd: ["seid", ...withHome],
        AttachStdout: true,
        AttachStderr: true,
        AttachStdin: input !== undefined,
      })
      .catch((err: unknown) => {
        throw mapDockerError(err, `${what} in ${container.id}`);
      });
    const stream = await exec.start({ hijack: true, stdin: input !== undefined });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const inherit = options.stdio === "inherit";
    const sink = (buffers: Buffer[], passTo: Writable): Writable =>
      new PassThrough().on("data", (c: Buffer) => (inherit ? passTo.write(c) : buffers.push(c)));
    docker.modem.demuxStream(stream, sink(out, process.stdout), sink(err, process.stderr));
    if (input !== undefined) stream.end(input);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        stream.destroy();
        reject(abortError(signal as AbortSignal, what));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      stream.on("end", done);
      stream.on("close", done);
      stream.on("error", (e: Error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(e);
      });
    });
    const { ExitCode } = await exec.inspect();
    return {
      exitCode: ExitCode ?? 1,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
    };
  };
}
