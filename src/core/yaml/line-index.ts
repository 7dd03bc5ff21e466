/** A zero-based line and UTF-16 column, as VS Code's Position. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

const BOM = 0xfeff;

/**
 * Offsets ↔ line/column for one text (STYLE.md model 7: one converter, adapters build Ranges or
 * `file:line:col` from it). Line breaks are LF, CRLF and lone CR, as in YAML and VS Code. A leading
 * BOM is part of the offsets (the CLI reads raw files) but not of the columns: editors hide it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly bom: boolean;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === BOM;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 10) this.starts.push(index + 1);
      else if (code === 13) {
        if (text.charCodeAt(index + 1) === 10) index += 1;
        this.starts.push(index + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  position(offset: number): LineColumn {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const skip = low === 0 && this.bom ? 1 : 0;
    return { line: low, column: Math.max(0, offset - this.lineStart(low) - skip) };
  }

  offset(position: LineColumn): number {
    const skip = position.line === 0 && this.bom ? 1 : 0;
    return this.lineStart(position.line) + position.column + skip;
  }
}
