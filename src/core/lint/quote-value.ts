// How a finding names a value of the manifest (issue 12). Messages reach CI logs, hovers and SARIF
// uploaded to code scanning, so a value is quoted only when it cannot be a secret: not from a Secret,
// not under a key that holds secrets, not token-like, short; a URL's credentials are always cut out.
// Otherwise the message names the type and the finding's range shows the place.
import { holdsSecret, redactUrlCredentials, secretBearingKeys } from './secret-text.ts';
import type { KubeObject } from './types.ts';

/** Longer values are not quoted: names, images and quantities are shorter, keys and certificates longer. */
const maxQuoted = 64;

/** Words for a value's type: "a string", "a number", "a map". */
export function typeWords(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

/** The value as a message may quote it (JSON-quoted strings, plain numbers and booleans), or undefined. */
export function quotable(value: unknown, secret = false): string | undefined {
  if (secret) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const shown = redactUrlCredentials(value);
  return shown.length > maxQuoted || holdsSecret(shown) ? undefined : JSON.stringify(shown);
}

/** The value quoted when it may be, else its type: `"500mb"`, `8080`, `(a string, not shown)`. */
export function quoteValue(value: unknown, secret = false): string {
  return quotable(value, secret) ?? `(${typeWords(value)}, not shown)`;
}

/**
 * A reason that may quote parts of the value (the quantity and image parsers' do): kept when the value
 * is shown as it is, or when the reason quotes nothing; otherwise the fallback.
 */
export function reasonFor(value: unknown, reason: string, fallback: string): string {
  return quotable(value) === JSON.stringify(value) || !/["']/.test(reason) ? reason : fallback;
}

/** Whether `holder[key]` of one object may hold a secret: any value of a Secret, or one under a key of `secretBearingKeys`. */
export type SecretPlaces = (holder: unknown, key: string | number) => boolean;

/** The object's secret places, walked once on the first question that needs the walk. */
export function secretPlaces(object: KubeObject): SecretPlaces {
  let underSecretKey: Map<unknown, boolean> | undefined;
  return (holder, key) => {
    if (object.kind === 'Secret' || (typeof key === 'string' && secretBearingKeys.has(key))) return true;
    underSecretKey ??= collections(object.value);
    return underSecretKey.get(holder) ?? false;
  };
}

/** Every mapping and list of the value, and whether it lies under a secret-bearing key; first path wins for values shared through YAML aliases. */
function collections(root: unknown): Map<unknown, boolean> {
  const found = new Map<unknown, boolean>();
  const stack: [unknown, boolean][] = [[root, false]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, secret] = entry;
    if (typeof value !== 'object' || value === null || found.has(value)) continue;
    found.set(value, secret);
    for (const [name, child] of Object.entries(value)) stack.push([child, secret || (!Array.isArray(value) && secretBearingKeys.has(name))]);
  }
  return found;
}
