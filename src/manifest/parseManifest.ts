import { LineCounter, parseDocument } from "yaml";
import { UsageError } from "../errors/usage.js";
import { fieldLocation } from "./fieldLocation.js";
import type { ResolvedManifest } from "./types.js";
import { validateManifest } from "./validateManifest.js";

/**
 * Parses a manifest's text (YAML, or JSON: a subset of it) and validates it.
 * Every error, a syntax error, a duplicate or unknown key, a wrong type, is a
 * UsageError that starts with `FILE:LINE:COL`, so an editor can jump there;
 * nothing has been made yet.
 *
 * @param file Names the file in messages (it is not read).
 * @example
 * ```ts
 * import { parseManifest } from "seinet";
 * const m = parseManifest("network:\n  name: devnet\n  validators: 1\n", "seinet.yaml");
 * ```
 */
export function parseManifest(text: string, file = "seinet.yaml"): ResolvedManifest {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw new UsageError(`${file}:${at.line}:${at.col}: ${syntax.message.split("\n")[0]}`, {
      field: "",
      cause: syntax,
    });
  }
  try {
    return validateManifest(doc.toJS({ maxAliasCount: 100 }) ?? {});
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const at = fieldLocation(doc, lines, err.field ?? "") ?? { line: 1, col: 1 };
    throw new UsageError(`${file}:${at.line}:${at.col}: ${err.shortMessage}`, {
      ...(err.field !== undefined ? { field: err.field } : {}),
      cause: err,
    });
  }
}
