import { CORE_SCHEMA, NOT_RESOLVED, getScalarValue, type ScalarEvent } from 'js-yaml';

/** The schema Kubernetes manifests are read with: YAML 1.2 core scalars, as js-yaml's loadAll. */
const schema = CORE_SCHEMA;
const yamlTagPrefix = 'tag:yaml.org,2002:';
const plainStyle = 1;

export type ScalarResult = { readonly value: unknown; readonly error?: string };

/** Keys seen before, by a hash of their length and first and last characters (see keyText). */
const keyCache: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
const maxCachedKey = 64;

/**
 * The text of a scalar used as a mapping key: never resolved, as sigs.k8s.io/yaml turns keys into
 * strings. Manifests repeat a few hundred keys (name, image, ports): a key met before is returned as
 * the same string, which the builder's own-key check and property store use without hashing it again
 * (a fresh slice must be looked up in V8's string table each time). A slot holds the last key of its
 * hash; a compare of the characters tells a hit from a collision, so the result is always the text.
 */
export function keyText(source: string, event: ScalarEvent): string {
  const { valueStart: start, valueEnd: end } = event;
  const length = end - start;
  if (!event.fast || length <= 0 || length > maxCachedKey) return getScalarValue(source, event);
  const slot = (length * 31 + source.charCodeAt(start) * 7 + source.charCodeAt(end - 1) * 131 + source.charCodeAt(start + (length >> 1))) & 4095;
  const cached = keyCache[slot];
  if (cached !== undefined && cached.length === length && source.startsWith(cached, start)) return cached;
  const text = source.slice(start, end);
  keyCache[slot] = text;
  return text;
}

export function isMergeKey(source: string, event: ScalarEvent): boolean {
  return event.style === plainStyle && event.tagStart === -1 && event.valueEnd - event.valueStart === 2 && source.startsWith('<<', event.valueStart);
}

/** A scalar's value: plain scalars resolve to null/bool/int/float, quoted and block ones stay strings. */
export function scalarValue(source: string, event: ScalarEvent): unknown {
  const text = getScalarValue(source, event);
  if (event.style !== plainStyle) return text;
  return schema.resolveImplicitScalarTag(text).value;
}

/** A scalar with an explicit tag (`!!int "3"`, `!Ref x`): rare, so allowed to allocate a result. */
export function taggedScalarValue(source: string, event: ScalarEvent): ScalarResult {
  return taggedValue(source.slice(event.tagStart, event.tagEnd), getScalarValue(source, event));
}

function taggedValue(rawTag: string, text: string): ScalarResult {
  const name = rawTag.startsWith('!!') ? yamlTagPrefix + rawTag.slice(2) : rawTag.startsWith('!<') ? rawTag.slice(2, -1) : undefined;
  // Local tags (`!Ref`, `!`) carry no meaning for Kubernetes: the text is kept as a string.
  const tag = name === undefined ? undefined : schema.lookupScalarTag(name);
  if (tag === undefined) return { value: text };
  const value = tag.resolve(text, true, name ?? '');
  return value === NOT_RESOLVED ? { value: text, error: `cannot resolve "${text}" as ${rawTag}` } : { value };
}
