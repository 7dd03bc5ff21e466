import { anyKind } from '../kinds.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { shortTypeName } from '../schema/names.ts';
import { unknownFieldAdvice } from '../schema/unknown-field-fix.ts';
import type { Rule } from '../types.ts';

export const schemaUnknownField: Rule = {
  id: 'schema-unknown-field',
  category: 'schema',
  severity: 'warning',
  kinds: anyKind,
  description: "A field that the kind's schema does not define (typos such as `contianers`, `replica`), checked against the Kubernetes OpenAPI schema of the target version.",
  why: 'The API server drops unknown fields (or rejects them with strict field validation): the setting you wrote never takes effect.',
  fix: 'Rename the field to the closest schema field (or remove it when that field is already set).',
  *check(context) {
    for (const { issue, suggestion, fix } of unknownFieldAdvice(context.schemaIssues())) {
      const range = rangeIn(issue.object, issue.holder, issue.key, 'key');
      const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
      yield reportOn(issue.object, range, `Unknown field "${issue.key}" in ${shortTypeName(issue.type)}${hint}`, fix === undefined ? {} : { fix });
    }
  },
};
