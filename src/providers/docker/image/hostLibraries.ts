import { readdir } from "node:fs/promises";
import { relative } from "node:path";
import { execa } from "execa";
import { InfraError } from "../../../errors/infra.js";
import { abortError } from "../../../internal/abort.js";
import { logger } from "../../../internal/debug.js";

const log = logger("docker");

/** What `ldd` says one ELF file needs. */
export interface LddResult {
  /** Absolute paths of resolved libraries, the dynamic loader included. */
  resolved: string[];
  /** Sonames ldd could not find. */
  missing: string[];
  /** True for a static executable (nothing to copy). */
  isStatic: boolean;
}

/**
 * Parses `ldd` output: `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)`,
 * `/lib64/ld-linux-x86-64.so.2 (0x…)` (the loader), `libfoo.so => not found`.
 * The vDSO (`linux-vdso.so.1`, no path) lives in the kernel and is skipped.
 */
export function parseLdd(text: string): LddResult {
  const resolved: string[] = [];
  const missing: string[] = [];
  const isStatic = /not a dynamic executable|statically linked/.test(text);
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const arrow = /^(\S+)\s+=>\s+(.*)$/.exec(line);
    if (arrow) {
      const target = (arrow[2] as string).trim();
      if (target.startsWith("not found")) missing.push(arrow[1] as string);
      else {
        const path = /^(\/\S+)/.exec(target)?.[1];
        if (path) resolved.push(path);
      }
      continue;
    }
    const loader = /^(\/\S+)\s+\(0x[0-9a-f]+\)$/.exec(line);
    if (loader) resolved.push(loader[1] as string);
  }
  return { resolved, missing, isStatic };
}

/** Runs the host's `ldd` on `file`. ldd missing (not glibc) is an InfraError. */
export async function ldd(file: string, signal?: AbortSignal): Promise<LddResult> {
  try {
    const result = await execa("ldd", [file], {
      cancelSignal: signal,
      timeout: 30_000,
      reject: false,
      stdin: "ignore",
    });
    if (result.failed && result.exitCode === undefined) throw result;
    return parseLdd(`${result.stdout}\n${result.stderr}`);
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, `running ldd ${file}`);
    throw new InfraError("Packaging seid into an image needs `ldd` (glibc) on this machine.", {
      metaMessages: [`Command: ldd ${file}`],
      details: (err as { shortMessage?: string }).shortMessage ?? String(err),
      cause: err,
    });
  }
}

/** Host libraries seid and its bundle libraries link (outside the bundle's lib/). */
export async function systemLibraries(binary: string, libDir: string | undefined, signal?: AbortSignal) {
  const inBundle = (p: string) => libDir !== undefined && !relative(libDir, p).startsWith("..");
  const main = await ldd(binary, signal);
  if (main.missing.length) {
    throw new InfraError(`seid links libraries this machine does not have: ${main.missing.join(", ")}.`, {
      metaMessages: [`Command: ldd ${binary}`, "A bundle's bin/seid finds its own libraries in ../lib."],
    });
  }
  const found = new Set(main.resolved.filter((p) => !inBundle(p)));
  if (libDir) {
    for (const name of await readdir(libDir)) {
      if (!/\.so(\.|$)/.test(name)) continue;
      const result = await ldd(`${libDir}/${name}`, signal);
      if (result.missing.length) log("lib/%s: ldd finds no %s (left out)", name, result.missing.join(", "));
      for (const p of result.resolved) if (!inBundle(p)) found.add(p);
    }
  }
  return [...found].sort();
}
