import { basename } from "node:path";

/**
 * sei-chain releases seinet knows, by tag → commit. A bundle, a `ref` or a
 * BUILD.txt naming one of these must hold exactly that commit.
 */
export const KNOWN_RELEASES: Readonly<Record<string, string>> = Object.freeze({
  "v6.6.2": "3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c",
  "v6.5.2": "ab134842ce1bd97af73021bcff5850ad6c29e534",
});

/** The commit a known release is tagged at, else undefined. */
export function releaseCommit(version: string): string | undefined {
  return Object.hasOwn(KNOWN_RELEASES, version) ? KNOWN_RELEASES[version] : undefined;
}

/** The known release tagged at `commit`, else undefined. */
export function releaseOf(commit: string): string | undefined {
  return Object.entries(KNOWN_RELEASES).find(([, c]) => c === commit)?.[0];
}

/** The release tag a bundle's file or directory name carries (`seid-v6.6.2-linux-amd64.tar.xz` → `v6.6.2`). */
export function releaseInBundleName(path: string): string | undefined {
  return /^seid-(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)*?)-(?:linux|darwin)-/.exec(basename(path))?.[1];
}

/** What a bundle's BUILD.txt says it holds: `seid v6.6.2 (sei-chain commit 3e7d…)`. */
export function releaseInBuildTxt(text: string): { version: string; commit: string } | undefined {
  const m = /^seid (v\S+) \(sei-chain commit ([0-9a-f]{40})\)/m.exec(text);
  return m ? { version: m[1] as string, commit: m[2] as string } : undefined;
}
