// Revealing one key of a Secret, on the user's explicit request (Describe keeps them all redacted):
// the keys to choose from, and the chosen key's value decoded, nothing else of the Secret.

/** The keys of a Secret's data, sorted as Describe lists them. */
export function secretKeys(secret: unknown): string[] {
  const data = (secret as { data?: unknown } | undefined)?.data;
  return typeof data === 'object' && data !== null ? Object.keys(data).sort() : [];
}

export interface RevealedValue {
  readonly text: string;
  /** 'base64' when the value is not UTF-8 text (a keystore, an image): shown as stored. */
  readonly encoding: 'utf-8' | 'base64';
}

/** One key's value: UTF-8 text when it decodes as such, else the base64 as stored; undefined when absent. */
export function revealSecretKey(secret: unknown, key: string): RevealedValue | undefined {
  const data = (secret as { data?: Record<string, unknown> } | undefined)?.data;
  const stored = typeof data === 'object' && data !== null && Object.hasOwn(data, key) ? data[key] : undefined;
  if (typeof stored !== 'string') return undefined;
  // atob throws on text that is not base64; the API server never stores such data, so show it as is.
  const binary = /^[A-Za-z0-9+/]*={0,2}$/.test(stored) && stored.length % 4 === 0 ? atob(stored) : undefined;
  if (binary === undefined) return { text: stored, encoding: 'base64' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: bytes that a text document cannot hold faithfully.
    return { text: stored, encoding: 'base64' };
  }
}
