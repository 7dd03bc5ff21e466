/** One measured figure of `npm run bench`, printed with its target and, where one exists, its baseline. */
export interface Figure {
  /** What was measured, e.g. "lint: whole corpus". */
  readonly name: string;
  readonly value: number;
  /** Unit of value and target: "ms", "KB", "MB", "samples/s", "files/s", ... */
  readonly unit: string;
  /** The target, e.g. { op: '<', value: 50 } for "under 50 ms". */
  readonly target?: { readonly op: '<' | '<=' | '>' | '>='; readonly value: number };
  /** A baseline measured in the same run, same unit: the ratio value/baseline is printed. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** A ratio target against the baseline, e.g. { op: '<=', value: 2 } for "at most 2x". */
  readonly ratioTarget?: { readonly op: '<' | '<=' | '>' | '>='; readonly value: number };
}

/** A benchmark module in test/bench/*.bench.ts exports `name` and `run`. */
export interface Bench {
  readonly name: string;
  run(report: (figure: Figure) => void): Promise<void>;
}

export function meets(value: number, target: NonNullable<Figure['target']>): boolean {
  switch (target.op) {
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '>=':
      return value >= target.value;
  }
}
