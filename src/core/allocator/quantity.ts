// Kubernetes resource quantities, parsed and printed the way k8s.io/apimachinery/pkg/api/resource
// (quantity.go, suffix.go) does, with exact integer arithmetic: a value is held as a bigint count of
// nano-units, the smallest unit Kubernetes keeps (it rounds anything finer up to 1n).

/** How Kubernetes prints a quantity; parsing picks it from the suffix, as apimachinery does. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano-units (1 core = 1e9, 1 byte = 1e9). */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

export type QuantityResult =
  | { readonly ok: true; readonly quantity: Quantity }
  | { readonly ok: false; readonly reason: string };

const NANOS_PER_UNIT = 1_000_000_000n;

// parseQuantityString in quantity.go: sign, digits, optional '.' and digits, then a suffix made of
// the letters "eEinumkKMGTP" optionally followed by a signed integer. Like apimachinery this accepts
// "1." and ".5" (and even "+", "-", "." as zero); anything else after the number is a format error.
const SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[+-]?[0-9]*)$/;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

// Not in apimachinery (which wraps the exponent to int32): bounds the work a hostile "1e999999999"
// could cause. Real quantities never come near it.
const MAX_EXPONENT = 1000;

// quantity.go caps BinarySI values at the largest int64 ("maxAllowed").
const MAX_BINARY_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;

interface Suffix {
  readonly base: 2 | 10;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  // A lone "e"/"E" is no exponent ("E" alone is exa, handled above).
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Divides rounding away from zero, as apimachinery rounds sub-nano values up (inf.RoundUp). */
function divideAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  if (quotient * denominator === numerator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** Parses like resource.ParseQuantity: `500mb`, `1.5.0`, `2 Gi` and the empty string are rejected. */
export function parseQuantity(text: string): QuantityResult {
  if (text.length === 0) return { ok: false, reason: 'empty quantity' };
  const match = SHAPE.exec(text);
  if (match === null) return { ok: false, reason: `'${text}' is not a quantity (expected a number and a unit such as 500m, 1.5, 128Mi or 1e3)` };
  const [, sign = '', whole = '', fraction = '', suffixText = ''] = match;
  const suffix = interpretSuffix(suffixText);
  if (suffix === undefined) {
    return { ok: false, reason: `unknown unit '${suffixText}' in '${text}' (use n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or e<exponent>)` };
  }
  if (Math.abs(suffix.exponent) > MAX_EXPONENT) return { ok: false, reason: `exponent of '${text}' is out of range` };

  const digits = BigInt((whole + fraction) || '0') * (sign === '-' ? -1n : 1n);
  let numerator = digits * NANOS_PER_UNIT;
  let denominator = 10n ** BigInt(fraction.length);
  if (suffix.base === 2) numerator *= 2n ** BigInt(suffix.exponent);
  else if (suffix.exponent >= 0) numerator *= 10n ** BigInt(suffix.exponent);
  else denominator *= 10n ** BigInt(-suffix.exponent);
  let nanos = divideAwayFromZero(numerator, denominator);

  let format = suffix.format;
  if (format === 'BinarySI') {
    if (nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
    if (nanos < -MAX_BINARY_NANOS) nanos = -MAX_BINARY_NANOS;
    // quantity.go: a binary quantity below one unit is kept as DecimalSI to avoid rounding.
    if (nanos > -NANOS_PER_UNIT && nanos < NANOS_PER_UNIT) format = 'DecimalSI';
  }
  return { ok: true, quantity: { nanos, format } };
}

const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([name, exponent]) => [exponent, name]));
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const LARGEST_DECIMAL_EXPONENT = 18;

/**
 * The canonical text, as Quantity.String() prints a quantity it has to render (CanonicalizeBytes):
 * no fraction digits, the largest suffix that loses nothing, the format kept, "0" for zero.
 * BinarySI falls back to DecimalSI below 1024 or for fractions (1.5 → "1500m", 1536Mi stays
 * "1536Mi", 1024Mi → "1Gi"). Deliberate differences: apimachinery echoes an already-canonical input
 * string verbatim (so it keeps "+1" or "1.500"); we always print the canonical form. And DecimalSI
 * above the exa range keeps the "E" suffix where apimachinery would drop it.
 */
export function formatQuantity(quantity: Quantity): string {
  const { nanos } = quantity;
  if (nanos === 0n) return '0';
  const magnitude = nanos < 0n ? -nanos : nanos;
  const sign = nanos < 0n ? '-' : '';
  if (quantity.format === 'BinarySI' && magnitude >= 1024n * NANOS_PER_UNIT && magnitude % NANOS_PER_UNIT === 0n) {
    let units = magnitude / NANOS_PER_UNIT;
    let power = 0;
    while (units % 1024n === 0n && power < BINARY_SUFFIX_BY_POWER.length - 1) {
      units /= 1024n;
      power += 1;
    }
    return `${sign}${units}${BINARY_SUFFIX_BY_POWER[power] ?? ''}`;
  }
  let mantissa = magnitude;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  // AsCanonicalBytes: the exponent goes down to a multiple of three.
  while (exponent % 3 !== 0 || (quantity.format !== 'DecimalExponent' && exponent > LARGEST_DECIMAL_EXPONENT)) {
    mantissa *= 10n;
    exponent -= 1;
  }
  const suffix = quantity.format === 'DecimalExponent'
    ? (exponent === 0 ? '' : `e${exponent}`)
    : (DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? '');
  return `${sign}${mantissa}${suffix}`;
}

/**
 * A quantity from a float such as a recommendation in cores or bytes, rounded up to a multiple of
 * `step` units (0.001 for millicores, 1 for bytes, 2 ** 20 for MiB). A relative tolerance of 1e-12
 * keeps float noise (230.00000000000003) from adding a whole step.
 */
export function quantityFromNumber(value: number, format: QuantityFormat, step = 1e-9): Quantity {
  const steps = value / step;
  const rounded = Math.ceil(steps - Math.abs(steps) * 1e-12);
  return { nanos: BigInt(rounded) * BigInt(Math.round(step * 1e9)), format };
}

/** The value as a float in whole units (cores, bytes); exact up to 2^53 nano-units, close beyond. */
export function toNumber(quantity: Quantity): number {
  const whole = quantity.nanos / NANOS_PER_UNIT;
  return Number(whole) + Number(quantity.nanos - whole * NANOS_PER_UNIT) / 1e9;
}

/** Milli-units rounded away from zero, like Quantity.MilliValue(). */
export function toMilli(quantity: Quantity): bigint {
  return divideAwayFromZero(quantity.nanos, 1_000_000n);
}

/** Sum; the format is a's unless a is zero (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** -1, 0 or 1, like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.nanos === b.nanos) return 0;
  return a.nanos < b.nanos ? -1 : 1;
}

/**
 * The quantity text of a manifest value: Kubernetes accepts JSON numbers as well as strings
 * (Quantity.UnmarshalJSON), so `cpu: 0.5` in YAML is the quantity "0.5".
 */
export function quantityText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}
