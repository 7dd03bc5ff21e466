// What a benchmark reports and how `npm run bench` judges it: each figure's target and its ratio target
// to a same-run baseline are data, so `--check` can fail the run on a miss.

export interface Target {
  readonly op: '<' | '<=' | '>' | '>=';
  readonly value: number;
}

/** One measured figure of `npm run bench`, printed with its target and, where one exists, its baseline. */
export interface Figure {
  /** What was measured, e.g. "lint: whole corpus". */
  readonly name: string;
  readonly value: number;
  /** Unit of value and target: "ms", "KB", "MB", "samples/s", "files/s", ... */
  readonly unit: string;
  /** The target, e.g. { op: '<', value: 50 } for "under 50 ms". */
  readonly target?: Target;
  /**
   * A baseline measured in the same run, same unit: the ratio value/baseline is printed, and judged
   * against `target` when set, e.g. { op: '<=', value: 2 } for "at most 2x".
   */
  readonly baseline?: { readonly name: string; readonly value: number; readonly target?: Target };
}

/** A benchmark module in test/bench/*.bench.ts exports `name` and `run`. */
export interface Bench {
  readonly name: string;
  run(report: (figure: Figure) => void): Promise<void>;
}

/** Whether the value meets the target; NaN (a zero baseline, a failed measurement) never does. */
export function meets(value: number, target: Target): boolean {
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

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e6) return value.toExponential(2);
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function ratioOf(figure: Figure): number | undefined {
  return figure.baseline === undefined ? undefined : figure.value / figure.baseline.value;
}

/** The targets a figure misses, each as "value (target)"; empty when it meets all of them or has none. */
export function misses(figure: Figure): string[] {
  const missed: string[] = [];
  if (figure.target !== undefined && !meets(figure.value, figure.target)) {
    missed.push(`${formatNumber(figure.value)} ${figure.unit} (target ${figure.target.op} ${formatNumber(figure.target.value)} ${figure.unit})`);
  }
  const ratio = ratioOf(figure);
  const ratioTarget = figure.baseline?.target;
  if (ratio !== undefined && ratioTarget !== undefined && !meets(ratio, ratioTarget)) {
    missed.push(`${ratio.toFixed(2)}x ${figure.baseline?.name} (target ${ratioTarget.op} ${ratioTarget.value}x)`);
  }
  return missed;
}

/** The printed line of a figure: value, target with MET/MISSED, ratio to the baseline with its verdict. */
export function figureLine(figure: Figure): string {
  const parts = [`${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`];
  if (figure.target) {
    parts.push(`target ${figure.target.op} ${formatNumber(figure.target.value)} ${figure.unit} ${meets(figure.value, figure.target) ? 'MET' : 'MISSED'}`);
  }
  const ratio = ratioOf(figure);
  if (figure.baseline !== undefined && ratio !== undefined) {
    const { name, value, target } = figure.baseline;
    const verdict = target === undefined ? '' : ` target ${target.op} ${target.value}x ${meets(ratio, target) ? 'MET' : 'MISSED'}`;
    parts.push(`${ratio.toFixed(2)}x ${name} (${formatNumber(value)} ${figure.unit})${verdict}`);
  }
  return `  ${parts.join(' | ')}`;
}

/** What one run of the benchmarks came to. */
export interface RunTally {
  readonly figures: number;
  /** Each missed target: the benchmark's and figure's names with what was missed. */
  readonly missed: readonly string[];
  readonly failed: number;
}

/** The closing lines and the exit code: 1 when a benchmark failed, or (with --check) a target was missed. */
export function verdict(tally: RunTally, check: boolean): { readonly lines: string[]; readonly exitCode: number } {
  const lines = [`bench: ${tally.figures} figures, ${tally.missed.length} targets missed, ${tally.failed} benchmarks failed`];
  if (tally.missed.length > 0) lines.push(`missed: ${tally.missed.join('; ')}`);
  return { lines, exitCode: tally.failed > 0 || (check && tally.missed.length > 0) ? 1 : 0 };
}
