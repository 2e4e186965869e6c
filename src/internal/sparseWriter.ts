import { type FileHandle, open } from "node:fs/promises";

/** Granularity of holes: a filesystem block. */
const BLOCK = 4096;

const ZERO = Buffer.alloc(BLOCK);

function isZero(buf: Buffer, start: number, end: number): boolean {
  return buf.subarray(start, end).equals(ZERO.subarray(0, end - start));
}

/**
 * Writes a file from chunks, leaving every all-zero block as a hole, so a
 * preallocated file (pebble's WAL, memiavl's changelog) costs on disk what it
 * holds, not its length. Close sets the length, holes at the end included.
 */
export class SparseWriter {
  #position = 0;

  private constructor(readonly handle: FileHandle) {}

  static async create(path: string, mode: number): Promise<SparseWriter> {
    return new SparseWriter(await open(path, "w", mode));
  }

  async write(chunk: Buffer): Promise<void> {
    let runStart = -1;
    for (let s = 0; s < chunk.length; ) {
      const e = Math.min(chunk.length, s + BLOCK - ((this.#position + s) % BLOCK));
      const zero = isZero(chunk, s, e);
      if (!zero && runStart < 0) runStart = s;
      if (zero && runStart >= 0) {
        await this.handle.write(chunk, runStart, s - runStart, this.#position + runStart);
        runStart = -1;
      }
      s = e;
    }
    if (runStart >= 0) {
      await this.handle.write(chunk, runStart, chunk.length - runStart, this.#position + runStart);
    }
    this.#position += chunk.length;
  }

  async close(): Promise<void> {
    try {
      await this.handle.truncate(this.#position);
    } finally {
      await this.handle.close();
    }
  }

  /** Closes without caring whether the file is complete (on a failure path). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}
