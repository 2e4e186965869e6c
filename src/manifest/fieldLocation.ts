import { type Document, type LineCounter, isMap, isSeq } from "yaml";

/** A field path (`network.accounts[0].address`) as map keys and sequence indexes. */
export function fieldSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split(".")) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      out.push(part);
      continue;
    }
    if (match[1]) out.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/**
 * Where a field is written in a parsed YAML/JSON document: the line and
 * column of its key (or item), or of the deepest enclosing node that exists
 * when the field itself is missing. 1-based.
 */
export function fieldLocation(
  doc: Document,
  lines: LineCounter,
  field: string,
): { line: number; col: number } | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as { range?: [number] } | null)?.range?.[0];
  const segments = fieldSegments(field);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === "number" && isSeq(node)) {
      const item = node.items[segment] as { range?: [number] } | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else if (isMap(node)) {
      // A dotted key (`mempool.size`) is one key: try the longest run of segments first.
      const map = node;
      let found: { pair: (typeof map.items)[number]; end: number } | undefined;
      for (let end = segments.length; end > i && !found; end--) {
        const key = segments.slice(i, end);
        if (key.some((k) => typeof k === "number")) continue;
        const pair = map.items.find((p) => (p.key as { value?: unknown } | null)?.value === key.join("."));
        if (pair) found = { pair, end };
      }
      if (!found) break;
      offset = (found.pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = found.pair.value;
      i = found.end - 1;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset);
}
