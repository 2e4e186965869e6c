import type Docker from "dockerode";
import type { ChainRuntime, FileToWrite } from "../../chain/runtime.js";
import { logger } from "../../internal/debug.js";
import {
  makeContainerDir,
  readContainerFile,
  readContainerFiles,
  writeContainerFile,
  writeContainerFiles,
} from "./archive.js";
import { containerSeidCommand } from "./containerSeidCommand.js";

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
    const { exitCode, stdout, stderr } = await containerSeidCommand(this.#docker, this.container)(args, {
      signal,
    });
    if (exitCode !== 0) {
      const message = stderr.trim() || stdout.trim();
      log("seid %s exited %d: %s", args.join(" "), exitCode, message);
      throw new Error(`seid ${args.slice(0, 2).join(" ")} exited with code ${exitCode}: ${message}`);
    }
    return stdout;
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
