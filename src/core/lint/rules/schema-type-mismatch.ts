import { anyKind } from '../kinds.ts';
import { quotable, type SecretPlaces, secretPlaces, typeWords } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { typeName } from '../schema/validate.ts';
import type { KubeObject, Rule } from '../types.ts';

export const schemaTypeMismatch: Rule = {
  id: 'schema-type-mismatch',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: 'A value of the wrong type (`replicas: "3"`, `containerPort: http`, a map where a list belongs).',
  why: 'The API server rejects the object ("cannot unmarshal string into Go struct field"); quote or unquote the value, or fix its shape.',
  *check(context) {
    // One walk per object with mismatches, however many it has.
    const places = new Map<KubeObject, SecretPlaces>();
    for (const issue of context.schemaIssues()) {
      if (issue.kind !== 'type') continue;
      let secretAt = places.get(issue.object);
      if (secretAt === undefined) places.set(issue.object, (secretAt = secretPlaces(issue.object)));
      const { holder, key } = issue.slot;
      const name = typeof key === 'number' ? `item ${key}` : key;
      // The value only when it cannot be a secret: `password must be a string, not a number.`
      const shown = quotable(issue.value, secretAt(holder, key));
      yield reportOn(issue.object, rangeIn(issue.object, holder, key), `${name} must be ${typeName(issue.expected)}, not ${typeWords(issue.value)}${shown === undefined ? '' : ` (${shown})`}.`);
    }
  },
};
