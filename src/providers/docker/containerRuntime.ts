import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import type { ChainRuntime, FileToWrite } from "../../chain/runtime.js";
import { abortError } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import {
  makeContainerDir,
  readContainerFile,
  readContainerFiles,
  writeContainerFile,
  writeContainerFiles,
} from "./archive.js";

const log = logger("docker");

/**
 * Runs seid and moves files inside one container: `docker exec seid …` (the
 * images have no shell) and the archive API. The genesis ceremony runs over
 * it in its short-lived container, and tasks run over it in a node's own
 * container, with that node's home and keyring.
 */
export class ContainerRuntime implements ChainRuntime {
  readonly #docker: Docker;
  readonly container: Docker.Container;

  constructor(docker: Docker, container: Docker.Container) {
    this.#docker = docker;
    this.container = container;
  }

  async seid(args: readonly string[], signal: AbortSignal | undefined): Promise<string> {
    const exec = await this.container.exec({
      Cmd: ["seid", ...args],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const stdout = new PassThrough().on("data", (c: Buffer) => out.push(c));
    const stderr = new PassThrough().on("data", (c: Buffer) => err.push(c));
    this.#docker.modem.demuxStream(stream, stdout, stderr);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        stream.destroy();
        reject(abortError(signal as AbortSignal, `running seid ${args[0]}`));
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
    const text = Buffer.concat(out).toString("utf8");
    if (ExitCode !== 0) {
      const message = Buffer.concat(err).toString("utf8").trim() || text.trim();
      log("seid %s exited %d: %s", args.join(" "), ExitCode, message);
      throw new Error(`seid ${args.slice(0, 2).join(" ")} exited with code ${ExitCode}: ${message}`);
    }
    return text;
  }

  readFile(path: string): Promise<string> {
    return readContainerFile(this.container, path);
  }

  readFiles(paths: readonly string[]): Promise<string[]> {
    return readContainerFiles(this.container, paths);
  }

  writeFile(path: string, data: string): Promise<void> {
    return writeContainerFile(this.container, path, data);
  }

  writeFiles(files: readonly FileToWrite[]): Promise<void> {
    return writeContainerFiles(this.container, files);
  }

  mkdir(path: string): Promise<void> {
    return makeContainerDir(this.container, path);
  }
}
