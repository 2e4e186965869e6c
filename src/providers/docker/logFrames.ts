/**
 * Splits a non-TTY container log (Docker's multiplexed frames: 8-byte header,
 * stream id and big-endian length) into its text. Bytes that are not framed
 * (a TTY container) are returned as they are.
 */
export function demuxLog(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    if (stream !== 0 && stream !== 1 && stream !== 2) return buffer.toString("utf8");
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  if (offset === 0 && buffer.length > 0) return buffer.toString("utf8");
  return Buffer.concat(parts).toString("utf8");
}
