/**
 * Bytes as they arrive from a socket, read back in frames: WebSocket and SPDY frames span chunks
 * and chunks hold several frames, so a frame is a view into one chunk when it can be (no copy on
 * the large data frames) and a copy only when it straddles two.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The first `count` bytes (at most `length`), left in the queue. */
  peek(count: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length - this.offset >= count) return first.subarray(this.offset, this.offset + count);
    const copy = Buffer.allocUnsafe(count);
    let filled = 0;
    let offset = this.offset;
    for (const chunk of this.chunks) {
      if (filled === count) break;
      filled += chunk.copy(copy, filled, offset, Math.min(chunk.length, offset + count - filled));
      offset = 0;
    }
    return copy;
  }

  /** Removes and returns the first `count` bytes (at most `length`). */
  take(count: number): Buffer {
    const bytes = this.peek(count);
    this.skip(count);
    return bytes;
  }

  skip(count: number): void {
    this.length -= count;
    let left = count;
    while (left > 0) {
      const first = this.chunks[0];
      if (first === undefined) break;
      const available = first.length - this.offset;
      if (available > left) {
        this.offset += left;
        return;
      }
      left -= available;
      this.chunks.shift();
      this.offset = 0;
    }
  }
}
