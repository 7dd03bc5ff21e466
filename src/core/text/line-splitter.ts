// Lines of a stream that arrives in chunks (watch events, logs, usage files), with a bound: a line
// longer than the bound is reported once and skipped up to its line break, so a stream that never
// sends one costs at most the bound in memory instead of growing until the process dies.

export class LineSplitter {
  private readonly maxChars: number;
  private readonly onLine: (line: string) => void;
  private readonly onTooLong: () => void;
  private pending = '';
  /** Inside a line already reported as too long, until its line break. */
  private skipping = false;

  /** `onLine` gets each line without its line break (CRLF or LF); `onTooLong` once per line over `maxChars`. */
  constructor(maxChars: number, onLine: (line: string) => void, onTooLong: () => void) {
    this.maxChars = maxChars;
    this.onLine = onLine;
    this.onTooLong = onTooLong;
  }

  push(chunk: string): void {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      const line = this.pending + chunk.slice(start, newline);
      start = newline + 1;
      this.pending = '';
      if (this.skipping) this.skipping = false;
      else this.emit(line);
    }
    if (this.skipping) return;
    this.pending += chunk.slice(start);
    if (this.pending.length > this.maxChars) {
      this.pending = '';
      this.skipping = true;
      this.onTooLong();
    }
  }

  /** The last line, when the stream did not end with a line break. */
  end(): void {
    if (!this.skipping && this.pending !== '') this.emit(this.pending);
    this.pending = '';
    this.skipping = false;
  }

  private emit(line: string): void {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.length > this.maxChars) this.onTooLong();
    else this.onLine(text);
  }
}
