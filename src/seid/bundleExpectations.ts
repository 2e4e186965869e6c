import { basename } from "node:path";
import { InfraError } from "../errors/infra.js";
import { releaseCommit, releaseInBuildTxt, releaseInBundleName } from "./releases.js";
import type { SeidVersion } from "./seidVersion.js";

/** One thing a bundle must hold, and who says so (for the error). */
export interface Expectation {
  why: string;
  /** Full commit, or a prefix (a short `ref`). */
  commit?: string;
  /** Exact version, only when no commit is known for it. */
  version?: string;
}

/** What `ref` (a commit, or a version) requires. */
export function refExpectation(ref: string): Expectation {
  if (/^[0-9a-f]{7,40}$/.test(ref)) return { why: `ref ${ref}`, commit: ref };
  const commit = releaseCommit(ref);
  return commit ? { why: `ref ${ref}`, commit } : { why: `ref ${ref}`, version: ref };
}

/** A known release in the bundle's file or directory name pins its commit. */
export function nameExpectation(path: string): Expectation | undefined {
  const tag = releaseInBundleName(path);
  const commit = tag ? releaseCommit(tag) : undefined;
  return tag && commit ? { why: `its name (${basename(path)}) says ${tag}`, commit } : undefined;
}

/** BUILD.txt names the commit it was built from; a known release named there pins it too. */
export function buildTxtExpectations(text: string): Expectation[] {
  const said = releaseInBuildTxt(text);
  if (!said) return [];
  const out: Expectation[] = [{ why: `its BUILD.txt says ${said.version}`, commit: said.commit }];
  const known = releaseCommit(said.version);
  if (known && known !== said.commit) out.push({ why: `release ${said.version}`, commit: known });
  return out;
}

/** A seid reporting a known release must be that release's commit. */
export function reportedExpectation(reported: SeidVersion): Expectation | undefined {
  const commit = releaseCommit(reported.version);
  return commit ? { why: `release ${reported.version}`, commit } : undefined;
}

/** The first full commit the expectations name: which cache entry to look at before any heavy work. */
export function expectedCommit(expectations: Expectation[]): string | undefined {
  return expectations.find((e) => e.commit?.length === 40)?.commit;
}

/**
 * Fails fast when two expectations name different commits (say `ref v6.5.2`
 * and a file named for v6.6.2): no bundle can meet both, so nothing is unpacked.
 */
export function checkConsistent(expectations: Expectation[], what: string): void {
  for (const [i, a] of expectations.entries()) {
    for (const b of expectations.slice(i + 1)) {
      if (!a.commit || !b.commit || a.commit.startsWith(b.commit) || b.commit.startsWith(a.commit)) continue;
      throw new InfraError(
        `The seid bundle ${what} does not match: ${a.why} (commit ${a.commit}), but ${b.why} (commit ${b.commit}).`,
      );
    }
  }
}

/** The expectations `seid` fails. */
export function unmet(
  seid: { version?: string; commit?: string },
  expectations: Expectation[],
): Expectation[] {
  return expectations.filter(
    (e) =>
      (e.commit !== undefined && !seid.commit?.startsWith(e.commit)) ||
      (e.version !== undefined && seid.version !== e.version),
  );
}

/** Throws an InfraError naming every expectation the bundle's seid fails. */
export function checkExpectations(reported: SeidVersion, expectations: Expectation[], what: string): void {
  const failed = unmet(reported, expectations);
  if (failed.length === 0) return;
  throw new InfraError(
    `The seid bundle ${what} holds the wrong seid: it reports ${reported.version}, commit ${reported.commit}.`,
    { metaMessages: failed.map((e) => `Expected ${e.commit ? `commit ${e.commit}` : e.version}: ${e.why}.`) },
  );
}
