import { execa } from "execa";
import { InfraError } from "../errors/infra.js";

/** What the seid build needs, as found on this machine. */
export interface Toolchain {
  go: string;
  goVersion: string;
  cc: string;
}

async function versionOf(command: string, args: string[], signal?: AbortSignal): Promise<string | undefined> {
  try {
    const { stdout } = await execa(command, args, { cancelSignal: signal, timeout: 30_000 });
    return stdout.split("\n")[0]?.trim();
  } catch {
    return undefined;
  }
}

/**
 * Checks for Go and a C compiler before a long build, and says exactly which is
 * missing: seid links the wasm VM through cgo, so both are required.
 */
export async function checkToolchain(
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal,
): Promise<Toolchain> {
  const go = env.GO ?? "go";
  const cc = env.CC ?? "cc";
  const [goVersion, ccVersion] = await Promise.all([
    versionOf(go, ["version"], signal),
    versionOf(cc, ["--version"], signal),
  ]);
  const missing: string[] = [];
  if (!goVersion) missing.push(`Go ("${go} version" failed): install Go 1.25 or newer`);
  if (!ccVersion)
    missing.push(`a C compiler ("${cc} --version" failed; cgo needs one): e.g. apt-get install gcc`);
  if (missing.length > 0) {
    throw new InfraError("Building seid needs tools this machine lacks.", { metaMessages: missing });
  }
  return { go, goVersion: goVersion!, cc };
}
