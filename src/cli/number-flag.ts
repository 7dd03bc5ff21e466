// Numeric flags, bounded: a value outside what the command can use ("1e400" seconds overflows
// every timer) is a usage error naming the flag and its range, never a surprise later on.
import { UsageError } from './usage-error.ts';

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (counts, ports); otherwise decimals are accepted too. */
  readonly whole: boolean;
}

// Plain decimal notation: Number() would also take '', ' ', '0x10', '1e3' and 'Infinity'.
const decimal = /^\d+(\.\d+)?$/;
const whole = /^\d+$/;

/** The flag's value, or `fallback` when it was not given. */
export function numberFlag(flag: string, text: string | undefined, fallback: number, range: NumberRange): number {
  if (text === undefined) return fallback;
  const value = (range.whole ? whole : decimal).test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new UsageError(`--${flag} must be a ${range.whole ? 'whole number' : 'number'} from ${range.min} to ${range.max}, not '${text}'`);
  }
  return value;
}
