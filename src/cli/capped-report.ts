// Per-entry problems of an input that can hold millions of them (a usage file of bad lines, a
// snapshot of bad nodes): the first few are written, the rest counted in one closing line.

/** How many lines of one kind of problem are written before the rest are only counted. */
export const REPORTED_LINES = 20;

export class CappedReport {
  private readonly write: (text: string) => void;
  private readonly limit: number;
  private count = 0;

  constructor(write: (text: string) => void, limit = REPORTED_LINES) {
    this.write = write;
    this.limit = limit;
  }

  /** One problem, as a line without its line break. */
  add(line: string): void {
    this.count += 1;
    if (this.count <= this.limit) this.write(`${line}\n`);
  }

  /** The closing line, when some were left out: "<prefix>: and 999,980 more <what>". */
  finish(prefix: string, what: string): void {
    const more = this.count - this.limit;
    if (more > 0) this.write(`${prefix}: and ${more.toLocaleString('en-US')} more ${what}\n`);
  }
}
