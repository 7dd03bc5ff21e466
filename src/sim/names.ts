/** Generated names: generateName suffixes and controller-made pod names. */
import { randomBytes } from 'node:crypto';

/** The suffix alphabet of k8s.io/apiserver's names.go: no vowels (no words), no look-alike characters. */
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(length = 5): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** FNV-1a, 32 bits: the hash the deployment controller uses for pod-template-hash. */
export function fnv32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/** A short stable hash in the same alphabet, like the pod-template-hash label. */
export function stableHash(text: string): string {
  const hash = fnv32(text);
  let result = '';
  for (let value = hash; value > 0 || result === ''; value = Math.floor(value / alphabet.length)) result += alphabet[value % alphabet.length];
  return result;
}
