/**
 * The spec of a SelfSubjectAccessReview as the server reads it: only the attribute fields it knows,
 * as strings. The answer is built from these and never echoes the body, so its size is bounded by
 * those fields, whatever else (or however much) a client sends.
 */
import { isObject } from './objects.ts';

const resourceFields = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'] as const;
const nonResourceFields = ['path', 'verb'] as const;

export interface ReviewSpec {
  readonly resourceAttributes?: Partial<Record<(typeof resourceFields)[number], string>>;
  readonly nonResourceAttributes?: Partial<Record<(typeof nonResourceFields)[number], string>>;
}

function strings<K extends string>(value: unknown, fields: readonly K[]): Partial<Record<K, string>> | undefined {
  if (!isObject(value)) return undefined;
  const picked: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const given = value[field];
    if (typeof given === 'string' && given !== '') picked[field] = given;
  }
  return picked;
}

export function reviewSpec(review: Record<string, unknown>): ReviewSpec {
  const spec = isObject(review['spec']) ? review['spec'] : {};
  const resourceAttributes = strings(spec['resourceAttributes'], resourceFields);
  const nonResourceAttributes = strings(spec['nonResourceAttributes'], nonResourceFields);
  return { ...(resourceAttributes === undefined ? {} : { resourceAttributes }), ...(nonResourceAttributes === undefined ? {} : { nonResourceAttributes }) };
}
