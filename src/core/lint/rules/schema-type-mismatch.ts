import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { typeName } from '../schema/validate.ts';
import type { Rule } from '../types.ts';

function actualName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `a string (${JSON.stringify(value)})`;
  return `${typeof value === 'number' && !Number.isInteger(value) ? 'a number' : `a ${typeof value}`} (${String(value)})`;
}

export const schemaTypeMismatch: Rule = {
  id: 'schema-type-mismatch',
  category: 'schema',
  severity: 'error',
  kinds: ['*'],
  description: 'A value of the wrong type (`replicas: "3"`, `containerPort: http`, a map where a list belongs).',
  why: 'The API server rejects the object ("cannot unmarshal string into Go struct field"); quote or unquote the value, or fix its shape.',
  *check(context) {
    for (const issue of context.schemaIssues()) {
      if (issue.kind !== 'type') continue;
      const { holder, key } = issue.slot;
      const name = typeof key === 'number' ? `item ${key}` : key;
      yield reportOn(issue.object, rangeIn(issue.object, holder, key), `${name} must be ${typeName(issue.expected)}, not ${actualName(issue.value)}.`);
    }
  },
};
