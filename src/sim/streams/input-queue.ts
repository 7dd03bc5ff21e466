/**
 * A simulated process's stdin: bytes pushed as the client sends them, read back whole (tar xf -,
 * cat) or line by line (the interactive shell). Reads wait for data or the end of input.
 */
export class InputTooLarge extends Error {}

const maxLineBytes = 1024 * 1024;

export class InputQueue {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private ended = false;
  private wake: (() => void) | undefined;

  push(bytes: Uint8Array): void {
    if (this.ended || bytes.length === 0) return;
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  get isEnded(): boolean {
    return this.ended && this.size === 0;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private waitForMore(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private take(count: number): Uint8Array {
    const joined = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks.length = 0;
    const rest = joined.subarray(count);
    if (rest.length > 0) this.chunks.push(rest);
    this.size = rest.length;
    return joined.subarray(0, count);
  }

  /** Everything until the end of input; InputTooLarge past `limit` bytes. */
  async readAll(limit: number): Promise<Uint8Array> {
    while (!this.ended) {
      if (this.size > limit) throw new InputTooLarge();
      await this.waitForMore();
    }
    if (this.size > limit) throw new InputTooLarge();
    return this.take(this.size);
  }

  /** The next line without its newline; the unterminated rest at the end of input; undefined after it. */
  async readLine(signal?: AbortSignal): Promise<string | undefined> {
    for (;;) {
      if (signal?.aborted === true) return undefined;
      const newline = this.chunks.reduce<number>((found, chunk, index) => (found >= 0 ? found : chunk.includes(10) ? this.chunks.slice(0, index).reduce((sum, each) => sum + each.length, 0) + chunk.indexOf(10) : -1), -1);
      if (newline >= 0) return new TextDecoder().decode(this.take(newline + 1)).slice(0, -1);
      // A line longer than any command line a user types is cut there, so input without newlines cannot grow without bound.
      if (this.ended || this.size > maxLineBytes) return this.size === 0 ? undefined : new TextDecoder().decode(this.take(this.size));
      await this.waitForMore();
    }
  }

  /** Wakes a pending read (the session closed or the command was interrupted). */
  interrupt(): void {
    this.notify();
  }
}
