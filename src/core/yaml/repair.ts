/**
 * js-yaml 5 enforces YAML 1.2's rule that continuation lines of a quoted scalar or a flow collection
 * be indented more than their parent block ("deficient indentation"); libyaml, hence go-yaml and
 * kubectl, does not, and real manifests rely on that (a `]` closing a flow list at its key's column,
 * a JSON annotation whose closing `]'` sits at the key's column). Both places are whitespace-insensitive:
 * leading spaces of a quoted scalar's continuation line are folded away and flow content ignores
 * indentation. So padding the offending line with spaces changes no value, and the padded text parses.
 * The insertions are recorded so every offset maps back to the original text.
 */
export class IndentRepair {
  /** Padded text and, sorted by position, where spaces were inserted (in padded-text offsets). */
  text: string;
  private readonly insertions: { at: number; count: number }[] = [];

  constructor(text: string) {
    this.text = text;
  }

  /** Pads the line holding `offset` to one column past the previous non-blank line's indentation. */
  padLineAt(offset: number): void {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    const indent = indentation(this.text, lineStart);
    const previousStart = this.previousContentLine(lineStart);
    const wanted = previousStart === undefined ? indent + 1 : Math.max(indent + 1, indentation(this.text, previousStart) + 1);
    const count = wanted - indent;
    this.text = this.text.slice(0, lineStart) + ' '.repeat(count) + this.text.slice(lineStart);
    for (const insertion of this.insertions) if (insertion.at >= lineStart) insertion.at += count;
    this.insertions.push({ at: lineStart, count });
    this.insertions.sort((a, b) => a.at - b.at);
  }

  get repaired(): boolean {
    return this.insertions.length > 0;
  }

  /** Maps an offset of the padded text back to the original; offsets inside padding map to its line start. */
  readonly toOriginal = (offset: number): number => {
    let shift = 0;
    for (const insertion of this.insertions) {
      if (offset < insertion.at) break;
      shift += Math.min(insertion.count, offset - insertion.at);
    }
    return offset - shift;
  };

  private previousContentLine(lineStart: number): number | undefined {
    let end = lineStart - 1;
    while (end > 0) {
      const start = this.text.lastIndexOf('\n', end - 1) + 1;
      if (this.text.slice(start, end).trim() !== '') return start;
      end = start - 1;
    }
    return undefined;
  }
}

function indentation(text: string, lineStart: number): number {
  let index = lineStart;
  while (text.charCodeAt(index) === 32) index += 1;
  return index - lineStart;
}
