import { CORE_SCHEMA, NOT_RESOLVED, getScalarValue, type ScalarEvent } from 'js-yaml';

/** The schema Kubernetes manifests are read with: YAML 1.2 core scalars, as js-yaml's loadAll. */
const schema = CORE_SCHEMA;
const yamlTagPrefix = 'tag:yaml.org,2002:';
const plainStyle = 1;

export type ScalarResult = { readonly value: unknown; readonly error?: string };

/** The text of a scalar used as a mapping key: never resolved, as sigs.k8s.io/yaml turns keys into strings. */
export function keyText(source: string, event: ScalarEvent): string {
  return getScalarValue(source, event);
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
